/**
 * The selection bar's action-card tools: make the selected notes action cards (undo in the toast),
 * and for one selected action card write its owner and sign up (or off) as a volunteer.
 *
 * Why: action planning ends the day; whoever stands at the board must be able to turn a note into a
 * commitment with an owner, and sign up with one tap.
 */
import { useEffect, useState } from 'react';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { actionCardsPressed, toggleActionCards } from '../tools/undoToast.ts';
import { useMayUse } from '../store/participantTools.ts';
import { useStore } from '../store/store.ts';
import { attempt } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';

/** The action-card buttons for the one selected note (nothing otherwise). */
export function ActionTools() {
  const t = useT();
  const actions = useActions();
  const lang = useLangValue();
  const note = useStore((s) => (s.selection.length === 1 ? s.notes[s.selection[0]!] : undefined));
  // "Action card" shows and acts by one rule: pressed when every note it would change is one already.
  const anyNote = useStore((s) => s.selection.some((id) => id in s.notes));
  const pressed = useStore(actionCardsPressed);
  const meId = useStore((s) => s.me.id);
  const [owner, setOwner] = useState(note?.owner ?? '');
  useEffect(() => setOwner(note?.owner ?? ''), [note?.id, note?.owner]);
  const mayAct = useMayUse('actionCards');
  if (!anyNote || !mayAct) return null;
  const action = note?.kind === 'action';
  const signedUp = note?.volunteers.some((v) => v.id === meId) ?? false;
  return (
    <>
      <button type="button" className="tool" aria-pressed={pressed} onPointerDown={(e) => e.preventDefault()} onClick={() => toggleActionCards(actions, lang)}>
        {t('actionCard')}
      </button>
      {note && action && (
        <>
          <input
            className="owner-input"
            aria-label={t('actionOwner')}
            placeholder={t('actionOwner')}
            value={owner}
            maxLength={60}
            onChange={(e) => setOwner(e.target.value)}
            onBlur={() => owner.trim() !== note.owner && attempt(() => actions.setActionOwner(note.id, owner))}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            }}
          />
          <button type="button" className="tool" aria-pressed={signedUp} onPointerDown={(e) => e.preventDefault()} onClick={() => attempt(() => actions.volunteer(note.id, !signedUp))}>
            {signedUp ? t('volunteerOff') : t('volunteerOn')} ({note.volunteers.length})
          </button>
        </>
      )}
    </>
  );
}

/**
 * The selection bar's action-card tools for one selected note: make it an action card, write its
 * owner, and sign up (or off) as a volunteer.
 *
 * Why: action planning ends the day; whoever stands at the board must be able to turn a note into a
 * commitment with an owner, and sign up with one tap.
 */
import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import { useStore } from '../store/store.ts';
import { attempt } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';

/** The action-card buttons for the one selected note (nothing otherwise). */
export function ActionTools() {
  const t = useT();
  const actions = useActions();
  const note = useStore((s) => (s.selection.length === 1 ? s.notes[s.selection[0]!] : undefined));
  const meId = useStore((s) => s.me.id);
  const [owner, setOwner] = useState(note?.owner ?? '');
  useEffect(() => setOwner(note?.owner ?? ''), [note?.id, note?.owner]);
  if (!note) return null;
  const action = note.kind === 'action';
  const signedUp = note.volunteers.some((v) => v.id === meId);
  return (
    <>
      <button type="button" className="tool" aria-pressed={action} onPointerDown={(e) => e.preventDefault()} onClick={() => attempt(() => actions.setActionCard(note.id, !action))}>
        {t('actionCard')}
      </button>
      {action && (
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

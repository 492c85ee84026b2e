/**
 * The "Ready?" prompt on a participant's screen while the facilitator's call is open: which table is
 * asked, and one large "We're ready" button. A tap answers for the table; a tap again takes it back.
 * When someone else at the table answered, it says who.
 *
 * Why: tables at a conference answer by touch on a shared tablet, often standing: the question must
 * be seen from a step away and the button hit with a thumb. It sits over the board without blocking
 * it, so a table still finishing keeps working; once the table answered it shrinks to the button
 * and its line, so the table's own notes are not hidden while the others finish.
 */
import { areaName } from '../../shared/index.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { myTableProgress } from '../store/progress.ts';
import { useStore } from '../store/store.ts';
import { useActions } from '../sync/sessionContext.ts';
import './progress.css';

/** The prompt, for a participant at a table while "Ready?" is called. */
export function ReadyPrompt() {
  const t = useT();
  const lang = useLangValue();
  const actions = useActions();
  const participant = useStore((s) => s.me.role === 'participant');
  const call = useStore((s) => s.facilitation.readyCall);
  const table = useStore(myTableProgress);
  const meId = useStore((s) => s.me.id);
  if (!participant || !call || !table) return null;
  const mine = table.people.some((p) => p.id === meId && p.ready);
  const others = table.people.filter((p) => p.ready && p.id !== meId).map((p) => p.name);
  const name = areaName(table.area, lang);
  return (
    <section className={mine || others.length > 0 ? 'ready-prompt is-answered' : 'ready-prompt'} aria-labelledby="ready-prompt-title" role="region">
      <h2 id="ready-prompt-title">{t('readyPromptTitle')}</h2>
      <p className="ready-prompt-ask">{t('readyPromptAsk')}</p>
      <p className="ready-prompt-table">{t('readyPromptTable', name)}</p>
      <button type="button" className="ready-button" aria-pressed={mine} onClick={() => actions.answerReady(!mine)}>
        {t('readyPromptButton')}
      </button>
      <p className="ready-prompt-state" role="status">
        {mine ? t('readyPromptDone') : others.length > 0 ? t('readyPromptBy', others.join(', ')) : ''}
      </p>
    </section>
  );
}

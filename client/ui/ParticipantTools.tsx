/**
 * The facilitator's choice of what participants can do on the board (notes only, notes and votes,
 * everything), and the short line a participant sees while some tools are off.
 *
 * Why: on a day with 300 people the facilitator narrows the tools to the task at hand (writing first,
 * then voting, then clustering), and can widen them again at any time. A participant whose tools
 * vanished should know why rather than hunt for them; the facilitator always keeps every tool.
 */
import { PARTICIPANT_TOOLS, type ParticipantTools } from '../../shared/index.ts';
import type { StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/i18n.ts';
import { useStore } from '../store/store.ts';
import { useActions } from '../sync/sessionContext.ts';
import './tools.css';

const LABEL: Record<ParticipantTools, StringKey> = { notes: 'toolsNotes', notesAndVotes: 'toolsNotesAndVotes', everything: 'toolsEverything' };
const HINT: Record<ParticipantTools, StringKey> = { notes: 'toolsNotesHint', notesAndVotes: 'toolsNotesAndVotesHint', everything: 'toolsEverythingHint' };

/** The facilitator panel's section: three choices, each with what participants can do under it. */
export function ParticipantToolsSection() {
  const t = useT();
  const actions = useActions();
  const current = useStore((s) => s.facilitation.participantTools);
  return (
    <section className="participant-tools">
      <h3 id="participant-tools-heading">{t('toolsHeading')}</h3>
      <div role="radiogroup" aria-labelledby="participant-tools-heading">
        {PARTICIPANT_TOOLS.map((tools) => (
          <label key={tools} className={tools === current ? 'tools-choice chosen' : 'tools-choice'}>
            <input type="radio" name="participant-tools" value={tools} checked={tools === current} onChange={() => actions.setParticipantTools(tools)} />
            <span>
              <strong>{t(LABEL[tools])}</strong>
              <span className="hint">{t(HINT[tools])}</span>
            </span>
          </label>
        ))}
      </div>
      <p className="hint">{t('toolsFacilitatorNote')}</p>
    </section>
  );
}

/** A participant's line while the facilitator has switched some tools off; nothing otherwise. */
export function ToolsOffLine() {
  const t = useT();
  const setting = useStore((s) => (s.me.role === 'participant' ? s.facilitation.participantTools : 'everything'));
  if (setting === 'everything') return null;
  return (
    <p className="tools-off-line" role="status">
      {t(setting === 'notes' ? 'toolsOffNotes' : 'toolsOffNotesAndVotes')}
    </p>
  );
}

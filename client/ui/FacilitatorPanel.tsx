/**
 * The facilitator's panel: the agenda (lay out a template, move through the tasks), the timer,
 * attention (bring everyone here, everyone to their table, what the projector shows), locks, private
 * writing, then tables and raised hands, and the links with their join code.
 *
 * Why: the facilitator controls the frame and the time of the day, never the content: all of that
 * frame in one place. Only the facilitator sees it; the server refuses these changes from anyone else.
 */
import { useState } from 'react';
import { agendaSteps, type TemplateId } from '../../shared/index.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { useStore } from '../store/store.ts';
import { attempt, notify, togglePanel, visibleBoardRect, zoomToFit } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';
import { bringEveryoneToTask, goToTask } from './FacilitatorBar.tsx';
import { Panel } from './Panel.tsx';
import { HistorySection } from './HistorySection.tsx';
import { ShareSection } from './ShareSection.tsx';
import { TablesSection } from './TablesSection.tsx';
import { ProgressSection } from './ProgressSection.tsx';
import { ParticipantToolsSection } from './ParticipantTools.tsx';
import { CrowdSection } from './CrowdSection.tsx';

/** The facilitator's panel (see the module comment). */
export function FacilitatorPanel({ boardId, token }: { boardId: string; token: string }) {
  const t = useT();
  return (
    <Panel title={t('facilitate')} onClose={() => togglePanel('facilitate')}>
      <AgendaSection />
      <TimerSection />
      <AttentionSection />
      <LocksSection />
      <ParticipantToolsSection />
      <TablesSection />
      <ProgressSection />
      <CrowdSection />
      <ShareSection boardId={boardId} token={token} />
      <HistorySection boardId={boardId} token={token} />
    </Panel>
  );
}

function AgendaSection() {
  const t = useT();
  const lang = useLangValue();
  const actions = useActions();
  const agenda = useStore((s) => s.facilitation.agenda);
  const [template, setTemplate] = useState<TemplateId>('futureSearch');
  const [tables, setTables] = useState(8);
  const steps = agendaSteps(agenda.template);
  const go = (step: number) => goToTask(actions, step);
  return (
    <section>
      <h3>{t('agenda')}</h3>
      {steps.length > 0 ? (
        <>
          <ol className="agenda">
            {steps.map((step, i) => (
              <li key={step.id}>
                <button type="button" aria-current={i === agenda.step ? 'step' : undefined} onClick={() => go(i)}>
                  {step.title[lang]}
                </button>
              </li>
            ))}
          </ol>
          <div className="row">
            <button type="button" disabled={agenda.step === 0} onClick={() => go(agenda.step - 1)}>{t('previousStep')}</button>
            <button type="button" disabled={agenda.step >= steps.length - 1} onClick={() => go(agenda.step + 1)}>{t('nextStep')}</button>
            <button type="button" onClick={() => bringEveryoneToTask(actions)}>{t('showStepAreas')}</button>
          </div>
        </>
      ) : (
        <p className="hint">{t('agendaNone')}</p>
      )}
      <div className="row">
        <select aria-label={t('agenda')} value={template} onChange={(e) => setTemplate(e.target.value as TemplateId)}>
          <option value="futureSearch">{t('templateFutureSearch')}</option>
          <option value="blank">{t('templateBlank')}</option>
        </select>
        {template === 'futureSearch' && (
          <label className="inline-field">
            {t('mixedTables')}
            <input type="number" min={1} max={40} value={tables} onChange={(e) => setTables(Math.round(Number(e.target.value)) || 1)} onKeyDown={(e) => e.stopPropagation()} />
          </label>
        )}
        <button
          type="button"
          onClick={() => {
            const ids = attempt(() => actions.applyTemplate(template, { lang, mixedTables: tables }));
            if (ids) {
              notify(t('templateApplied', ids.length));
              // Show the new layout (the bridge publishes it on the next frame).
              requestAnimationFrame(() => requestAnimationFrame(() => zoomToFit()));
            }
          }}
        >
          {t('applyTemplate')}
        </button>
      </div>
    </section>
  );
}

function TimerSection() {
  const t = useT();
  const actions = useActions();
  const timer = useStore((s) => s.facilitation.timer);
  const [minutes, setMinutes] = useState(10);
  return (
    <section>
      <h3>{t('timer')}</h3>
      <div className="row">
        <label className="inline-field">
          {t('minutes')}
          <input type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(Math.max(1, Math.round(Number(e.target.value)) || 1))} onKeyDown={(e) => e.stopPropagation()} />
        </label>
        <button type="button" onClick={() => attempt(() => actions.startTimer(minutes * 60_000))}>{t('start')}</button>
        {timer.state === 'running' && <button type="button" onClick={() => actions.pauseTimer()}>{t('pause')}</button>}
        {timer.state === 'paused' && <button type="button" onClick={() => actions.resumeTimer()}>{t('resume')}</button>}
        {timer.state !== 'stopped' && (
          <>
            <button type="button" onClick={() => attempt(() => actions.extendTimer(60_000))}>{t('plusMinute')}</button>
            <button type="button" onClick={() => attempt(() => actions.extendTimer(5 * 60_000))}>{t('plusFive')}</button>
            <button type="button" onClick={() => actions.stopTimer()}>{t('stop')}</button>
          </>
        )}
      </div>
    </section>
  );
}

function AttentionSection() {
  const t = useT();
  const actions = useActions();
  const projector = useStore((s) => s.facilitation.projector);
  return (
    <section>
      <h3>{t('attention')}</h3>
      <div className="row">
        <button type="button" onClick={() => attempt(() => actions.summonHere(visibleBoardRect()))}>{t('bringEveryone')}</button>
        <button type="button" onClick={() => actions.summonToTables()}>{t('goToTables')}</button>
      </div>
      <div className="row" role="group" aria-label={t('projectorShows')}>
        {t('projectorShows')}
        <button type="button" aria-pressed={projector === 'follow'} onClick={() => actions.setProjectorMode('follow')}>{t('projectorFollow')}</button>
        <button type="button" aria-pressed={projector === 'board'} onClick={() => actions.setProjectorMode('board')}>{t('projectorBoard')}</button>
      </div>
    </section>
  );
}

function LocksSection() {
  const t = useT();
  const actions = useActions();
  const locked = useStore((s) => s.facilitation.boardLocked);
  const area = useStore((s) => (s.selection.length === 1 ? s.areas[s.selection[0]!] : undefined));
  const privateOn = useStore((s) => s.facilitation.privateWriting.on);
  return (
    <section>
      <h3>{t('locks')}</h3>
      <div className="row">
        <button type="button" aria-pressed={locked} onClick={() => actions.lockBoard(!locked)}>{locked ? t('unlockBoard') : t('lockBoard')}</button>
        {area && (
          <button type="button" aria-pressed={area.locked} onClick={() => attempt(() => actions.lockArea(area.id, !area.locked))}>
            {area.locked ? t('unlockArea') : t('lockArea')}
          </button>
        )}
      </div>
      <h3>{t('privateWriting')}</h3>
      <p className="hint">{t('privateExplain')}</p>
      <button type="button" aria-pressed={privateOn} onClick={() => actions.setPrivateWriting(!privateOn)}>
        {privateOn ? t('privateReveal') : t('privateStart')}
      </button>
    </section>
  );
}

/**
 * The facilitator's bar, always in view on their screen: the current task, the next one, "bring
 * everyone to this task", the timer (start, what is left, stop) and the board lock; and, while a
 * vote per group is open and the facilitator has no group, a small "vote as" choice.
 *
 * Why: during the day the facilitator needs these every few minutes, without opening and scrolling
 * the full panel (which stays, for everything else), as Miro and Mural keep a facilitator bar in
 * view. It is a row of the page under the task strip, so it never covers the board.
 */
import { useState } from 'react';
import { agendaSteps } from '../../shared/index.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { currentVote } from '../store/derived.ts';
import { useStore, type StoreState } from '../store/store.ts';
import { currentTaskFrame, fitTaskFrame } from '../store/taskView.ts';
import { attempt, visibleBoardRect } from '../store/ui.ts';
import type { BoardActions } from '../sync/actions.ts';
import { useActions } from '../sync/sessionContext.ts';
import { Countdown } from './TaskStrip.tsx';
import { CursorsSwitch } from './CrowdSection.tsx';

/** Timer lengths offered in the bar, minutes. */
const LENGTHS = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90];

/** Moves the room to task `step` and shows it on the facilitator's own screen. */
export function goToTask(actions: BoardActions, step: number): void {
  attempt(() => actions.goToStep(step));
  fitTaskFrame(step);
}

/**
 * "Bring everyone to this task": every screen frames the current task's areas for its own size (the
 * facilitator's too). A task without areas sends the facilitator's view, as "bring everyone here".
 */
export function bringEveryoneToTask(actions: BoardActions): void {
  if (currentTaskFrame(useStore.getState())) {
    attempt(() => actions.summonToTask());
    fitTaskFrame();
  } else {
    attempt(() => actions.summonHere(visibleBoardRect()));
  }
}

/** Whether a vote per group is open and I am in no group (so my dots would count for none). */
export function needsGroupToVote(s: StoreState): boolean {
  const vote = currentVote(s);
  return !!vote?.open && vote.budget === 'group' && !s.groups.some((g) => g.id === s.me.groupId);
}

/** The bar (facilitator only; nothing on other screens). */
export function FacilitatorBar() {
  const t = useT();
  const lang = useLangValue();
  const actions = useActions();
  const role = useStore((s) => s.me.role);
  const agenda = useStore((s) => s.facilitation.agenda);
  const timer = useStore((s) => s.facilitation.timer.state);
  const locked = useStore((s) => s.facilitation.boardLocked);
  const [minutes, setMinutes] = useState(10);
  if (role !== 'facilitator') return null;
  const steps = agendaSteps(agenda.template);
  const index = Math.min(agenda.step, steps.length - 1);
  const step = steps[index];
  const next = steps[index + 1];
  return (
    <section className="facilitator-bar" aria-label={t('facilitatorBar')} data-testid="facilitator-bar">
      {step && (
        <p className="bar-task" title={step.title[lang]}>
          <span className="bar-step">{t('barStep', index + 1, steps.length)}</span> <strong>{step.title[lang]}</strong>
        </p>
      )}
      {step &&
        (next ? (
          <button type="button" className="bar-next" data-testid="bar-next" aria-label={t('barNext', next.title[lang])} title={next.title[lang]} onClick={() => goToTask(actions, index + 1)}>
            <span className="bar-long">{t('barNext', next.title[lang])}</span>
            <span className="bar-short" aria-hidden="true">{t('barNextShort')} ›</span>
          </button>
        ) : (
          <span className="bar-last">{t('barLastTask')}</span>
        ))}
      <button type="button" className="bar-bring primary" data-testid="bar-bring-task" aria-label={t('barBringToTask')} onClick={() => bringEveryoneToTask(actions)}>
        <Labels long={t('barBringToTask')} short={t('barBringShort')} />
      </button>
      <span className="bar-timer" role="group" aria-label={t('timer')}>
        {timer === 'stopped' ? (
          <>
            <select aria-label={t('barTimerLength')} data-testid="bar-timer-length" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
              {LENGTHS.map((m) => (
                <option key={m} value={m}>{t('barMinutes', m)}</option>
              ))}
            </select>
            <button type="button" data-testid="bar-timer-start" aria-label={t('barStartTimer')} onClick={() => attempt(() => actions.startTimer(minutes * 60_000))}>
              <Labels long={t('barStartTimer')} short={t('barStartShort')} />
            </button>
          </>
        ) : (
          <>
            <Countdown />
            <button type="button" data-testid="bar-timer-stop" aria-label={t('barStopTimer')} onClick={() => actions.stopTimer()}>
              <Labels long={t('barStopTimer')} short={t('barStopShort')} />
            </button>
          </>
        )}
      </span>
      {/* Locked, the button says so in words (and is red): pressing it again unlocks. */}
      <button type="button" className="bar-lock" data-testid="bar-lock" aria-label={t(locked ? 'barBoardLocked' : 'barLockBoard')} aria-pressed={locked} onClick={() => actions.lockBoard(!locked)}>
        <Labels long={t(locked ? 'barBoardLocked' : 'barLockBoard')} short={t(locked ? 'barLockedShort' : 'barLockShort')} />
      </button>
      <CursorsSwitch compact />
      <VoteAs />
    </section>
  );
}

/** A button's full label, and the short one a phone shows (the button's name stays the full one). */
function Labels({ long, short }: { long: string; short: string }) {
  return (
    <>
      <span className="bar-long">{long}</span>
      <span className="bar-short" aria-hidden="true">{short}</span>
    </>
  );
}

/** While a vote per group is open and I have no group: a small choice of the group I vote for. */
function VoteAs() {
  const t = useT();
  const actions = useActions();
  const show = useStore(needsGroupToVote);
  const groups = useStore((s) => s.groups);
  if (!show) return null;
  return (
    <label className="bar-vote">
      {t('barVoteOpen')}
      <select aria-label={t('barVoteAs')} data-testid="bar-vote-as" value="" onChange={(e) => e.target.value && actions.setMyGroup(e.target.value)}>
        <option value="">{t('barVoteAsNone')}</option>
        {groups
          .filter((g) => !g.archived)
          .map((g) => (
            <option key={g.id} value={g.id}>{g.name}</option>
          ))}
      </select>
    </label>
  );
}

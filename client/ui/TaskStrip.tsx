/**
 * What the room is doing now, on every screen: the current task and its instruction, the timer
 * counting down on the server's clock (with a gentle signal at the end), and whether the board is
 * locked or in private writing.
 *
 * Why: at a table of eight around one tablet, nobody should have to ask "what are we doing, and how
 * long do we have?"; the projector shows the same, large.
 */
import { useEffect, useRef, useState } from 'react';
import { agendaSteps, formatRemaining, timerRemaining } from '../../shared/index.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { useStore } from '../store/store.ts';
import { serverNow } from '../sync/serverClock.ts';

/** The countdown, refreshed four times a second; it chimes once when it reaches zero on this screen. */
export function Countdown() {
  const t = useT();
  const timer = useStore((s) => s.facilitation.timer);
  const [, tick] = useState(0);
  const chimedFor = useRef<number | null>(null);
  const now = serverNow();
  const remaining = timerRemaining(timer, now);
  const up = timer.state === 'running' && remaining === 0;
  useEffect(() => {
    if (timer.state !== 'running') return;
    const id = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(id);
  }, [timer]);
  useEffect(() => {
    // Once per run, and only when this screen saw the end come (not when opened long after it).
    if (up && timer.endsAt !== null && chimedFor.current !== timer.endsAt && now - timer.endsAt < 5000) {
      chimedFor.current = timer.endsAt;
      chime();
    }
  }, [up, timer.endsAt, now]);
  if (timer.state === 'stopped') return null;
  return (
    <span className={`countdown countdown-${timer.state}${up ? ' countdown-done' : ''}`} role="timer" aria-label={t('timer')}>
      {up ? t('timeUp') : formatRemaining(remaining)}
    </span>
  );
}

/** A soft two-note chime (no sound file; nothing plays if the browser does not allow it yet). */
function chime(): void {
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    [660, 880].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      const at = ctx.currentTime + i * 0.35;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.15, at + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.65);
    });
    setTimeout(() => void ctx.close(), 1500);
  } catch {
    // No audio: the screen still says "Time is up".
  }
}

/** The strip under the header: the task and its instruction, the lock and private-writing notices. */
export function TaskStrip() {
  const t = useT();
  const lang = useLangValue();
  const agenda = useStore((s) => s.facilitation.agenda);
  const locked = useStore((s) => s.facilitation.boardLocked && s.me.role === 'participant');
  const privateOn = useStore((s) => s.facilitation.privateWriting.on && s.me.role !== 'projector');
  const steps = agendaSteps(agenda.template);
  const step = steps[Math.min(agenda.step, steps.length - 1)];
  if (!step && !locked && !privateOn) return null;
  return (
    <div className="task-strip" role="region" aria-label={step ? step.title[lang] : t('locks')}>
      {step && (
        <p className="task" title={step.instruction[lang]}>
          <strong className="task-title">{step.title[lang]}</strong>
          <span className="task-step">{t('stepOf', agenda.step + 1, steps.length)}</span>
          <span className="task-instruction">{step.instruction[lang]}</span>
        </p>
      )}
      {locked && <p className="strip-notice locked">{t('boardLockedBanner')}</p>}
      {privateOn && <p className="strip-notice private">{t('privateBanner')}</p>}
    </div>
  );
}

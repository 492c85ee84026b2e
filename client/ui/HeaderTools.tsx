/**
 * The header's day tools: the countdown for everyone, "follow the facilitator" for participants, a
 * raised hand for whole-room tasks, and the facilitator's panel button.
 *
 * Why: these are what a person needs at a glance during the day, on every screen size; they sit in
 * the header so they never cover the board.
 */
import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import { setFollowing } from '../store/people.ts';
import { useStore } from '../store/store.ts';
import { togglePanel } from '../store/ui.ts';
import { serverNow } from '../sync/serverClock.ts';
import { useActions } from '../sync/sessionContext.ts';
import { Countdown } from './TaskStrip.tsx';

export function HeaderTools() {
  const t = useT();
  const role = useStore((s) => s.me.role);
  const following = useStore((s) => s.following);
  const panel = useStore((s) => s.panel);
  return (
    <>
      <Countdown />
      {role === 'participant' && (
        <button type="button" className="header-button" aria-pressed={following} onClick={() => setFollowing(!following)}>
          {following ? t('following') : t('follow')}
        </button>
      )}
      {role === 'participant' && <HandButton />}
      {role === 'facilitator' && (
        <button type="button" className="header-button primary" aria-pressed={panel === 'facilitate'} onClick={() => togglePanel('facilitate')}>
          {t('facilitate')}
        </button>
      )}
    </>
  );
}

/** Raise or lower my hand; it comes down by itself when the facilitator has taken it. */
function HandButton() {
  const t = useT();
  const actions = useActions();
  const [raisedAt, setRaisedAt] = useState<number | null>(null);
  const takenAt = useStore((s) => s.facilitation.handsDone[s.me.id] ?? 0);
  useEffect(() => {
    if (raisedAt !== null && takenAt >= raisedAt) {
      setRaisedAt(null);
      actions.setHand(null);
    }
  }, [takenAt, raisedAt, actions]);
  const toggle = () => {
    const at = raisedAt === null ? serverNow() : null;
    setRaisedAt(at);
    actions.setHand(at);
  };
  return (
    <button type="button" className="header-button" aria-pressed={raisedAt !== null} onClick={toggle}>
      {raisedAt === null ? t('raiseHand') : t('lowerHand')}
    </button>
  );
}

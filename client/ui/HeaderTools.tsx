/**
 * The header's day tools: the countdown for everyone, "follow the facilitator" for participants, a
 * raised hand for whole-room tasks, and the facilitator's panel button.
 *
 * Why: these are what a person needs at a glance during the day, on every screen size; they sit in
 * the header so they never cover the board. On a phone the countdown stays in sight and the buttons
 * go behind one "More" button, so the title, the badge and the language stay on screen.
 */
import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import { setFollowing } from '../store/people.ts';
import { useStore } from '../store/store.ts';
import { togglePanel } from '../store/ui.ts';
import { serverNow } from '../sync/serverClock.ts';
import { useActions } from '../sync/sessionContext.ts';
import { Countdown } from './TaskStrip.tsx';
import { MoreMenu, useNarrowScreen } from './MoreMenu.tsx';

export function HeaderTools() {
  const t = useT();
  const role = useStore((s) => s.me.role);
  const following = useStore((s) => s.following);
  const panel = useStore((s) => s.panel);
  const narrow = useNarrowScreen();
  const buttons = (
    <>
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
  return (
    <>
      {/* The facilitator's countdown is in their bar, with its start and stop. */}
      {role !== 'facilitator' && <Countdown />}
      {role !== 'projector' && narrow ? (
        <MoreMenu label={t('dayTools')} className="header-button day-tools" placement="down">
          {buttons}
        </MoreMenu>
      ) : (
        buttons
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

/**
 * Where each screen looks during the day: the facilitator shares their view; whoever follows (the
 * projector by default) shows it; "bring everyone to this task" (each screen frames the task's areas
 * for its own size), "bring everyone here" and "go to your table" move every screen once; the projector frames the content of the current task or of the whole board (projectorFrame.ts).
 *
 * Why: the facilitator controls the frame and the time, never the content: they direct the room's
 * attention, and people can always step out again. Any pan or zoom of their own stops following, and
 * a summon moves a screen once, not for good.
 *
 * Each behaviour is one hook; `useFollowAndSummon` installs them all, in this order.
 */
import { useEffect, useRef } from 'react';
import { serverNow } from '../sync/serverClock.ts';
import type { BoardActions } from '../sync/actions.ts';
import { setFollowing } from '../store/people.ts';
import { useStore, type StoreState } from '../store/store.ts';
import { useProjector } from '../store/projector.ts';
import { fitRect, visibleBoardRect } from '../store/ui.ts';
import { currentTaskFrame, fitTaskRect } from '../store/taskView.ts';
import { applyProjectorPlan } from './projectorFrame.ts';

/** A summon older than this (server time) does not move a screen that opens later. */
const SUMMON_FRESH_MS = 60_000;
/** The facilitator's view is shared at most this often, in ms. */
const VIEW_SHARE_MS = 250;
/**
 * The projector frames again this long after the notes last changed (ms), and at least this often
 * while they keep changing: not on each frame of someone's drag or each key they type.
 */
export const PROJECTOR_SETTLE_MS = 400;
export const PROJECTOR_SETTLE_MAX_MS = 2000;

/** The facilitator's shared view (the first facilitator on the board), or null. */
export function facilitatorView(s: StoreState) {
  for (const p of Object.values(s.peers)) if (p.role === 'facilitator' && p.view) return p.view;
  return null;
}

/** The facilitator's shared view as text, to tell a move of it from other people's cursors. */
function viewKey(s: StoreState): string {
  const v = facilitatorView(s);
  return v ? `${v.x},${v.y},${v.w},${v.h}` : '';
}

/** The area of my table for the current seating, or null. */
export function myTable(s: StoreState): string | null {
  const seat = s.seats[s.me.id];
  if (s.facilitation.seating === 'mixed') return seat?.mixed && s.areas[seat.mixed] ? seat.mixed : null;
  if (seat?.stakeholder && s.areas[seat.stakeholder]) return seat.stakeholder;
  const own = s.me.groupId ? Object.values(s.areas).find((a) => a.table === 'stakeholder' && a.tableGroup === s.me.groupId) : undefined;
  return own?.id ?? null;
}

/** Installs the behaviours for this screen's role. */
export function useFollowAndSummon(actions: BoardActions): void {
  useShareMyView(actions);
  useProjectorFollowsByDefault();
  useShowFollowedView();
  useSummons();
}

/** On the facilitator's screen: shares the rectangle on it, a few times a second at most. */
export function useShareMyView(actions: BoardActions): void {
  const role = useStore((s) => s.me.role);
  useEffect(() => {
    if (role !== 'facilitator') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const share = () => {
      timer = undefined;
      actions.setView(visibleBoardRect());
    };
    share();
    const stop = useStore.subscribe((s, prev) => {
      if ((s.viewport !== prev.viewport || s.screen !== prev.screen) && !timer) timer = setTimeout(share, VIEW_SHARE_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [role, actions]);
}

/** The projector follows the facilitator by default (the facilitator can switch it to the whole board). */
export function useProjectorFollowsByDefault(): void {
  const role = useStore((s) => s.me.role);
  useEffect(() => {
    if (role === 'projector') setFollowing(true);
  }, [role]);
}

/**
 * While following: shows the facilitator's view as it moves. The projector frames the current task's
 * notes (or, in whole-board mode, the whole board's) as they come and go, or shows a summary.
 */
export function useShowFollowedView(): void {
  useEffect(() => {
    let last: unknown = null;
    /** The viewport this code set last (any other one means something else moved the view). */
    let ours: unknown = null;
    /** Set while this code moves the view: the store notifies synchronously, and must not re-enter. */
    let moving = false;
    const apply = (s: StoreState) => {
      if (moving) return;
      moving = true;
      try {
        applyNow(s);
      } finally {
        moving = false;
      }
    };
    const applyNow = (s: StoreState) => {
      if (s.me.role === 'projector') {
        // The projector frames by content (the task's notes, the whole board's, or the facilitator's view).
        if (s.following || s.facilitation.projector === 'board') ours = applyProjectorPlan(s, facilitatorView(s)) ?? ours;
        return;
      }
      if (!s.following) return;
      const view = facilitatorView(s);
      const key = view ? `${view.x},${view.y},${view.w},${view.h}:${s.screen.w}x${s.screen.h}` : null;
      if (view && key !== last) {
        last = key;
        fitRect(view, 0);
        ours = useStore.getState().viewport;
      }
    };
    // The projector frames the notes once they settle: a trailing wait, and no longer than a maximum.
    let settle: ReturnType<typeof setTimeout> | undefined;
    let waitingSince = 0;
    const applySettled = () => {
      clearTimeout(settle);
      settle = undefined;
      waitingSince = 0;
      apply(useStore.getState());
    };
    const notesChanged = () => {
      const now = Date.now();
      waitingSince ||= now;
      clearTimeout(settle);
      settle = setTimeout(applySettled, Math.max(0, Math.min(PROJECTOR_SETTLE_MS, waitingSince + PROJECTOR_SETTLE_MAX_MS - now)));
    };
    apply(useStore.getState());
    // The projector's join card measured itself: frame again beside it.
    const stopReserved = useProjector.subscribe((p, prev) => {
      if (p.reserved !== prev.reserved && useStore.getState().me.role === 'projector') applySettled();
    });
    const stop = useStore.subscribe((s, prev) => {
      if (moving) return;
      // Turning following on, or the projector's mode changing, shows the target again at once.
      if (s.following !== prev.following || s.facilitation.projector !== prev.facilitation.projector) last = null;
      // The projector keeps to its target even if something else moved its view (the first fit).
      const movedElsewhere = s.me.role === 'projector' && s.viewport !== prev.viewport && s.viewport !== ours;
      if (movedElsewhere) last = null;
      if (s.me.role === 'projector') {
        // A new task, the facilitator's view, the screen: at once. Notes, areas, clusters, groups: once settled.
        const peersMoved = s.peers !== prev.peers && viewKey(s) !== viewKey(prev);
        if (movedElsewhere || peersMoved || s.following !== prev.following || s.facilitation !== prev.facilitation || s.screen !== prev.screen || s.me !== prev.me) {
          applySettled();
        } else if (s.notes !== prev.notes || s.noteIds !== prev.noteIds || s.areas !== prev.areas || s.clusters !== prev.clusters || s.groups !== prev.groups) {
          notesChanged();
        }
        return;
      }
      if (movedElsewhere || s.peers !== prev.peers || s.following !== prev.following || s.facilitation !== prev.facilitation || s.noteIds !== prev.noteIds || s.screen !== prev.screen) {
        apply(s);
      }
    });
    return () => {
      stop();
      stopReserved();
      clearTimeout(settle);
    };
  }, []);
}

/**
 * Summons ("bring everyone to this task", "bring everyone here", "go to your table"): each new one
 * moves this screen once (not the facilitator's own). A screen that opens late follows only a summon given in the last minute.
 */
export function useSummons(): void {
  const seen = useRef<number | null>(null);
  useEffect(() => {
    const act = (s: StoreState) => {
      const summon = s.facilitation.summon;
      if (!summon || s.me.role === 'facilitator') return;
      if (seen.current === null) {
        // The first look: act only on a summon given in the last minute (a screen opening late).
        seen.current = serverNow() - summon.at < SUMMON_FRESH_MS ? summon.at - 1 : summon.at;
      }
      if (summon.at <= seen.current) return;
      seen.current = summon.at;
      if (summon.kind === 'view' && summon.rect) fitRect(summon.rect, 0);
      // To the task: its areas as they are now (or as they were when summoned), framed for this screen.
      if (summon.kind === 'task') {
        const frame = currentTaskFrame(s) ?? summon.rect;
        if (frame) fitTaskRect(frame);
      }
      if (summon.kind === 'tables') {
        const table = myTable(s);
        const area = table ? s.areas[table] : undefined;
        if (area) fitRect(area, 24, 1.5);
      }
    };
    act(useStore.getState());
    return useStore.subscribe((s, prev) => {
      if (s.facilitation.summon !== prev.facilitation.summon || s.synced !== prev.synced) act(s);
    });
  }, []);
}

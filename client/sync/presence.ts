/**
 * Presence through y-protocols awareness: my name, colour, cursor and what I am busy with out; other
 * people's into the store.
 *
 * Why: cursors and in-progress gestures are not content, so they travel in awareness, never in the
 * document. Cursor updates are throttled so a room of 64 stays quiet.
 */
import type { Awareness } from 'y-protocols/awareness';
import { placeOf, readCrowdSummary, type CrowdSummary } from '../../shared/index.ts';
import { placeAt, setCrowdSummary, setMyPlace } from '../store/crowd.ts';
import { setPeers } from '../store/people.ts';
import { useStore, type Peer } from '../store/store.ts';

/** How often my cursor may be sent, in ms. */
export const CURSOR_INTERVAL_MS = 80;
/** How often my place is worked out again while I pan or the board changes, in ms. */
const PLACE_INTERVAL_MS = 250;

export interface Me {
  readonly name: string;
  readonly color: string;
  readonly groupId?: string | null;
  /** My participant id (so the facilitator can seat me at a table). */
  readonly id?: string;
  /** The role of my link (shown in the people list). The server overwrites it with the role of the
   * link this connection opened with, so nobody can claim a role they were not given. */
  readonly role?: string;
}

interface PresenceState {
  user?: { name?: unknown; color?: unknown; groupId?: unknown; id?: unknown; role?: unknown };
  cursor?: { x?: unknown; y?: unknown } | null;
  busy?: unknown;
  /** The board rectangle on my screen (the facilitator's, for following). */
  view?: { x?: unknown; y?: unknown; w?: unknown; h?: unknown } | null;
  /** When I raised my hand (server time), or null. */
  hand?: unknown;
  /** The area I am working in (see docs/protocol.md), or null. */
  place?: unknown;
}

/** Publishes my presence and mirrors everyone else's into the store; returns the controls. */
export function startPresence(awareness: Awareness, me: Me) {
  let user = { name: me.name, color: me.color, groupId: me.groupId ?? null, id: me.id ?? '', role: me.role ?? 'participant' };
  let place: string | null = null;
  awareness.setLocalState({ user, cursor: null, busy: [], view: null, hand: null, place });

  const publish = () => {
    const peers: Record<number, Peer> = {};
    const busy: Record<string, string> = {};
    let crowd: CrowdSummary | null = null;
    awareness.getStates().forEach((raw, clientId) => {
      if (clientId === awareness.clientID) return;
      const summary = readCrowdSummary(raw);
      if (summary) {
        crowd = summary; // the server's state in a crowd: head counts and busy notes, not a person
        return;
      }
      const state = raw as PresenceState;
      const name = typeof state.user?.name === 'string' ? state.user.name.slice(0, 60) : '?';
      const color = typeof state.user?.color === 'string' && /^#[0-9a-f]{6}$/i.test(state.user.color) ? state.user.color : '#888888';
      const c = state.cursor;
      const cursor = c && typeof c.x === 'number' && typeof c.y === 'number' ? { x: c.x, y: c.y } : null;
      const busyWith = Array.isArray(state.busy) ? state.busy.filter((x): x is string => typeof x === 'string').slice(0, 500) : [];
      const groupId = typeof state.user?.groupId === 'string' && state.user.groupId ? state.user.groupId.slice(0, 100) : null;
      const v = state.view;
      const view = v && [v.x, v.y, v.w, v.h].every((n) => typeof n === 'number' && Number.isFinite(n)) && (v.w as number) > 0 && (v.h as number) > 0
        ? { x: v.x as number, y: v.y as number, w: v.w as number, h: v.h as number }
        : null;
      const id = typeof state.user?.id === 'string' ? state.user.id.slice(0, 100) : '';
      const role = state.user?.role === 'facilitator' || state.user?.role === 'projector' ? state.user.role : 'participant';
      const hand = typeof state.hand === 'number' && Number.isFinite(state.hand) ? state.hand : null;
      peers[clientId] = { clientId, name, color, cursor, busyWith, groupId, id, role, view, hand, place: placeOf(state) };
      for (const id of busyWith) busy[id] = color;
    });
    // In a crowd, the busy notes of people this device is not sent, except my own.
    const mine = new Set((awareness.getLocalState() as PresenceState | null)?.busy as string[] | undefined);
    const summary = crowd as CrowdSummary | null;
    const allBusy = summary ? { ...Object.fromEntries(Object.entries(summary.busy).filter(([id]) => !mine.has(id))), ...busy } : busy;
    setCrowdSummary(summary);
    setPeers(peers, allBusy);
  };
  awareness.on('change', publish);
  publish();

  let lastSent = 0;
  let pendingCursor: { x: number; y: number } | null | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flushCursor = () => {
    timer = undefined;
    lastSent = performance.now();
    const cursor = pendingCursor ?? null;
    const now = placeAt(useStore.getState(), cursor);
    if (now === place) return awareness.setLocalStateField('cursor', cursor);
    place = now;
    setMyPlace(place);
    awareness.setLocalState({ ...awareness.getLocalState(), cursor, place });
  };
  /** My place again, after a pan, a zoom, or a change of the areas or my seat (at most every 250 ms). */
  let placeTimer: ReturnType<typeof setTimeout> | undefined;
  const checkPlace = () => {
    placeTimer = undefined;
    const now = placeAt(useStore.getState(), pendingCursor ?? null);
    if (now === place) return;
    place = now;
    setMyPlace(place);
    awareness.setLocalStateField('place', place);
  };
  const unsubscribe = useStore.subscribe((s, prev) => {
    const moved = s.viewport !== prev.viewport || s.areas !== prev.areas || s.seats !== prev.seats || s.screen !== prev.screen || s.facilitation.seating !== prev.facilitation.seating || s.me !== prev.me;
    if (moved && placeTimer === undefined) placeTimer = setTimeout(checkPlace, PLACE_INTERVAL_MS);
  });
  checkPlace();

  return {
    /** My cursor in board units (null when the pointer leaves the board); throttled. */
    setCursor(p: { x: number; y: number } | null) {
      pendingCursor = p;
      if (timer) return;
      const wait = Math.max(0, CURSOR_INTERVAL_MS - (performance.now() - lastSent));
      timer = setTimeout(flushCursor, wait);
    },
    /** The notes or areas I am editing or dragging (others see an outline in my colour). */
    setBusy(ids: readonly string[]) {
      awareness.setLocalStateField('busy', [...ids]);
    },
    /** The board rectangle on my screen (published by the facilitator, for those following). */
    setView(view: { x: number; y: number; w: number; h: number } | null) {
      awareness.setLocalStateField('view', view);
    },
    /** Raises my hand (with the server time it went up) or lowers it. */
    setHand(at: number | null) {
      awareness.setLocalStateField('hand', at);
    },
    /** My stakeholder group, as others see it in the people list. */
    setGroup(groupId: string | null) {
      user = { ...user, groupId };
      awareness.setLocalStateField('user', user);
    },
    stop() {
      if (timer) clearTimeout(timer);
      clearTimeout(placeTimer);
      unsubscribe();
      setCrowdSummary(null);
      awareness.off('change', publish);
      awareness.setLocalState(null);
    },
  };
}

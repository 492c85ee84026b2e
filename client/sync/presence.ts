/**
 * Presence through y-protocols awareness: my name, colour, cursor and what I am busy with out; other
 * people's into the store.
 *
 * Why: cursors and in-progress gestures are not content, so they travel in awareness, never in the
 * document. Cursor updates are throttled so a room of 64 stays quiet.
 */
import type { Awareness } from 'y-protocols/awareness';
import { setPeers } from '../store/people.ts';
import type { Peer } from '../store/store.ts';

/** How often my cursor may be sent, in ms. */
export const CURSOR_INTERVAL_MS = 80;

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
}

/** Publishes my presence and mirrors everyone else's into the store; returns the controls. */
export function startPresence(awareness: Awareness, me: Me) {
  let user = { name: me.name, color: me.color, groupId: me.groupId ?? null, id: me.id ?? '', role: me.role ?? 'participant' };
  awareness.setLocalState({ user, cursor: null, busy: [], view: null, hand: null });

  const publish = () => {
    const peers: Record<number, Peer> = {};
    const busy: Record<string, string> = {};
    awareness.getStates().forEach((raw, clientId) => {
      if (clientId === awareness.clientID) return;
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
      peers[clientId] = { clientId, name, color, cursor, busyWith, groupId, id, role, view, hand };
      for (const id of busyWith) busy[id] = color;
    });
    setPeers(peers, busy);
  };
  awareness.on('change', publish);
  publish();

  let lastSent = 0;
  let pendingCursor: { x: number; y: number } | null | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flushCursor = () => {
    timer = undefined;
    lastSent = performance.now();
    awareness.setLocalStateField('cursor', pendingCursor ?? null);
  };

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
      awareness.off('change', publish);
      awareness.setLocalState(null);
    },
  };
}

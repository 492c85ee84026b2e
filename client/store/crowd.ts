/**
 * Crowd presence on this device: the server's summary into the store, where I am working (my
 * `place`), and which other people this screen draws as cursors.
 *
 * Why: in a crowd the server sends each device only the people at its own area (and the
 * facilitator), and counts the rest. The device must say where it works, in the same terms the
 * server counts in (an area id), and draw only what belongs to that place: a state kept from a place
 * it has left is not drawn.
 */
import type { Area, CrowdSummary, Person } from '../../shared/index.ts';
import { useStore, type Peer, type StoreState } from './store.ts';

/** The server's crowd summary (null: the board is not a crowd now). */
export function setCrowdSummary(crowd: CrowdSummary | null): void {
  useStore.setState({ crowd });
}

/** Everyone who joined the board (its `people` registry). */
export function setRegistry(registry: Person[]): void {
  useStore.setState({ registry });
}

/** The area I am working in now. */
export function setMyPlace(myPlace: string | null): void {
  if (useStore.getState().myPlace !== myPlace) useStore.setState({ myPlace });
}

/** The smallest area holding point `p`, if any (a table inside a wall counts as the table). */
function areaAt(areas: readonly Area[], p: { x: number; y: number }): string | null {
  let best: Area | null = null;
  for (const a of areas) {
    if (p.x < a.x || p.y < a.y || p.x > a.x + a.w || p.y > a.y + a.h) continue;
    if (!best || a.w * a.h < best.w * best.h) best = a;
  }
  return best?.id ?? null;
}

/** The area of my table for the current seating, or null (the same rule as "everyone to their table"). */
function seatTable(s: StoreState): string | null {
  const seat = s.seats[s.me.id];
  if (s.facilitation.seating === 'mixed') return seat?.mixed && s.areas[seat.mixed] ? seat.mixed : null;
  if (seat?.stakeholder && s.areas[seat.stakeholder]) return seat.stakeholder;
  const own = s.me.groupId ? Object.values(s.areas).find((a) => a.table === 'stakeholder' && a.tableGroup === s.me.groupId) : undefined;
  return own?.id ?? null;
}

/**
 * Where I am working: the area under my cursor, else the one at the centre of my view, else my
 * table for the current seating; null when none.
 */
export function placeAt(s: StoreState, cursor: { x: number; y: number } | null): string | null {
  const areas = s.areaIds.map((id) => s.areas[id]!).filter(Boolean);
  if (cursor) {
    const under = areaAt(areas, cursor);
    if (under) return under;
  }
  const { x, y, scale } = s.viewport;
  if (s.screen.w > 0 && s.screen.h > 0) {
    const centre = areaAt(areas, { x: (s.screen.w / 2 - x) / scale, y: (s.screen.h / 2 - y) / scale });
    if (centre) return centre;
  }
  return seatTable(s);
}

/** Whether this screen draws `peer`'s cursor: never when the facilitator turned cursors off; in a crowd, the facilitator and my place's people only. */
export function drawsCursorOf(s: StoreState, peer: Peer): boolean {
  if (!peer.cursor || !s.facilitation.crowd.cursors) return false;
  if (!s.crowd) return true;
  return peer.role === 'facilitator' || (peer.place !== null && peer.place === s.myPlace);
}

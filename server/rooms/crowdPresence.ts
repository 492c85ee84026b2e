/**
 * Crowd presence: which awareness states each connection is sent once a board holds more people than
 * its crowd threshold, and the crowd summary (head counts per area, busy notes) the server publishes
 * as its own awareness state meanwhile.
 *
 * Why: with everyone's cursor relayed to everyone, presence bytes per tablet grow with the room, and
 * a tablet in a room of 300 draws a swarm. In a crowd a screen draws only the facilitator and the
 * people at its own area (`place`), so that is all it is sent; everyone else is one number per area
 * in the summary. Each batch is encoded once per place, not once per connection, so the server's
 * work grows with the number of areas, and each tablet's bytes with the people at its table.
 * Facilitator screens are still sent everyone (their raised-hands queue and seating read names).
 * Below the threshold nothing changes: every batch goes to everyone as one message.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MESSAGE_AWARENESS, placeOf, type CrowdSummary } from '../../shared/index.ts';
import type { Connection } from './connection.ts';
import { awarenessMessage } from './messages.ts';

/** The summary is published at most this often, ms (head counts need not follow every step). */
export const CROWD_SUMMARY_MS = 1000;
/** Most busy notes listed in the summary. */
const MAX_BUSY = 500;

type State = { user?: { role?: unknown; color?: unknown }; busy?: unknown } | undefined;

/** Where each connection is, and what it holds, while the room is a crowd. */
export class CrowdPresence {
  private active = false;
  /** Per participant connection: awareness client id -> the clock it was sent (what it holds). */
  private readonly held = new Map<Connection, Map<number, number>>();
  /** Per participant connection: its place when last seen. */
  private readonly places = new Map<Connection, string | null>();
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSummary = 'null';

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    /** The room's open connections. */
    private readonly conns: () => Iterable<Connection>,
    /** The board's crowd threshold now. */
    private readonly threshold: () => number,
  ) {}

  /** Whether the room is a crowd now. */
  get crowded(): boolean {
    return this.active;
  }

  /** People on the board: awareness states other than the server's own. */
  people(): number {
    const states = this.awareness.getStates();
    return states.size - (states.has(this.awareness.clientID) ? 1 : 0);
  }

  /**
   * Sends a batch of changed client ids: `everyone` (their states, encoded once) to every connection
   * below the threshold; in a crowd, to each place what it draws.
   */
  deliver(ids: readonly number[], everyone: Uint8Array): void {
    const people = this.people();
    const threshold = this.threshold();
    if (!this.active && people > threshold) this.enter(everyone);
    else if (this.active && people < threshold) this.leave();
    if (!this.active) {
      for (const c of this.conns()) c.send(everyone);
      return;
    }
    this.scheduleSummary();
    const cache = new Map<string, Uint8Array>();
    const byPlace = new Map<string | null, number[]>();
    for (const c of this.conns()) {
      if (c.role === 'facilitator') {
        c.send(everyone);
        continue;
      }
      const place = this.placeOfConnection(c);
      const held = this.heldBy(c);
      const moved = this.places.get(c) !== place;
      this.places.set(c, place);
      // What this place draws of the batch: one message for every connection there.
      let shared = byPlace.get(place);
      if (!shared) byPlace.set(place, (shared = ids.filter((id) => this.visible(id, place))));
      const own = (id: number) => c.awarenessIds.has(id);
      const send = shared.filter((id) => !own(id));
      // Who left this place (or the board) since this connection got their state: their removal.
      const gone = (moved ? [...held.keys()] : ids).filter((id) => held.has(id) && !this.visible(id, place) && !own(id));
      if (moved) {
        // Arrived at a place: the states there it lacks; those of the place it left go.
        for (const [id, meta] of this.awareness.meta) {
          if (!own(id) && this.visible(id, place) && !send.includes(id) && (held.get(id) ?? -1) < meta.clock) send.push(id);
        }
      }
      if (send.length > 0) {
        c.send(this.cached(cache, `s${place}|${send.join(',')}`, () => awarenessMessage(this.awareness, send)));
        for (const id of send) held.set(id, this.awareness.meta.get(id)?.clock ?? 0);
      }
      if (gone.length > 0) {
        const entries = gone.map((id) => [id, held.get(id)!] as const);
        c.send(this.cached(cache, `r${entries.join(';')}`, () => removalMessage(entries)));
        for (const id of gone) held.delete(id);
      }
    }
  }

  /** The awareness message for one connection that asks or joins: everything below the threshold, else what it draws. */
  messageFor(conn: Connection): Uint8Array {
    if (!this.active || conn.role === 'facilitator') return awarenessMessage(this.awareness);
    const place = this.placeOfConnection(conn);
    const ids = [...this.awareness.getStates().keys()].filter((id) => this.visible(id, place));
    const held = this.heldBy(conn);
    for (const id of ids) held.set(id, this.awareness.meta.get(id)?.clock ?? 0);
    this.places.set(conn, place);
    return awarenessMessage(this.awareness, ids);
  }

  /** Forgets a connection that closed. */
  forget(conn: Connection): void {
    this.held.delete(conn);
    this.places.delete(conn);
  }

  /** Stops the summary's timer (the room is gone). */
  destroy(): void {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = undefined;
  }

  /** Whether a viewer at `place` draws client `id`: the server's summary, facilitators, and people at the same place. */
  private visible(id: number, place: string | null): boolean {
    if (id === this.awareness.clientID) return true;
    const state = this.awareness.getStates().get(id) as State;
    if (!state) return false;
    if (state.user?.role === 'facilitator') return true;
    return place !== null && placeOf(state) === place;
  }

  private placeOfConnection(conn: Connection): string | null {
    const states = this.awareness.getStates();
    for (const id of conn.awarenessIds) {
      const place = placeOf(states.get(id));
      if (place !== null) return place;
    }
    return null;
  }

  private heldBy(conn: Connection): Map<number, number> {
    let held = this.held.get(conn);
    if (!held) this.held.set(conn, (held = new Map()));
    return held;
  }

  private cached(cache: Map<string, Uint8Array>, key: string, make: () => Uint8Array): Uint8Array {
    let message = cache.get(key);
    if (!message) cache.set(key, (message = make()));
    return message;
  }

  /**
   * Becomes a crowd: every connection is sent the batch (`everyone`), so it holds everyone at their
   * clock now; then each participant connection is sent the removal of those it does not draw.
   */
  private enter(everyone: Uint8Array): void {
    this.active = true;
    const cache = new Map<string, Uint8Array>();
    for (const c of this.conns()) c.send(everyone);
    for (const c of this.conns()) {
      if (c.role === 'facilitator') continue;
      const place = this.placeOfConnection(c);
      this.places.set(c, place);
      const held = this.heldBy(c);
      held.clear();
      const gone: (readonly [number, number])[] = [];
      for (const [id, meta] of this.awareness.meta) {
        if (!this.awareness.getStates().has(id) || c.awarenessIds.has(id)) continue;
        if (this.visible(id, place)) held.set(id, meta.clock);
        else gone.push([id, meta.clock]);
      }
      if (gone.length > 0) c.send(this.cached(cache, `r${gone.join(';')}`, () => removalMessage(gone)));
    }
    this.publishSummary();
  }

  /** No longer a crowd: each connection is sent the states it lacks, and the summary goes. */
  private leave(): void {
    this.active = false;
    clearTimeout(this.summaryTimer);
    this.summaryTimer = undefined;
    const cache = new Map<string, Uint8Array>();
    const states = this.awareness.getStates();
    for (const c of this.conns()) {
      const held = this.held.get(c);
      if (c.role === 'facilitator' || !held) continue;
      const lacking = [...states.keys()].filter((id) => id !== this.awareness.clientID && !c.awarenessIds.has(id) && (held.get(id) ?? -1) < this.awareness.meta.get(id)!.clock);
      if (lacking.length > 0) c.send(this.cached(cache, lacking.join(','), () => awarenessMessage(this.awareness, lacking)));
    }
    this.held.clear();
    this.places.clear();
    this.lastSummary = 'null';
    if (this.awareness.getLocalState() !== null) this.awareness.setLocalState(null);
  }

  private scheduleSummary(): void {
    if (this.summaryTimer !== undefined) return;
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = undefined;
      if (this.active) this.publishSummary();
    }, CROWD_SUMMARY_MS);
    this.summaryTimer.unref?.();
  }

  /** Publishes the summary as the server's own awareness state, if it changed. */
  private publishSummary(): void {
    const summary = crowdSummary(this.awareness);
    const json = JSON.stringify(summary);
    if (json === this.lastSummary) return;
    this.lastSummary = json;
    this.awareness.setLocalState({ crowd: summary });
  }
}

/** Head counts per place and who is busy with what, over every state but the server's. */
export function crowdSummary(awareness: awarenessProtocol.Awareness): CrowdSummary {
  const counts: Record<string, number> = {};
  const busy: Record<string, string> = {};
  let people = 0;
  let busyCount = 0;
  awareness.getStates().forEach((raw, id) => {
    if (id === awareness.clientID) return;
    people++;
    const key = placeOf(raw) ?? '';
    counts[key] = (counts[key] ?? 0) + 1;
    const state = raw as State;
    const color = typeof state?.user?.color === 'string' && /^#[0-9a-f]{6}$/i.test(state.user.color) ? state.user.color : '#888888';
    if (Array.isArray(state?.busy)) {
      for (const noteId of state.busy) {
        if (typeof noteId === 'string' && noteId.length <= 100 && busyCount < MAX_BUSY) {
          busy[noteId] = color;
          busyCount++;
        }
      }
    }
  });
  return { people, counts, busy };
}

/** An awareness message removing `entries` (client id, the clock the receiver holds) at the receiver. */
function removalMessage(entries: readonly (readonly [number, number])[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const [id, clock] of entries) {
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, 'null');
  }
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

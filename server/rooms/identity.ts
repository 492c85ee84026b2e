/**
 * Who a connection is, in awareness: which awareness client IDs it may speak for, and the identity
 * the server writes on its states (role from its link, participant id only as proven at join, a name
 * and a stakeholder group that exist).
 *
 * Why: awareness is where people see each other: names, groups, cursors, raised hands, the
 * facilitator's view the projector follows. Without this a client could pose as the facilitator, as
 * another participant (their id: seating, raised hands), or overwrite or remove another person's
 * state by reusing their client ID. There are no accounts: a participant id is proven by the device
 * key it was first used with on this server (`claimPerson`), and a name and group are what the person
 * chose, so only the person's own connection can set them.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { groupsMap } from '../../shared/index.ts';
import type { Connection } from './connection.ts';
import { ProtocolError } from './protocolError.ts';

/** Longest name shown to others. */
const MAX_NAME = 60;
/**
 * Most awareness client IDs one connection may speak for. An honest page has one (its document's),
 * and a new one when Yjs changes a document's ID; without a cap one message could add 150,000 states
 * that every newcomer is sent.
 */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 8;
/**
 * Most entries in one awareness message. Stock clients echo every state they are sent, so a message
 * may hold a whole room's; more than this is refused before any is read.
 */
export const MAX_AWARENESS_ENTRIES = 2000;

/** How long an ID whose holder left stays the holder's to take back (a tablet's Wi-Fi coming back). */
const KEPT_FOR_MS = 60_000;

/**
 * Which connection holds (speaks for) each awareness client ID of a room, and the clock the server
 * has for it.
 */
export class AwarenessHolders {
  private readonly holders = new Map<number, Connection>();
  /** IDs whose holder left in the last minute: who it was, and when. */
  private readonly left = new Map<number, { connId: number; personId: string | undefined; at: number }>();

  constructor(private readonly awareness: Awareness) {}

  /** The connection that holds `clientId` now, if any. */
  holderOf(clientId: number): Connection | undefined {
    return this.holders.get(clientId);
  }

  /**
   * Whether `conn` may take an ID nobody holds now: no, for a minute after its holder left, unless
   * `conn` is that connection or the same proven person. Otherwise someone else could take a
   * dropped tablet's ID first, and the tablet's own state would then be refused as another's.
   */
  mayTake(clientId: number, conn: Connection): boolean {
    if (clientId === this.awareness.clientID) return false; // the server's own state (the crowd summary)
    const left = this.left.get(clientId);
    if (!left || performance.now() - left.at > KEPT_FOR_MS) return true;
    return left.connId === conn.id || (conn.personId !== undefined && left.personId === conn.personId);
  }

  /** The awareness clock the server has for `clientId`. */
  clockOf(clientId: number): number | undefined {
    return this.awareness.meta.get(clientId)?.clock;
  }

  /**
   * Records an applied awareness change: removed IDs are nobody's any more; what `origin` added or
   * updated got through, so it is its own (a reconnecting tablet's taken-over ID included).
   */
  changed(added: readonly number[], updated: readonly number[], removed: readonly number[], origin: Connection | undefined): void {
    const now = performance.now();
    if (this.left.size > 1000) for (const [id, { at }] of this.left) if (now - at > KEPT_FOR_MS) this.left.delete(id);
    for (const id of removed) {
      const holder = this.holders.get(id);
      holder?.awarenessIds.delete(id);
      if (holder) this.left.set(id, { connId: holder.id, personId: holder.personId, at: now });
      this.holders.delete(id);
    }
    if (!origin) return;
    for (const id of [...added, ...updated]) {
      this.left.delete(id);
      this.holders.get(id)?.awarenessIds.delete(id);
      this.holders.set(id, origin);
      origin.awarenessIds.add(id);
    }
  }
}

/**
 * `update` without the entries for client IDs that another open connection holds, unless that
 * connection is the same proven person (a tablet whose new socket comes before its old one is known
 * dead takes its own ID back). An entry no newer than what the server has is an echo (stock
 * y-websocket clients send every change they receive back) and is dropped without counting. Every
 * entry's state must parse, or the whole update is refused: y-protocols stores entries one by one and
 * would keep those before a bad one without telling anyone. Returns the update itself when nothing was
 * taken out, null when nothing is left, and how many entries were refused.
 */
export function ownEntriesOnly(update: Uint8Array, self: Connection, holders: AwarenessHolders): { update: Uint8Array | null; refused: number } {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_ENTRIES) throw new Error(`${count} states in one message; at most ${MAX_AWARENESS_ENTRIES}`);
  const kept: { id: number; clock: number; state: string }[] = [];
  let refused = 0;
  let ids = self.awarenessIds.size;
  for (let i = 0; i < count; i++) {
    const entry = { id: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) };
    const holder = holders.holderOf(entry.id);
    const mine = holder === undefined ? holders.mayTake(entry.id, self) : holder === self || (self.personId !== undefined && holder.personId === self.personId);
    if (mine) {
      if (holder !== self && entry.state !== 'null' && ids++ >= MAX_AWARENESS_IDS_PER_CONNECTION) {
        refused++;
        continue;
      }
      JSON.parse(entry.state); // only what will be applied (echoes of others, the bulk, are not)
      kept.push(entry);
    } else if (entry.clock > (holders.clockOf(entry.id) ?? -1)) refused++;
  }
  if (kept.length === count) return { update, refused };
  if (kept.length === 0) return { update: null, refused };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const e of kept) {
    encoding.writeVarUint(encoder, e.id);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return { update: encoding.toUint8Array(encoder), refused };
}

/**
 * Applies the entries of an awareness update that are the connection's own (see ownEntriesOnly);
 * returns how many were refused. Throws ProtocolError for a malformed update, before anything is
 * applied.
 */
export function applyOwnAwareness(awareness: Awareness, update: Uint8Array, conn: Connection, holders: AwarenessHolders): number {
  let own: ReturnType<typeof ownEntriesOnly>;
  try {
    own = ownEntriesOnly(update, conn, holders);
  } catch (err) {
    throw new ProtocolError('malformedMessage', `bad awareness update: ${(err as Error).message}`);
  }
  if (own.update) applyAwarenessUpdate(awareness, own.update, conn);
  return own.refused;
}

/**
 * Writes the connection's identity on the awareness states it announced (`ids`), in the state the
 * server holds before broadcasting: the role of its link, its proven participant id (or none), a
 * name cut to length, and a stakeholder group only if the board has it. A `crowd` summary is the
 * server's own to publish: one in a device's state is dropped.
 */
export function stampIdentity(awareness: Awareness, doc: Y.Doc, conn: Connection, ids: readonly number[]): void {
  const states = awareness.getStates();
  for (const id of ids) {
    const state = states.get(id) as { user?: unknown; crowd?: unknown } | undefined;
    if (!state) continue;
    // Only the server speaks a crowd summary: a device's state that claims one loses it.
    if ('crowd' in state) delete state.crowd;
    if (typeof state.user !== 'object' || state.user === null) continue;
    const user = state.user as Record<string, unknown>;
    const name = typeof user.name === 'string' ? user.name.slice(0, MAX_NAME) : '';
    const groupId = typeof user.groupId === 'string' && groupsMap(doc).has(user.groupId) ? user.groupId : null;
    const personId = conn.personId ?? '';
    if (user.role !== conn.role || user.id !== personId || user.name !== name || user.groupId !== groupId) {
      state.user = { ...user, role: conn.role, id: personId, name, groupId };
    }
  }
}

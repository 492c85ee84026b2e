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
import type { ClientIds } from './clientIds.ts';
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

/**
 * `update` without the entries for client IDs that are not the connection's to speak for: bound to
 * another device's key, or held by another device's open connection (a tablet whose new socket comes
 * before its old one is known dead takes its own ID back; see clientIds.ts). An entry no newer than what the server has is an echo (stock
 * y-websocket clients send every change they receive back) and is dropped without counting. Every
 * entry's state must parse, or the whole update is refused: y-protocols stores entries one by one and
 * would keep those before a bad one without telling anyone. Returns the update itself when nothing was
 * taken out, null when nothing is left, and how many entries were refused.
 */
export function ownEntriesOnly(update: Uint8Array, self: Connection, clientIds: ClientIds): { update: Uint8Array | null; refused: number } {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_ENTRIES) throw new Error(`${count} states in one message; at most ${MAX_AWARENESS_ENTRIES}`);
  const kept: { id: number; clock: number; state: string }[] = [];
  let refused = 0;
  let ids = self.awarenessIds.size;
  for (let i = 0; i < count; i++) {
    const entry = { id: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) };
    const holder = clientIds.holderOf(entry.id);
    if (clientIds.mayUse(entry.id, self)) {
      if (holder !== self && entry.state !== 'null' && ids++ >= MAX_AWARENESS_IDS_PER_CONNECTION) {
        refused++;
        continue;
      }
      JSON.parse(entry.state); // only what will be applied (echoes of others, the bulk, are not)
      kept.push(entry);
    } else if (entry.clock > (clientIds.clockOf(entry.id) ?? -1)) refused++;
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
export function applyOwnAwareness(awareness: Awareness, update: Uint8Array, conn: Connection, clientIds: ClientIds): number {
  let own: ReturnType<typeof ownEntriesOnly>;
  try {
    own = ownEntriesOnly(update, conn, clientIds);
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

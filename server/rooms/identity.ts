/**
 * Who a connection is, in awareness: which awareness client IDs it may speak for, and the identity
 * the server writes on its states (role from its link, participant id only as proven at join, a name
 * and a stakeholder group that exist).
 *
 * Why: awareness is where people see each other: names, groups, cursors, raised hands, the
 * facilitator's view the projector follows. Without this a client could pose as the facilitator, as
 * another participant (their id: seating, raised hands), or overwrite or remove another person's
 * state by reusing their client ID. There are no accounts: a participant id is proven by the device
 * key it was first used with on the board (`claimPerson`), and a name and group are what the person
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
 * `update` without the entries for client IDs that another open connection holds, unless that
 * connection is the same proven person (a tablet whose new socket comes before its old one is known
 * dead takes its own ID back). Returns the update itself when nothing was taken out, null when
 * nothing is left, and how many entries were taken out.
 */
export function ownEntriesOnly(update: Uint8Array, self: Connection, holders: Iterable<Connection>): { update: Uint8Array | null; refused: number } {
  const ownerOf = (id: number) => {
    for (const c of holders) if (c !== self && c.awarenessIds.has(id)) return c;
    return undefined;
  };
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { id: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const entry = { id: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) };
    const owner = ownerOf(entry.id);
    if (owner === undefined || (self.personId !== undefined && owner.personId === self.personId)) {
      if (owner) owner.awarenessIds.delete(entry.id);
      kept.push(entry);
    }
  }
  const refused = count - kept.length;
  if (refused === 0) return { update, refused };
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
 * returns how many were refused. Throws ProtocolError for a malformed update.
 */
export function applyOwnAwareness(awareness: Awareness, update: Uint8Array, conn: Connection, conns: Iterable<Connection>): number {
  try {
    const own = ownEntriesOnly(update, conn, conns);
    if (own.update) applyAwarenessUpdate(awareness, own.update, conn);
    return own.refused;
  } catch (err) {
    throw new ProtocolError('malformedMessage', `bad awareness update: ${(err as Error).message}`);
  }
}

/**
 * Writes the connection's identity on the awareness states it announced (`ids`), in the state the
 * server holds before broadcasting: the role of its link, its proven participant id (or none), a
 * name cut to length, and a stakeholder group only if the board has it.
 */
export function stampIdentity(awareness: Awareness, doc: Y.Doc, conn: Connection, ids: readonly number[]): void {
  const states = awareness.getStates();
  for (const id of ids) {
    const state = states.get(id) as { user?: unknown } | undefined;
    if (!state || typeof state.user !== 'object' || state.user === null) continue;
    const user = state.user as Record<string, unknown>;
    const name = typeof user.name === 'string' ? user.name.slice(0, MAX_NAME) : '';
    const groupId = typeof user.groupId === 'string' && groupsMap(doc).has(user.groupId) ? user.groupId : null;
    const personId = conn.personId ?? '';
    if (user.role !== conn.role || user.id !== personId || user.name !== name || user.groupId !== groupId) {
      state.user = { ...user, role: conn.role, id: personId, name, groupId };
    }
  }
}

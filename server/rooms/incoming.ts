/**
 * What the server does with a Yjs update a client sent: apply it (the part the server lacks), let it
 * wait (the board is locked), ask the client for what the server lacks instead, or refuse it.
 *
 * Why: the checks in writeGuard.ts read the update's own structs, so they must read exactly what Yjs
 * will apply, now. Yjs does two things that the update's bytes do not show:
 * - It skips what it already has, and places the rest of a struct it has in part next to its own
 *   copy. A struct the server has, re-sent with another parent, would be judged by that parent (a
 *   note) while the new part lands in the facilitator's frame (found in review: a participant locked
 *   the board this way). So the update is first cut to what the server lacks (`Y.diffUpdate`), which
 *   writes each cut struct as Yjs will place it, and that cut update is checked and applied.
 * - It holds back a struct beyond what it has of that client (a gap) and applies it later, inside
 *   whichever update fills the gap, unchecked and never sent to that update's author (found in review:
 *   a participant's held-back struct swallowed the facilitator's next change). Such an update is not
 *   applied; the client is asked for what the server lacks (sync step 1), which an honest client
 *   answers in order. Honest clients send gaps only after updates dropped during a lock, and the
 *   server asks every participant for them when the lock lifts anyway.
 * A participant's structs under a document client ID that another open connection speaks for (the
 * same ID as in awareness) also wait: they would take that client's next clocks, so its real changes
 * would be skipped as known.
 */
import * as Y from 'yjs';
import { isBoardLocked } from '../../shared/index.ts';
import type { Connection } from './connection.ts';
import type { AwarenessHolders } from './identity.ts';
import { ProtocolError } from './protocolError.ts';
import { dependsOnUnknown, dotInOthersName, hasEmptyDeleteRange, listsAClientTwice, participantVerdict } from './writeGuard.ts';

type Decoded = ReturnType<typeof Y.decodeUpdate>;

export type Admission =
  /** Apply `update` (the part of what was sent that the server lacks). */
  | { readonly kind: 'apply'; readonly update: Uint8Array }
  /** A participant's change while the board is locked: dropped; asked for again when the lock lifts. */
  | { readonly kind: 'locked' }
  /** Not now: ask the client for what the server lacks (a gap, or another connection's client ID). */
  | { readonly kind: 'ask' };

export interface AdmissionContext {
  readonly owners: AwarenessHolders;
  /** Whether some device proved participant id `id` (a dot in that name needs that proof). */
  isPersonBound(id: string): boolean;
}

/** Decides on `update` from `conn` (see above); throws ProtocolError when it is refused. */
export function admitUpdate(doc: Y.Doc, update: Uint8Array, conn: Connection, ctx: AdmissionContext): Admission {
  let decoded: Decoded;
  try {
    // Decode fully first, so junk is refused without side effects.
    decoded = Y.decodeUpdate(update);
  } catch (err) {
    throw new ProtocolError('invalidUpdate', (err as Error).message);
  }
  if (hasEmptyDeleteRange(decoded) || listsAClientTwice(update, decoded)) {
    throw new ProtocolError('invalidUpdate', 'it deletes a range of length 0 or lists a client twice');
  }
  const participant = conn.role === 'participant';
  const empty = decoded.structs.length === 0 && decoded.ds.clients.size === 0;
  if (participant && !empty && isBoardLocked(doc)) return { kind: 'locked' };
  const own = lackedPart(doc, update, decoded);
  if (own === 'gap' || (participant && writesAsAnother(own.decoded, conn, ctx.owners))) return { kind: 'ask' };
  if (!participant) {
    if (dependsOnUnknown(doc, own.decoded)) throw new ProtocolError('invalidUpdate', 'it builds on what the server does not have');
    return { kind: 'apply', update: own.update };
  }
  // The frame is the facilitator's (4403).
  const verdict = participantVerdict(doc, own.decoded);
  if (verdict === 'locked') return { kind: 'locked' };
  if (verdict !== 'ok') throw new ProtocolError('forbiddenWrite', verdict.forbidden);
  // A proven person votes as themselves; anyone else not as someone who proved their id.
  const mayVoteAs = (id: string) => (conn.personId !== undefined ? id === conn.personId : !ctx.isPersonBound(id));
  if (dotInOthersName(doc, own.decoded, mayVoteAs) !== undefined) throw new ProtocolError('notYourDot', 'a dot in another person’s name');
  return { kind: 'apply', update: own.update };
}

/**
 * The part of `update` the server lacks, as Yjs would apply it; `'gap'` when some of it would be held
 * back (it starts past what the server has of its client, or skips clocks).
 */
export function lackedPart(doc: Y.Doc, update: Uint8Array, decoded: Decoded): { update: Uint8Array; decoded: Decoded } | 'gap' {
  const states = new Map<number, number>();
  const stateOf = (client: number): number => {
    let state = states.get(client);
    if (state === undefined) states.set(client, (state = Y.getState(doc.store, client)));
    return state;
  };
  if (decoded.structs.some((s) => s.id.clock < stateOf(s.id.client))) {
    update = Y.diffUpdate(update, Y.encodeStateVector(states));
    decoded = Y.decodeUpdate(update);
  }
  // One section per client (checked before), its structs in clock order: only its start can leave a gap.
  const seen = new Set<number>();
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) return 'gap';
    if (seen.has(s.id.client)) continue;
    seen.add(s.id.client);
    if (s.id.clock !== stateOf(s.id.client)) return 'gap';
  }
  return { update, decoded };
}

/**
 * Whether the update has structs under a client ID that another open connection speaks for in
 * awareness, unless that connection is the same proven person (a tablet's new socket before its old
 * one is known dead, or another tab of the same device).
 */
function writesAsAnother(decoded: Decoded, conn: Connection, owners: AwarenessHolders): boolean {
  const clients = new Set(decoded.structs.map((s) => s.id.client));
  for (const client of clients) {
    const owner = owners.ownerOf(client);
    if (owner && owner !== conn && !(conn.personId !== undefined && owner.personId === conn.personId)) return true;
  }
  return false;
}

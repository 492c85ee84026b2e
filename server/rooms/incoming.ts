/**
 * What the server does with a Yjs update a client sent: apply it (the part the server lacks), let it
 * wait (the board is locked), ask the client for what the server lacks instead, or refuse it.
 *
 * Why: the checks in writeGuard.ts read the update's own structs, so they must read exactly what Yjs
 * will apply, now. Yjs does two things that the update's bytes do not show:
 * - It skips what it already has, and places the rest of a struct it has in part next to its own
 *   copy. A struct the server has, re-sent with another parent, would be judged by that parent (a
 *   note) while the new part lands in the facilitator's frame: a participant could lock the board
 *   this way. So the update is first cut to what the server lacks (`Y.diffUpdate`), which writes
 *   each cut struct as Yjs will place it, and that cut update is checked and applied.
 * - It holds back what it cannot place yet (a struct past what it has of its client, an item next to
 *   or inside one it does not have, a deletion of what it does not have) and applies it later, inside
 *   whichever update fills the gap, unchecked and never sent to that update's author: a participant's
 *   held-back struct could swallow the facilitator's next change. Such an update is not applied; the
 *   client is asked for what the server lacks (sync step 1, again a second later if it keeps
 *   coming), which an honest client answers with everything, in order. Honest clients send one after
 *   updates dropped during a lock, or when a change from another tab of the device reached them
 *   before it reached the server.
 * Structs under a client ID that is another device's (bound to its key, or held by its open page; see
 * clientIds.ts) also wait, from every role: they would take its next clocks, so its changes would be
 * skipped as known. A device's own tabs settle such a wait themselves (the tab whose ID it is sends
 * its changes); one that goes on is refused (`notYourClient`, in dispatch.ts).
 */
import * as Y from 'yjs';
import { isBoardLocked, ROOT } from '../../shared/index.ts';
import { authorInOthersName } from './authorGuard.ts';
import type { Connection } from './connection.ts';
import type { ClientIds } from './clientIds.ts';
import { ProtocolError } from './protocolError.ts';
import { toolSwitchedOff } from './toolsGuard.ts';
import { clustersChanged, dependsOnUnknown, dotInOthersName, hasEmptyDeleteRange, listsAClientTwice, participantVerdict, rootKeysWritten, UNKNOWN_ROOT } from './writeGuard.ts';

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** What becomes of a client's update. */
export type Admission =
  /** Apply `update` (the part of what was sent that the server lacks), written under `clients`. */
  | { readonly kind: 'apply'; readonly update: Uint8Array; readonly clients: readonly number[] }
  /** A participant's change while the board is locked: dropped; asked for again when the lock lifts. */
  | { readonly kind: 'locked' }
  /**
   * Not now: ask the client for what the server lacks (Yjs would hold it back; or, `notYours`, it
   * writes under a client ID that is another device's).
   */
  | { readonly kind: 'ask'; readonly notYours?: boolean };

/** What the decision needs to know of the room. */
export interface AdmissionContext {
  /** Whose each client ID is (bound writer, awareness holder). */
  readonly clientIds: ClientIds;
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
  // The one check of the board lock: before anything is cut or read, a participant's change waits.
  if (participant && !empty && isBoardLocked(doc)) return { kind: 'locked' };
  const own = lackedPart(doc, update, decoded);
  if (own === 'gap') return { kind: 'ask' };
  // Every role writes only under its own device's client IDs (clientIds.ts).
  const clients = [...new Set(own.decoded.structs.map((s) => s.id.client))];
  if (clients.some((c) => !ctx.clientIds.mayUse(c, conn))) return { kind: 'ask', notYours: true };
  if (!participant) {
    if (dependsOnUnknown(doc, own.decoded)) throw new ProtocolError('invalidUpdate', 'it builds on what the server does not have');
    return { kind: 'apply', update: own.update, clients };
  }
  // The frame is the facilitator's (4403).
  const verdict = participantVerdict(doc, own.decoded);
  if (verdict !== 'ok') throw new ProtocolError('forbiddenWrite', verdict.forbidden);
  // Tools the facilitator switched off for participants on this board (4403).
  const switchedOff = toolSwitchedOff(doc, own.decoded);
  if (switchedOff) throw new ProtocolError('toolSwitchedOff', switchedOff);
  // A proven person acts as the ids they proved (their own, those handed over to their device);
  // a connection that proved none not as someone who proved their id.
  const mayActAs = (id: string) => conn.personIds.has(id) || (conn.personIds.size === 0 && !ctx.isPersonBound(id));
  if (dotInOthersName(doc, own.decoded, mayActAs) !== undefined) throw new ProtocolError('notYourDot', 'a dot in another person’s name');
  // A cluster is renamed or dissolved by its maker or the facilitator only (4403).
  for (const [id, maker] of clustersChanged(doc, own.decoded)) {
    if (maker === null || !mayActAs(maker)) throw new ProtocolError('notYourCluster', `cluster ${id} is not this person’s`);
  }
  // Each person writes their own entry in `people` (name and group, for the report); the facilitator anyone's (4403).
  for (const key of rootKeysWritten(doc, own.decoded, ROOT.people)) {
    if (key === UNKNOWN_ROOT || !mayActAs(key)) throw new ProtocolError('notYourPerson', 'another person’s entry in people');
  }
  // A note, sign-up, cluster or stance is written in one's own name, or in the one its record had (4403).
  const forged = authorInOthersName(doc, own.decoded, mayActAs);
  if (forged !== undefined) throw new ProtocolError('notYourName', forged);
  return { kind: 'apply', update: own.update, clients };
}

/**
 * The part of `update` the server lacks, as Yjs would apply it; `'gap'` when Yjs would hold some of it
 * back: a struct that starts past what the server has of its client or skips clocks, an item placed
 * next to or inside one that is neither on the server nor in the update (an item with a known left
 * neighbour but an unknown right one would wait, and land later inside the facilitator's lock), or a
 * deletion of what is neither.
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
  // One section per client (checked before), its structs in clock order: what the server and the
  // update hold of each client together, if the update starts where the server's copy ends.
  const reach = new Map<number, number>();
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) return 'gap';
    const at = reach.get(s.id.client) ?? stateOf(s.id.client);
    if (s.id.clock !== at) return 'gap';
    reach.set(s.id.client, at + s.length);
  }
  const here = (id: { client: number; clock: number } | null) => id === null || id.clock < (reach.get(id.client) ?? stateOf(id.client));
  for (const s of decoded.structs) {
    if (s instanceof Y.Item && !(here(s.origin) && here(s.rightOrigin) && (!(s.parent instanceof Y.ID) || here(s.parent)))) return 'gap';
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const known = reach.get(client) ?? stateOf(client);
    if (ranges.some((r) => r.clock + r.len > known)) return 'gap';
  }
  return { update, decoded };
}

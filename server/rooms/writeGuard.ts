/**
 * Which root types of a board an incoming Yjs update would change, found before it is applied.
 *
 * Why: the facilitator's frame (agenda, timer, locks, groups, votes, confirmations) must not be
 * changeable by a participant, and Yjs cannot take back an update once applied. So the server reads
 * the decoded update first: each new item's parent (named root, parent item, or the item it was
 * inserted next to, in the document or in the same update) and each deleted item, walked up to its
 * root (deletions of what is already deleted here are no-ops and ignored). What cannot be placed (an
 * item depending on something the server does not have) is reported as `UNKNOWN_ROOT`: an honest
 * client never sends that, since everything it has came from here.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CLUSTER, FACILITATOR_ONLY_ROOTS, ROOT } from '../../shared/index.ts';
import { docItem, find, firstIndexAt, indexByClient, isItemId, liveItemsDeleted, type IdLike } from './updateStructs.ts';

/** Stands for "a root this update touches that cannot be determined". */
export const UNKNOWN_ROOT = '\u0000unknown';

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/**
 * Whether a participant's update may be applied: `ok`, or the facilitator-only roots it would touch
 * (the socket is closed). The board lock is checked before, in `admitUpdate`.
 */
export function participantVerdict(doc: Y.Doc, decoded: Decoded): 'ok' | { forbidden: string } {
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return 'ok';
  const forbidden = [...rootsTouched(doc, decoded)].filter((r) => r === UNKNOWN_ROOT || FACILITATOR_ONLY_ROOTS.has(r));
  return forbidden.length ? { forbidden: forbidden.map((r) => (r === UNKNOWN_ROOT ? 'unknown' : r)).join(', ') } : 'ok';
}

/**
 * Whether the update deletes a range of length 0. No honest encoder writes one, and Yjs throws
 * half-way through applying it (it cannot write the range back), leaving updates it held back
 * un-retried, so the server's document and its clients' would differ.
 */
export function hasEmptyDeleteRange(decoded: Decoded): boolean {
  for (const ranges of decoded.ds.clients.values()) if (ranges.some((r) => r.len === 0)) return true;
  return false;
}

/**
 * Whether the update lists one client's structs in more than one section. Yjs's own encoders write
 * each client once; Yjs applies only the last section of a client, while `Y.decodeUpdate` (what these
 * checks read) returns them all, so an item could be judged by decoys Yjs throws away (a dot in
 * another person's name hidden behind decoys in `notes`). `update` is the v1 update
 * `decoded` came from; it starts with its number of sections.
 */
export function listsAClientTwice(update: Uint8Array, decoded: Decoded): boolean {
  const sections = decoding.readVarUint(decoding.createDecoder(update));
  return sections !== new Set(decoded.structs.map((s) => s.id.client)).size;
}

/**
 * Whether the update builds on something the server does not have (an honest client, whose whole
 * document came from here, never sends that). Yjs would hold such an update back; the server's
 * document would then differ from what it broadcast.
 */
export function dependsOnUnknown(doc: Y.Doc, decoded: Decoded): boolean {
  return rootsTouched(doc, decoded).has(UNKNOWN_ROOT);
}

/**
 * A voter id in whose name the update would put a dot (a value straight in the `dots` root) though
 * `mayVoteAs` says this connection may not: a dot is cast in its voter's name (and, in a vote with
 * dots per person, spends that person's dots), so a dot in another person's name is voting as them.
 * `undefined` when there is none.
 */
export function dotInOthersName(doc: Y.Doc, decoded: Decoded, mayVoteAs: (voterId: string) => boolean): string | undefined {
  for (const value of newRootValues(doc, decoded, ROOT.dots)) {
    const voterId = typeof value === 'object' && value !== null ? (value as { voterId?: unknown }).voterId : undefined;
    if (typeof voterId === 'string' && !mayVoteAs(voterId)) return voterId;
  }
  return undefined;
}

/**
 * The existing clusters the update would rename, merge away, change or dissolve: a cluster already on
 * the board whose map gets a new field value (a field written over deletes the old value too), or
 * whose entry in the `clusters` root is deleted or replaced. New clusters made by the update itself
 * are not listed. Returns each such cluster's maker (`createdBy`, `null` when none was recorded).
 */
export function clustersChanged(doc: Y.Doc, decoded: Decoded): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const root = doc.share.get(ROOT.clusters);
  if (!(root instanceof Y.AbstractType)) return out;
  /** The cluster whose map `type` is (a value straight in the clusters root), if any. */
  const note = (item: Y.Item | undefined) => {
    // A cluster already gone (dissolved) is not changed by what is written next to it: an undone
    // dissolve brings back a new cluster under the same id, judged as new.
    if (!item || item.deleted || item.parent !== root || typeof item.parentSub !== 'string') return;
    const value = item.content.getContent()[0];
    const maker = value instanceof Y.Map ? value.get(CLUSTER.createdBy) : undefined;
    out.set(item.parentSub, typeof maker === 'string' ? maker : null);
  };
  const items = decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item);
  for (const item of items) {
    // A field of a cluster map already here (its parent is that map's item, which the doc has).
    const sibling = item.origin ?? item.rightOrigin;
    const known = sibling ? docItem(doc, sibling) : undefined;
    if (isItemId(item.parent)) {
      const parent = docItem(doc, item.parent);
      if (parent instanceof Y.Item) note(parent);
    } else if (known instanceof Y.Item) {
      // Written next to (over) a value already here: in the root, or in a cluster's map.
      if (known.parent === root) note(known);
      else if (known.parent instanceof Y.AbstractType) note(known.parent._item ?? undefined);
    } else if ((item.parent as unknown) === ROOT.clusters && typeof item.parentSub === 'string' && root instanceof Y.Map && root._map.get(item.parentSub)) {
      // A new value under an existing cluster's id replaces that cluster.
      note(root._map.get(item.parentSub));
    }
  }
  for (const s of liveItemsDeleted(doc, decoded.ds)) {
    if (s.parent === root) note(s);
    else if (s.parent instanceof Y.AbstractType && s.parent._item?.parent === root) note(s.parent._item);
  }
  return out;
}

/**
 * The keys of the root map `root` whose entries the update would add, replace, change inside (a
 * nested value) or delete: each new item's entry (named by its parent and key, by its parent item, or
 * by the item it was written next to or over, in the document or in the same update) and each deleted
 * item's that is not already deleted. An entry whose key cannot be told is `UNKNOWN_ROOT`. Who may
 * write each entry of `people` is decided on these keys.
 */
export function rootKeysWritten(doc: Y.Doc, decoded: Decoded, root: string): Set<string> {
  const keys = new Set<string>();
  const target = doc.share.get(root);
  const local = indexByClient(decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item));
  /** The key of the root entry a document item belongs to; undefined when it is not in `root`. */
  const keyOfDocItem = (item: Y.Item): string | undefined => {
    let at: Y.Item | null = item;
    for (let n = 0; n < 10_000 && at; n++) {
      if (target !== undefined && at.parent === target) return at.parentSub ?? UNKNOWN_ROOT;
      at = at.parent instanceof Y.AbstractType ? at.parent._item : null;
    }
    return undefined;
  };
  const memo = new Map<Y.Item, string | undefined>();
  /** The key of the root entry a new item (in the update) belongs to; undefined when it is not in `root`. */
  const keyOfNew = (item: Y.Item, depth: number): string | undefined => {
    if (memo.has(item)) return memo.get(item);
    memo.set(item, UNKNOWN_ROOT); // guards against cycles in a crafted update
    let key: string | undefined;
    const of = (id: IdLike): string | undefined => {
      const inUpdate = find(local, id);
      if (inUpdate) return keyOfNew(inUpdate, depth + 1);
      const known = docItem(doc, id);
      return known instanceof Y.Item ? keyOfDocItem(known) : undefined;
    };
    if (depth > 10_000) key = UNKNOWN_ROOT; // a chain too long to follow: refused, not let through
    else if (typeof item.parent === 'string') key = item.parent === root ? (item.parentSub ?? UNKNOWN_ROOT) : undefined;
    else if (isItemId(item.parent)) key = of(item.parent);
    else if (item.origin) key = of(item.origin);
    else if (item.rightOrigin) key = of(item.rightOrigin);
    memo.set(item, key);
    return key;
  };
  for (const item of [...local.values()].flat()) {
    const key = keyOfNew(item, 0);
    if (key !== undefined) keys.add(key);
  }
  for (const s of liveItemsDeleted(doc, decoded.ds)) {
    const key = keyOfDocItem(s);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/** The values the update's new items would put straight into the root map `root` (not deeper). */
function newRootValues(doc: Y.Doc, decoded: Decoded, root: string): unknown[] {
  const items = decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item);
  const local = indexByClient(items);
  const target = doc.share.get(root);
  const memo = new Map<Y.Item, boolean>();
  /** Whether a new item's parent is the root itself: named so, or beside an item that is in it. */
  const inRoot = (item: Y.Item, depth: number): boolean => {
    if (memo.has(item)) return memo.get(item)!;
    memo.set(item, false); // guards against cycles in a crafted update
    let result = false;
    if (depth > 10_000) result = true; // a chain too long to follow: its value is checked
    else if (isItemId(item.parent)) result = false; // inside a nested type
    else if (typeof item.parent === 'string') result = item.parent === root;
    else {
      const sibling = item.origin ?? item.rightOrigin;
      const inUpdate = sibling && find(local, sibling);
      if (inUpdate) result = inRoot(inUpdate, depth + 1);
      else if (sibling) {
        const known = docItem(doc, sibling);
        result = known instanceof Y.Item && target !== undefined && known.parent === target;
      }
    }
    memo.set(item, result);
    return result;
  };
  return items.filter((item) => inRoot(item, 0)).flatMap((item) => item.content.getContent());
}

/** The root names `update` (already decoded as `decoded`) would insert into or delete from. */
export function rootsTouched(doc: Y.Doc, decoded: Decoded): Set<string> {
  const roots = new Set<string>();
  const local = indexByClient(decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item));
  // Everything the update brings, deleted content (GC) included: deleting it is deleting nothing old.
  const brought = indexByClient(decoded.structs.filter((s) => !(s instanceof Y.Skip)) as unknown as Y.Item[]);
  const cache = new Map<Y.Item, string | null>();

  /** The root of an item that is in this update. */
  const rootOfNew = (item: Y.Item, depth: number): string | null => {
    if (cache.has(item)) return cache.get(item)!;
    cache.set(item, null); // guards against cycles in a crafted update
    let root: string | null;
    if (depth > 10_000) root = null;
    else if (typeof item.parent === 'string') root = item.parent;
    else if (isItemId(item.parent)) root = rootOfId(item.parent, depth + 1);
    else if (item.origin) root = rootOfSibling(item.origin, depth + 1);
    else if (item.rightOrigin) root = rootOfSibling(item.rightOrigin, depth + 1);
    else root = null;
    cache.set(item, root);
    return root;
  };

  /** The root of the type whose item has id `id` (the parent of a new item). */
  const rootOfId = (id: IdLike, depth: number): string | null => {
    const inUpdate = find(local, id);
    if (inUpdate) return rootOfNew(inUpdate, depth);
    const item = docItem(doc, id);
    return item === undefined ? null : item === 'gc' ? 'gc' : rootOfDocItem(item);
  };

  /** The root of the item next to which a new item was inserted (they share a parent). */
  const rootOfSibling = (id: IdLike, depth: number): string | null => rootOfId(id, depth);

  for (const item of [...local.values()].flat()) {
    const root = rootOfNew(item, 0);
    if (root === 'gc') continue; // inserted into something deleted for good: Yjs discards it
    roots.add(root ?? UNKNOWN_ROOT);
  }

  for (const [client, ranges] of decoded.ds.clients) {
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (clock + len > known) {
        // Deleting what this update itself adds is fine; deleting what the server has never seen is not.
        if (!coveredByUpdate(brought, client, Math.max(clock, known), clock + len)) roots.add(UNKNOWN_ROOT);
      }
      const structs = doc.store.clients.get(client) ?? [];
      for (let i = firstIndexAt(structs, clock); i >= 0 && i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        const s = structs[i]!;
        // Already deleted here: a no-op. (A sync step 2 carries the client's whole delete set.)
        if (s instanceof Y.Item && !s.deleted) roots.add(rootOfDocItem(s) ?? UNKNOWN_ROOT);
      }
    }
  }
  return roots;
}

/** The root name of an item already in the document. */
function rootOfDocItem(item: Y.Item): string | null {
  let type = item.parent;
  for (let n = 0; n < 10_000 && type instanceof Y.AbstractType; n++) {
    if (!type._item) return Y.findRootTypeKey(type);
    type = type._item.parent;
  }
  return null;
}

function coveredByUpdate(local: Map<number, Y.Item[]>, client: number, from: number, to: number): boolean {
  let at = from;
  for (const it of local.get(client) ?? []) {
    if (it.id.clock <= at && at < it.id.clock + it.length) at = it.id.clock + it.length;
  }
  return at >= to;
}

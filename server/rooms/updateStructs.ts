/**
 * Lookups of Yjs structs by id, in the document and in a decoded update, for the write guard.
 *
 * Why: the guard judges an update by where its items would land before Yjs applies it; these find an
 * item's parent or neighbour in what the server has or in the same update, without applying anything.
 */
import * as Y from 'yjs';

/** A struct id: its client and clock. */
export type IdLike = { client: number; clock: number };

/** The document's item containing `id`; `'gc'` for garbage-collected content; undefined if unknown. */
export function docItem(doc: Y.Doc, id: IdLike): Y.Item | 'gc' | undefined {
  if (id.clock >= Y.getState(doc.store, id.client)) return undefined;
  const structs = doc.store.clients.get(id.client) ?? [];
  const s = structs[firstIndexAt(structs, id.clock)];
  if (!s) return undefined;
  return s instanceof Y.Item ? s : 'gc';
}

/** Whether `value` is a Yjs id (a parent given by its item, not by a root name). */
export function isItemId(value: unknown): value is IdLike {
  return value instanceof Y.ID;
}

/** The update's items by client, each list in clock order. */
export function indexByClient(items: Y.Item[]): Map<number, Y.Item[]> {
  const map = new Map<number, Y.Item[]>();
  for (const item of items) {
    const list = map.get(item.id.client);
    if (list) list.push(item);
    else map.set(item.id.client, [item]);
  }
  for (const list of map.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return map;
}

/** The item of this update containing `id` (the lists are sorted by clock and do not overlap). */
export function find(local: Map<number, Y.Item[]>, id: IdLike): Y.Item | undefined {
  const items = local.get(id.client);
  const it = items?.[firstIndexAt(items, id.clock)];
  return it && id.clock >= it.id.clock && id.clock < it.id.clock + it.length ? it : undefined;
}

/** Index of the struct containing `clock` (binary search), or -1. */
export function firstIndexAt(structs: ReadonlyArray<{ id: IdLike; length: number }>, clock: number): number {
  let lo = 0;
  let hi = structs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid]!;
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return mid;
  }
  return lo < structs.length ? lo : -1;
}

/**
 * The items of `doc` that an update's delete set `ds` deletes and that are still live here (an item
 * already deleted is a no-op: a sync step 2 carries the client's whole delete set).
 */
export function* liveItemsDeleted(doc: Y.Doc, ds: ReturnType<typeof Y.decodeUpdate>['ds']): Generator<Y.Item> {
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client) ?? [];
    for (const { clock, len } of ranges) {
      for (let i = firstIndexAt(structs, clock); i >= 0 && i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        const s = structs[i]!;
        if (s instanceof Y.Item && !s.deleted) yield s;
      }
    }
  }
}

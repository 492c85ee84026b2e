/**
 * The author fields a participant's update would write, checked before it is applied: a note's
 * `authorId` and its `volunteer:<participant id>` sign-ups, a cluster's `createdBy`, a stance's `by`.
 *
 * Why: the report counts notes, sign-ups and stances per person and per group by these fields, so a
 * participant who could write them in another's name could forge those figures. Each must name an id
 * the connection may act as (the ids its device proved; see `mayActAs` in incoming.ts). Two honest
 * writes name someone else, and both put back what the same record said before:
 * - undo of "I deleted Ann's note" makes the note map again, Ann's `authorId` and sign-ups in it;
 * - undo of a stance change puts back the earlier stance object, with its `by`.
 * So a value the same note (or stance key) held before, live or deleted, is allowed again. The server
 * keeps deleted note maps with their `authorId` and deleted stances for that (`keepsAuthorship`,
 * its document's gcFilter); everything else deleted is collected as before.
 */
import * as Y from 'yjs';
import { CLUSTER, NOTE, ROOT, VOLUNTEER_PREFIX } from '../../shared/index.ts';
import { docItem, find, indexByClient, isItemId, type IdLike } from './updateStructs.ts';

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** Where a new item lands: its root, the record's key in it, the field in the record (absent for the record itself). */
interface Place {
  readonly root: string;
  readonly key: string;
  readonly field?: string;
}

/**
 * What the first author field in another's name says (for the close's log), or `undefined` when every
 * author field the update writes names an id `mayActAs` allows or repeats what its record held before.
 */
export function authorInOthersName(doc: Y.Doc, decoded: Decoded, mayActAs: (id: string) => boolean): string | undefined {
  const items = decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item);
  if (items.length === 0) return undefined;
  const local = indexByClient(items);
  const memo = new Map<Y.Item, Place | null>();

  /** The place of an item of this update: its parent's (root or record), or that of the item it was written next to. */
  const placeOfNew = (item: Y.Item, depth: number): Place | null => {
    if (memo.has(item)) return memo.get(item)!;
    memo.set(item, null); // guards against cycles in a crafted update
    let place: Place | null = null;
    if (depth > 10_000) place = null;
    else if (typeof item.parent === 'string') place = item.parentSub ? { root: item.parent, key: item.parentSub } : null;
    else if (isItemId(item.parent)) {
      // Inside a record: the parent is a value straight in a root map.
      const record = placeAt(item.parent, depth);
      if (record && record.field === undefined && item.parentSub) place = { root: record.root, key: record.key, field: item.parentSub };
    } else if (item.origin ?? item.rightOrigin) place = placeAt((item.origin ?? item.rightOrigin)!, depth);
    memo.set(item, place);
    return place;
  };
  /** The place of the item with id `id`, in this update or in the document. */
  const placeAt = (id: IdLike, depth: number): Place | null => {
    const inUpdate = find(local, id);
    if (inUpdate) return placeOfNew(inUpdate, depth + 1);
    const known = docItem(doc, id);
    return known instanceof Y.Item ? placeOfDocItem(known) : null;
  };

  for (const item of items) {
    const place = placeOfNew(item, 0);
    if (!place) continue; // deeper than a record's fields, in a list, or unplaceable (the write guard refuses those)
    // Every value an item holds (a map reads its last; a crafted item may hold several), or its key alone.
    const values: unknown[] = item.content instanceof Y.ContentType ? [undefined] : [undefined, ...item.content.getContent()];
    for (const value of values) {
      const name = authorNamed(place, value);
      if (name === undefined || mayActAs(name) || heldBefore(doc, place, name)) continue;
      return `${place.root} ${place.key}${place.field ? ` ${place.field}` : ''} in the name of ${name}`;
    }
  }
  return undefined;
}

/** The participant id an item at `place` holding `value` writes as its author, if it is an author field. */
function authorNamed(place: Place, value: unknown): string | undefined {
  if (place.root === ROOT.notes && place.field === NOTE.authorId) return typeof value === 'string' ? value : undefined;
  if (place.root === ROOT.notes && place.field?.startsWith(VOLUNTEER_PREFIX)) return place.field.slice(VOLUNTEER_PREFIX.length);
  if (place.root === ROOT.clusters && place.field === CLUSTER.createdBy) return typeof value === 'string' ? value : undefined;
  if (place.root === ROOT.stances && place.field === undefined && typeof value === 'object' && value !== null) {
    const by = (value as { by?: unknown }).by;
    return typeof by === 'string' ? by : undefined;
  }
  return undefined;
}

/**
 * Whether the same record (note id, stance key) already named `name` in that field, now or before it
 * was changed or deleted: what undo puts back. A sign-up counts by its key alone (its value may be
 * collected); an `authorId` or a stance by its kept value.
 */
function heldBefore(doc: Y.Doc, place: Place, name: string): boolean {
  if (place.root !== ROOT.notes && place.root !== ROOT.stances) return false;
  const root = doc.share.get(place.root);
  if (!(root instanceof Y.AbstractType)) return false;
  for (let entry = root._map.get(place.key) ?? null, n = 0; entry && n < 10_000; entry = entry.left, n++) {
    if (place.root === ROOT.stances) {
      if (authorNamed(place, entry.content.getContent().at(-1)) === name) return true;
      continue;
    }
    const note = entry.content instanceof Y.ContentType ? entry.content.type : undefined;
    for (let field = note?._map.get(place.field!) ?? null, m = 0; field && m < 10_000; field = field.left, m++) {
      if (place.field!.startsWith(VOLUNTEER_PREFIX)) return true;
      if (field.content.getContent().at(-1) === name) return true;
    }
  }
  return false;
}

/** The place of an item already in the document: a record in a root map, or a field of one. */
function placeOfDocItem(item: Y.Item): Place | null {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType) || typeof item.parentSub !== 'string') return null;
  if (!parent._item) {
    const root = Y.findRootTypeKey(parent);
    return root ? { root, key: item.parentSub } : null;
  }
  const record = parent._item;
  const outer = record.parent;
  if (!(outer instanceof Y.AbstractType) || outer._item || typeof record.parentSub !== 'string') return null;
  const root = Y.findRootTypeKey(outer);
  return root ? { root, key: record.parentSub, field: item.parentSub } : null;
}

/**
 * Whether a deleted item is kept rather than collected (the server document's gcFilter is its
 * negation): a note's map (so its fields' keys stay: the sign-ups), its `authorId`, and a stance
 * entry, which undo may write back.
 */
export function keepsAuthorship(item: Y.Item): boolean {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return false;
  if (!parent._item) {
    const root = Y.findRootTypeKey(parent);
    return root === ROOT.stances || (root === ROOT.notes && item.content instanceof Y.ContentType);
  }
  if (item.parentSub !== NOTE.authorId) return false;
  const outer = parent._item.parent;
  return outer instanceof Y.AbstractType && !outer._item && Y.findRootTypeKey(outer) === ROOT.notes;
}

/**
 * Which tools a participant's update would use that the facilitator has switched off for the board
 * (`facilitation.participantTools`), found before it is applied.
 *
 * Why: the facilitator may set a board to "notes only" or "notes and votes"; the client hides the
 * other tools, and the server refuses them too, so an outdated or hand-made client cannot draw areas
 * or connectors on a board where the facilitator wants only notes. The rule of what each setting
 * allows lives in shared/model/participantTools.ts; this file only tells which kind of write each of
 * the update's new or deleted items is:
 * - anything in `areas`, `clusters` or `dots` is that kind;
 * - anything in `connectors`, except deleting a connector whose note the same update deletes (deleting
 *   a note takes its connectors along);
 * - a note's `clusterId` is a cluster write; its `kind`, `owner` and `volunteer:*` an action-card
 *   write; except where the whole note is deleted by the same update.
 */
import * as Y from 'yjs';
import { CONNECTOR, FACILITATION, facilitationMap, NOTE, notesMap, participantsMay, ROOT, toParticipantTools, VOLUNTEER_PREFIX, type ToolKind } from '../../shared/index.ts';
import { docItem, find, indexByClient, isItemId, liveItemsDeleted, type IdLike } from './updateStructs.ts';

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** Where an item sits: its root's name and the keys from the root down (`null` for a list position). */
interface Place {
  readonly root: string;
  readonly path: ReadonlyArray<string | null>;
}

/**
 * The first kind of write in a participant's update that the board's setting switches off, or
 * `undefined` when all it does is allowed. Items whose place cannot be told are left to the other
 * checks (which refuse them).
 */
export function toolSwitchedOff(doc: Y.Doc, decoded: Decoded): ToolKind | undefined {
  // Read straight from the map: this runs on every participant update, the rest of the frame is not needed.
  const setting = toParticipantTools(facilitationMap(doc).get(FACILITATION.participantTools));
  if (setting === 'everything') return undefined;
  const off = (kind: ToolKind | undefined) => (kind !== undefined && !participantsMay(setting, kind) ? kind : undefined);
  const local = indexByClient(decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item));
  const memo = new Map<Y.Item, Place | null>();

  /** The place of an item of this update (its parent and key, or those of the item it was written next to). */
  const placeOfNew = (item: Y.Item, depth: number): Place | null => {
    if (memo.has(item)) return memo.get(item)!;
    memo.set(item, null); // guards against cycles in a crafted update
    let place: Place | null = null;
    const key = item.parentSub ?? null;
    if (depth > 10_000) place = null;
    else if (typeof item.parent === 'string') place = { root: item.parent, path: [key] };
    else if (isItemId(item.parent)) {
      const parent = itemAt(item.parent, depth);
      if (parent) place = { root: parent.root, path: [...parent.path, key] };
    } else if (item.origin ?? item.rightOrigin) place = itemAt((item.origin ?? item.rightOrigin)!, depth);
    memo.set(item, place);
    return place;
  };
  /** The place of the item with id `id`, in this update or in the document. */
  const itemAt = (id: IdLike, depth: number): Place | null => {
    const inUpdate = find(local, id);
    if (inUpdate) return placeOfNew(inUpdate, depth + 1);
    const known = docItem(doc, id);
    return known instanceof Y.Item ? placeOfDocItem(known) : null;
  };

  for (const item of [...local.values()].flat()) {
    const place = placeOfNew(item, 0);
    const kind = place && off(kindOf(place));
    if (kind) return kind;
  }
  const deleted = (id: IdLike | undefined | null) => id != null && inDeleteSet(decoded, id);
  for (const s of liveItemsDeleted(doc, decoded.ds)) {
    const place = placeOfDocItem(s);
    const kind = place && off(kindOf(place));
    if (!kind) continue;
    // A field of an entry deleted whole by this update goes with it.
    const entry = entryItem(s);
    if (entry !== s && deleted(entry?.id)) continue;
    if (kind === 'connectors' && entry === s && connectorGoesWithNote(doc, s, deleted)) continue;
    return kind;
  }
  return undefined;
}

/** The kind of write an item at `place` is, or `undefined` for one no setting switches off. */
function kindOf(place: Place): ToolKind | undefined {
  switch (place.root) {
    case ROOT.areas:
      return 'areas';
    case ROOT.connectors:
      return 'connectors';
    case ROOT.clusters:
      return 'clusters';
    case ROOT.dots:
      return 'dots';
    case ROOT.notes: {
      const field = place.path.length === 2 ? place.path[1] : undefined;
      if (field === NOTE.clusterId) return 'clusters';
      if (field === NOTE.kind || field === NOTE.owner || (typeof field === 'string' && field.startsWith(VOLUNTEER_PREFIX))) return 'actionCards';
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The place of an item already in the document. */
function placeOfDocItem(item: Y.Item): Place | null {
  const path: Array<string | null> = [];
  let at: Y.Item | null = item;
  for (let n = 0; n < 10_000 && at; n++) {
    path.unshift(at.parentSub ?? null);
    const parent: Y.AbstractType<unknown> | Y.ID | null = at.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (!parent._item) {
      const root = Y.findRootTypeKey(parent);
      return root ? { root, path } : null;
    }
    at = parent._item;
  }
  return null;
}

/** The item holding the root entry `item` is in (the entry's own item when it is one). */
function entryItem(item: Y.Item): Y.Item | undefined {
  let at: Y.Item = item;
  for (let n = 0; n < 10_000; n++) {
    const parent = at.parent;
    if (!(parent instanceof Y.AbstractType)) return undefined;
    if (!parent._item) return at;
    at = parent._item;
  }
  return undefined;
}

/** Whether a deleted connector's note (either end) is deleted by the same update, or already gone. */
function connectorGoesWithNote(doc: Y.Doc, entry: Y.Item, deleted: (id: IdLike | undefined) => boolean): boolean {
  const value = entry.content.getContent()[0];
  if (!(value instanceof Y.Map)) return false;
  const notes = notesMap(doc);
  return [value.get(CONNECTOR.from), value.get(CONNECTOR.to)].some((end) => {
    if (typeof end !== 'string') return false;
    const note = notes._map.get(end);
    return !note || note.deleted || deleted(note.id);
  });
}

/** Whether the update's delete set covers `id`. */
function inDeleteSet(decoded: Decoded, id: IdLike): boolean {
  return (decoded.ds.clients.get(id.client) ?? []).some((r) => id.clock >= r.clock && id.clock < r.clock + r.len);
}

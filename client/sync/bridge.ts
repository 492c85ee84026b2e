/**
 * The one bridge from Yjs to zustand: observes the document deeply and writes plain snapshots of
 * only the records that changed into the store. Changes made on this device are published at the end
 * of their transaction; changes from others are batched per animation frame.
 *
 * Why: one path from the document to the screen. A remote edit of one note replaces one object in
 * `notes`, so only that note's component re-renders; id lists change only when records are added or
 * removed. A local change is in the store as soon as the call that made it returns, so a gesture can
 * end (a drop clears its drag offset) in the same render that shows its result: nothing flashes back.
 */
import * as Y from 'yjs';
import {
  areasMap,
  connectorsMap,
  listAreas,
  listConnectors,
  listNotes,
  notesMap,
  readMeta,
  toArea,
  toConnector,
  toNote,
  type Area,
  type Connector,
  type Note,
} from '../../shared/index.ts';
import { useStore } from '../store/store.ts';
import { readCocreation, watchCocreation } from './cocreationBridge.ts';
import { readOnlyFor } from '../store/locks.ts';

type Kind = 'notes' | 'areas' | 'connectors';
type StoreState = ReturnType<typeof useStore.getState>;

/** What changed in the document since the store was last written. */
interface Dirty {
  readonly records: Record<Kind, Set<string>>;
  meta: boolean;
  cocreation: boolean;
}

/**
 * Starts mirroring `doc` into the store; returns the function that stops it. A transaction made on
 * this device (`transaction.local`: the user's own changes, undo and redo) is published when it ends;
 * one applied from elsewhere (the server, the stored copy) waits for the next animation frame, with
 * everything else that arrived meanwhile.
 */
export function bridgeDocToStore(doc: Y.Doc): () => void {
  const dirty: Dirty = { records: { notes: new Set(), areas: new Set(), connectors: new Set() }, meta: true, cocreation: false };
  let frame = 0;
  const publish = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    useStore.setState(takePatch(doc, dirty, useStore.getState()));
  };
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(publish);
  };
  // Observers run before `afterTransaction`, so by now every root this transaction touched has marked
  // what it changed (and scheduled a frame): publish it at once when the change is this device's own.
  // A failure here is reported, not thrown: it would escape into the change that was already made,
  // and keep the undo manager (which listens after the bridge) from recording it.
  const onTransactionEnd = (transaction: Y.Transaction) => {
    if (!transaction.local || frame === 0) return;
    try {
      publish();
    } catch (err) {
      queueMicrotask(() => {
        throw err;
      });
    }
  };
  doc.on('afterTransaction', onTransactionEnd);

  const watch = (kind: Kind, root: Y.Map<Y.Map<unknown>>) => {
    const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const e of events) {
        if (e.target === root) {
          for (const key of (e as Y.YMapEvent<unknown>).keysChanged) dirty.records[kind].add(key);
        } else if (typeof e.path[0] === 'string') {
          dirty.records[kind].add(e.path[0]);
        }
      }
      schedule();
    };
    root.observeDeep(handler);
    return () => root.unobserveDeep(handler);
  };
  const meta = doc.getMap('meta');
  const onMeta = () => {
    dirty.meta = true;
    schedule();
  };
  meta.observe(onMeta);
  const stops = [
    watch('notes', notesMap(doc)),
    watch('areas', areasMap(doc)),
    watch('connectors', connectorsMap(doc)),
    watchCocreation(doc, () => {
      dirty.cocreation = true;
      schedule();
    }),
  ];
  useStore.setState(firstSnapshot(doc));

  return () => {
    if (frame) cancelAnimationFrame(frame);
    doc.off('afterTransaction', onTransactionEnd);
    meta.unobserve(onMeta);
    stops.forEach((stop) => stop());
  };
}

/** Everything the document holds now, as store state. */
function firstSnapshot(doc: Y.Doc): Partial<StoreState> {
  const co = readCocreation(doc);
  return {
    meta: readMeta(doc),
    ...byId(listNotes(doc), 'notes', 'noteIds'),
    ...byId(listAreas(doc), 'areas', 'areaIds'),
    ...byId(listConnectors(doc), 'connectors', 'connectorIds'),
    ...co,
    readOnly: readOnlyFor(useStore.getState().me.role, co.facilitation.boardLocked),
  };
}

/** The store patch for what is dirty, read from the document (and `dirty` cleared). */
function takePatch(doc: Y.Doc, dirty: Dirty, s: StoreState): Partial<StoreState> {
  const patch: Partial<StoreState> = {};
  if (dirty.meta) patch.meta = readMeta(doc);
  if (dirty.cocreation) {
    const co = readCocreation(doc);
    Object.assign(patch, co, { readOnly: readOnlyFor(s.me.role, co.facilitation.boardLocked) });
  }
  const { notes, areas, connectors } = dirty.records;
  if (notes.size) Object.assign(patch, apply(notes, s.notes, s.noteIds, notesMap(doc), toNote, 'noteIds', 'notes'));
  if (areas.size) Object.assign(patch, apply(areas, s.areas, s.areaIds, areasMap(doc), toArea, 'areaIds', 'areas'));
  if (connectors.size) Object.assign(patch, apply(connectors, s.connectors, s.connectorIds, connectorsMap(doc), toConnector, 'connectorIds', 'connectors'));
  dirty.meta = false;
  dirty.cocreation = false;
  notes.clear();
  areas.clear();
  connectors.clear();
  return { ...patch, ...pruneUi({ ...s, ...patch } as StoreState) };
}

/** UI state that points at records which are gone (deleted by anyone, or undone) is cleared. */
function pruneUi(s: StoreState): Partial<StoreState> {
  const out: Partial<StoreState> = {};
  const selection = s.selection.filter((id) => id in s.notes || id in s.areas || id in s.clusters);
  if (selection.length !== s.selection.length) out.selection = selection;
  if (s.selectedConnector && !(s.selectedConnector in s.connectors)) out.selectedConnector = null;
  if (s.connectFrom && !(s.connectFrom in s.notes)) out.connectFrom = null;
  if (s.editingArea && !(s.editingArea in s.areas)) out.editingArea = null;
  if (s.editingConnector && !(s.editingConnector in s.connectors)) out.editingConnector = null;
  if (s.editingCluster && !(s.editingCluster in s.clusters)) out.editingCluster = null;
  const lens = s.lens.groups.filter((id) => s.groups.some((g) => g.id === id));
  if (lens.length !== s.lens.groups.length) out.lens = { ...s.lens, groups: lens };
  return out;
}

function byId<T extends { id: string }, K extends string, L extends string>(list: T[], mapKey: K, idsKey: L) {
  return { [mapKey]: Object.fromEntries(list.map((r) => [r.id, r])), [idsKey]: list.map((r) => r.id) } as Record<K, Record<string, T>> &
    Record<L, string[]>;
}

/** Re-reads the dirty ids of one kind; the id list is rebuilt only when records came or went. */
function apply<T extends Note | Area | Connector>(
  ids: Set<string>,
  current: Record<string, T>,
  order: string[],
  root: Y.Map<Y.Map<unknown>>,
  read: (id: string, m: Y.Map<unknown>) => T,
  idsKey: string,
  mapKey: string,
): Record<string, unknown> {
  const next = { ...current };
  let membershipChanged = false;
  for (const id of ids) {
    const m = root.get(id);
    if (m instanceof Y.Map) {
      if (!(id in next)) membershipChanged = true;
      next[id] = read(id, m);
    } else if (id in next) {
      delete next[id];
      membershipChanged = true;
    }
  }
  const patch: Record<string, unknown> = { [mapKey]: next };
  if (membershipChanged) {
    patch[idsKey] = Object.values(next)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map((r) => r.id);
  } else {
    patch[idsKey] = order;
  }
  return patch;
}

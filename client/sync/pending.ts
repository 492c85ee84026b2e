/**
 * The count of changes made on this device while it was not connected and not yet sent: the notes,
 * areas and connectors touched, by id.
 *
 * Why: honest status. The badge tells a person that their offline work is kept and still waits to
 * go out, and the "back online" summary says how much of it went in. The ids are kept in
 * localStorage, so the count survives a reload of a page that was offline.
 */
import type * as Y from 'yjs';
import { areasMap, connectorsMap, notesMap, ORIGIN } from '../../shared/index.ts';
import { setPending } from '../store/connection.ts';

/** The localStorage key of a board's unsent ids (also cleared when a copy is discarded). */
export function pendingKey(boardId: string): string {
  return `olifant.pending.${boardId}`;
}

/** What `trackPending` returns. */
export interface PendingChanges {
  /** A sync has sent everything: the count goes back to zero. */
  clear(): void;
  /** Stops counting (the session ends); the stored ids stay for the next page. */
  stop(): void;
}

/**
 * Counts the records this device changes (`local` origin) while `online()` is false, into the store's
 * `pending` and localStorage `key`; starts from what a previous page of this board left there.
 */
export function trackPending(doc: Y.Doc, key: string, online: () => boolean): PendingChanges {
  const roots = new Set<unknown>([notesMap(doc), areasMap(doc), connectorsMap(doc)]);
  const ids = new Set<string>(readIds(key));
  setPending(ids.size);
  const save = () => {
    setPending(ids.size);
    try {
      if (ids.size === 0) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify([...ids]));
    } catch {
      /* private mode: the count is then per page load */
    }
  };
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.origin !== ORIGIN.local || online()) return;
    for (const [type, keys] of tr.changed) {
      if (roots.has(type)) {
        for (const k of keys) if (k) ids.add(k);
        continue;
      }
      // A change inside a record (a note's text, say): climb to the record, the entry of a root map.
      let item = type._item;
      while (item && !roots.has(item.parent)) item = (item.parent as Y.AbstractType<unknown>)._item;
      if (item?.parentSub) ids.add(item.parentSub);
    }
    save();
  };
  doc.on('afterTransaction', onTransaction);
  return {
    clear() {
      if (ids.size === 0) return;
      ids.clear();
      save();
    },
    stop: () => doc.off('afterTransaction', onTransaction),
  };
}

/** The ids stored under `key`, or none when there are none or they cannot be read. */
function readIds(key: string): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

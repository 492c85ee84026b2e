/**
 * The undo manager: tracks only this device's own changes, and never deletes others' work.
 *
 * Why: Y.UndoManager with `trackedOrigins = {local}` already leaves others' changes alone, with one
 * exception: undoing "I made this note" deletes the whole note, including text others typed into it
 * since. The delete filter keeps such a note (undo then leaves it), so undo never removes someone
 * else's work.
 */
import * as Y from 'yjs';
import { areasMap, clustersMap, connectorsMap, groupsMap, notesMap, ORIGIN, outcomesMap, stancesMap } from '../../shared/index.ts';
import { undoStackMoved } from '../store/toast.ts';

type DeleteSet = Parameters<typeof Y.isDeleted>[0];

/** Whether a map, or anything inside it, holds live content written by another client. */
function touchedByOthers(type: Y.AbstractType<unknown>, me: number): boolean {
  for (const item of type._map.values()) {
    if (item.id.client !== me && !item.deleted) return true;
    const content = item.content;
    if (!(content instanceof Y.ContentType)) continue;
    const inner = content.type;
    if (inner instanceof Y.Text) {
      for (let n = inner._start; n !== null; n = n.right) if (n.id.client !== me && !n.deleted) return true;
    } else if (touchedByOthers(inner, me)) return true;
  }
  return false;
}

/** The item of the top-level record (note, area, connector) that `item` belongs to, or null. */
function recordOf(item: Y.Item, roots: readonly Y.AbstractType<unknown>[]): Y.Item | null {
  let cur: Y.Item = item;
  for (;;) {
    const parent = cur.parent as Y.AbstractType<unknown> | null;
    if (!parent) return null;
    if (roots.includes(parent)) return cur;
    if (!parent._item) return null;
    cur = parent._item;
  }
}

/** The board's undo manager; use `undo()` / `redo()` from here, not the manager's own. */
export interface BoardUndo {
  readonly manager: Y.UndoManager;
  undo(): void;
  redo(): void;
}

/** Creates the undo manager for a board document. */
export function createUndoManager(doc: Y.Doc): BoardUndo {
  const roots = [
    notesMap(doc),
    areasMap(doc),
    connectorsMap(doc),
    groupsMap(doc),
    clustersMap(doc),
    // Not votes and dots: a dot is taken back with "Take back", and undo must not reach into a vote
    // that has closed since.
    stancesMap(doc),
    outcomesMap(doc),
  ] as Y.AbstractType<unknown>[];
  /** The step being undone or redone (its insertions are what Yjs is about to delete). */
  let step: { insertions: DeleteSet } | undefined;
  const manager = new Y.UndoManager(roots, {
    trackedOrigins: new Set([ORIGIN.local]),
    captureTimeout: 400,
    // Undoing "I made this record" deletes the record; if others have written into it since, keep it
    // whole. Yjs deletes children before parents, so every item asks about its record.
    deleteFilter: (item) => {
      const record = recordOf(item, roots);
      if (!record || !step || !Y.isDeleted(step.insertions, record.id)) return true;
      const content = record.content;
      return !(content instanceof Y.ContentType) || !touchedByOthers(content.type, doc.clientID);
    },
  });
  // The undo toast offers one step: it closes as soon as that step is no longer my last one (a later
  // step of mine, or Undo from the toolbar or the keyboard), so its Undo never silently does nothing.
  const follow = () => undoStackMoved(manager.undoStack.at(-1));
  manager.on('stack-item-added', follow);
  manager.on('stack-item-popped', follow);
  manager.on('stack-cleared', follow);
  const run = (stack: { insertions: DeleteSet }[], go: () => void) => {
    step = stack.at(-1);
    try {
      go();
    } finally {
      step = undefined;
    }
  };
  return {
    manager,
    undo: () => run(manager.undoStack, () => manager.undo()),
    redo: () => run(manager.redoStack, () => manager.redo()),
  };
}

/**
 * What the rooms need to know when several processes share the boards: under which lease number this
 * process writes a board, and when it may give the board up; and how a board is read by a process
 * that does not serve it.
 *
 * Why: the registry loads a board only once this process owns it (the cluster's router took the
 * lease first), passes the lease number to the room so that every append and compaction is fenced,
 * and gives the lease back once the board is unloaded and stored. A process that does not own a board
 * must not load it as a room (a second live copy would write beside the owner's), so HTTP reads
 * there (report, title, snapshots) are served from what storage holds, which is everything the owner
 * has broadcast.
 */
import * as Y from 'yjs';
import { migrateBoard } from '../../shared/index.ts';
import type { BoardStore, StoredDocument } from '../persistence/store.ts';
import { keepsAuthorship } from './authorGuard.ts';

/** The lease side of the registry (absent: one process on its own store owns every board). */
export interface BoardOwnership {
  /** The lease number under which this process writes `boardId` now, or undefined when it does not own it. */
  fenceOf(boardId: string): number | undefined;
  /** The board left memory here (unloaded and stored, or dropped): its lease may go. */
  released(boardId: string): void;
}

/** A board this process may not load as a room, because another process serves it. */
export class NotOwnerError extends Error {
  constructor(readonly boardId: string) {
    super(`board ${boardId} is served by another process`);
    this.name = 'NotOwnerError';
  }
}

/**
 * A board's document from what the store holds: its state, then its log. Deleted notes keep their
 * author and deleted stances stay (see authorGuard.ts): undo may write them back in their author's name.
 */
export function docOf(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc({ gc: true, gcFilter: (item) => !keepsAuthorship(item) });
  doc.transact(() => {
    if (stored.state) Y.applyUpdate(doc, stored.state);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/** Reads a board as storage holds it, from a copy freed at once (migrated, as a loaded board would be). */
export async function readStored<T>(store: BoardStore, boardId: string, read: (doc: Y.Doc) => T): Promise<T> {
  const doc = docOf(await store.loadDocument(boardId));
  try {
    migrateBoard(doc);
    return read(doc);
  } finally {
    doc.destroy();
  }
}

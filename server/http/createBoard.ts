/**
 * Making a board: a new id and fresh link keys, stored with its first content, and its three links
 * signed. Used by `POST /api/boards` (an empty board with a title) and by both restores (a backup, or
 * a snapshot from the history, as a new board).
 *
 * Why: every way to a new board must give it a new id and keys of its own and answer the same links,
 * so a restored board never shares anything with the one it came from.
 */
import * as Y from 'yjs';
import { initBoard, newBoardId, ORIGIN, readMeta, type CreatedBoard } from '../../shared/index.ts';
import { signLinks } from '../auth/links.ts';
import type { BoardStore } from '../persistence/store.ts';

/** A new board's content: its encoded document and its title. */
export interface BoardContent {
  readonly state: Uint8Array;
  readonly title: string;
}

/** What making a board needs: the store and the token secret. */
export interface NewBoardStore {
  readonly store: BoardStore;
  readonly secret: Uint8Array;
}

/** The content of `doc`, to store as a new board. */
export function contentOf(doc: Y.Doc): BoardContent {
  return { state: Y.encodeStateAsUpdate(doc), title: readMeta(doc).title };
}

/** Makes an empty board titled `title` and signs its three links under `base`. */
export async function createEmptyBoard(deps: NewBoardStore, title: string, base: string): Promise<CreatedBoard> {
  const doc = new Y.Doc();
  initBoard(doc, { title, createdAt: Date.now() }, ORIGIN.server);
  try {
    return await storeNewBoard(deps, contentOf(doc), base);
  } finally {
    doc.destroy();
  }
}

/** Stores a new board with `content` (a new id, fresh keys) and signs its three links under `base`. */
export async function storeNewBoard(deps: NewBoardStore, { state, title }: BoardContent, base: string): Promise<CreatedBoard> {
  const id = newBoardId();
  const keyVersions = { facilitator: 1, participant: 1, projector: 1 };
  await deps.store.createBoard({ id, title, createdAt: Date.now(), keyVersions }, state);
  return { id, title, links: await signLinks(deps.secret, id, keyVersions, base) };
}

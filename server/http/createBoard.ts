/**
 * Making a board: a new id and fresh link keys, stored with its first content, and its three links
 * signed. Used by `POST /api/boards` (an empty board with a title) and by both restores (a backup, or
 * a snapshot from the history, as a new board).
 *
 * Why: every way to a new board must give it a new id and keys of its own and answer the same links,
 * so a restored board never shares anything with the one it came from. Its first content is stored
 * with a writer bound to every document client ID in it (the bindings it was restored with, the server
 * for the rest), so no device can write ahead in an ID of that content.
 */
import * as Y from 'yjs';
import { initBoard, newBoardId, ORIGIN, readMeta, type CreatedBoard } from '../../shared/index.ts';
import { signLinks } from '../auth/links.ts';
import { SERVER_WRITER, type BoardStore, type ClientWriters } from '../persistence/store.ts';

/** A new board's content: its encoded document, its title, and the writer of each client ID in it. */
export interface BoardContent {
  readonly state: Uint8Array;
  readonly title: string;
  readonly writers: ClientWriters;
}

/** What making a board needs: the store and the token secret. */
export interface NewBoardStore {
  readonly store: BoardStore;
  readonly secret: Uint8Array;
}

/**
 * The content of `doc`, to store as a new board: with the bindings `carried` over (a backup's, or the
 * board a snapshot was taken of), and every other client ID in the document bound to the server, which
 * made this content (a restore writes its new epoch and title under an ID of its own).
 */
export function contentOf(doc: Y.Doc, carried: ClientWriters = new Map()): BoardContent {
  const writers = new Map(carried);
  for (const client of doc.store.clients.keys()) if (!writers.has(client)) writers.set(client, SERVER_WRITER);
  return { state: Y.encodeStateAsUpdate(doc), title: readMeta(doc).title, writers };
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
export async function storeNewBoard(deps: NewBoardStore, { state, title, writers }: BoardContent, base: string): Promise<CreatedBoard> {
  const id = newBoardId();
  const keyVersions = { facilitator: 1, participant: 1, projector: 1 };
  await deps.store.createBoard({ id, title, createdAt: Date.now(), keyVersions }, state, writers);
  return { id, title, links: await signLinks(deps.secret, id, keyVersions, base) };
}

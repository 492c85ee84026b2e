/**
 * What a board takes on disk after a long day: `edits` edits (moves, text edits, new and deleted
 * notes) by several clients through the real server, then the board's stored bytes (compacted state
 * plus the log after it) against the board compacted now.
 *
 * Why: the log makes each update durable before it is broadcast; without a bound it would grow with
 * every edit of the day. The history's snapshots are kept for good on purpose and are counted apart.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import * as Y from 'yjs';
import { countNotes, createNote, deleteNotes, moveNotes, ORIGIN, readNote, setNoteText } from '../../shared/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

export interface StorageFigures {
  readonly edits: number;
  /** The board's compacted state plus its log, as stored. */
  readonly storedBytes: number;
  /** The same board compacted into one state now. */
  readonly compactedBytes: number;
  readonly ratio: number;
  /** History snapshots, counted apart. */
  readonly snapshotBytes: number;
}

export async function runStorage(edits: number, clientCount = 8): Promise<StorageFigures> {
  const dir = tempDir('olifant-storage-');
  const server = await startTestServer(dir.path, { maxMessagesPerSecond: 100_000 });
  const clients: TestClient[] = [];
  try {
    const board = await createBoard(server.localUrl, 'A long day');
    const token = tokenOf(board.links.participant);
    for (let i = 0; i < clientCount; i++) clients.push(connectClient(server.localUrl, board.id, token));
    await waitFor(() => clients.every((c) => c.provider.synced), 'clients to sync');
    const ids: string[] = [];
    for (let n = 0; n < edits; n++) {
      const c = clients[n % clientCount]!;
      const at = Math.floor(Math.random() * ids.length);
      const target = ids.length ? readNote(c.doc, ids[at]!) : undefined;
      const roll = Math.random();
      if (!target || ids.length < 100 || roll < 0.05) ids.push(createNote(c.doc, { text: `note ${n}`, x: Math.random() * 3000, y: Math.random() * 3000, authorId: `c${n % clientCount}` }, ORIGIN.local));
      else if (roll < 0.08) {
        deleteNotes(c.doc, [target.id], ORIGIN.local);
        ids.splice(at, 1);
      } else if (roll < 0.7) moveNotes(c.doc, [{ id: target.id, x: Math.random() * 3000, y: Math.random() * 3000 }], ORIGIN.local);
      else setNoteText(c.doc, target.id, `${target.text.slice(0, 40)} ${n}`, ORIGIN.local);
      if (n % 200 === 199) await new Promise((r) => setTimeout(r, 5)); // let the server keep up
    }
    const reference = clients[0]!.doc;
    await waitFor(() => clients.every((c) => countNotes(c.doc) === ids.length && countNotes(reference) === ids.length), 'every edit to arrive', 120_000);
    await new Promise((r) => setTimeout(r, 200));

    const db = new Database(join(dir.path, 'olifant.sqlite'), { readonly: true });
    try {
      const state = (db.prepare('SELECT state FROM board_state WHERE board_id = ?').get(board.id) as { state: Buffer } | undefined)?.state;
      const log = (db.prepare('SELECT data FROM updates WHERE board_id = ? ORDER BY seq').all(board.id) as { data: Buffer }[]).map((r) => r.data);
      const { bytes: snapshotBytes } = db.prepare('SELECT coalesce(sum(length(state)), 0) AS bytes FROM snapshots WHERE board_id = ?').get(board.id) as { bytes: number };
      const doc = new Y.Doc();
      if (state) Y.applyUpdate(doc, state);
      for (const u of log) Y.applyUpdate(doc, u);
      const storedBytes = (state?.byteLength ?? 0) + log.reduce((n, u) => n + u.byteLength, 0);
      const compactedBytes = Y.encodeStateAsUpdate(doc).byteLength;
      return { edits, storedBytes, compactedBytes, ratio: storedBytes / compactedBytes, snapshotBytes };
    } finally {
      db.close();
    }
  } finally {
    for (const c of clients) c.destroy();
    await server.close();
    dir.cleanup();
  }
}

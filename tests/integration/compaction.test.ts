/**
 * Compactions coalesce: a board whose log falls due for compaction at every update (compactEvery 1)
 * is compacted at most once per OLIFANT_COMPACT_MIN_INTERVAL_MS during a burst, and a compaction that
 * fell due and waited still runs at the interval's end with no further update.
 *
 * Why: a compaction rewrites the whole board; after a restart every client's catch-up is an update,
 * and one compaction per update held a 5,000-note board's clients up for seconds. The log must still
 * not grow without bound, so the waiting compaction may not depend on more traffic.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNote, listNotes, ORIGIN } from '../../shared/index.ts';
import { readMetrics } from '../../bench/stats.ts';
import { connectClient, sleep, waitFor, waitSynced } from '../helpers/clients.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const INTERVAL_MS = 1500;

async function compactions(url: string): Promise<number> {
  return (await readMetrics(url)).get('olifant_persistence_write_seconds_count{op="compact"}') ?? 0;
}

function logRows(dir: string, boardId: string): number {
  const db = new Database(join(dir, 'olifant.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM updates WHERE board_id = ?').get(boardId) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('compactions during a burst of updates', () => {
  it('a burst compacts at most once per interval, and the compaction that waited runs at its end without another update', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.cleanup());
    const started = performance.now();
    const server = await startTestServer(dir.path, { compactEvery: 1, compactMinIntervalMs: INTERVAL_MS, unloadGraceMs: 60_000 });
    cleanups.push(() => server.close());
    const board = await createBoard(server.localUrl, 'Burst');
    const before = await compactions(server.localUrl);
    const a = connectClient(server.localUrl, board.id, tokenOf(board.links.participant));
    cleanups.push(() => a.destroy());
    await waitSynced(a);
    // 20 updates, each in a turn of its own: without coalescing, 20 compactions.
    for (let i = 0; i < 20; i++) {
      createNote(a.doc, { text: `burst ${i}`, x: i, y: i, authorId: 'a' }, ORIGIN.local);
      await sleep(20);
    }
    const room = server.registry.peek(board.id)!;
    await waitFor(() => listNotes(room.doc).length === 20, 'the server to hold the 20 notes');
    await room.idle();
    const during = (await compactions(server.localUrl)) - before;
    const allowed = 1 + Math.floor((performance.now() - started) / INTERVAL_MS);
    expect(during, `${during} compactions within ${allowed} intervals`).toBeLessThanOrEqual(allowed);
    // No more updates: the due compaction still runs once the interval is over, and empties the log.
    await waitFor(() => logRows(dir.path, board.id) === 0, 'the waiting compaction to empty the log', 10_000);
    expect((await compactions(server.localUrl)) - before).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('with no interval, every due compaction runs at once (OLIFANT_COMPACT_EVERY as before)', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.cleanup());
    const server = await startTestServer(dir.path, { compactEvery: 1, compactMinIntervalMs: 0, unloadGraceMs: 60_000 });
    cleanups.push(() => server.close());
    const board = await createBoard(server.localUrl, 'Quiet');
    const before = await compactions(server.localUrl);
    const a = connectClient(server.localUrl, board.id, tokenOf(board.links.participant));
    cleanups.push(() => a.destroy());
    await waitSynced(a);
    for (let i = 0; i < 5; i++) {
      createNote(a.doc, { text: `quiet ${i}`, x: i, y: i, authorId: 'a' }, ORIGIN.local);
      const room = server.registry.peek(board.id)!;
      await waitFor(() => listNotes(room.doc).length === i + 1, `the server to hold note ${i}`);
      await room.idle();
      expect(logRows(dir.path, board.id), `the log after note ${i}`).toBe(0);
    }
    expect((await compactions(server.localUrl)) - before).toBe(5);
  });
});

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNote, listNotes, ORIGIN } from '../../shared/index.ts';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { createBoard, freePort, spawnServer, tempDir, tokenOf, type ChildServer } from '../helpers/server.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function track<T extends TestClient>(c: T): T {
  cleanups.push(() => c.destroy());
  return c;
}

async function start(dataDir: string): Promise<ChildServer> {
  const server = await spawnServer(dataDir, await freePort());
  cleanups.push(() => server.process.kill('SIGKILL'));
  return server;
}

describe('the server as a separate process', () => {
  it('loses nothing a client had received when killed with SIGKILL mid-burst', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.cleanup());
    const server = await start(dir.path);
    const board = await createBoard(server.url, 'Crash');
    const writer = track(connectClient(server.url, board.id, tokenOf(board.links.participant)));
    const reader = track(connectClient(server.url, board.id, tokenOf(board.links.participant)));
    await waitSynced(writer);
    await waitSynced(reader);

    // The writer keeps creating notes, one transaction (one update) each.
    let written = 0;
    const writing = setInterval(() => {
      for (let i = 0; i < 20; i++) createNote(writer.doc, { text: `n${written++}`, x: 0, y: 0, authorId: 'w' }, ORIGIN.local);
    }, 5);
    await waitFor(() => listNotes(reader.doc).length >= 300, 'reader to receive 300 notes');
    // In one tick: record what the reader has, kill the server, cut both clients off.
    const seen = listNotes(reader.doc);
    server.process.kill('SIGKILL');
    clearInterval(writing);
    writer.destroy();
    reader.destroy();
    expect(await server.exited).toBe('SIGKILL');

    const again = await start(dir.path);
    const fresh = track(connectClient(again.url, board.id, tokenOf(board.links.participant)));
    await waitSynced(fresh);
    const after = new Map(listNotes(fresh.doc).map((n) => [n.id, n]));
    const missing = seen.filter((n) => !after.has(n.id));
    expect(missing).toEqual([]);
    for (const n of seen) expect(after.get(n.id)).toEqual(n);
  });

  it('SIGTERM shuts down cleanly: exit code 0, board compacted, database closed', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.cleanup());
    const server = await start(dir.path);
    expect(server.output()).toMatch(/Local: +http:\/\/localhost:\d+\//);
    expect(server.output()).toContain(`Data:     ${dir.path}`);
    const board = await createBoard(server.url, 'Graceful');
    const client = track(connectClient(server.url, board.id, tokenOf(board.links.participant)));
    await waitSynced(client);
    for (let i = 0; i < 30; i++) createNote(client.doc, { text: `g${i}`, x: 0, y: 0, authorId: 'c' }, ORIGIN.local);
    const other = track(connectClient(server.url, board.id, tokenOf(board.links.participant)));
    await waitFor(() => listNotes(other.doc).length === 30, 'second client to receive 30 notes');
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    client.destroy();
    other.destroy();
    const db = new Database(join(dir.path, 'olifant.sqlite'), { readonly: true });
    const { n } = db.prepare('SELECT count(*) AS n FROM updates').get() as { n: number };
    db.close();
    expect(n).toBe(0);
    const again = await start(dir.path);
    const fresh = track(connectClient(again.url, board.id, tokenOf(board.links.participant)));
    await waitSynced(fresh);
    expect(listNotes(fresh.doc)).toHaveLength(30);
  });
});

import Database from 'better-sqlite3';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE, createNote, CURRENT_SCHEMA_VERSION, listNotes, ORIGIN, readMeta } from '../../shared/index.ts';
import type { RunningServer } from '../../server/server.ts';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { openRaw } from '../helpers/rawSocket.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup(overrides = {}): Promise<{ server: RunningServer; dir: string }> {
  const dir = tempDir();
  const server = await startTestServer(dir.path, overrides);
  cleanups.push(() => dir.cleanup());
  cleanups.push(() => server.close());
  return { server, dir: dir.path };
}

function client(server: RunningServer, boardId: string, token: string): TestClient {
  const c = connectClient(server.localUrl, boardId, token);
  cleanups.push(() => c.destroy());
  return c;
}

/** Replaces a board's stored state directly in SQLite, as an older version or another tool would have left it. */
function overwriteState(dir: string, boardId: string, doc: Y.Doc): void {
  const db = new Database(join(dir, 'olifant.sqlite'));
  db.prepare('UPDATE board_state SET state = ? WHERE board_id = ?').run(Y.encodeStateAsUpdate(doc), boardId);
  db.close();
}

describe('board lifecycle on the server', () => {
  it('migrates a v0 board when loading it, before the first client syncs', async () => {
    const { server, dir } = await setup();
    const board = await createBoard(server.localUrl, 'Old board');
    const old = new Y.Doc();
    old.getMap('meta').set('title', 'Written by another tool');
    old.getMap('notes').set('legacy', new Y.Map());
    overwriteState(dir, board.id, old);
    const c = client(server, board.id, tokenOf(board.links.participant));
    let versionAtFirstSync = -1;
    c.provider.once('sync', () => (versionAtFirstSync = readMeta(c.doc).schemaVersion));
    await waitSynced(c);
    expect(versionAtFirstSync).toBe(CURRENT_SCHEMA_VERSION);
    expect(readMeta(c.doc).title).toBe('Written by another tool');
    expect(listNotes(c.doc).map((n) => n.id)).toEqual(['legacy']);
  });

  it('refuses to serve a board from a newer schema, with close code 4501, and keeps serving others', async () => {
    const { server, dir } = await setup();
    const board = await createBoard(server.localUrl, 'From the future');
    const future = new Y.Doc();
    future.getMap('meta').set('schemaVersion', CURRENT_SCHEMA_VERSION + 1);
    overwriteState(dir, board.id, future);
    const raw = await openRaw(`${server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.participant)}`);
    expect((await raw.closed).code).toBe(CLOSE.loadFailure.code);
    expect(raw.received).toEqual([]);
    const fine = await createBoard(server.localUrl, 'Fine');
    const c = client(server, fine.id, tokenOf(fine.links.participant));
    await waitSynced(c);
    expect(readMeta(c.doc).title).toBe('Fine');
  });

  it('compacts the log every OLIFANT_COMPACT_EVERY updates while the board stays loaded', async () => {
    const { server, dir } = await setup({ compactEvery: 10, unloadGraceMs: 60_000 });
    const board = await createBoard(server.localUrl);
    const a = client(server, board.id, tokenOf(board.links.participant));
    await waitSynced(a);
    for (let i = 0; i < 25; i++) createNote(a.doc, { text: `c${i}`, x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => listNotes(server.registry.peek(board.id)!.doc).length === 25, 'server to hold 25 notes');
    await server.registry.peek(board.id)!.idle();
    const db = new Database(join(dir, 'olifant.sqlite'), { readonly: true });
    const { n } = db.prepare('SELECT count(*) AS n FROM updates WHERE board_id = ?').get(board.id) as { n: number };
    db.close();
    // A turn's updates are written together and compaction follows the turn that reached the count,
    // so the log left holds fewer than OLIFANT_COMPACT_EVERY updates (all 25 without compaction).
    expect(n).toBeLessThan(10);
    expect(server.registry.size).toBe(1);
  });

  it('metrics count connections, loaded boards, traffic and persistence writes', async () => {
    const { server } = await setup();
    const board = await createBoard(server.localUrl);
    const a = client(server, board.id, tokenOf(board.links.facilitator));
    const b = client(server, board.id, tokenOf(board.links.participant));
    await waitSynced(a);
    await waitSynced(b);
    createNote(a.doc, { text: 'counted', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => listNotes(b.doc).length === 1, 'b to receive the note');
    const text = await (await fetch(`${server.localUrl}/metrics`)).text();
    expect(text).toMatch(/olifant_connections\{role="facilitator"\} 1\b/);
    expect(text).toMatch(/olifant_connections\{role="participant"\} 1\b/);
    expect(text).toMatch(/olifant_boards_loaded 1\b/);
    expect(text).toMatch(/olifant_messages_total\{direction="in"\} [1-9]/);
    expect(text).toMatch(/olifant_bytes_total\{direction="out"\} [1-9]/);
    expect(text).toMatch(/olifant_persistence_write_seconds_count\{op="append"\} [1-9]/);
  });

  it('the documented example: a stock provider writes a note by hand, following only the documented schema', async () => {
    const { server } = await setup();
    const res = await fetch(`${server.localUrl}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Toekomst van de zorg' }),
    });
    const { id, links } = (await res.json()) as { id: string; links: { participant: string } };
    const token = new URL(links.participant).hash.slice('#token='.length);
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${server.localUrl.replace(/^http/, 'ws')}/ws`, id, doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    cleanups.push(() => provider.destroy());
    await waitFor(() => provider.synced, 'stock provider to sync');
    expect(doc.getMap('meta').get('title')).toBe('Toekomst van de zorg');
    doc.transact(() => {
      const note = new Y.Map<unknown>();
      note.set('text', new Y.Text('Hello from another tool'));
      note.set('x', 0);
      note.set('y', 0);
      note.set('w', 160);
      note.set('h', 160);
      note.set('color', '#fff176');
      note.set('authorId', 'my-tool');
      note.set('groupId', null);
      note.set('createdAt', Date.now());
      doc.getMap('notes').set('note-from-tool', note);
    });
    const olifant = client(server, id, tokenOf(links.participant));
    await waitFor(() => listNotes(olifant.doc).length === 1, 'Olifant client to see the note');
    expect(listNotes(olifant.doc)[0]).toMatchObject({ id: 'note-from-tool', text: 'Hello from another tool', authorId: 'my-tool' });
  });

  it("a storage failure closes the board's sockets with 4500 and the server carries on", async () => {
    const { server, dir } = await setup();
    const board = await createBoard(server.localUrl);
    const a = client(server, board.id, tokenOf(board.links.participant));
    await waitSynced(a);
    const codes: number[] = [];
    a.provider.on('connection-close', (event: CloseEvent | null) => event && codes.push(event.code));
    const db = new Database(join(dir, 'olifant.sqlite'));
    db.exec('DROP TABLE updates');
    db.close();
    createNote(a.doc, { text: 'cannot be stored', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => codes.includes(CLOSE.storageFailure.code), 'close code 4500');
    expect((await fetch(`${server.localUrl}/healthz`)).status).toBe(200);
    const text = await (await fetch(`${server.localUrl}/metrics`)).text();
    expect(text).toMatch(/olifant_errors_total\{kind="storage"\} 1\b/);
    // The note is still on the device that made it, ready to resync.
    expect(listNotes(a.doc).map((n) => n.text)).toEqual(['cannot be stored']);
  });

  it('when Yjs fails half-way through an update, the board is loaded afresh from storage, everyone resyncs (1012) and nothing is lost; at most once a minute', async () => {
    const { server } = await setup();
    const board = await createBoard(server.localUrl);
    const a = client(server, board.id, tokenOf(board.links.participant));
    const b = client(server, board.id, tokenOf(board.links.participant));
    await Promise.all([waitSynced(a), waitSynced(b)]);
    createNote(a.doc, { text: 'before', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => listNotes(b.doc).length === 1, 'b to see the first note');
    const codes = { a: [] as number[], b: [] as number[] };
    a.provider.on('connection-close', (event: CloseEvent | null) => event && codes.a.push(event.code));
    b.provider.on('connection-close', (event: CloseEvent | null) => event && codes.b.push(event.code));
    /** A failure inside Yjs while the server applies its next update (an observer of the server's
     * copy throws; Yjs still finishes the transaction, so the update is stored, then rethrows). */
    const failNextUpdate = () =>
      server.registry.peek(board.id)!.doc.once('afterTransaction', () => {
        throw new Error('simulated failure inside Yjs');
      });
    const first = server.registry.peek(board.id)!;
    failNextUpdate();
    createNote(a.doc, { text: 'during the failure', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => codes.a.includes(CLOSE.boardReloaded.code) && codes.b.includes(CLOSE.boardReloaded.code), 'close code 1012 at both');
    expect(await (await fetch(`${server.localUrl}/metrics`)).text()).toMatch(/olifant_errors_total\{kind="board_reload"\} 1\b/);
    // Both reconnect to the board loaded afresh; a newcomer sees everything.
    await waitFor(() => a.provider.synced && b.provider.synced && server.registry.peek(board.id) !== undefined, 'both back');
    const second = server.registry.peek(board.id)!;
    expect(second).not.toBe(first);
    const c = client(server, board.id, tokenOf(board.links.participant));
    await waitSynced(c);
    const texts = (x: TestClient) => listNotes(x.doc).map((n) => n.text).sort();
    await waitFor(() => [a, b, c].every((x) => texts(x).length === 2), 'every client to hold both notes');
    expect(texts(c)).toEqual(['before', 'during the failure']);

    // Within the minute, another failure closes its sender alone (4422): no one else is disconnected.
    failNextUpdate();
    createNote(a.doc, { text: 'second failure', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => codes.a.includes(CLOSE.invalidUpdate.code), 'close code 4422 at the sender');
    expect(server.registry.peek(board.id)).toBe(second);
    expect(codes.b.filter((code) => code === CLOSE.boardReloaded.code)).toHaveLength(1);
    expect(b.provider.wsconnected).toBe(true);
  });

  it('when the board cannot be loaded afresh after a failure inside Yjs, it is served on as it is and only the sender is closed (4422)', async () => {
    const { server, dir } = await setup();
    const board = await createBoard(server.localUrl);
    const a = client(server, board.id, tokenOf(board.links.participant));
    const b = client(server, board.id, tokenOf(board.links.participant));
    await Promise.all([waitSynced(a), waitSynced(b)]);
    const codes: number[] = [];
    a.provider.on('connection-close', (event: CloseEvent | null) => event && codes.push(event.code));
    const room = server.registry.peek(board.id)!;
    // Stored state no load can read: the reload must not drop the copy in memory for it.
    const db = new Database(join(dir, 'olifant.sqlite'));
    db.prepare('UPDATE board_state SET state = ? WHERE board_id = ?').run(Buffer.from([255, 255, 255]), board.id);
    db.close();
    room.doc.once('afterTransaction', () => {
      throw new Error('simulated failure inside Yjs');
    });
    createNote(a.doc, { text: 'from a', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => codes.includes(CLOSE.invalidUpdate.code), 'close code 4422 at the sender');
    expect(server.registry.peek(board.id)).toBe(room);
    expect(b.provider.wsconnected).toBe(true);
    createNote(b.doc, { text: 'from b', x: 0, y: 0, authorId: 'b' }, ORIGIN.local);
    await waitFor(() => listNotes(room.doc).some((n) => n.text === 'from b'), 'the board to go on taking changes');
  });

  it('close() ends while a websocket upgrade is still being authorized (regression: a restart hung)', async () => {
    // A socket whose token is being checked belonged to neither the HTTP nor the websocket server,
    // so close() waited for it forever. The request is written and close() called at every offset
    // from 0 to 30 event-loop turns later, to land in that window.
    const dir = tempDir();
    cleanups.push(() => dir.cleanup());
    for (let turns = 0; turns <= 30; turns++) {
      const server = await startTestServer(dir.path);
      const board = await createBoard(server.localUrl, 'Closing');
      const socket = connect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        `GET /ws/${board.id}?token=${tokenOf(board.links.participant)} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n` +
          'Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
      for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
      const outcome = await Promise.race([server.close().then(() => 'closed'), new Promise((resolve) => setTimeout(resolve, 3000, 'hung'))]);
      socket.destroy();
      expect(outcome, `close() ${turns} turns after the upgrade request`).toBe('closed');
    }
  });
});


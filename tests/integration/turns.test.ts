/**
 * A room's turns on a store that takes its time: nothing reaches a client before it is stored, a
 * write gathers what arrives meanwhile, a failed write closes the board's sockets, and boards load
 * and unload without two copies of one board at once.
 *
 * The store is the real SQLite store with gates the test opens (tests/helpers/gatedStore.ts): every
 * write still goes to the file; the test only decides when it may start, as a slow disk or a database
 * across the network would.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, createNote, listNotes, ORIGIN } from '../../shared/index.ts';
import { LeaseLostError } from '../../server/persistence/store.ts';
import { openSqliteStore } from '../../server/persistence/sqliteStore.ts';
import type { RunningServer } from '../../server/server.ts';
import { connectClient, sleep, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { openGatedStore, type GatedStore } from '../helpers/gatedStore.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup(overrides = {}): Promise<{ server: RunningServer; store: GatedStore; dir: string }> {
  const dir = tempDir();
  const store = openGatedStore(dir.path);
  const server = await startTestServer(dir.path, overrides, store);
  cleanups.push(() => dir.cleanup());
  cleanups.push(() => {
    store.appendGate.open();
    store.loadGate.open();
    store.compactGate.open();
    return server.close();
  });
  return { server, store, dir: dir.path };
}

/** A server on the gated store, a board, and two participants synced to it. */
async function twoInRoom() {
  const { server, store, dir } = await setup();
  const board = await createBoard(server.localUrl);
  const a = client(server, board.id, tokenOf(board.links.participant));
  const b = client(server, board.id, tokenOf(board.links.participant));
  await Promise.all([waitSynced(a), waitSynced(b)]);
  return { server, store, dir, board, a, b };
}

function client(server: RunningServer, boardId: string, token: string): TestClient {
  const c = connectClient(server.localUrl, boardId, token);
  cleanups.push(() => c.destroy());
  return c;
}

function closeCodes(c: TestClient): number[] {
  const codes: number[] = [];
  c.provider.on('connection-close', (event: CloseEvent | null) => event && codes.push(event.code));
  return codes;
}

/** Notes stored for a board, read from the file by a store of its own. */
async function storedNotes(dir: string, boardId: string): Promise<number> {
  const store = openSqliteStore(dir);
  try {
    const stored = await store.loadDocument(boardId);
    const doc = new Y.Doc();
    if (stored.state) Y.applyUpdate(doc, stored.state);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return listNotes(doc).length;
  } finally {
    await store.close();
  }
}

/** Open participant sockets, as the server counts them. */
async function participantSockets(server: RunningServer): Promise<number> {
  const text = await (await fetch(`${server.localUrl}/metrics`)).text();
  const m = /^olifant_connections\{role="participant"\} (\d+)/m.exec(text);
  return m ? Number(m[1]) : Number.NaN;
}

/** Waits until `check` resolves to true (polling), or fails with `what`. */
async function waitForAsync(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; !(await check()); tries++) {
    if (tries > 500) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** What the server has received so far (its traffic counter), to wait until messages arrived. */
async function messagesIn(server: RunningServer): Promise<number> {
  const text = await (await fetch(`${server.localUrl}/metrics`)).text();
  const m = /^olifant_messages_total\{direction="in"\} (\d+)/m.exec(text);
  return m ? Number(m[1]) : Number.NaN;
}

describe('a room works in turns on an asynchronous store', () => {
  it('no client receives an update, nor a sync answer carrying it, before its append is stored', async () => {
    const { server, store, dir, board, a, b } = await twoInRoom();
    store.appendGate.close();
    createNote(a.doc, { text: 'first', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => store.appendGate.held === 1, 'the first append to wait at the gate');
    // While it waits, a second note and a client joining (its sync request) queue for the next turn.
    createNote(a.doc, { text: 'second', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    const late = client(server, board.id, tokenOf(board.links.participant));
    await waitFor(() => server.registry.peek(board.id)!.size === 3, 'the late client to join');
    await sleep(300); // its sync request reaches the server
    expect(listNotes(b.doc)).toEqual([]);
    expect(listNotes(late.doc)).toEqual([]);
    expect(await storedNotes(dir, board.id)).toBe(0);
    // The first write is stored; the next turn applies the second note and answers the late client,
    // but its write waits at the gate: the answer must wait with it.
    store.appendGate.releaseWaiting();
    await waitFor(() => store.appends.length === 2 && store.appendGate.held === 1, 'the second append to wait at the gate');
    await waitFor(() => listNotes(b.doc).length === 1, 'b to receive the first note');
    await sleep(300);
    expect(listNotes(b.doc).map((n) => n.text)).toEqual(['first']);
    // The late client is in the room: it gets the stored first note broadcast, but no answer yet.
    expect(listNotes(late.doc).map((n) => n.text)).not.toContain('second');
    expect(late.provider.synced).toBe(false);
    store.appendGate.open();
    await waitFor(() => listNotes(b.doc).length === 2 && listNotes(late.doc).length === 2, 'both to receive both stored notes');
    expect(await storedNotes(dir, board.id)).toBe(2);
  });

  it('updates that arrive during a slow write go to the store together, in one append', async () => {
    const { server, store, board, a, b } = await twoInRoom();
    store.appendGate.close();
    createNote(a.doc, { text: 'first', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => store.appendGate.held === 1, 'the first append to wait at the gate');
    const before = await messagesIn(server);
    for (let i = 0; i < 20; i++) createNote(a.doc, { text: `n${i}`, x: i, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitForAsync(async () => (await messagesIn(server)) >= before + 20, 'the 20 updates to reach the server');
    const appendsBefore = store.appends.length;
    store.appendGate.open();
    await waitFor(() => listNotes(b.doc).length === 21, 'b to receive all 21 notes');
    expect(store.appends.slice(appendsBefore - 1)).toEqual([1, 20]);
  });

  it('an append that fails closes the board’s sockets with 4500', async () => {
    const { server, store, board, a, b } = await twoInRoom();
    const codes = { a: closeCodes(a), b: closeCodes(b) };
    store.failNextAppend = new Error('disk full');
    createNote(a.doc, { text: 'cannot be stored', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => codes.a.includes(CLOSE.storageFailure.code) && codes.b.includes(CLOSE.storageFailure.code), 'close code 4500 at both');
    expect(listNotes(a.doc).map((n) => n.text)).toEqual(['cannot be stored']);
  });

  it('an append refused because another process took the board over closes its sockets with 1012, and they come back', async () => {
    const { server, store, dir, board, a, b } = await twoInRoom();
    const codes = { a: closeCodes(a), b: closeCodes(b) };
    const first = server.registry.peek(board.id);
    store.failNextAppend = new LeaseLostError(board.id);
    createNote(a.doc, { text: 'written again after the reconnect', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => codes.a.includes(CLOSE.leaseLost.code) && codes.b.includes(CLOSE.leaseLost.code), 'close code 1012 at both');
    expect(CLOSE.leaseLost.code).toBe(1012);
    // The room was dropped; the clients reconnect to a fresh one and the note is stored then.
    await waitFor(() => listNotes(b.doc).length === 1, 'b to receive the note after reconnecting');
    expect(server.registry.peek(board.id)).not.toBe(first);
    expect(await storedNotes(dir, board.id)).toBe(1);
  });

  it('a compaction refused because another process took the board over closes its sockets with 1012 too', async () => {
    const { server, store } = await setup({ compactEvery: 2, unloadGraceMs: 60_000 });
    const board = await createBoard(server.localUrl);
    const a = client(server, board.id, tokenOf(board.links.participant));
    await waitSynced(a);
    const codes = closeCodes(a);
    store.failNextCompact = new LeaseLostError(board.id);
    createNote(a.doc, { text: 'one', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    createNote(a.doc, { text: 'two', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => codes.includes(CLOSE.leaseLost.code), 'close code 1012');
    expect(store.failNextCompact).toBeUndefined();
  });
});

describe('boards load and unload asynchronously', () => {
  it('sockets that open while their board loads share one load; one that closes meanwhile is not kept', async () => {
    const { server, store } = await setup({ unloadGraceMs: 100 });
    const board = await createBoard(server.localUrl);
    store.loadGate.close();
    const clients = [0, 1, 2].map(() => client(server, board.id, tokenOf(board.links.participant)));
    const gone = connectClient(server.localUrl, board.id, tokenOf(board.links.participant));
    await waitFor(() => store.loadGate.held === 1, 'the load to wait at the gate');
    await sleep(200); // every socket has asked for the board by now
    gone.destroy();
    await waitForAsync(async () => (await participantSockets(server)) === 3, 'the server to see one socket close');
    store.loadGate.open();
    await Promise.all(clients.map((c) => waitSynced(c)));
    expect(store.loads).toBe(1);
    expect(server.registry.peek(board.id)!.size).toBe(3);
    for (const c of clients) c.provider.disconnect();
    await waitFor(() => server.registry.peek(board.id) === undefined, 'the board to unload once everyone left');
  });

  it('a board reloaded while it unloads waits for its compaction and sees what it stored', async () => {
    const { server, store } = await setup({ unloadGraceMs: 50 });
    const board = await createBoard(server.localUrl);
    const a = client(server, board.id, tokenOf(board.links.participant));
    await waitSynced(a);
    createNote(a.doc, { text: 'kept across the unload', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => store.appends.length === 1 && !server.registry.peek(board.id)!.busy, 'the note to be stored');
    store.compactGate.close();
    a.provider.disconnect();
    await waitFor(() => store.compactGate.held === 1, 'the unload compaction to wait at the gate');
    expect(server.registry.peek(board.id)).toBeUndefined();
    const loads = store.loads;
    const back = client(server, board.id, tokenOf(board.links.participant));
    await sleep(200);
    expect(store.loads).toBe(loads); // not loaded while its unload is under way
    store.compactGate.open();
    await waitSynced(back);
    expect(store.loads).toBe(loads + 1);
    expect(store.compactions).toBe(1);
    expect(listNotes(back.doc).map((n) => n.text)).toEqual(['kept across the unload']);
  });

  it('shutting down waits for a write in flight, then compacts, then closes the store', async () => {
    const { server, store, dir } = await setup();
    const board = await createBoard(server.localUrl);
    const a = client(server, board.id, tokenOf(board.links.participant));
    await waitSynced(a);
    store.appendGate.close();
    createNote(a.doc, { text: 'in flight at shutdown', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => store.appendGate.held === 1, 'the append to wait at the gate');
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await sleep(200);
    expect(closed).toBe(false);
    expect(store.closedAfterAppends).toBeUndefined();
    store.appendGate.open();
    await closing;
    expect(store.closedAfterAppends).toBe(1);
    expect(store.compactions).toBe(1);
    expect(await storedNotes(dir, board.id)).toBe(1);
  });
});

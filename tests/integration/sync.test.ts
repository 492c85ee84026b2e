import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createNote, listNotes, moveNotes, ORIGIN, readMeta, setNoteText } from '../../shared/index.ts';
import type { RunningServer } from '../../server/server.ts';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup(overrides = {}) {
  const dir = tempDir();
  let server = await startTestServer(dir.path, overrides);
  cleanups.push(() => dir.cleanup());
  cleanups.push(() => server.close());
  const board = await createBoard(server.localUrl, 'Sync board');
  const clients: TestClient[] = [];
  cleanups.push(() => clients.forEach((c) => c.destroy()));
  const connect = async (role: 'facilitator' | 'participant' | 'projector' = 'participant') => {
    const c = connectClient(server.localUrl, board.id, tokenOf(board.links[role]));
    clients.push(c);
    await waitSynced(c);
    return c;
  };
  const restart = async () => {
    await server.close();
    server = await startTestServer(dir.path, overrides);
    return server;
  };
  return { dir, board, connect, restart, get server() { return server; } };
}

describe('sync through the real server', () => {
  it('two stock WebsocketProvider clients sync notes both ways', async () => {
    const { connect } = await setup();
    const a = await connect('facilitator');
    const b = await connect();
    expect(readMeta(a.doc).title).toBe('Sync board');
    const n1 = createNote(a.doc, { text: 'from a', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => listNotes(b.doc).length === 1, 'b to receive the note');
    setNoteText(b.doc, n1, 'from a, edited by b', ORIGIN.local);
    createNote(b.doc, { text: 'from b', x: 200, y: 0, authorId: 'b' }, ORIGIN.local);
    moveNotes(b.doc, [{ id: n1, x: 40, y: 50 }], ORIGIN.local);
    await waitFor(() => listNotes(a.doc).length === 2 && listNotes(a.doc)[0]?.x === 40, 'a to receive b edits');
    expect(listNotes(a.doc)).toEqual(listNotes(b.doc));
    expect(listNotes(a.doc).map((n) => n.text).sort()).toEqual(['from a, edited by b', 'from b']);
  });

  it('a client that connects after a restart sees everything', async () => {
    const ctx = await setup();
    const a = await ctx.connect();
    for (let i = 0; i < 20; i++) createNote(a.doc, { text: `note ${i}`, x: i, y: 0, authorId: 'a' }, ORIGIN.local);
    const before = listNotes(a.doc);
    // Wait until a second client holds them, which proves the server has them.
    const b = await ctx.connect();
    await waitFor(() => listNotes(b.doc).length === 20, 'b to receive 20 notes');
    a.destroy();
    b.destroy();
    const server = await ctx.restart();
    const fresh = connectClient(server.localUrl, ctx.board.id, tokenOf(ctx.board.links.participant));
    cleanups.push(() => fresh.destroy());
    await waitSynced(fresh);
    expect(listNotes(fresh.doc)).toEqual(before);
  });

  it('unloads an idle board after the grace period and reloads it intact, compacted', async () => {
    const ctx = await setup({ unloadGraceMs: 100, compactEvery: 5 });
    const a = await ctx.connect();
    for (let i = 0; i < 12; i++) createNote(a.doc, { text: `n${i}`, x: i, y: i, authorId: 'a' }, ORIGIN.local);
    const b = await ctx.connect();
    await waitFor(() => listNotes(b.doc).length === 12, 'b to receive 12 notes');
    const expected = listNotes(b.doc);
    a.destroy();
    b.destroy();
    await waitFor(() => ctx.server.registry.size === 0, 'board to unload');
    const db = new Database(join(ctx.dir.path, 'olifant.sqlite'), { readonly: true });
    const logRows = db.prepare('SELECT count(*) AS n FROM updates WHERE board_id = ?').get(ctx.board.id) as { n: number };
    const state = db.prepare('SELECT length(state) AS n FROM board_state WHERE board_id = ?').get(ctx.board.id) as { n: number };
    db.close();
    expect(logRows.n).toBe(0);
    expect(state.n).toBeGreaterThan(100);
    const c = await ctx.connect();
    expect(ctx.server.registry.size).toBe(1);
    expect(listNotes(c.doc)).toEqual(expected); // sent as stored, not encoded again
    // Once the board changes, a newcomer gets the new state, not the stored one.
    createNote(c.doc, { text: 'after the reload', x: 0, y: 0, authorId: 'c' }, ORIGIN.local);
    await waitFor(() => ctx.server.registry.peek(ctx.board.id)!.doc.getMap('notes').size === 13, 'the server to hold 13 notes');
    const d = await ctx.connect();
    expect(listNotes(d.doc).map((n) => n.text)).toContain('after the reload');
  });

  it('a late joiner receives the full state with one sync', async () => {
    const ctx = await setup();
    const a = await ctx.connect();
    for (let i = 0; i < 50; i++) createNote(a.doc, { text: `t${i}`, x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    await waitFor(() => ctx.server.registry.peek(ctx.board.id)!.doc.getMap('notes').size === 50, 'server to hold 50 notes');
    const late = await ctx.connect();
    expect(listNotes(late.doc)).toHaveLength(50);
  });
});

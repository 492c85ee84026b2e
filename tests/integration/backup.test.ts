/**
 * Data out and in through the real server: a JSON backup restores as a new board equal to the
 * original (and never touches it), with the writers its document client IDs are bound to; bad backups
 * are refused with a reason; the notes CSV is safe to open in a spreadsheet.
 *
 * Why: nothing the room made may be lost after the day, and a restore must not damage what exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreatedBoard } from '../../shared/index.ts';
import { readableView, type Backup } from '../../shared/report/index.ts';
import { openSqliteStore } from '../../server/persistence/sqliteStore.ts';
import { KEYLESS_WRITER, SERVER_WRITER, type BoardStore } from '../../server/persistence/store.ts';
import type { RunningServer } from '../../server/server.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';
import { serverPerFile } from '../helpers/fileServer.ts';
import { reportBoardOnServer } from '../fixtures/reportBoard.ts';

const running = serverPerFile();

const get = (board: CreatedBoard, path: string) =>
  fetch(`${running.server.localUrl}/api/boards/${board.id}/${path}`, { headers: { Authorization: `Bearer ${tokenOf(board.links.facilitator)}` } });

/** A board on the server holding the fixture's content (plus `extra` notes). */
async function fixtureOnServer(extra: string[] = []): Promise<CreatedBoard> {
  const board = await createBoard(running.server.localUrl, 'Backup board');
  await reportBoardOnServer(running.server.localUrl, board.id, tokenOf(board.links.facilitator), extra);
  return board;
}

/** The board's content without what a restore changes on purpose (epoch, title). */
function content(view: ReturnType<typeof readableView>) {
  const { meta, ...rest } = view;
  return { ...rest, createdAt: meta.createdAt, schemaVersion: meta.schemaVersion };
}

describe('backup and restore', () => {
  it('a backup restores as a new board with equal content and a new epoch; the original is untouched', async () => {
    const board = await fixtureOnServer();
    const res = await get(board, 'backup.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="olifant-.*\.json"/);
    const backup = (await res.json()) as Backup;
    expect(backup).toMatchObject({ format: 'olifant-backup', version: 1, board: { id: board.id } });

    const restored = await fetch(`${running.server.localUrl}/api/boards/restore?title=${encodeURIComponent('Restored copy')}`, { method: 'POST', body: JSON.stringify(backup) });
    expect(restored.status).toBe(201);
    const copy = (await restored.json()) as CreatedBoard;
    expect(copy.id).not.toBe(board.id);
    expect(copy.title).toBe('Restored copy');

    const again = (await (await get(copy, 'backup.json')).json()) as Backup;
    expect(content(again.view)).toEqual(content(backup.view));
    expect(again.board.epoch).not.toBe(backup.board.epoch);
    expect(again.view.meta.title).toBe('Restored copy');
    // The original still holds exactly what it held.
    const original = (await (await get(board, 'backup.json')).json()) as Backup;
    expect(original.state).toBe(backup.state);
  });

  it('restores run beside the server, two at a time: a third at once is told to try again (503), and made when asked again', async () => {
    const backup = await (await get(await fixtureOnServer(), 'backup.json')).text();
    const restore = () => fetch(`${running.server.localUrl}/api/boards/restore`, { method: 'POST', body: backup });
    const statuses = (await Promise.all([restore(), restore(), restore()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 503]);
    expect((await restore()).status).toBe(201);
  });

  it('refuses what is not a backup, with a reason', async () => {
    const post = (body: string) => fetch(`${running.server.localUrl}/api/boards/restore`, { method: 'POST', body });
    const notBackup = await post(JSON.stringify({ hello: 'world' }));
    expect(notBackup.status).toBe(400);
    expect(((await notBackup.json()) as { error: string }).error).toMatch(/cannot restore: .*not an Olifant backup/);
    const damaged = await post(JSON.stringify({ format: 'olifant-backup', version: 1, board: { title: 'x' }, state: 'AAAA' }));
    expect(damaged.status).toBe(400);
    expect(((await damaged.json()) as { error: string }).error).toMatch(/cannot restore/);
    expect((await post('not json')).status).toBe(400);
    expect((await fetch(`${running.server.localUrl}/api/boards/restore`)).status).toBe(405);
  });

  it('refuses a state with some bytes changed that Yjs reads but cannot place (it made a board that never opened)', async () => {
    // A seeded mutation of a small board's state: accepted, the restore would answer 201 and every
    // link of the new board would then fail to load (500, close 4501).
    const res = await fetch(`${running.server.localUrl}/api/boards/restore`, {
      method: 'POST',
      body: JSON.stringify({ format: 'olifant-backup', version: 1, board: { title: 'x' }, state: DAMAGED_STATE }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/damaged: it refers to changes that are not in it/);
  });

  it('the notes CSV has every note with its group, area, cluster, votes and standing; formulas are defused', async () => {
    const board = await fixtureOnServer(['=HYPERLINK("http://evil.example","click")', 'Quote "this", please']);
    const res = await get(board, 'notes.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"text","group","area","cluster","votes","cluster votes","standing","cluster standing","kind","owner","volunteers","created","id","standing code","cluster standing code"');
    const row = lines.find((l) => l.startsWith('"Long waiting lists'));
    expect(row).toMatch(/^"Long waiting lists for home care","Citizens","Trends mind map","Waiting lists","0","3","","common ground",/);
    expect(row).toMatch(/,"","commonGround"$/);
    const nl = (await (await get(board, 'notes.csv?lang=nl')).text()).split('\r\n').find((l) => l.startsWith('"Long waiting lists'));
    expect(nl).toMatch(/^"Long waiting lists for home care","Citizens","Mindmap van trends","Waiting lists","0","3","","gemeenschappelijke basis",/);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).toContain('"Quote ""this"", please"');
    expect(lines).toHaveLength(1 + 9); // the header, the fixture's 7 notes, the 2 added
    expect((await fetch(`${running.server.localUrl}/api/boards/${board.id}/notes.csv?token=${tokenOf(board.links.participant)}`)).status).toBe(403);
  });
});

/** The client IDs that have changes in a base64 board state. */
const clientsOf = (state: string) => [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Buffer.from(state, 'base64'))).keys()];

describe('backup and restore carry the client ID bindings', () => {
  // A server of its own, on a store the test also holds: the bindings are read where the server keeps them.
  const dir = tempDir();
  let server: RunningServer;
  let store: BoardStore;
  beforeAll(async () => {
    store = openSqliteStore(dir.path);
    server = await startTestServer(dir.path, {}, store);
  });
  afterAll(async () => {
    await server.close();
    dir.cleanup();
  });
  const getFile = (board: CreatedBoard) =>
    fetch(`${server.localUrl}/api/boards/${board.id}/backup.json`, { headers: { Authorization: `Bearer ${tokenOf(board.links.facilitator)}` } });
  const restore = (body: unknown) => fetch(`${server.localUrl}/api/boards/restore`, { method: 'POST', body: JSON.stringify(body) });
  /** A board with the fixture's content and two announced IDs bound to devices; its backup. */
  const boundBackup = async (): Promise<Backup> => {
    const board = await createBoard(server.localUrl, 'Bound board');
    await reportBoardOnServer(server.localUrl, board.id, tokenOf(board.links.facilitator));
    await store.appendUpdates(board.id, [], undefined, new Map([[1001, DEVICE_A], [1002, KEYLESS_WRITER]]));
    return (await (await getFile(board)).json()) as Backup;
  };

  it('a backup holds the board’s bindings; the restored board binds them again, and the server every other ID in it', async () => {
    const backup = await boundBackup();
    const board = backup.board.id;
    expect(backup.clientWriters).toMatchObject({ '1001': DEVICE_A, '1002': KEYLESS_WRITER });
    expect(backup.clientWriters).toEqual(Object.fromEntries([...(await store.clientWriters(board))].map(([c, w]) => [String(c), w])));

    const res = await restore(backup);
    expect(res.status).toBe(201);
    const copy = (await res.json()) as CreatedBoard;
    const restored = await store.clientWriters(copy.id);
    for (const [client, writer] of Object.entries(backup.clientWriters!)) expect(restored.get(Number(client))).toBe(writer);
    // The restored content keeps the backup's client IDs, and each of its IDs is bound to someone.
    const again = (await (await getFile(copy)).json()) as Backup;
    const before = clientsOf(backup.state);
    const after = clientsOf(again.state);
    expect(after).toEqual(expect.arrayContaining(before));
    for (const client of after) expect(restored.has(client)).toBe(true);
    // What the restore wrote itself (the new epoch and title) is under an ID of the server's.
    const own = after.filter((c) => !before.includes(c));
    expect(own.length).toBeGreaterThan(0);
    for (const client of own) expect(restored.get(client)).toBe(SERVER_WRITER);
    expect(again.clientWriters).toEqual(Object.fromEntries([...restored].map(([c, w]) => [String(c), w])));
  });

  it('a backup from before the bindings still restores: the server is bound to every ID of its content', async () => {
    const { clientWriters: _dropped, ...old } = await boundBackup();
    const res = await restore(old);
    expect(res.status).toBe(201);
    const restored = await store.clientWriters(((await res.json()) as CreatedBoard).id);
    expect(restored.has(1001)).toBe(false);
    const clients = clientsOf(old.state);
    for (const client of clients) expect(restored.get(client)).toBe(SERVER_WRITER);
  });

  it('refuses malformed bindings, or too many, with a reason', async () => {
    const backup = await boundBackup();
    const refusal = async (clientWriters: unknown) => {
      const res = await restore({ ...backup, clientWriters });
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: string }).error;
    };
    expect(await refusal([[1, DEVICE_A]])).toMatch(/cannot restore: clientWriters: expected an object of client IDs and their writers/);
    expect(await refusal({ '-1': DEVICE_A })).toMatch(/clientWriters\.-1: a client ID is a whole number from 0 to 4294967295/);
    expect(await refusal({ '4294967296': DEVICE_A })).toMatch(/a client ID is a whole number/);
    expect(await refusal({ '7': 42 })).toMatch(/clientWriters\.7: .*expected string/);
    expect(await refusal({ '7': '<script>' })).toMatch(/clientWriters\.7: a writer is a device key hash/);
    const tooMany = Object.fromEntries(Array.from({ length: 100_001 }, (_, i) => [String(i), SERVER_WRITER]));
    expect(await refusal(tooMany)).toMatch(/clientWriters: more than 100000 client ID bindings/);
    // At the cap, it restores.
    const atCap = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [String(i + 5000), SERVER_WRITER]));
    expect((await restore({ ...backup, clientWriters: atCap })).status).toBe(201);
  });
});

/** A device key's hash, as the server writes one. */
const DEVICE_A = 'q0m3Zr8b1cZ2x7Yv4Jk9Lw3Pn6Rt5Su8Vx1Wy2Za3Bc';

/** A small board's state, mutated: Yjs holds part of it back instead of throwing. */
const DAMAGED_STATE =
  'ARiorLLmCAAoAQRtZXRhDXNjaGVtYVZlcnNpb24BfQIoAQRtZXRhBXRpdGxlAXcFYm9hcmQoAQRtZXRhCWNyZWF0ZWRBdAF9ASgBBG1ldGEFZXBvY2gBdxBjU2ZzRlE1cjJiOXgzYjRkJwEFbm90ZXMCbjABJwCorLLmCAQEdGV4dAIEAKissuYIBQdoZWxsbyAwKACorLIACAQBeAF9ACcBBW5vdGVzAm4xAScAqKyy5ggOBHRleHQCBACorLLmCA8HaGVsbG8gMSgAqKyy5ggOAXgBfQEnAQVub3RlcwJuMgEnAKissuYIGAR0ZXh0AgQAqKyy5ggZB2hlbGxvIDIoAKissuYIGAF4AX0CJwEFbm90ZXMCbjMBJwCorLLmCCIEdGV4dAIEAKissuYIIwdoZWxsbyAzKACorLLmCCIBeAF9AycBBW5vdGVzAm40AScAqKyy5ggsBHRleHQCBACorLLmCC0HaGVsbG8gNCgAqKyy5ggsAXgBfQQA';

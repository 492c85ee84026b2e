/**
 * The storage contract on the embedded SQLite store, each test on a file in a new temporary folder,
 * and the upgrade of an older file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/persistence/openStore.ts';
import { newBoard, storeContract, update } from './storeContract.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

storeContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'olifant-store-'));
  dirs.push(dir);
  // No database URL: the default, as a fresh clone runs.
  return openStore({ dataDir: dir });
});

describe('the SQLite store', () => {
  it('upgrades a store-version-4 file so that a board’s key version has one join code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'olifant-store-'));
    dirs.push(dir);
    const before = await openStore({ dataDir: dir });
    const board = newBoard();
    await before.createBoard(board, new Uint8Array([1]));
    const code = await before.joinCode(board.id, 1);
    await before.close();
    const file = new Database(join(dir, 'olifant.sqlite'));
    file.exec('DROP INDEX join_codes_one_per_version');
    file.pragma('user_version = 4');
    file.close();

    const store = await openStore({ dataDir: dir });
    expect(await store.joinCode(board.id, 1)).toBe(code);
    await store.close();
    const after = new Database(join(dir, 'olifant.sqlite'));
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(6);
      expect(() => after.prepare('INSERT INTO join_codes (code, board_id, key_version) VALUES (?, ?, ?)').run('abcdefgh', board.id, 1)).toThrow(/UNIQUE/);
    } finally {
      after.close();
    }
  });

  it('upgrades a store-version-5 file to 6 with its boards intact, and binds client IDs from then on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'olifant-store-'));
    dirs.push(dir);
    const before = await openStore({ dataDir: dir });
    const board = newBoard('Before the bindings');
    await before.createBoard(board, new Uint8Array([1, 2]));
    const last = await before.appendUpdates(board.id, [update(1), update(2)]);
    const code = await before.joinCode(board.id, 1);
    await before.close();
    const file = new Database(join(dir, 'olifant.sqlite'));
    file.exec('DROP TABLE client_writers');
    file.pragma('user_version = 5');
    file.close();

    const store = await openStore({ dataDir: dir });
    expect(await store.getBoard(board.id)).toEqual(board);
    expect(await store.joinCode(board.id, 1)).toBe(code);
    const doc = await store.loadDocument(board.id);
    expect([...doc.state!]).toEqual([1, 2]);
    expect(doc.updates.map((u) => u[0])).toEqual([1, 2]);
    expect(doc.lastSeq).toBe(last);
    expect(doc.writers).toEqual(new Map());
    expect(await store.appendUpdates(board.id, [update(3)], undefined, new Map([[9, 'device-a']]))).toBeGreaterThan(last);
    expect(await store.clientWriters(board.id)).toEqual(new Map([[9, 'device-a']]));
    await store.close();
    const after = new Database(join(dir, 'olifant.sqlite'));
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(6);
    } finally {
      after.close();
    }
  });
});

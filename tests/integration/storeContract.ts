/**
 * The storage contract: what every store engine promises the rooms, written once and run on each.
 *
 * Why: the server runs on SQLite by default and on PostgreSQL when shared; the rooms must not tell the
 * difference. Each engine's test file calls `storeContract` with a factory that opens a fresh, empty
 * store of its own (a new data folder, a new database) on the real engine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEYLESS_WRITER, SERVER_WRITER, type BoardRecord, type BoardStore } from '../../server/persistence/store.ts';

/** Opens a new, empty store on the engine under test. */
export type OpenFreshStore = () => Promise<BoardStore>;

let boards = 0;

/** A board record with a new id. */
export function newBoard(title = 'Future Search'): BoardRecord {
  return {
    id: `board-${process.pid}-${++boards}`,
    title,
    createdAt: 1_700_000_000_000 + boards,
    keyVersions: { facilitator: 1, participant: 1, projector: 1 },
  };
}

/** Bytes that say which update they are, to check order and content. */
export const update = (n: number) => new Uint8Array([n & 255, (n >> 8) & 255, 7, 7, 7]);

/** Defines the contract's tests for the engine `engine`. */
export function storeContract(engine: 'sqlite' | 'postgres', openFresh: OpenFreshStore): void {
  const open: BoardStore[] = [];
  const fresh = async () => {
    const store = await openFresh();
    open.push(store);
    return store;
  };
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close().catch(() => {});
  });

  describe(`the ${engine} store keeps the storage contract`, () => {
    it('names its engine, creates a board and reads it back; an unknown id is undefined', async () => {
      const store = await fresh();
      expect(store.engine).toBe(engine);
      const board = newBoard('Our next ten years');
      await store.createBoard(board, new Uint8Array([1, 2, 3]));
      expect(await store.getBoard(board.id)).toEqual(board);
      expect(await store.getBoard('no-such-board')).toBeUndefined();
      const doc = await store.loadDocument(board.id);
      expect([...doc.state!]).toEqual([1, 2, 3]);
      expect(doc.updates).toEqual([]);
      expect(doc.lastSeq).toBe(0);
    });

    it('refuses a second board with the same id and keeps the first', async () => {
      const store = await fresh();
      const board = newBoard('first');
      await store.createBoard(board, new Uint8Array([1]));
      await expect(store.createBoard({ ...board, title: 'second' }, new Uint8Array([2]))).rejects.toThrow();
      expect((await store.getBoard(board.id))?.title).toBe('first');
      expect([...(await store.loadDocument(board.id)).state!]).toEqual([1]);
      expect(await store.countBoards()).toBe(1);
    });

    it('rotates each role’s key on its own; an unknown board rejects', async () => {
      const store = await fresh();
      const board = newBoard();
      await store.createBoard(board, new Uint8Array([1]));
      expect(await store.rotateKey(board.id, 'participant')).toBe(2);
      expect(await store.rotateKey(board.id, 'participant')).toBe(3);
      expect(await store.rotateKey(board.id, 'projector')).toBe(2);
      expect((await store.getBoard(board.id))?.keyVersions).toEqual({ facilitator: 1, participant: 3, projector: 2 });
      await expect(store.rotateKey('no-such-board', 'facilitator')).rejects.toThrow();
    });

    it('makes one join code per key version, resolves it, and never gives two boards the same', async () => {
      const store = await fresh();
      const a = newBoard();
      const b = newBoard();
      await store.createBoard(a, new Uint8Array([1]));
      await store.createBoard(b, new Uint8Array([1]));
      const a1 = await store.joinCode(a.id, 1);
      expect(a1).toMatch(/^[a-km-np-z2-9]{8}$/);
      expect(await store.joinCode(a.id, 1)).toBe(a1);
      const a2 = await store.joinCode(a.id, 2);
      const b1 = await store.joinCode(b.id, 1);
      expect(new Set([a1, a2, b1]).size).toBe(3);
      expect(await store.resolveJoinCode(a1)).toEqual({ boardId: a.id, keyVersion: 1 });
      expect(await store.resolveJoinCode(a2)).toEqual({ boardId: a.id, keyVersion: 2 });
      expect(await store.resolveJoinCode(b1)).toEqual({ boardId: b.id, keyVersion: 1 });
      expect(await store.resolveJoinCode('zzzzzzzz')).toBeUndefined();
    });

    it('gives every one of many simultaneous askers the same join code', async () => {
      const store = await fresh();
      const board = newBoard();
      await store.createBoard(board, new Uint8Array([1]));
      const codes = await Promise.all(Array.from({ length: 20 }, () => store.joinCode(board.id, 5)));
      expect(new Set(codes).size).toBe(1);
      expect(await store.resolveJoinCode(codes[0]!)).toEqual({ boardId: board.id, keyVersion: 5 });
    });

    it('keeps snapshots with their bytes, lists them oldest first, and finds one only under its board', async () => {
      const store = await fresh();
      const board = newBoard();
      const other = newBoard();
      await store.createBoard(board, new Uint8Array([1]));
      await store.createBoard(other, new Uint8Array([1]));
      const big = new Uint8Array(100_000).map((_, i) => (i * 31) & 255);
      const first = await store.addSnapshot(board.id, new Uint8Array([9, 8, 7]), 'schedule', 1000);
      const second = await store.addSnapshot(board.id, big, 'agenda', 2000);
      await store.addSnapshot(other.id, new Uint8Array([5]), 'unload', 1500);
      expect(second).toBeGreaterThan(first);
      expect(await store.listSnapshots(board.id)).toEqual([
        { id: first, takenAt: 1000, reason: 'schedule', bytes: 3 },
        { id: second, takenAt: 2000, reason: 'agenda', bytes: 100_000 },
      ]);
      const got = await store.getSnapshot(board.id, second);
      expect(got).toMatchObject({ id: second, takenAt: 2000, reason: 'agenda' });
      expect(Buffer.from(got!.state).equals(Buffer.from(big))).toBe(true);
      expect(await store.getSnapshot(other.id, second)).toBeUndefined();
      expect(await store.listSnapshots('no-such-board')).toEqual([]);
    });

    it('appends updates, several in one call, and loads them back in order with growing numbers', async () => {
      const store = await fresh();
      const board = newBoard();
      await store.createBoard(board, new Uint8Array([1]));
      const s1 = await store.appendUpdates(board.id, [update(1)]);
      const s3 = await store.appendUpdates(board.id, [update(2), update(3)]);
      const s6 = await store.appendUpdates(board.id, [update(4), update(5), update(6)]);
      expect(s3).toBeGreaterThan(s1);
      expect(s6).toBeGreaterThan(s3);
      const doc = await store.loadDocument(board.id);
      expect(doc.updates.map((u) => [...u])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [...update(n)]));
      expect(doc.lastSeq).toBe(s6);
    });

    it('keeps appends made without waiting in the order they were made', async () => {
      const store = await fresh();
      const board = newBoard();
      await store.createBoard(board, new Uint8Array([1]));
      const seqs = await Promise.all(Array.from({ length: 30 }, (_, i) => store.appendUpdates(board.id, [update(2 * i), update(2 * i + 1)])));
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      const doc = await store.loadDocument(board.id);
      expect(doc.updates.map((u) => u[0])).toEqual(Array.from({ length: 60 }, (_, i) => i));
    });

    it('numbers each board’s updates on its own, in the order they were appended', async () => {
      const store = await fresh();
      const a = newBoard();
      const b = newBoard();
      await store.createBoard(a, new Uint8Array([1]));
      await store.createBoard(b, new Uint8Array([1]));
      const seqs: number[] = [];
      for (let i = 0; i < 5; i++) {
        seqs.push(await store.appendUpdates(a.id, [update(i)]));
        await store.appendUpdates(b.id, [update(100 + i), update(200 + i)]);
      }
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(5);
      const docA = await store.loadDocument(a.id);
      const docB = await store.loadDocument(b.id);
      expect(docA.updates.map((u) => u[0])).toEqual([0, 1, 2, 3, 4]);
      expect(docB.updates.map((u) => u[0])).toEqual([100, 200, 101, 201, 102, 202, 103, 203, 104, 204]);
      expect(docA.lastSeq).toBe(seqs[4]);
    });

    it('compacts: the new state replaces the old and the log up to the number goes, later updates stay', async () => {
      const store = await fresh();
      const board = newBoard();
      await store.createBoard(board, new Uint8Array([1]));
      await store.appendUpdates(board.id, [update(1), update(2)]);
      const upto = await store.appendUpdates(board.id, [update(3)]);
      const last = await store.appendUpdates(board.id, [update(4), update(5)]);
      await store.compact(board.id, new Uint8Array([42, 42]), upto);
      const doc = await store.loadDocument(board.id);
      expect([...doc.state!]).toEqual([42, 42]);
      expect(doc.updates.map((u) => u[0])).toEqual([4, 5]);
      expect(doc.lastSeq).toBe(last);
      const next = await store.appendUpdates(board.id, [update(6)]);
      expect(next).toBeGreaterThan(last);
      await store.compact(board.id, new Uint8Array([43]), next);
      const empty = await store.loadDocument(board.id);
      expect([...empty.state!]).toEqual([43]);
      expect(empty.updates).toEqual([]);
    });

    it('keeps the client ID bindings of a new board and of each append, and loads them with the document', async () => {
      const store = await fresh();
      const board = newBoard();
      const other = newBoard();
      await store.createBoard(board, new Uint8Array([1]), new Map([[11, SERVER_WRITER]]));
      await store.createBoard(other, new Uint8Array([1]));
      await store.appendUpdates(board.id, [update(1)], undefined, new Map([[22, 'device-a']]));
      const last = await store.appendUpdates(board.id, [update(2), update(3)], undefined, new Map([[33, KEYLESS_WRITER], [0xffffffff, 'device-b']]));
      const expected = new Map([[11, SERVER_WRITER], [22, 'device-a'], [33, KEYLESS_WRITER], [0xffffffff, 'device-b']]);
      const doc = await store.loadDocument(board.id);
      expect(doc.writers).toEqual(expected);
      expect(doc.updates.map((u) => u[0])).toEqual([1, 2, 3]);
      expect(doc.lastSeq).toBe(last);
      expect(await store.clientWriters(board.id)).toEqual(expected);
      expect((await store.loadDocument(other.id)).writers).toEqual(new Map());
      expect(await store.clientWriters(other.id)).toEqual(new Map());
      expect(await store.clientWriters('no-such-board')).toEqual(new Map());
    });

    it('keeps the first writer of a client ID: a later binding of the same ID changes nothing', async () => {
      const store = await fresh();
      const board = newBoard();
      await store.createBoard(board, new Uint8Array([1]), new Map([[5, SERVER_WRITER]]));
      await store.appendUpdates(board.id, [update(1)], undefined, new Map([[7, 'device-a']]));
      await store.appendUpdates(board.id, [update(2)], undefined, new Map([[7, 'device-b'], [5, 'device-b'], [8, 'device-b']]));
      expect((await store.loadDocument(board.id)).writers).toEqual(new Map([[5, SERVER_WRITER], [7, 'device-a'], [8, 'device-b']]));
    });

    it('writes bindings without updates: they resolve to 0 and the log and its numbers stay as they were', async () => {
      const store = await fresh();
      const board = newBoard();
      await store.createBoard(board, new Uint8Array([1]));
      const first = await store.appendUpdates(board.id, [update(1)]);
      expect(await store.appendUpdates(board.id, [], undefined, new Map([[42, 'device-a'], [43, 'device-b']]))).toBe(0);
      expect(await store.appendUpdates(board.id, [])).toBe(0);
      const doc = await store.loadDocument(board.id);
      expect(doc.writers).toEqual(new Map([[42, 'device-a'], [43, 'device-b']]));
      expect(doc.updates.map((u) => u[0])).toEqual([1]);
      expect(doc.lastSeq).toBe(first);
      expect(await store.appendUpdates(board.id, [update(2)])).toBeGreaterThan(first);
    });

    it('binds a participant id to the first device key, and answers who is bound, at once too', async () => {
      const store = await fresh();
      expect(await store.isPersonBound('p-ana')).toBe(false);
      expect(store.isPersonKnownBound('p-ana')).toBe(false);
      expect(await store.claimPerson('p-ana', 'hash-1')).toBe(true);
      expect(await store.claimPerson('p-ana', 'hash-1')).toBe(true);
      expect(await store.claimPerson('p-ana', 'hash-2')).toBe(false);
      expect(await store.isPersonBound('p-ana')).toBe(true);
      expect(store.isPersonKnownBound('p-ana')).toBe(true);
      expect(await store.isPersonBound('p-ben')).toBe(false);
      expect(store.isPersonKnownBound('p-ben')).toBe(false);
    });

    it('counts boards, and rejects calls once closed', async () => {
      const store = await fresh();
      expect(await store.countBoards()).toBe(0);
      for (let i = 0; i < 3; i++) await store.createBoard(newBoard(), new Uint8Array([1]));
      expect(await store.countBoards()).toBe(3);
      await store.close();
      await expect(Promise.resolve().then(() => store.countBoards())).rejects.toThrow();
    });
  });
}

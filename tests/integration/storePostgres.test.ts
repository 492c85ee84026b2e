/**
 * The storage contract on PostgreSQL, and what only the shared engine promises: migrations that run
 * once however many servers start, board leases on the database's clock that fence stale writers,
 * and committed updates that survive the database's crash-like stop.
 *
 * One real cluster for the file (started by the test, on a free port), a new database per test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openStore } from '../../server/persistence/openStore.ts';
import { openPgStore, pgPoolConfig, type PgStore } from '../../server/persistence/pgStore.ts';
import { PG_SCHEMA_VERSION } from '../../server/persistence/pgSchema.ts';
import { LeaseLostError, isLeaseStore } from '../../server/persistence/store.ts';
import { startPostgres, type TestPostgres } from '../engines/postgres.ts';
import { newBoard, storeContract, update } from './storeContract.ts';

let cluster: TestPostgres;
let missing: Error | undefined;
beforeAll(async () => {
  try {
    cluster = await startPostgres();
  } catch (err) {
    // Every test then fails with why (a machine without PostgreSQL must not pass by skipping them).
    missing = err as Error;
  }
}, 120_000);
afterAll(() => cluster?.destroy(), 120_000);

/** A new, empty database of the file's cluster. */
async function newDatabase(): Promise<string> {
  if (missing) throw missing;
  return cluster.createDatabase();
}

storeContract('postgres', async () => openStore({ dataDir: '/nonexistent', databaseUrl: await newDatabase() }));

/** Runs `sql` on the database at `url` with a connection of the test's own. */
async function query<R extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('the PostgreSQL store', () => {
  const opened: PgStore[] = [];
  const open = async (url: string, opts = {}) => {
    const store = await openPgStore(url, opts);
    opened.push(store);
    return store;
  };
  afterAll(async () => {
    for (const s of opened) await s.close().catch(() => {});
  });

  it('is what OLIFANT_DATABASE_URL opens, and keeps leases', async () => {
    const store = await openStore({ dataDir: '/nonexistent', databaseUrl: await newDatabase() });
    expect(store.engine).toBe('postgres');
    expect(isLeaseStore(store)).toBe(true);
    await store.close();
  });

  it('migrates an empty database once; a second open migrates nothing', async () => {
    const url = await newDatabase();
    await open(url);
    const first = await query<{ version: number; applied_at: Date }>(url, 'SELECT version, applied_at FROM schema_version ORDER BY version');
    expect(first.map((r) => r.version)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
    await open(url);
    const second = await query<{ version: number; applied_at: Date }>(url, 'SELECT version, applied_at FROM schema_version ORDER BY version');
    expect(second).toEqual(first);
  });

  it('lets several servers open an empty database at the same moment: one migrates, all work', async () => {
    const url = await newDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => open(url)));
    const versions = await query<{ version: number }>(url, 'SELECT version FROM schema_version ORDER BY version');
    expect(versions.map((r) => r.version)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
    const board = newBoard();
    await stores[0]!.createBoard(board, new Uint8Array([1]));
    expect(await stores[3]!.getBoard(board.id)).toEqual(board);
  });

  it('gives two servers asked at the same moment the same join code for a key version', async () => {
    const url = await newDatabase();
    const [one, two] = [await open(url), await open(url)];
    const board = newBoard();
    await one.createBoard(board, new Uint8Array([1]));
    for (let version = 1; version <= 5; version++) {
      const codes = await Promise.all([one, two, one, two].map((s) => s.joinCode(board.id, version)));
      expect(new Set(codes).size).toBe(1);
    }
    const rows = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM join_codes WHERE board_id = $1', [board.id]);
    expect(rows[0]?.n).toBe(5);
  });

  it('refuses a database written by a newer Olifant', async () => {
    const url = await newDatabase();
    await open(url);
    await query(url, 'INSERT INTO schema_version (version) VALUES ($1)', [PG_SCHEMA_VERSION + 1]);
    await expect(openPgStore(url)).rejects.toThrow(/newer Olifant/);
  });

  it('commits to disk even where the database says not to wait (synchronous_commit is forced on)', async () => {
    const url = await newDatabase();
    const name = new URL(url).pathname.slice(1);
    await query(url, `ALTER DATABASE ${pg.escapeIdentifier(name)} SET synchronous_commit = off`);
    expect((await query<{ synchronous_commit: string }>(url, 'SHOW synchronous_commit'))[0]?.synchronous_commit).toBe('off');
    const client = new pg.Client(pgPoolConfig(url));
    await client.connect();
    try {
      expect((await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]?.synchronous_commit).toBe('on');
    } finally {
      await client.end();
    }
    await open(url);
  });

  it('sees ids bound through another server after a refresh, and keeps its own at once', async () => {
    const url = await newDatabase();
    const here = await open(url, { knownPeopleRefreshMs: 3_600_000 });
    const there = await open(url);
    expect(await there.claimPerson('p-elsewhere', 'k')).toBe(true);
    expect(there.isPersonKnownBound('p-elsewhere')).toBe(true);
    expect(here.isPersonKnownBound('p-elsewhere')).toBe(false);
    // Bound before this store opened: known from the start.
    const later = await open(url, { knownPeopleRefreshMs: 300 });
    expect(later.isPersonKnownBound('p-elsewhere')).toBe(true);
    // The refresh reads what was bound since.
    expect(await there.claimPerson('p-new', 'k2')).toBe(true);
    await expect.poll(() => later.isPersonKnownBound('p-new'), { timeout: 10_000, interval: 200 }).toBe(true);
    expect(here.isPersonKnownBound('p-new')).toBe(false);
  });

  it('rejects a query while the database is down, and works again once it is back, with every committed update', async () => {
    const url = await newDatabase();
    const store = await open(url, { timeoutMs: 3000 });
    const board = newBoard();
    await store.createBoard(board, new Uint8Array([1]));
    // A checkpoint before the appends: the restart replays them from the log alone, and quickly.
    await query(url, 'CHECKPOINT');
    for (let i = 0; i < 10; i++) await store.appendUpdates(board.id, [update(2 * i), update(2 * i + 1)]);
    cluster.stop('immediate');
    try {
      await expect(store.appendUpdates(board.id, [update(99)])).rejects.toThrow();
      await expect(store.loadDocument(board.id)).rejects.toThrow();
    } finally {
      cluster.start();
    }
    // The same store (its pool) reconnects by itself: no reopen.
    await expect.poll(() => store.countBoards().catch(() => -1), { timeout: 20_000, interval: 200 }).toBe(1);
    const doc = await store.loadDocument(board.id);
    expect(doc.updates.map((u) => u[0])).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const next = await store.appendUpdates(board.id, [update(20)]);
    expect(next).toBe(doc.lastSeq + 1);
  }, 90_000);

  describe('board leases', () => {
    const LEASE_MS = 10_000;

    it('are taken, renewed and released on the database clock; a live lease is not another node’s to take', async () => {
      const store = await open(await newDatabase());
      const board = newBoard();
      await store.createBoard(board, new Uint8Array([1]));
      expect(await store.leaseOwner(board.id)).toBeUndefined();
      const before = await store.dbTime();
      const a = await store.takeLease(board.id, 'node-a', 'http://10.0.0.1:1234', LEASE_MS);
      if (!a.taken) throw new Error('node-a should have taken the free lease');
      expect(a.expiresAt).toBeGreaterThanOrEqual(before + LEASE_MS);
      expect(await store.leaseOwner(board.id)).toEqual({ nodeId: 'node-a', nodeUrl: 'http://10.0.0.1:1234', fence: a.fence, expiresAt: a.expiresAt });
      const b = await store.takeLease(board.id, 'node-b', 'http://10.0.0.2:1234', LEASE_MS);
      expect(b).toEqual({ taken: false, owner: { nodeId: 'node-a', nodeUrl: 'http://10.0.0.1:1234', fence: a.fence, expiresAt: a.expiresAt } });
      const renewed = await store.renewLease(board.id, a.fence, 2 * LEASE_MS);
      expect(renewed).toBeGreaterThan(a.expiresAt);
      expect((await store.leaseOwner(board.id))?.expiresAt).toBe(renewed);
      expect(await store.releaseLease(board.id, a.fence)).toBe(true);
      expect(await store.leaseOwner(board.id)).toBeUndefined();
      expect(await store.renewLease(board.id, a.fence, LEASE_MS)).toBeUndefined();
      expect(await store.releaseLease(board.id, a.fence)).toBe(false);
      const b2 = await store.takeLease(board.id, 'node-b', 'http://10.0.0.2:1234', LEASE_MS);
      expect(b2).toMatchObject({ taken: true, fence: a.fence + 1 });
    });

    it('once expired, go to the next node with a higher number; the old holder can neither renew nor write', async () => {
      const url = await newDatabase();
      const nodeA = await open(url);
      const nodeB = await open(url);
      const board = newBoard();
      await nodeA.createBoard(board, new Uint8Array([1]));
      const a = await nodeA.takeLease(board.id, 'node-a', 'http://a', 300);
      if (!a.taken) throw new Error('node-a should have taken the free lease');
      const kept = await nodeA.appendUpdates(board.id, [update(1), update(2)], a.fence);
      // Wait on the database's own clock until the lease has run out.
      await expect.poll(async () => (await nodeB.dbTime()) > a.expiresAt, { timeout: 10_000, interval: 50 }).toBe(true);
      expect(await nodeB.leaseOwner(board.id)).toBeUndefined();
      // Run out, even before anyone takes it: the old holder writes nothing.
      await expect(nodeA.appendUpdates(board.id, [update(9)], a.fence)).rejects.toBeInstanceOf(LeaseLostError);
      const b = await nodeB.takeLease(board.id, 'node-b', 'http://b', LEASE_MS);
      if (!b.taken) throw new Error('node-b should have taken the expired lease');
      expect(b.fence).toBeGreaterThan(a.fence);
      expect(await nodeA.renewLease(board.id, a.fence, LEASE_MS)).toBeUndefined();

      await expect(nodeA.appendUpdates(board.id, [update(3)], a.fence)).rejects.toBeInstanceOf(LeaseLostError);
      await expect(nodeA.compact(board.id, new Uint8Array([66]), kept, a.fence)).rejects.toBeInstanceOf(LeaseLostError);
      const rows = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM updates WHERE board_id = $1', [board.id]);
      expect(rows[0]?.n).toBe(2);
      const doc = await nodeB.loadDocument(board.id);
      expect([...doc.state!]).toEqual([1]);
      expect(doc.updates.map((u) => u[0])).toEqual([1, 2]);

      // The new holder writes and compacts under its own number; no number at all is a single server's write.
      const s3 = await nodeB.appendUpdates(board.id, [update(3)], b.fence);
      await nodeB.compact(board.id, new Uint8Array([77]), s3, b.fence);
      expect(await nodeB.appendUpdates(board.id, [update(4)])).toBe(s3 + 1);
      const after = await nodeB.loadDocument(board.id);
      expect([...after.state!]).toEqual([77]);
      expect(after.updates.map((u) => u[0])).toEqual([4]);
    });

    it('renew a node’s leases in one statement with the key versions, and pass from a dead node to a live one at once', async () => {
      const store = await open(await newDatabase());
      const [one, two] = [newBoard(), newBoard()];
      for (const b of [one, two]) await store.createBoard(b, new Uint8Array([1]));
      const a1 = await store.takeLease(one.id, 'node-a', 'http://a', LEASE_MS);
      const a2 = await store.takeLease(two.id, 'node-a', 'http://a', LEASE_MS);
      if (!a1.taken || !a2.taken) throw new Error('node-a should have taken both free leases');
      await store.rotateKey(two.id, 'participant');
      const kept = await store.renewLeases(new Map([[one.id, a1.fence], [two.id, a2.fence]]), LEASE_MS);
      expect(kept).toEqual(new Map([[one.id, { facilitator: 1, participant: 1, projector: 1 }], [two.id, { facilitator: 1, participant: 2, projector: 1 }]]));
      // node-a is gone (its heartbeat stopped): node-b takes its live lease, with the next number.
      expect(await store.takeLeaseFrom(one.id, 'node-c', 'node-b', 'http://b', LEASE_MS)).toMatchObject({ taken: false, owner: { nodeId: 'node-a' } });
      const b1 = await store.takeLeaseFrom(one.id, 'node-a', 'node-b', 'http://b', LEASE_MS);
      expect(b1).toMatchObject({ taken: true, fence: a1.fence + 1 });
      expect(await store.renewLeases(new Map([[one.id, a1.fence], [two.id, a2.fence]]), LEASE_MS)).toEqual(new Map([[two.id, { facilitator: 1, participant: 2, projector: 1 }]]));
      await expect(store.appendUpdates(one.id, [update(1)], a1.fence)).rejects.toBeInstanceOf(LeaseLostError);
    });

    it('fence client ID bindings as they fence updates: a stale number writes neither, with or without updates', async () => {
      const url = await newDatabase();
      const store = await open(url);
      const board = newBoard();
      await store.createBoard(board, new Uint8Array([1]));
      const a = await store.takeLease(board.id, 'node-a', 'http://a', LEASE_MS);
      if (!a.taken) throw new Error('node-a should have taken the free lease');
      await store.appendUpdates(board.id, [update(1)], a.fence, new Map([[1, 'device-a']]));
      expect(await store.appendUpdates(board.id, [], a.fence, new Map([[2, 'device-a']]))).toBe(0);
      const b = await store.takeLeaseFrom(board.id, 'node-a', 'node-b', 'http://b', LEASE_MS);
      if (!b.taken) throw new Error('node-b should have taken node-a’s lease');

      await expect(store.appendUpdates(board.id, [update(2)], a.fence, new Map([[3, 'squatter']]))).rejects.toBeInstanceOf(LeaseLostError);
      await expect(store.appendUpdates(board.id, [], a.fence, new Map([[4, 'squatter']]))).rejects.toBeInstanceOf(LeaseLostError);
      const rows = await query<{ client_id: string; writer: string }>(url, 'SELECT client_id, writer FROM client_writers WHERE board_id = $1 ORDER BY client_id', [board.id]);
      expect(rows).toEqual([{ client_id: '1', writer: 'device-a' }, { client_id: '2', writer: 'device-a' }]);
      const doc = await store.loadDocument(board.id);
      expect(doc.updates.map((u) => u[0])).toEqual([1]);
      expect(doc.writers).toEqual(new Map([[1, 'device-a'], [2, 'device-a']]));
      // The new holder's number writes them.
      await store.appendUpdates(board.id, [], b.fence, new Map([[4, 'device-b']]));
      expect(await store.clientWriters(board.id)).toEqual(new Map([[1, 'device-a'], [2, 'device-a'], [4, 'device-b']]));
    });

    it('fence a write that waited on a takeover: it writes nothing once the new number is committed', async () => {
      const url = await newDatabase();
      const store = await open(url);
      const board = newBoard();
      await store.createBoard(board, new Uint8Array([1]));
      const a = await store.takeLease(board.id, 'node-a', 'http://a', LEASE_MS);
      if (!a.taken) throw new Error('node-a should have taken the free lease');
      // Another server takes the board over in a transaction that holds the lease row while node-a appends.
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query("UPDATE board_leases SET node_id = 'node-b', fence = fence + 1, expires_at = clock_timestamp() + interval '10 s' WHERE board_id = $1", [board.id]);
        const append = store.appendUpdates(board.id, [update(1)], a.fence);
        const settled = append.then(
          () => 'written',
          (err: unknown) => (err instanceof LeaseLostError ? 'lease lost' : String(err)),
        );
        // node-a's append waits on the lease row until the takeover commits.
        await expect
          .poll(async () => (await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted'))[0]?.n, { timeout: 10_000, interval: 50 })
          .toBe(1);
        await other.query('COMMIT');
        expect(await settled).toBe('lease lost');
      } finally {
        await other.end();
      }
      expect((await store.loadDocument(board.id)).updates).toEqual([]);
    });
  });
});

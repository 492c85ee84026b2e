/**
 * A process's board leases, against a real PostgreSQL: sockets that open at once share one lease,
 * renewals carry the key versions, a lease taken over is given up at the next renewal, and a process
 * that cannot reach the database stops serving before its lease can have run out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaseKeeper } from '../../server/cluster/leases.ts';
import { createLogger } from '../../server/log.ts';
import { openPgStore, type PgStore } from '../../server/persistence/pgStore.ts';
import type { BoardRecord } from '../../server/persistence/store.ts';
import { startPostgres, type TestPostgres } from '../engines/postgres.ts';
import { newBoard } from './storeContract.ts';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(() => postgres?.destroy(), 120_000);

const log = createLogger('silent');

async function keeper(store: PgStore, nodeId: string, leaseMs: number) {
  const lost: string[] = [];
  const versions: [string, BoardRecord['keyVersions']][] = [];
  const k = new LeaseKeeper({
    backend: store,
    nodeId,
    nodeUrl: `http://${nodeId}`,
    leaseMs,
    log,
    onLost: (id) => lost.push(id),
    onKeyVersions: (id, v) => versions.push([id, v]),
  });
  return { k, lost, versions };
}

describe('the lease keeper', () => {
  it('gives sockets that open at once one lease, the one the database holds', async () => {
    const store = await openPgStore(await postgres.createDatabase());
    const board = newBoard();
    await store.createBoard(board, new Uint8Array([1]));
    const { k } = await keeper(store, 'node-a', 10_000);
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, () => k.acquire(board.id)));
      const fences = new Set(answers.map((a) => (a.kind === 'ours' ? a.fence : -1)));
      expect(fences.size).toBe(1);
      expect((await store.leaseOwner(board.id))?.fence).toBe([...fences][0]);
      expect(k.fenceOf(board.id)).toBe([...fences][0]);
    } finally {
      await k.releaseAll();
      await store.close();
    }
  });

  it('renews with the key versions, and gives up a board another process took over', async () => {
    const url = await postgres.createDatabase();
    const [storeA, storeB] = [await openPgStore(url), await openPgStore(url)];
    const board = newBoard();
    await storeA.createBoard(board, new Uint8Array([1]));
    const a = await keeper(storeA, 'node-a', 1_500);
    try {
      expect(await a.k.acquire(board.id)).toMatchObject({ kind: 'ours' });
      await storeA.rotateKey(board.id, 'projector');
      await expect.poll(() => a.versions.at(-1)?.[1].projector, { timeout: 5_000 }).toBe(2);
      // Another process takes the board from node-a (as from a server whose heartbeat is gone).
      expect(await storeB.takeLeaseFrom(board.id, 'node-a', 'node-b', 'http://node-b', 10_000)).toMatchObject({ taken: true });
      await expect.poll(() => a.lost, { timeout: 5_000 }).toEqual([board.id]);
      expect(a.k.fenceOf(board.id)).toBeUndefined();
    } finally {
      await a.k.releaseAll();
      await storeA.close();
      await storeB.close();
    }
  });

  it('stops serving a board before its lease can have run out when the database does not answer', async () => {
    const store = await openPgStore(await postgres.createDatabase());
    const board = newBoard();
    await store.createBoard(board, new Uint8Array([1]));
    const leaseMs = 5_000;
    const { k, lost } = await keeper(store, 'node-a', leaseMs);
    try {
      const taken = await store.leaseOwner(board.id);
      expect(taken).toBeUndefined();
      await k.acquire(board.id);
      const expiresAt = (await store.leaseOwner(board.id))!.expiresAt;
      const dbNow = await store.dbTime();
      const stoppedAt = performance.now();
      postgres.stop('immediate');
      try {
        await expect.poll(() => lost, { timeout: 10_000, interval: 20 }).toEqual([board.id]);
        // Given up before the database's expiry (what is left of the lease, seen from the stop).
        expect(performance.now() - stoppedAt).toBeLessThan(expiresAt - dbNow);
      } finally {
        postgres.start();
      }
    } finally {
      await k.releaseAll();
      await store.close();
    }
  });
});

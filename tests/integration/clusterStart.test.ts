/**
 * What a server of a multi-server deployment must promise before it starts: the shared secret, a
 * database that keeps leases, and a clock that agrees with the database's. Each refusal says what to
 * fix. Against a real PostgreSQL and Redis of the file's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster as joinCluster } from '../../server/cluster/cluster.ts';
import { readConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import { createMetrics } from '../../server/metrics/metrics.ts';
import { openPgStore, type PgStore } from '../../server/persistence/pgStore.ts';
import { startPostgres, type TestPostgres } from '../engines/postgres.ts';
import { startRedis, type TestRedis } from '../engines/redis.ts';
import { CLUSTER_SECRET } from '../helpers/cluster.ts';
import { freePort, spawnServer, tempDir } from '../helpers/server.ts';

let postgres: TestPostgres;
let redis: TestRedis;
beforeAll(async () => {
  postgres = await startPostgres();
  redis = await startRedis();
}, 120_000);
afterAll(async () => {
  await redis?.destroy();
  postgres?.destroy();
}, 120_000);

const clusterEnv = async (port: number) => ({
  OLIFANT_DATABASE_URL: await postgres.createDatabase(),
  OLIFANT_REDIS_URL: redis.url,
  OLIFANT_NODE_URL: `http://127.0.0.1:${port}`,
});

describe('a server of several', () => {
  it('refuses to start without OLIFANT_SECRET, saying so', async () => {
    const dir = tempDir();
    const port = await freePort();
    try {
      await expect(spawnServer(dir.path, port, await clusterEnv(port))).rejects.toThrow(/OLIFANT_SECRET, the same on every server/);
    } finally {
      dir.cleanup();
    }
  });

  it('starts with the secret, and says in /healthz which engines it reaches', async () => {
    const dir = tempDir();
    const port = await freePort();
    const server = await spawnServer(dir.path, port, { ...(await clusterEnv(port)), OLIFANT_SECRET: CLUSTER_SECRET, OLIFANT_NODE_ID: 'node-a' });
    try {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', storage: { engine: 'postgres', reachable: true }, redis: 'ok', node: 'node-a' });
    } finally {
      server.process.kill('SIGTERM');
      await server.exited;
      dir.cleanup();
    }
  });

  it('refuses to start when its clock is more than 500 ms off the database’s', async () => {
    const url = await postgres.createDatabase();
    const real: PgStore = await openPgStore(url);
    // The real store, with the database's clock read 2 s ahead (as a machine whose clock is 2 s behind sees it).
    const skewed = Object.assign(Object.create(Object.getPrototypeOf(real) as object) as PgStore, real, {
      dbTime: async () => (await real.dbTime()) + 2_000,
    });
    const config = readConfig({ OLIFANT_DATABASE_URL: url, OLIFANT_REDIS_URL: redis.url, OLIFANT_NODE_URL: 'http://127.0.0.1:9', OLIFANT_SECRET: CLUSTER_SECRET });
    const deps = { config, log: createLogger('silent'), metrics: createMetrics(), surrender: () => undefined, closeRevoked: () => 0 };
    try {
      await expect(joinCluster({ ...deps, store: skewed })).rejects.toThrow(/clock is 2\d\d\d ms off the database's/);
      const joined = await joinCluster({ ...deps, store: real });
      expect(joined.nodeId).toBeTruthy();
      await joined.stop();
    } finally {
      await real.close();
    }
  });
});

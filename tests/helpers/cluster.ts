/**
 * Test helper: several real Olifant processes sharing boards on a real PostgreSQL and Redis, behind a
 * round-robin balancer: the multi-server deployment, on one machine.
 *
 * Why: the promises of a multi-server deployment (any process serves any board, one owner at a time,
 * nothing lost when a process, Redis or PostgreSQL dies) can only be shown with real processes that
 * can be killed (SIGKILL), frozen (SIGSTOP) and started again, and real engines that can be stopped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres, type TestPostgres } from '../engines/postgres.ts';
import { startRedis, type TestRedis } from '../engines/redis.ts';
import { startBalancer, type Balancer } from './proxy.ts';
import { freePort, spawnServer, type ChildServer } from './server.ts';

/** One process of the cluster, which may be killed and started again on its port. */
export interface ClusterNode {
  readonly id: string;
  readonly port: number;
  readonly url: string;
  /** The running process, or undefined while it is down. */
  server(): ChildServer | undefined;
  /** SIGKILL; resolves when the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM; resolves with how it exited. */
  stop(): Promise<number | string | undefined>;
  /** SIGSTOP / SIGCONT: frozen as a process the OS stopped scheduling. */
  freeze(): void;
  thaw(): void;
  /** Starts the process again (same id, port and settings). */
  start(): Promise<void>;
}

export interface TestCluster {
  readonly nodes: readonly ClusterNode[];
  /** The balancer's URL: where clients go. */
  readonly url: string;
  readonly balancer: Balancer;
  readonly postgres: TestPostgres;
  readonly redis: TestRedis;
  readonly databaseUrl: string;
  /** Stops everything and removes the folders. */
  close(): Promise<void>;
}

export interface ClusterOptions {
  readonly nodes?: number;
  readonly leaseMs?: number;
  /** Extra environment for every process. */
  readonly env?: Record<string, string>;
  /** An engine to share between clusters of one test file (each cluster gets its own database). */
  readonly postgres?: TestPostgres;
}

export const CLUSTER_SECRET = 'the-cluster-secret-shared-by-every-node-0123456789';

/** Starts PostgreSQL, Redis, `nodes` Olifant processes (3 by default) and a balancer in front. */
export async function startCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  const postgres = options.postgres ?? (await startPostgres());
  const redis = await startRedis();
  const databaseUrl = await postgres.createDatabase();
  const folder = mkdtempSync(join(tmpdir(), 'olifant-cluster-'));
  const nodes: ClusterNode[] = [];
  for (let i = 1; i <= (options.nodes ?? 3); i++) {
    const id = `node-${i}`;
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      OLIFANT_DATABASE_URL: databaseUrl,
      OLIFANT_REDIS_URL: redis.url,
      OLIFANT_NODE_ID: id,
      OLIFANT_NODE_URL: url,
      OLIFANT_SECRET: CLUSTER_SECRET,
      OLIFANT_LEASE_MS: String(options.leaseMs ?? 3_000),
      OLIFANT_MAX_MESSAGES_PER_SECOND: '1000',
      OLIFANT_NEW_BOARDS_PER_HOUR: '1000',
      ...options.env,
    };
    let current: ChildServer | undefined;
    const dataDir = join(folder, id);
    const node: ClusterNode = {
      id,
      port,
      url,
      server: () => current,
      async kill9() {
        const s = current;
        current = undefined;
        if (!s || s.process.exitCode !== null) return;
        s.process.kill('SIGKILL');
        await s.exited;
      },
      async stop() {
        const s = current;
        current = undefined;
        if (!s || s.process.exitCode !== null) return undefined;
        s.process.kill('SIGTERM');
        return s.exited;
      },
      freeze: () => void current?.process.kill('SIGSTOP'),
      thaw: () => void current?.process.kill('SIGCONT'),
      async start() {
        current = await spawnServer(dataDir, port, env);
      },
    };
    await node.start();
    nodes.push(node);
  }
  const balancer = await startBalancer(nodes.map((n) => n.port));
  return {
    nodes,
    url: balancer.url,
    balancer,
    postgres,
    redis,
    databaseUrl,
    async close() {
      await balancer.close();
      for (const n of nodes) n.thaw();
      await Promise.all(nodes.map((n) => n.kill9()));
      await redis.destroy();
      if (!options.postgres) postgres.destroy();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

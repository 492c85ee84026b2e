/**
 * Cluster nodes for tests: the real coordination pieces (Redis link, control channel, heartbeat,
 * shared budgets) of several servers in one test process, against a test Redis of its own.
 *
 * Why: what Redis coordinates (who is alive, link rotations, budgets across servers) can be shown
 * with several nodes in one process talking through a real Redis; each node has its own connections,
 * exactly as separate processes would. `destroy()` is a node that dies without a word.
 */
import { Redis } from 'ioredis';
import { startClusterNode, type ClusterNode, type ClusterNodeOptions } from '../../server/cluster/clusterNode.ts';
import { createLogger } from '../../server/log.ts';

/** Starts a node named `nodeId` on `redisUrl`; anything in `overrides` replaces the defaults. */
export function startNode(redisUrl: string, nodeId: string, overrides: Partial<ClusterNodeOptions> = {}): Promise<ClusterNode> {
  return startClusterNode({
    redisUrl,
    nodeId,
    nodeUrl: `http://${nodeId}.nodes.test:1234`,
    // Heartbeats of 3 s: a test process busy for a moment must not make a live node look dead.
    leaseMs: 9000,
    newBoardsPerHour: 200,
    newPeoplePerHour: 5000,
    maxConnectionsPerIp: 1000,
    log: createLogger(process.env.OLIFANT_TEST_LOG ?? 'silent'),
    ...overrides,
  });
}

/** A plain client of the test Redis, to look at what the nodes wrote. */
export function inspector(redisUrl: string): Redis {
  const r = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: (n) => Math.min(n * 50, 500) });
  r.on('error', () => {});
  return r;
}

/** Polls `check` every 25 ms until it is true; throws after `ms` saying what did not happen. */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

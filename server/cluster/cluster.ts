/**
 * This process's part in a multi-server deployment, assembled: the checks it must pass to start, its
 * board leases, its router, its Redis coordination, and its clean stop.
 *
 * Why: several processes may only share boards safely when they share the token secret (a link made
 * by one must open on all, and the tunnel header is signed with it), agree on the time with the
 * database (leases expire on the database's clock, and agenda timers are server time: `/api/time`
 * must not jump when a client's requests land on another process), and write each board under one
 * lease at a time. A process that cannot promise that refuses to start, saying why.
 */
import type { Role } from '../../shared/index.ts';
import { NEW_PEOPLE_PER_HOUR } from '../auth/personProof.ts';
import type { ServerConfig } from '../config.ts';
import { NEW_BOARDS_PER_HOUR } from '../http/newBoards.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { isLeaseStore, type BoardStore } from '../persistence/store.ts';
import type { BoardOwnership } from '../rooms/ownership.ts';
import { startClusterNode, type ClusterNode } from './clusterNode.ts';
import { closeRevokedSockets } from './controlChannel.ts';
import { LeaseKeeper } from './leases.ts';
import { BoardRouter } from './router.ts';

/** Most a process's clock may differ from the database's. */
export const MAX_CLOCK_SKEW_MS = 500;

export interface ClusterDeps {
  readonly config: ServerConfig;
  readonly store: BoardStore;
  readonly log: Logger;
  readonly metrics: Metrics;
  /** The board's lease was lost: close its room here (its sockets reconnect to the new owner). */
  readonly surrender: (boardId: string) => void;
  /** Closes a board's sockets opened with a key of `role` older than `keyVersion`. */
  readonly closeRevoked: (boardId: string, role: Role, keyVersion: number) => number;
}

/** A started cluster member. */
export interface Cluster {
  readonly nodeId: string;
  readonly router: BoardRouter;
  readonly node: ClusterNode;
  readonly ownership: BoardOwnership;
  /** Tells the other processes that a board's link of `role` was rotated. */
  linkRotated(boardId: string, role: Role, keyVersion: number): void;
  /** Gives up every lease and leaves the cluster (SIGTERM); never throws. */
  stop(): Promise<void>;
}

/** Checks what a cluster member must promise, then joins the cluster; throws saying what is missing. */
export async function startCluster(deps: ClusterDeps): Promise<Cluster> {
  const { config, store, log, metrics } = deps;
  if (!config.secret) throw new Error('several servers need one OLIFANT_SECRET, the same on every server (links and tunnels are signed with it)');
  if (!config.nodeUrl) throw new Error('several servers need OLIFANT_NODE_URL: where the other servers reach this one');
  if (!isLeaseStore(store)) throw new Error('several servers need OLIFANT_DATABASE_URL (PostgreSQL), where boards and their leases are kept');
  const skew = await clockSkew(store);
  if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
    throw new Error(`this machine's clock is ${Math.round(skew)} ms off the database's (at most ${MAX_CLOCK_SKEW_MS} ms); synchronise it (NTP) and start again`);
  }
  const nodeId = config.nodeId!;
  const leaseMs = config.leaseMs ?? 10_000;
  const node = await startClusterNode({
    redisUrl: config.redisUrl!,
    nodeId,
    nodeUrl: config.nodeUrl,
    leaseMs,
    newBoardsPerHour: config.newBoardsPerHour ?? NEW_BOARDS_PER_HOUR,
    newPeoplePerHour: config.newPeoplePerHour ?? NEW_PEOPLE_PER_HOUR,
    maxConnectionsPerIp: config.maxConnectionsPerIp,
    log,
  });
  const leases = new LeaseKeeper({
    backend: store,
    nodeId,
    nodeUrl: config.nodeUrl,
    leaseMs,
    log,
    onLost(boardId) {
      metrics.leasesLost.inc();
      deps.surrender(boardId);
    },
    onKeyVersions: (boardId, versions) => void closeRevokedSockets(boardId, versions, deps.closeRevoked),
    onCount: (owned) => metrics.boardsOwned.set(owned),
    onRenewal: (ok) => metrics.leaseRenewals.inc({ result: ok ? 'ok' : 'failed' }),
  });
  node.control.on('linkRotated', ({ boardId, role, keyVersion }) => void deps.closeRevoked(boardId, role, keyVersion));
  log.info({ node: nodeId, url: config.nodeUrl, leaseMs, skewMs: Math.round(skew) }, '[cluster] joined');
  return {
    nodeId,
    node,
    router: new BoardRouter({ nodeId, leases, heartbeats: node.heartbeats, link: node.link }),
    ownership: {
      fenceOf: (boardId) => leases.fenceOf(boardId),
      released: (boardId) => void leases.release(boardId),
    },
    linkRotated: (boardId, role, keyVersion) => void node.control.publish('linkRotated', { boardId, role, keyVersion }),
    async stop() {
      await leases.releaseAll();
      await node.stop();
    },
  };
}

/** How far this machine's clock is from the database's (ms; positive: the database is ahead), by the best of three asks. */
async function clockSkew(store: { dbTime(): Promise<number> }): Promise<number> {
  let best = { rtt: Number.POSITIVE_INFINITY, skew: 0 };
  for (let i = 0; i < 3; i++) {
    const sent = Date.now();
    const db = await store.dbTime();
    const back = Date.now();
    if (back - sent < best.rtt) best = { rtt: back - sent, skew: db - (sent + back) / 2 };
  }
  return best.skew;
}

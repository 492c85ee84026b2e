/**
 * One server's part in a cluster, assembled: its Redis connections, control channel, heartbeat and
 * the shared budgets (new boards per address, new people, sockets per address).
 *
 * Why: the server starts and stops these together, in an order that matters (subscribe before the
 * first heartbeat, so a stop announced just after is heard; say "stopped" before closing Redis), and
 * `/healthz` asks one place whether Redis answers. Nothing here holds board data: with Redis gone,
 * every piece goes on without it.
 */
import type { Logger } from '../log.ts';
import { ControlChannel } from './controlChannel.ts';
import { Heartbeats } from './heartbeats.ts';
import { RedisLink, type RedisStatus } from './redisLink.ts';
import { SharedBudget } from './sharedBudget.ts';
import { SharedSockets } from './sharedSockets.ts';

/** What a cluster node needs: the configuration's cluster fields and limits. */
export interface ClusterNodeOptions {
  readonly redisUrl: string;
  readonly nodeId: string;
  readonly nodeUrl: string;
  readonly leaseMs: number;
  /** OLIFANT_NEW_BOARDS_PER_HOUR: per address group, across all servers. */
  readonly newBoardsPerHour: number;
  /** OLIFANT_NEW_PEOPLE_PER_HOUR: across everyone and all servers. */
  readonly newPeoplePerHour: number;
  /** OLIFANT_MAX_CONNECTIONS_PER_IP: per address group, across all servers. */
  readonly maxConnectionsPerIp: number;
  readonly log: Logger;
  /** How long one Redis command may take, ms (default 200). */
  readonly commandTimeoutMs?: number;
}

/** A running cluster node. */
export interface ClusterNode {
  readonly nodeId: string;
  readonly link: RedisLink;
  readonly control: ControlChannel;
  readonly heartbeats: Heartbeats;
  /** New boards per client address (`takeForAddress`; an IPv6 one by its /64). */
  readonly newBoards: SharedBudget;
  /** New participant ids, one budget across everyone (key ''). */
  readonly newPeople: SharedBudget;
  readonly sockets: SharedSockets;
  /** Whether Redis answers, for `/healthz`. */
  status(): RedisStatus;
  /** A clean stop: heartbeat removed, the others told at once, connections closed. Never throws. */
  stop(): Promise<void>;
  /** Stops without a word (as a crash would; the others notice when the heartbeat runs out). */
  destroy(): void;
}

/**
 * Connects to Redis and starts the heartbeat. Resolves even when Redis is down (everything then
 * works on this server's shares and catches up when Redis is back).
 */
export async function startClusterNode(opts: ClusterNodeOptions): Promise<ClusterNode> {
  const log = opts.log.child({ node: opts.nodeId });
  const link = new RedisLink(opts.redisUrl, log, opts.commandTimeoutMs);
  const control = new ControlChannel(link, opts.nodeId, log);
  const heartbeats = new Heartbeats(link, control, { nodeId: opts.nodeId, nodeUrl: opts.nodeUrl, leaseMs: opts.leaseMs, log });
  const sockets = new SharedSockets(link, heartbeats, opts.nodeId, opts.maxConnectionsPerIp, heartbeats.ttlMs);
  const node: ClusterNode = {
    nodeId: opts.nodeId,
    link,
    control,
    heartbeats,
    newBoards: new SharedBudget(link, heartbeats, 'boards', opts.newBoardsPerHour),
    newPeople: new SharedBudget(link, heartbeats, 'people', opts.newPeoplePerHour),
    sockets,
    status: () => link.status(),
    async stop() {
      sockets.stop();
      await heartbeats.stop();
      link.close();
    },
    destroy() {
      sockets.stop();
      heartbeats.halt();
      link.close();
    },
  };
  await waitUntilReady(link, 2000);
  await Promise.race([control.ready(), new Promise((r) => setTimeout(r, 2000).unref())]);
  sockets.start();
  await heartbeats.start();
  return node;
}

/** Waits until the command connection is ready, or `ms` passed (Redis may be down: go on without it). */
function waitUntilReady(link: RedisLink, ms: number): Promise<void> {
  if (link.usable()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    const off = link.onReady(done);
    function done() {
      clearTimeout(timer);
      off();
      resolve();
    }
  });
}

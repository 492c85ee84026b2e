/**
 * Node heartbeats in Redis: each server says "I am alive, reach me at <url>" every third of its
 * heartbeat's life, and reads which servers are alive in the same round trip.
 *
 * Why: when a server dies, the boards it owned must be served again within seconds. Its board leases
 * in PostgreSQL run out only after OLIFANT_LEASE_MS; its heartbeat lives a third of that, so the
 * others see it gone sooner and may take its boards over (the lease number each write carries keeps
 * that safe even if it was only slow). A server that stops cleanly says so on the control channel at
 * once. Who is alive is read by polling one sorted set (id -> expiry on Redis's own clock, so the
 * servers' clocks do not matter), not by keyspace notifications, which Redis sends at most once and
 * only when they are switched on. While Redis is down, nobody is reported gone: the last list stands,
 * and owners are found through PostgreSQL.
 */
import type { Logger } from '../log.ts';
import type { ControlChannel } from './controlChannel.ts';
import type { RedisLink } from './redisLink.ts';

/** The sorted set of live nodes: member node id, score the time its heartbeat expires (Redis clock, ms). */
export const NODES_KEY = 'olifant:nodes';
/** Prefix of each node's own key, holding its URL with the heartbeat's time to live. */
export const NODE_KEY_PREFIX = 'olifant:node:';

/** Writes this node's heartbeat, drops expired ones, and lists `id, url, id, url, ...` of the live ones. */
const BEAT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local out = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local url = redis.call('GET', ARGV[4] .. id)
  if url then out[#out + 1] = id; out[#out + 1] = url end
end
return out`;

/** A live server: its id and how the others reach it. */
export interface LiveNode {
  readonly id: string;
  readonly url: string;
}

/** Why a node is no longer listed: its heartbeat ran out, or it said it stopped. */
export type GoneReason = 'expired' | 'stopped';

/** Settings of a node's heartbeat. */
export interface HeartbeatOptions {
  readonly nodeId: string;
  readonly nodeUrl: string;
  /** OLIFANT_LEASE_MS: a heartbeat lives a third of it. */
  readonly leaseMs: number;
  readonly log: Logger;
}

/** This node's heartbeat and its view of the live nodes. */
export class Heartbeats {
  /** How long one heartbeat lives, ms. */
  readonly ttlMs: number;
  private live = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private stopReady: (() => void) | undefined;
  private stopGone: (() => void) | undefined;
  private readonly goneListeners = new Set<(nodeId: string, reason: GoneReason) => void>();
  private readonly joinedListeners = new Set<(node: LiveNode) => void>();
  private beating: Promise<void> | undefined;
  /** Nodes that said they stopped, and when: a reading begun before they left must not bring them back. */
  private readonly stopped = new Map<string, number>();

  constructor(
    private readonly link: RedisLink,
    private readonly control: ControlChannel,
    private readonly opts: HeartbeatOptions,
  ) {
    this.ttlMs = Math.max(300, Math.round(opts.leaseMs / 3));
  }

  /** Starts beating (at once, then every third of the heartbeat's life, and at once when Redis is back). */
  start(): Promise<void> {
    this.stopReady = this.link.onReady(() => void this.beat());
    this.stopGone = this.control.on('nodeGone', ({ nodeId }) => this.forget(nodeId, 'stopped'));
    this.timer = setInterval(() => void this.beat(), Math.max(100, Math.round(this.ttlMs / 3)));
    this.timer.unref();
    return this.beat();
  }

  /** Beats once now: writes this node's heartbeat and reads the live nodes. Never throws. */
  beat(): Promise<void> {
    // One beat at a time: a slow Redis must not pile them up.
    this.beating ??= this.beatOnce().finally(() => (this.beating = undefined));
    return this.beating;
  }

  /** The live nodes as last read (this one included once its first heartbeat is written). */
  liveNodes(): LiveNode[] {
    return [...this.live].map(([id, url]) => ({ id, url }));
  }

  /** Whether node `nodeId` was alive at the last reading. */
  isAlive(nodeId: string): boolean {
    return this.live.has(nodeId);
  }

  /** The URL node `nodeId` announced, if it is alive. */
  urlOf(nodeId: string): string | undefined {
    return this.live.get(nodeId);
  }

  /** How many nodes share the work: the live ones last seen, at least 1 (this one). */
  liveCount(): number {
    return Math.max(1, this.live.size);
  }

  /** Calls `listener` when a node stops being alive; returns the way to stop listening. */
  onNodeGone(listener: (nodeId: string, reason: GoneReason) => void): () => void {
    this.goneListeners.add(listener);
    return () => this.goneListeners.delete(listener);
  }

  /** Calls `listener` when a node starts being alive (this one too); returns the way to stop listening. */
  onNodeJoined(listener: (node: LiveNode) => void): () => void {
    this.joinedListeners.add(listener);
    return () => this.joinedListeners.delete(listener);
  }

  /** A clean stop: removes this node's heartbeat and tells the others at once. Never throws. */
  async stop(): Promise<void> {
    this.halt();
    await this.beating;
    const { nodeId } = this.opts;
    await this.link.attempt('heartbeat stop', (r) => r.multi().del(NODE_KEY_PREFIX + nodeId).zrem(NODES_KEY, nodeId).exec());
    await this.control.publish('nodeGone', { nodeId });
  }

  /** Stops beating without a word (as a crash would): the others see this node gone when its heartbeat runs out. */
  halt(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.stopReady?.();
    this.stopGone?.();
  }

  private async beatOnce(): Promise<void> {
    const { nodeId, nodeUrl } = this.opts;
    const listed = await this.link.attempt('heartbeat', (r) =>
      r.eval(BEAT, 2, NODES_KEY, NODE_KEY_PREFIX + nodeId, nodeId, nodeUrl, String(this.ttlMs), NODE_KEY_PREFIX) as Promise<string[]>,
    );
    if (listed === undefined || this.timer === undefined) return; // Redis down or slow: the last list stands.
    const now = performance.now();
    for (const [id, at] of this.stopped) if (now - at > this.ttlMs) this.stopped.delete(id);
    const next = new Map<string, string>();
    for (let i = 0; i + 1 < listed.length; i += 2) if (!this.stopped.has(listed[i]!)) next.set(listed[i]!, listed[i + 1]!);
    const before = this.live;
    this.live = next;
    for (const id of before.keys()) if (!next.has(id)) this.emitGone(id, 'expired');
    for (const [id, url] of next) if (!before.has(id)) this.emitJoined({ id, url });
  }

  private forget(nodeId: string, reason: GoneReason): void {
    this.stopped.set(nodeId, performance.now());
    if (!this.live.delete(nodeId)) return;
    this.emitGone(nodeId, reason);
  }

  private emitGone(nodeId: string, reason: GoneReason): void {
    this.opts.log.info({ module: 'heartbeats', node: nodeId, reason }, '[heartbeats] a server is gone');
    for (const listener of this.goneListeners) {
      try {
        listener(nodeId, reason);
      } catch (err) {
        this.opts.log.error({ module: 'heartbeats', err }, '[heartbeats] a listener failed');
      }
    }
  }

  private emitJoined(node: LiveNode): void {
    for (const listener of this.joinedListeners) {
      try {
        listener(node);
      } catch (err) {
        this.opts.log.error({ module: 'heartbeats', err }, '[heartbeats] a listener failed');
      }
    }
  }
}

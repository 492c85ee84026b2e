/**
 * Board sockets per client address (per /64 for IPv6) counted across every server through Redis,
 * under OLIFANT_MAX_CONNECTIONS_PER_IP: the cluster's `AddressCounter`.
 *
 * Why: behind a load balancer one machine's sockets spread over all servers; a cap each server kept
 * for itself would allow it once per server. Each address has a Redis hash of how many sockets each
 * server holds for it. A server writes its own count (the number, not a +1, so a write that was lost
 * or timed out is made right by the next one) and sums only the counts of servers whose heartbeat is
 * alive, in one Lua script: the sockets of a server that died stop counting as soon as its heartbeat
 * runs out, and the hash expires when no live server writes it. A Redis that comes back empty learns
 * every count again: each server writes all of its counts when Redis is ready and every heartbeat
 * life. While Redis is down or slow, a server admits up to its share of the cap (the cap divided by
 * the live servers last seen, at least 1) on its own count.
 */
import { capGroup } from '../http/clientAddress.ts';
import { NODES_KEY } from './heartbeats.ts';
import type { RedisLink } from './redisLink.ts';
import type { NodeCount } from './sharedBudget.ts';

/** Prefix of the counts' keys: `olifant:sockets:<address group>`, a hash of node id -> sockets. */
export const SOCKETS_KEY_PREFIX = 'olifant:sockets:';

/**
 * KEYS[1] the address's hash, KEYS[2] the live nodes; ARGV: node id, its count with this socket,
 * cap, expiry (ms). Sums the live others; writes this node's count (without this socket if refused).
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local fields = redis.call('HGETALL', KEYS[1])
local others = 0
for i = 1, #fields, 2 do
  local id = fields[i]
  if id ~= ARGV[1] then
    local expires = redis.call('ZSCORE', KEYS[2], id)
    if expires and tonumber(expires) > now then
      others = others + tonumber(fields[i + 1])
    else
      redis.call('HDEL', KEYS[1], id)
    end
  end
end
local mine = tonumber(ARGV[2])
local ok = 1
if others + mine > tonumber(ARGV[3]) then
  mine = mine - 1
  ok = 0
end
if mine > 0 then
  redis.call('HSET', KEYS[1], ARGV[1], mine)
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
else
  redis.call('HDEL', KEYS[1], ARGV[1])
end
return ok`;

/** Open (and opening) board sockets per client address across all servers, under a cap. */
export class SharedSockets {
  /** This server's sockets per address group. */
  private readonly mine = new Map<string, number>();
  /** Groups whose count changed while Redis could not be told: written at the next refresh. */
  private readonly unsent = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private stopReady: (() => void) | undefined;

  /** `refreshMs`: how often this server writes all its counts again (a heartbeat's life). */
  constructor(
    private readonly link: RedisLink,
    private readonly nodes: NodeCount,
    private readonly nodeId: string,
    private readonly max: number,
    private readonly refreshMs: number,
  ) {}

  /** Starts writing this server's counts when Redis is ready and every `refreshMs`. */
  start(): void {
    this.stopReady = this.link.onReady(() => void this.refresh());
    this.timer = setInterval(() => void this.refresh(), this.refreshMs);
    this.timer.unref();
  }

  /** Stops writing (the counts fade when this server's heartbeat does). */
  stop(): void {
    clearInterval(this.timer);
    this.stopReady?.();
  }

  /** Counts one more socket for `address` until `release`; false when the address is at the cap. Never throws. */
  async take(address: string): Promise<boolean> {
    const group = capGroup(address);
    const count = (this.mine.get(group) ?? 0) + 1;
    this.mine.set(group, count); // held while Redis is asked, so takes at once do not pass each other
    const answer = await this.link.attempt('sockets', (r) =>
      r.eval(TAKE, 2, SOCKETS_KEY_PREFIX + group, NODES_KEY, this.nodeId, String(count), String(this.max), String(this.expiryMs())) as Promise<number>,
    );
    const ok = answer !== undefined ? answer === 1 : count <= this.share();
    if (answer === undefined) this.unsent.add(group);
    if (!ok) this.drop(group);
    return ok;
  }

  /** One socket of `address` closed; resolves once Redis was told (or could not be). Never rejects. */
  release(address: string): Promise<void> {
    const group = capGroup(address);
    this.drop(group);
    return this.send([group]);
  }

  /** How many sockets `address` (its /64, for IPv6) holds on this server. */
  held(address: string): number {
    return this.mine.get(capGroup(address)) ?? 0;
  }

  /** This server's share of the cap while Redis cannot be asked. */
  share(): number {
    return Math.max(1, Math.floor(this.max / this.nodes.liveCount()));
  }

  /** Writes every count this server holds (and the ones it no longer holds but could not say). */
  async refresh(): Promise<void> {
    await this.send([...new Set([...this.mine.keys(), ...this.unsent])]);
  }

  private drop(group: string): void {
    const count = (this.mine.get(group) ?? 1) - 1;
    if (count <= 0) this.mine.delete(group);
    else this.mine.set(group, count);
  }

  private expiryMs(): number {
    return Math.max(60_000, this.refreshMs * 3);
  }

  private async send(groups: string[]): Promise<void> {
    if (groups.length === 0) return;
    const done = await this.link.attempt('sockets refresh', (r) => {
      const batch = r.multi();
      for (const group of groups) {
        const key = SOCKETS_KEY_PREFIX + group;
        const count = this.mine.get(group) ?? 0;
        if (count > 0) batch.hset(key, this.nodeId, count).pexpire(key, this.expiryMs());
        else batch.hdel(key, this.nodeId);
      }
      return batch.exec();
    });
    for (const group of groups) {
      if (done) this.unsent.delete(group);
      else this.unsent.add(group);
    }
  }
}

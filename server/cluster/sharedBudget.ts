/**
 * An hourly budget (new boards per address, new people) shared by every server through Redis, with
 * each server's share of it, kept in the process, for when Redis cannot answer.
 *
 * Why: behind a load balancer a client's requests land on any server; a budget each server kept for
 * itself would let a script spend it once per server. The shared one is the same token bucket as a
 * single server's `HourlyBudget` (a whole hour's worth at once, then refilled steadily; not a fixed
 * hourly window, which would allow twice the budget across the turn of the hour), kept in a Redis
 * hash and taken by a Lua script on Redis's clock, so two servers taking at once cannot both have the
 * last token. Redis down or slower than its command timeout must not stop anyone making a board: the
 * server then takes from its own bucket of the budget divided by the live servers last seen (at least
 * 1 each), and asks Redis again as soon as it answers. A Redis that comes back empty starts every
 * budget full again, as a restarted single server does.
 */
import { capGroup } from '../http/clientAddress.ts';
import { HourlyBudget } from '../limits/budgets.ts';
import { monotonicClock, type Clock } from '../limits/tokenBucket.ts';
import type { RedisLink } from './redisLink.ts';

const HOUR_MS = 3_600_000;

/** Prefix of the budgets' keys: `olifant:budget:<name>:<key>`. */
export const BUDGET_KEY_PREFIX = 'olifant:budget:';

/**
 * Takes one token from the bucket in KEYS[1] of ARGV[1] tokens refilled over ARGV[2] ms; 1 if taken.
 * The hash expires when the bucket would be full again (nothing to remember).
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cap = tonumber(ARGV[1])
local per = tonumber(ARGV[2])
local held = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(held[1]) or cap
local at = tonumber(held[2]) or now
tokens = math.min(cap, tokens + math.max(0, now - at) * cap / per)
local ok = 0
if tokens >= 1 then
  tokens = tokens - 1
  ok = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((cap - tokens) * per / cap) + 1000)
return ok`;

/** How many servers share the work (the live ones last seen, at least 1). */
export interface NodeCount {
  liveCount(): number;
}

/** Where the last answer came from: Redis, or this server's share. */
export type BudgetSource = 'redis' | 'local';

/** One hourly budget, per key (an address's group, or '' for one budget across everyone), shared through Redis. */
export class SharedBudget {
  private readonly local = new Map<string, HourlyBudget>();
  /** Where the last `take` was decided (for metrics and tests). */
  lastSource: BudgetSource = 'redis';

  /**
   * `name` keeps budgets apart in Redis (`boards`, `people`); `perHour` is the whole budget across
   * all servers; `nodes` tells how many share it when Redis cannot be asked.
   */
  constructor(
    private readonly link: RedisLink,
    private readonly nodes: NodeCount,
    private readonly name: string,
    private readonly perHour: number,
    private readonly now: Clock = monotonicClock,
  ) {}

  /**
   * Takes one from `key`'s budget: true if it was there. Asks Redis (at most its command timeout),
   * else this server's share. Never throws.
   */
  async take(key = ''): Promise<boolean> {
    const answer = await this.link.attempt(`budget ${this.name}`, (r) =>
      r.eval(TAKE, 1, `${BUDGET_KEY_PREFIX}${this.name}:${key}`, String(this.perHour), String(HOUR_MS)) as Promise<number>,
    );
    if (answer !== undefined) {
      this.lastSource = 'redis';
      return answer === 1;
    }
    this.lastSource = 'local';
    return this.localBudget(key).take();
  }

  /** Takes one from the budget of a client address (an IPv6 one by its /64), as `NewBoardsBudget` counts. */
  takeForAddress(address: string): Promise<boolean> {
    return this.take(capGroup(address));
  }

  /** This server's share of the budget: the whole divided by the servers last seen alive, at least 1. */
  share(): number {
    return Math.max(1, Math.floor(this.perHour / this.nodes.liveCount()));
  }

  private localBudget(key: string): HourlyBudget {
    if (this.local.size > 10_000) {
      // Keys whose share is whole again need not be remembered.
      for (const [k, budget] of this.local) if (budget.full) this.local.delete(k);
    }
    let budget = this.local.get(key);
    if (!budget) this.local.set(key, (budget = new HourlyBudget(this.share(), this.now)));
    return budget;
  }
}

/**
 * This server's connections to Redis (OLIFANT_REDIS_URL): one for commands, one for the control
 * channel's subscription, and whether Redis answers (`status()`, for `/healthz`).
 *
 * Why: Redis only coordinates the servers (who is alive, link rotations, shared budgets); boards never
 * depend on it. So a Redis that is down or slow must cost a server nothing but that coordination: a
 * command fails within a short time instead of waiting in a queue (no offline queue, a command
 * timeout, one try per command), the connection keeps coming back on its own with a capped backoff,
 * and no Redis error ever reaches the process as an uncaught one. Errors are logged once per change
 * of state (down, back), not once per failed command.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../log.ts';

/** What `/healthz` says of Redis. */
export type RedisStatus = 'ok' | 'down';

/** How long one command may take before the caller goes on without Redis, ms. */
export const COMMAND_TIMEOUT_MS = 200;

/** After a command timed out, how long to go on without Redis before asking it again, ms. */
const SLOW_PAUSE_MS = 1000;

/** Longest wait between two attempts to reconnect, ms. */
const MAX_RECONNECT_DELAY_MS = 2000;

/** The options every Olifant connection to Redis uses. */
export function redisOptions(commandTimeoutMs = COMMAND_TIMEOUT_MS): RedisOptions {
  return {
    // Fail at once while disconnected, rather than queueing until Redis is back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 2000,
    // Keep reconnecting, at most MAX_RECONNECT_DELAY_MS apart: Redis coming back is the normal case.
    retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 6), MAX_RECONNECT_DELAY_MS),
    lazyConnect: false,
  };
}

/** The connections to one Redis, shared by heartbeats, the control channel and the budgets. */
export class RedisLink {
  /** Connection for commands (scripts, heartbeats, publish). */
  readonly commands: Redis;
  /** Connection that only subscribes (a subscribed connection can send nothing else). */
  readonly subscriber: Redis;
  private slowUntil = 0;
  private wasReady = false;
  private closed = false;
  private readonly readyListeners = new Set<() => void>();

  constructor(
    url: string,
    private readonly log: Logger,
    commandTimeoutMs = COMMAND_TIMEOUT_MS,
  ) {
    this.commands = new Redis(url, { ...redisOptions(commandTimeoutMs), connectionName: 'olifant' });
    // The subscriber queues its SUBSCRIBE until connected, and subscribes again after a reconnect.
    this.subscriber = new Redis(url, { ...redisOptions(commandTimeoutMs), enableOfflineQueue: true, autoResubscribe: true, commandTimeout: undefined, connectionName: 'olifant-sub' });
    this.commands.on('ready', () => {
      this.slowUntil = 0;
      this.log.info({ module: 'redis', back: this.wasReady }, this.wasReady ? '[redis] reachable again' : '[redis] connected');
      this.wasReady = true;
      for (const listener of this.readyListeners) {
        try {
          listener();
        } catch (err) {
          this.log.error({ module: 'redis', err }, '[redis] a listener failed');
        }
      }
    });
    let downLogged = false;
    const onError = (err: Error) => {
      if (downLogged || this.closed) return;
      downLogged = true;
      this.log.warn({ module: 'redis', err: { message: err.message } }, '[redis] unreachable; each server goes on with its share of the budgets');
    };
    this.commands.on('error', onError);
    this.commands.on('ready', () => (downLogged = false));
    this.subscriber.on('error', () => {
      // Reported through the command connection; the subscriber reconnects by itself.
    });
  }

  /** `ok` while the command connection is up and Redis answered in time lately; else `down`. */
  status(): RedisStatus {
    return this.usable() ? 'ok' : 'down';
  }

  /** Whether asking Redis now is worth it: connected, and no command timed out within the last second. */
  usable(): boolean {
    if (this.slowUntil !== 0 && performance.now() >= this.slowUntil) this.slowUntil = 0; // ask again
    return !this.closed && this.commands.status === 'ready' && this.slowUntil === 0;
  }

  /**
   * Runs `command` against Redis and returns its answer, or `undefined` when Redis is down, slow
   * (past the command timeout) or answers with an error; never throws.
   */
  async attempt<T>(what: string, command: (redis: Redis) => Promise<T>): Promise<T | undefined> {
    if (!this.usable()) return undefined;
    try {
      return await command(this.commands);
    } catch (err) {
      const message = (err as Error).message;
      if (/timed? ?out/i.test(message)) {
        if (this.slowUntil === 0) this.log.warn({ module: 'redis', what }, '[redis] too slow to answer; each server goes on with its share of the budgets');
        this.slowUntil = performance.now() + SLOW_PAUSE_MS;
      }
      this.log.debug({ module: 'redis', what, err: { message } }, '[redis] command failed; going on without it');
      return undefined;
    }
  }

  /** Calls `listener` each time the command connection is ready (at start, and when Redis is back). */
  onReady(listener: () => void): () => void {
    this.readyListeners.add(listener);
    return () => this.readyListeners.delete(listener);
  }

  /** Closes both connections (pending commands fail; nothing is written). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.readyListeners.clear();
    this.commands.disconnect();
    this.subscriber.disconnect();
  }
}

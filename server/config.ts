/**
 * Server configuration from environment variables, each with a default.
 *
 * Why: the server must start with no set-up (`npm start`) and be configurable by a venue's admin
 * without code; a bad value stops start-up with a message naming the variable.
 */
import { resolve } from 'node:path';
import { defaultNodeId, NODE_ID_RULE, parseNodeUrl } from './cluster/nodeConfig.ts';
import { z } from '../shared/model/zod.ts';
import { NEW_PEOPLE_PER_HOUR } from './auth/personProof.ts';
import { NEW_BOARDS_PER_HOUR } from './http/newBoards.ts';
import { parseTrustedProxies } from './http/clientAddress.ts';
import { parseAllowedOrigins, type AllowedOrigins } from './http/origin.ts';
import { COMPACT_MIN_INTERVAL_MS } from './rooms/logBudget.ts';

/** The server's settings, one per environment variable. */
export interface ServerConfig {
  /** TCP port; 0 picks a free one (tests). */
  readonly port: number;
  /** Interface to listen on; 0.0.0.0 lets tablets on the venue network join. */
  readonly host: string;
  /** Folder for the SQLite file and the generated secret. */
  readonly dataDir: string;
  /** PostgreSQL connection URL (from OLIFANT_DATABASE_URL); when set, boards are kept there instead of SQLite. */
  readonly databaseUrl?: string | undefined;
  /** Token secret (from OLIFANT_SECRET); `undefined` means generate once and keep it in the data dir. */
  readonly secret: string | undefined;
  /** Base of the links the API hands out, e.g. https://olifant.example.org; else taken from the request. */
  readonly publicUrl: string | undefined;
  /** Largest websocket frame accepted, in bytes. */
  readonly maxMessageBytes: number;
  /** How long a board with no connections stays in memory. */
  readonly unloadGraceMs: number;
  /** Compact a board's log into its state after this many appended updates. */
  readonly compactEvery: number;
  /** Shortest time between two compactions of a board, ms (unset: as soon as due, as in-process tests run). */
  readonly compactMinIntervalMs?: number;
  /** While a board changes, keep a snapshot of it at most this often (ms). */
  readonly snapshotEveryMs: number;
  /** Folder with the built client (index.html, assets/). */
  readonly clientDir: string;
  /** pino log level. */
  readonly logLevel: string;
  /** Most bytes waiting to be sent to one client before it counts as not reading and is cut off. */
  readonly maxBufferedBytes: number;
  /** Messages per second one connection may send on average (twice that at once); more are slowed down. */
  readonly maxMessagesPerSecond: number;
  /** Most boards open for connections at once; at the cap, idle boards are freed to make room. */
  readonly maxLoadedBoards: number;
  /** Other sites whose pages may open board websockets (the board's own site always may). */
  readonly allowedOrigins: AllowedOrigins;
  /** Most board sockets one client address may hold; a venue shares one NAT address, so it is high. */
  readonly maxConnectionsPerIp: number;
  /** Reverse proxies whose X-Forwarded-For is believed for the client's address. */
  readonly trustedProxies: readonly string[];
  /** How far past what was live the heap may grow before V8 collects it all, % (0: V8's own policy). */
  readonly heapGrowingPercent?: number;
  /** New participant ids bound to device keys per hour, across everyone; past it new ids join unproven. */
  readonly newPeoplePerHour?: number;
  /** Boards one client address may make (new or restored) per hour; past it, 429. */
  readonly newBoardsPerHour?: number;
  /** Redis for coordination between servers (heartbeats, link rotation, shared budgets); never board data. */
  readonly redisUrl?: string;
  /** This server's name among the servers of a cluster (OLIFANT_NODE_ID; default host-pid-random). */
  readonly nodeId?: string;
  /** How the other servers reach this one for tunnels, `http://host:port` (OLIFANT_NODE_URL). */
  readonly nodeUrl?: string;
  /** How long a board lease lasts unless renewed, ms; heartbeats live a third of it. */
  readonly leaseMs?: number;
}

// zod/mini (as the shared model uses): the classic API would load all of zod into the server.
const int = (min: number, max: number, fallback: number) =>
  z._default(z.pipe(z.coerce.number(), z.int().check(z.minimum(min), z.maximum(max))), fallback);
const text = (fallback: string) => z._default(z.string().check(z.minLength(1)), fallback);

/** An optional text variable that `parse` must accept (its error message is the variable's). */
const parsedBy = (parse: (value: string | undefined) => unknown) =>
  z.optional(z.string()).check(
    z.superRefine((value, ctx) => {
      try {
        parse(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
  );

const envSchema = z.object({
  PORT: int(0, 65535, 1234),
  HOST: text('0.0.0.0'),
  OLIFANT_DATA_DIR: text('./data'),
  OLIFANT_DATABASE_URL: z.optional(z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })),
  OLIFANT_SECRET: z.optional(z.string().check(z.minLength(32, 'must be at least 32 characters'))),
  OLIFANT_PUBLIC_URL: z.optional(
    z.pipe(
      z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
      z.transform((u: string) => u.replace(/\/+$/, '')),
    ),
  ),
  OLIFANT_MAX_MESSAGE_BYTES: int(1024, 256 * 1024 * 1024, 2 * 1024 * 1024),
  OLIFANT_MAX_BUFFERED_BYTES: int(64 * 1024, 1024 * 1024 * 1024, 32 * 1024 * 1024),
  OLIFANT_MAX_MESSAGES_PER_SECOND: int(1, 1_000_000, 200),
  OLIFANT_MAX_LOADED_BOARDS: int(1, 1_000_000, 2000),
  OLIFANT_MAX_CONNECTIONS_PER_IP: int(1, 1_000_000, 1000),
  OLIFANT_UNLOAD_GRACE_MS: int(0, 24 * 3600 * 1000, 30_000),
  OLIFANT_COMPACT_EVERY: int(1, 1_000_000, 500),
  OLIFANT_COMPACT_MIN_INTERVAL_MS: int(0, 3_600_000, COMPACT_MIN_INTERVAL_MS),
  OLIFANT_SNAPSHOT_EVERY_MS: int(1000, 24 * 3600 * 1000, 10 * 60 * 1000),
  OLIFANT_CLIENT_DIR: text('./dist/client'),
  OLIFANT_LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  OLIFANT_ALLOWED_ORIGINS: parsedBy(parseAllowedOrigins),
  OLIFANT_TRUSTED_PROXIES: parsedBy(parseTrustedProxies),
  OLIFANT_HEAP_GROWING_PERCENT: int(0, 1000, 50),
  OLIFANT_NEW_PEOPLE_PER_HOUR: int(1, 10_000_000, NEW_PEOPLE_PER_HOUR),
  OLIFANT_NEW_BOARDS_PER_HOUR: int(1, 10_000_000, NEW_BOARDS_PER_HOUR),
  OLIFANT_REDIS_URL: z.optional(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })),
  OLIFANT_NODE_ID: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/, NODE_ID_RULE))),
  OLIFANT_NODE_URL: parsedBy(parseNodeUrl),
  OLIFANT_LEASE_MS: int(1000, 3_600_000, 10_000),
});

/** Reads the configuration from `env`; throws an Error naming each bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`bad configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  if (present.OLIFANT_DATABASE_URL && e.OLIFANT_REDIS_URL && !e.OLIFANT_NODE_URL) {
    throw new Error('bad configuration: OLIFANT_NODE_URL: is needed with OLIFANT_DATABASE_URL and OLIFANT_REDIS_URL (how the other servers reach this one, e.g. http://10.0.0.5:1234)');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.OLIFANT_DATA_DIR),
    databaseUrl: e.OLIFANT_DATABASE_URL,
    secret: e.OLIFANT_SECRET,
    publicUrl: e.OLIFANT_PUBLIC_URL,
    maxMessageBytes: e.OLIFANT_MAX_MESSAGE_BYTES,
    maxBufferedBytes: e.OLIFANT_MAX_BUFFERED_BYTES,
    maxMessagesPerSecond: e.OLIFANT_MAX_MESSAGES_PER_SECOND,
    maxLoadedBoards: e.OLIFANT_MAX_LOADED_BOARDS,
    unloadGraceMs: e.OLIFANT_UNLOAD_GRACE_MS,
    compactEvery: e.OLIFANT_COMPACT_EVERY,
    compactMinIntervalMs: e.OLIFANT_COMPACT_MIN_INTERVAL_MS,
    snapshotEveryMs: e.OLIFANT_SNAPSHOT_EVERY_MS,
    clientDir: resolve(e.OLIFANT_CLIENT_DIR),
    logLevel: e.OLIFANT_LOG_LEVEL,
    allowedOrigins: parseAllowedOrigins(e.OLIFANT_ALLOWED_ORIGINS),
    maxConnectionsPerIp: e.OLIFANT_MAX_CONNECTIONS_PER_IP,
    trustedProxies: parseTrustedProxies(e.OLIFANT_TRUSTED_PROXIES),
    heapGrowingPercent: e.OLIFANT_HEAP_GROWING_PERCENT,
    newPeoplePerHour: e.OLIFANT_NEW_PEOPLE_PER_HOUR,
    newBoardsPerHour: e.OLIFANT_NEW_BOARDS_PER_HOUR,
    redisUrl: e.OLIFANT_REDIS_URL,
    nodeId: e.OLIFANT_NODE_ID ?? defaultNodeId(),
    nodeUrl: parseNodeUrl(e.OLIFANT_NODE_URL),
    leaseMs: e.OLIFANT_LEASE_MS,
  };
}

/**
 * Whether this server is one of several sharing boards: boards on PostgreSQL and coordination on
 * Redis. Either alone is a single server (PostgreSQL alone is a single server on PostgreSQL).
 */
export function isClusterMode(config: { readonly databaseUrl?: string; readonly redisUrl?: string }): boolean {
  return Boolean(config.databaseUrl && config.redisUrl);
}

/**
 * The server the day runs against: the real server started as a child process (so it can be killed
 * with SIGKILL and restarted on the same port and data), or an existing one given with `--url`
 * (which the rehearsal cannot kill). Plus its process figures from `/metrics`.
 *
 * Why: the rehearsal proves the server a venue runs, not an in-process copy; and a host pointing it
 * at their own deployment must get the same day, only without the kill.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, spawnServer, tempDir, type ChildServer } from '../helpers/server.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The limits a room of hundreds on one address needs (the rehearsal's devices all share 127.0.0.1). */
export const ROOM_LIMITS: Record<string, string> = {
  OLIFANT_MAX_CONNECTIONS_PER_IP: '100000',
  OLIFANT_NEW_PEOPLE_PER_HOUR: '1000000',
  OLIFANT_NEW_BOARDS_PER_HOUR: '1000000',
  OLIFANT_MAX_MESSAGES_PER_SECOND: '1000',
};

export interface ServerFigures {
  /** CPU seconds used by the server process so far (restarts from 0 after a kill). */
  readonly cpuSeconds: number;
  readonly rssBytes: number;
}

export interface RehearsalServer {
  readonly baseUrl: string;
  /** Whether this rehearsal started the server (and so can kill and restart it). */
  readonly owned: boolean;
  /** SIGKILLs the server and starts it again on the same port with the same data. */
  killAndRestart(): Promise<{ downMs: number }>;
  /** The process figures, or null when `/metrics` cannot be read. */
  figures(): Promise<ServerFigures | null>;
  close(): Promise<void>;
}

/** Builds the client when it is missing or older than its sources (the tablets load it). */
export function ensureClientBuilt(): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/scripts/ensureClient.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the client failed (server/scripts/ensureClient.ts)');
  return join(ROOT, 'dist', 'client');
}

/** Starts the real server (with the built client when `clientDir` is given) on a free port. */
export async function startOwnServer(clientDir: string | null): Promise<RehearsalServer> {
  const data = tempDir('olifant-rehearsal-');
  const port = await freePort();
  const env: Record<string, string> = { ...ROOM_LIMITS };
  if (clientDir && existsSync(join(clientDir, 'index.html'))) env.OLIFANT_CLIENT_DIR = clientDir;
  let child: ChildServer = await spawnServer(data.path, port, env);
  return {
    baseUrl: child.url,
    owned: true,
    async killAndRestart() {
      const started = performance.now();
      child.process.kill('SIGKILL');
      await child.exited;
      child = await spawnServer(data.path, port, env);
      return { downMs: performance.now() - started };
    },
    figures: () => readFigures(child.url),
    async close() {
      if (child.process.exitCode === null && child.process.signalCode === null) {
        child.process.kill('SIGTERM');
        await Promise.race([child.exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
      }
      data.cleanup();
    },
  };
}

/** A server someone else runs: the rehearsal reads it and writes to its own board only. */
export async function useExistingServer(baseUrl: string): Promise<RehearsalServer> {
  const health = await fetch(`${baseUrl}/healthz`).catch((err: Error) => {
    throw new Error(`cannot reach ${baseUrl}/healthz: ${err.message}`);
  });
  if (!health.ok) throw new Error(`${baseUrl}/healthz answered ${health.status}`);
  return {
    baseUrl,
    owned: false,
    killAndRestart: () => Promise.reject(new Error('cannot kill a server this rehearsal did not start')),
    figures: () => readFigures(baseUrl),
    close: async () => {},
  };
}

/** CPU seconds and resident memory from the server's Prometheus text. */
async function readFigures(baseUrl: string): Promise<ServerFigures | null> {
  try {
    const res = await fetch(`${baseUrl}/metrics`);
    if (!res.ok) return null;
    const text = await res.text();
    const value = (name: string) => Number(new RegExp(`^olifant_process_${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
    const cpuSeconds = value('process_cpu_seconds_total');
    const rssBytes = value('process_resident_memory_bytes');
    return Number.isFinite(cpuSeconds) && Number.isFinite(rssBytes) ? { cpuSeconds, rssBytes } : null;
  } catch {
    return null;
  }
}

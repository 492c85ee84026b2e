/**
 * A real Redis server of a test's own, on a free port, keeping nothing on disk.
 *
 * Why: Olifant uses Redis for coordination only (heartbeats, the control channel, shared budgets), and
 * the tests must show what happens when it dies: `kill9()` ends it as a crash would, `start()` brings
 * an empty one back on the same port (as a restarted cache-only Redis is).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/server.ts';
import { enginePrograms } from './ensure.ts';

/** A running (or killed) test Redis. */
export interface TestRedis {
  readonly port: number;
  readonly url: string;
  pid(): number | undefined;
  /** SIGKILL, then waits until the port is free. */
  kill9(): Promise<void>;
  /** Starts it again (empty) on the same port. */
  start(): void;
  /** Kills it and removes its folder. */
  destroy(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts a Redis; remember to `destroy()` it. */
export async function startRedis(): Promise<TestRedis> {
  const { redisServer } = enginePrograms();
  const dir = mkdtempSync(join(tmpdir(), 'olifant-redis-'));
  const port = await freePort();
  const pidFile = join(dir, 'redis.pid');
  let current: number | undefined;
  const start = () => {
    rmSync(pidFile, { force: true });
    execFileSync(redisServer, [
      '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
      '--daemonize', 'yes', '--pidfile', pidFile, '--dir', dir, '--logfile', join(dir, 'log'),
    ]);
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        current = Number(readFileSync(pidFile, 'utf8').trim());
        if (current > 0) return;
      } catch {
        // Not written yet.
      }
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start: see ${join(dir, 'log')}`);
      execFileSync('sleep', ['0.05']);
    }
  };
  const kill9 = async () => {
    const pid = current;
    current = undefined;
    if (pid === undefined) return;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      return;
    }
    while (alive(pid)) await new Promise((r) => setTimeout(r, 20));
  };
  start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pid: () => current,
    kill9,
    start,
    async destroy() {
      await kill9();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

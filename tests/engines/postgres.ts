/**
 * A real PostgreSQL server of a test's own: a fresh cluster in a temporary folder, on a free port.
 *
 * Why: the storage contract and the multi-server faults (immediate stop, restart) run against the
 * engine operators use, not a stand-in. As root, the cluster is made and run as the `postgres` user
 * (PostgreSQL refuses to run as root); without systemd, it is started with pg_ctl and stopped by PID.
 * fsync and synchronous_commit stay on, as in production: a committed row survives the stops.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../helpers/server.ts';
import { enginePrograms } from './ensure.ts';

/** A running (or stopped) test cluster. */
export interface TestPostgres {
  readonly port: number;
  /** Connection URL of the `postgres` database. */
  readonly url: string;
  /** A URL for a new, empty database of this cluster. */
  createDatabase(name?: string): Promise<string>;
  /** PID of the postmaster (undefined while stopped). */
  pid(): number | undefined;
  /** `fast` is a clean shutdown; `immediate` is the crash-like stop (no checkpoint, recovery at start). */
  stop(mode?: 'fast' | 'immediate'): void;
  /** Starts the cluster again on the same port and folder. */
  start(): void;
  /** Stops it and removes its folder. */
  destroy(): void;
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]): string {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

let databases = 0;

/** Makes and starts a cluster; remember to `destroy()` it. */
export async function startPostgres(): Promise<TestPostgres> {
  const { pgBin } = enginePrograms();
  const dir = mkdtempSync(join(tmpdir(), 'olifant-pg-'));
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  const data = join(dir, 'data');
  run(join(pgBin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=200`;
  let running = false;
  const start = () => {
    run(join(pgBin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start']);
    running = true;
  };
  const pid = (): number | undefined => {
    if (!running) return undefined;
    try {
      return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return undefined;
    }
  };
  const stop = (mode: 'fast' | 'immediate' = 'fast') => {
    if (!running) return;
    run(join(pgBin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
    running = false;
  };
  start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    port,
    url,
    async createDatabase(name = `olifant_${process.pid}_${++databases}`) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    pid,
    stop,
    start,
    destroy() {
      try {
        stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Test helper: a real Olifant server on an ephemeral port with a temporary data dir.
 *
 * Why: integration tests run against the real thing (SQLite file, ws, HTTP), in-process for speed,
 * or as a child process where a test needs to kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ServerConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import type { BoardStore } from '../../server/persistence/store.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import type { CreatedBoard } from '../../shared/index.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** A temporary folder, removed by the returned `cleanup`. */
export function tempDir(prefix = 'olifant-test-'): { path: string; cleanup(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** A tiny stand-in for the built client, so static serving can be tested without a Vite build. */
export function fakeClientDir(dir: string): string {
  const clientDir = join(dir, 'client');
  mkdirSync(join(clientDir, 'assets'), { recursive: true });
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Olifant test</title><div id="root"></div>');
  writeFileSync(join(clientDir, 'assets', 'app-abc123.js'), 'console.log("olifant")');
  return clientDir;
}

/** Starts an in-process server; `overrides` replace the test defaults. */
export async function startTestServer(dataDir: string, overrides: Partial<ServerConfig> = {}, store?: BoardStore): Promise<RunningServer> {
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    secret: undefined,
    publicUrl: undefined,
    maxMessageBytes: 2 * 1024 * 1024,
    maxBufferedBytes: 32 * 1024 * 1024,
    maxMessagesPerSecond: 200,
    maxLoadedBoards: 2000,
    unloadGraceMs: 200,
    compactEvery: 500,
    snapshotEveryMs: 60_000,
    clientDir: fakeClientDir(dataDir),
    logLevel: 'silent',
    allowedOrigins: [],
    maxConnectionsPerIp: 1000,
    trustedProxies: [],
    // Test files and stress runs make many boards from one address.
    newBoardsPerHour: 1_000_000,
    ...overrides,
  };
  return startServer(config, createLogger(config.logLevel), store);
}

/** Creates a board through the HTTP API, as any tool would. */
export async function createBoard(baseUrl: string, title = 'Test board'): Promise<CreatedBoard> {
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`create board answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as CreatedBoard;
}

/** The token inside a link's `#token=` fragment. */
export function tokenOf(link: string): string {
  const token = new URL(link).hash.replace(/^#token=/, '');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

/** A server started as a child process (`node --import tsx server/index.ts`) on `port`. */
export interface ChildServer {
  readonly process: ChildProcess;
  readonly url: string;
  readonly port: number;
  /** Resolves with the exit code (or signal name) when the process ends. */
  readonly exited: Promise<number | string>;
  output(): string;
}

/**
 * Starts the real entry point in a child process and waits until it answers /healthz: the sources
 * through tsx, or what `nodeArgs` says (the benchmark runs the bundled server as `npm start` does).
 */
export async function spawnServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
  nodeArgs = ['--import', 'tsx', 'server/index.ts'],
): Promise<ChildServer> {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      OLIFANT_DATA_DIR: dataDir,
      OLIFANT_CLIENT_DIR: fakeClientDir(dataDir),
      OLIFANT_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((res) => child.on('exit', (code, signal) => res(code ?? signal ?? -1)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { process: child, url, port, exited, output: () => out };
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

/**
 * The servers `npm run bench` compares, each started as its own process on a free port: Olifant (the
 * real entry point on a fresh SQLite data dir) and the reference `@y/websocket-server` (in memory, no
 * persistence), with how to make a room on each, and their CPU time and memory read from /proc.
 *
 * Why: ratios are only fair side by side, in one run, on one machine, with the servers measured from
 * outside, the same way.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WebSocket } from 'ws';
import { createBoard, freePort, spawnServer, tempDir, tokenOf } from '../tests/helpers/server.ts';

export interface BenchServer {
  readonly name: 'olifant' | 'reference' | 'hocuspocus' | 'echo';
  readonly pid: number;
  /** Runs a full garbage collection in the server (when started with `inspect`). */
  collectGarbage?(): Promise<void>;
  /** Makes a room and says how a client reaches it. */
  room(title: string): Promise<{ url: string; room: string; params: Record<string, string>; hocuspocus?: boolean; setupParams?: Record<string, string>; link?: string }>;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Olifant as `npm start` runs it (the bundled server, plain node), on a temporary data dir. With
 * `inspect`, the process also listens for the V8 inspector on a local port, so the benchmark can force
 * a garbage collection from outside (the server itself has no such hook).
 */
export async function startOlifant(env: Record<string, string> = {}, inspect = false): Promise<BenchServer> {
  const dir = tempDir('olifant-bench-');
  const inspectPort = inspect ? await freePort() : 0;
  const inspectEnv: Record<string, string> = inspect ? { NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` } : {};
  // As `npm start` runs it: the bundled server (built when stale), plain node.
  execFileSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'server/scripts/ensureServer.ts')], { cwd: ROOT, stdio: 'inherit' });
  const entry = ['--enable-source-maps', resolve(ROOT, 'dist/server/index.mjs')];
  // Every load client comes from 127.0.0.1 here, where they would be a room's worth of devices.
  const benchEnv = { OLIFANT_LOG_LEVEL: 'warn', OLIFANT_MAX_CONNECTIONS_PER_IP: '100000', OLIFANT_NEW_BOARDS_PER_HOUR: '1000000' };
  const server = await spawnServer(dir.path, await freePort(), { ...benchEnv, ...inspectEnv, ...env }, entry);
  return {
    name: 'olifant',
    pid: server.process.pid!,
    ...(inspect ? { collectGarbage: () => collectGarbageAt(inspectPort) } : {}),
    async room(title) {
      const board = await createBoard(server.url, title);
      const setupParams = { token: tokenOf(board.links.facilitator) }; // the crowd bench lays out its tables as the facilitator
      return { url: `${server.url.replace(/^http/, 'ws')}/ws`, room: board.id, params: { token: tokenOf(board.links.participant) }, setupParams, link: board.links.participant };
    },
    async stop() {
      server.process.kill('SIGTERM');
      await server.exited;
      dir.cleanup();
    },
  };
}

/**
 * A peer server as a child process on a free port: `args(port)` starts it, `ready` is what it prints
 * on stdout once it accepts connections; rooms are named `room-<n>` (no tokens, no API).
 */
async function startPeer(name: 'reference' | 'hocuspocus' | 'echo', args: (port: number) => string[], env: (port: number) => Record<string, string>, ready: string): Promise<BenchServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, args(port), { cwd: ROOT, env: { ...process.env, ...env(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`the ${name} server exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes(ready) && ok());
  });
  let rooms = 0;
  return {
    name,
    pid: child.pid!,
    async room() {
      return { url: `ws://127.0.0.1:${port}`, room: `room-${rooms++}`, params: {}, ...(name === 'hocuspocus' ? { hocuspocus: true } : {}) };
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** The reference y-websocket server (`@y/websocket-server`), as its own bin runs it. */
export const startReference = (): Promise<BenchServer> =>
  startPeer('reference', () => [resolve(ROOT, 'node_modules/@y/websocket-server/src/server.js')], (port) => ({ HOST: '127.0.0.1', PORT: String(port) }), 'running at');

/** Hocuspocus (bench/hocuspocusServer.ts): in memory, no extensions, driven by its own provider. */
export const startHocuspocus = (): Promise<BenchServer> =>
  startPeer('hocuspocus', (port) => ['--import', 'tsx', resolve(ROOT, 'bench/hocuspocusServer.ts'), String(port)], () => ({}), 'listening');

/** The crowd bench's calibration relay (bench/probe/echoServer.ts): changes to the room's other sockets, cursors to the sender's table. */
export const startEcho = (): Promise<BenchServer> =>
  startPeer('echo', (port) => ['--import', 'tsx', resolve(ROOT, 'bench/probe/echoServer.ts'), String(port)], () => ({}), 'listening');

/** A full collection in the Node process whose inspector listens on `port` (HeapProfiler.collectGarbage). */
async function collectGarbageAt(port: number): Promise<void> {
  const [target] = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(target!.webSocketDebuggerUrl);
  await new Promise((ok, fail) => ws.once('open', ok).once('error', fail));
  await new Promise<void>((ok) => {
    ws.on('message', (data: Buffer) => JSON.parse(data.toString()).id === 1 && ok());
    ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
  });
  ws.close();
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (100 Hz)
}

/** Resident memory of a process, bytes. */
export function rssBytesOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

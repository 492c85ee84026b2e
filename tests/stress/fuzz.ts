/**
 * The wire fuzzer: a real server (child process) on one board, a fuzzing load process
 * (`fuzzLoad.ts`), two healthy clients timing their edits, and a watchdog reading the server's
 * event-loop lag; at the end the healthy clients and a fresh one must hold the same board.
 *
 * Why: "one bad tablet must not cost anyone anything" is proved by sending the server what a bad
 * tablet could, a great deal of it, while someone works, and measuring what that someone notices.
 */
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { createNote, listNotes, ORIGIN, readNote, setNoteText } from '../../shared/index.ts';
import { connectClient, waitFor, waitSynced } from '../helpers/clients.ts';
import { createBoard, freePort, spawnServer, tempDir, tokenOf } from '../helpers/server.ts';
import type { FuzzLoadConfig, FuzzLoadResult } from './fuzzLoad.ts';
import { readMetrics, summarize } from '../../bench/stats.ts';

export interface FuzzOptions {
  /** Stop once the server has read this many frames (fuzzed ones, and the healthy clients' few). */
  readonly frames: number;
  readonly seed: number;
  /** Fuzzing sockets open at once. */
  readonly concurrency?: number;
  /** Progress lines go here. */
  readonly progress?: (line: string) => void;
}

export interface FuzzFigures {
  readonly framesRead: number;
  readonly load: FuzzLoadResult;
  readonly seconds: number;
  /** Times the server process ended during the run. */
  readonly crashes: number;
  /** Handler errors that were not the client's fault (a bug: the socket got 1011). */
  readonly internalErrors: number;
  readonly errorsByKind: Record<string, number>;
  /** Longest event-loop stall seen (ms), and how many watchdog reads saw one over 100 ms. */
  readonly maxStallMs: number;
  readonly stallsOver100Ms: number;
  /** The healthy client's edit-to-other-client latency, in ms. */
  readonly healthy: { readonly edits: number; readonly p50: number; readonly p99: number; readonly max: number };
  /** Healthy clients and a fresh client hold the same notes after the run. */
  readonly converged: boolean;
  /** After a restart, the board loads with those same notes. */
  readonly reloaded: boolean;
  readonly rssMiB: number;
}

const MAX_PAYLOAD = 256 * 1024;

export async function runFuzz(options: FuzzOptions): Promise<FuzzFigures> {
  const dir = tempDir('olifant-fuzz-');
  const server = await spawnServer(dir.path, await freePort(), { OLIFANT_MAX_MESSAGE_BYTES: String(MAX_PAYLOAD), OLIFANT_LOG_LEVEL: 'error' });
  let crashes = 0;
  let stopping = false;
  void server.exited.then(() => !stopping && crashes++);
  let restarted: Awaited<ReturnType<typeof spawnServer>> | undefined;
  const board = await createBoard(server.url, 'Fuzzed');
  const token = (role: 'participant' | 'projector' | 'facilitator') => tokenOf(board.links[role]);
  const writer = connectClient(server.url, board.id, token('facilitator'));
  const reader = connectClient(server.url, board.id, token('facilitator'));
  const load = fork(resolve(import.meta.dirname, 'fuzzLoad.ts'), [
    JSON.stringify({ port: server.port, boardId: board.id, tokens: { participant: token('participant'), projector: token('projector'), facilitator: token('facilitator') }, seed: options.seed, concurrency: options.concurrency ?? 16, maxPayload: MAX_PAYLOAD } satisfies FuzzLoadConfig),
  ], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  let loadOut = '';
  load.stdout!.on('data', (d: Buffer) => (loadOut += d.toString()));
  const loadExited = new Promise<number>((r) => load.once('exit', (code) => r(code ?? 1)));
  try {
    await waitSynced(writer);
    await waitSynced(reader);
    const noteId = createNote(writer.doc, { text: '0', x: 0, y: 0, authorId: 'healthy' }, ORIGIN.local);
    await waitFor(() => readNote(reader.doc, noteId) !== undefined, 'the healthy note');

    // The healthy pair: one edit every 100 ms, timed until the other client has it.
    const sentAt = new Map<number, number>();
    const latencies: number[] = [];
    let seq = 0;
    reader.doc.on('update', () => {
      const text = readNote(reader.doc, noteId)?.text;
      const at = text === undefined ? undefined : sentAt.get(Number(text));
      if (at !== undefined) {
        latencies.push(performance.now() - at);
        sentAt.delete(Number(text));
      }
    });
    const ticker = setInterval(() => {
      seq++;
      sentAt.set(seq, performance.now());
      setNoteText(writer.doc, noteId, String(seq), ORIGIN.local);
    }, 100);

    const started = performance.now();
    let framesRead = 0;
    let maxStallMs = 0;
    let stallsOver100Ms = 0;
    let metrics = new Map<string, number>();
    let lastReport = started;
    while (framesRead < options.frames && crashes === 0) {
      await new Promise((r) => setTimeout(r, 250));
      metrics = await readMetrics(server.url).catch(() => metrics);
      const stall = (metrics.get('olifant_process_nodejs_eventloop_lag_max_seconds') ?? 0) * 1000;
      maxStallMs = Math.max(maxStallMs, stall);
      if (stall > 100) stallsOver100Ms++;
      const sample = (key: string) => metrics.get(key) ?? 0;
      framesRead = sample('olifant_messages_total{direction="in"}') + sample('olifant_errors_total{kind="bad_frame"}') + sample('olifant_errors_total{kind="message_too_big"}');
      if (options.progress && performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        options.progress(
          `fuzz: ${framesRead} frames read, ${Math.round((performance.now() - started) / 1000)} s, longest stall ${maxStallMs.toFixed(0)} ms, ` +
            `RSS ${((metrics.get('olifant_process_process_resident_memory_bytes') ?? 0) / 2 ** 20).toFixed(0)} MiB`,
        );
      }
    }
    const seconds = (performance.now() - started) / 1000;
    load.send('stop');
    if ((await loadExited) !== 0) throw new Error('the fuzzing load process failed');
    clearInterval(ticker);
    const result = JSON.parse(loadOut.trim().split('\n').at(-1)!) as FuzzLoadResult;

    // Everyone ends with the same board, a newcomer included.
    const last = String(seq);
    await waitFor(() => readNote(reader.doc, noteId)?.text === last, 'the last healthy edit', 10_000).catch(() => undefined);
    const fresh = connectClient(server.url, board.id, token('facilitator'));
    await waitSynced(fresh).catch(() => undefined);
    const notes = (doc: typeof writer.doc) => JSON.stringify(listNotes(doc).sort((a, b) => a.id.localeCompare(b.id)));
    const converged = crashes === 0 && fresh.provider.synced && notes(writer.doc) === notes(reader.doc) && notes(writer.doc) === notes(fresh.doc);
    fresh.destroy();

    // What the server stored loads again, as the same board: a restart keeps everything.
    const finalMetrics = await readMetrics(server.url);
    stopping = true;
    server.process.kill('SIGTERM');
    await server.exited;
    restarted = await spawnServer(dir.path, server.port, { OLIFANT_LOG_LEVEL: 'error' });
    const after = connectClient(restarted.url, board.id, token('facilitator'));
    await waitSynced(after).catch(() => undefined);
    const reloaded = after.provider.synced && notes(after.doc) === notes(writer.doc);
    after.destroy();

    const errorsByKind: Record<string, number> = {};
    for (const [key, value] of finalMetrics) {
      const kind = /^olifant_errors_total\{kind="([^"]+)"\}$/.exec(key)?.[1];
      if (kind) errorsByKind[kind] = value;
    }
    const { p50Ms, p99Ms, maxMs } = summarize(latencies);
    return {
      framesRead,
      load: result,
      seconds,
      crashes,
      internalErrors: errorsByKind.internal_error ?? 0,
      errorsByKind,
      maxStallMs,
      stallsOver100Ms,
      healthy: { edits: latencies.length, p50: p50Ms, p99: p99Ms, max: maxMs },
      converged,
      reloaded,
      rssMiB: (finalMetrics.get('olifant_process_process_resident_memory_bytes') ?? 0) / 2 ** 20,
    };
  } finally {
    if (load.exitCode === null) load.kill('SIGKILL');
    writer.destroy();
    reader.destroy();
    stopping = true;
    server.process.kill('SIGKILL');
    restarted?.process.kill('SIGKILL');
    await Promise.all([server.exited, restarted?.exited]);
    dir.cleanup();
  }
}

/**
 * Runs probe rooms: spreads the probes over worker threads (bench/probe/probeWorker.ts), starts them
 * together, and adds up what the workers measured: move latency from each send to each other device's
 * receipt, drops, presence bytes per device, the harness's own event-loop lag and CPU, and the server's
 * CPU over the same window.
 *
 * Why: one Node thread cannot receive 300 devices' traffic (90,000 moves a second reach somebody);
 * several threads can, and the harness measures itself while it measures the server, so a figure it
 * cannot vouch for is not mistaken for the server's.
 */
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { cpuSecondsOf } from '../peers.ts';
import { percentile } from '../stats.ts';
import { crowdBoard, manyNotes, pushBoard, roomUrl, type RoomTarget } from './board.ts';
import { BUCKET_MS, BUCKETS, FIRST_UNSET, RING, WARMUP_MS, type ProbeSpec, type WorkerConfig } from './config.ts';

export interface CrowdResult {
  people: number;
  seconds: number;
  /** Cursor messages per probe per second, and the probe threads: with people and seconds, the run's settings. */
  cursorHz: number;
  workers: number;
  moves: number;
  expected: number;
  received: number;
  drops: number;
  p50: number;
  p99: number;
  max: number;
  /** Awareness bytes received per device per second. */
  presenceBytes: number;
  /** The harness's own event-loop lag (how late a 20 ms timer fired), worst thread, ms. */
  lagP99: number;
  /** The harness process's CPU (all threads), percent of one core. */
  harnessCpu: number;
  /** The server's CPU over the measured window, percent of one core (NaN without a pid). */
  serverCpu: number;
  askedAgain: number;
  /** Probe sockets the server dropped or closed during the run, and their close codes. */
  lost: number;
  closes: Record<string, number>;
}

const WORKER = new URL('./probeWorker.ts', import.meta.url);

/** A worker thread running probeWorker.ts through tsx (whether or not this process was started with it). */
function spawn(config: WorkerConfig): Worker {
  const boot = `import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(WORKER.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true, workerData: config });
}

const once = <T>(w: Worker): Promise<T> =>
  new Promise((ok, fail) => {
    w.once('message', ok);
    w.once('error', fail);
  });

/** Splits `items` into `n` nearly equal parts. */
const split = <T>(items: T[], n: number): T[][] => Array.from({ length: n }, (_, w) => items.filter((_, i) => i % n === w));

function baseClientAvoiding(avoid: number, people: number): number {
  for (;;) {
    const base = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
    if (avoid < base || avoid >= base + people) return base;
  }
}

/**
 * `people` probes in one room of `target` for `seconds`, each moving its note once a second and its
 * cursor `cursorHz` times a second. `during` runs while they do (the tablet page).
 */
export async function runCrowd(
  target: RoomTarget,
  options: { people: number; seconds: number; cursorHz?: number; workers?: number; serverPid?: number; during?: () => Promise<void> },
): Promise<CrowdResult> {
  const { people, seconds } = options;
  const doc = new Y.Doc();
  const specs = crowdBoard(doc, people);
  const closeWriter = await pushBoard(target, doc);
  const baseClient = baseClientAvoiding(doc.clientID, people);
  const sendTimes = new SharedArrayBuffer(people * RING * 8);
  const firstMeasured = new SharedArrayBuffer(people * 4);
  new Int32Array(firstMeasured).fill(FIRST_UNSET);
  const threads = options.workers ?? 2;
  const cursorHz = options.cursorHz ?? 5;
  const parts = split<ProbeSpec>(specs, threads);
  const workers = parts.map((probes) =>
    spawn({ mode: 'crowd', url: roomUrl(target), probes, people, baseClient, sendTimes, firstMeasured, expectSync: target.holdsBoard, seconds, cursorHz }),
  );
  await Promise.all(workers.map((w) => once(w)));
  closeWriter(); // its Y.Doc would decode every move in this thread
  const done = workers.map((w) => once<Record<string, unknown>>(w));
  const startAt = Date.now() + 500;
  workers.forEach((w) => w.postMessage({ startAt }));
  await new Promise((r) => setTimeout(r, startAt + WARMUP_MS - Date.now()));
  const cpu0 = process.cpuUsage();
  const server0 = options.serverPid ? cpuSecondsOf(options.serverPid) : Number.NaN;
  const t0 = performance.now();
  const during = options.during?.();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const wall = (performance.now() - t0) / 1000;
  const serverCpu = options.serverPid ? ((cpuSecondsOf(options.serverPid) - server0) / wall) * 100 : Number.NaN;
  const used = process.cpuUsage(cpu0);
  await during;
  const results = (await Promise.all(done)) as {
    lost: number; moves: number; received: number; presenceBytes: number; measuredMs: number; askedAgain: number; closes: Record<string, number>; lags: number[]; histogram: Uint32Array;
  }[];
  await Promise.all(workers.map((w) => w.terminate()));
  const histogram = new Uint32Array(BUCKETS);
  for (const r of results) for (let i = 0; i < BUCKETS; i++) histogram[i]! += r.histogram[i]!;
  const moves = results.reduce((n, r) => n + r.moves, 0);
  const received = results.reduce((n, r) => n + r.received, 0);
  const measured = Math.max(...results.map((r) => r.measuredMs)) / 1000;
  const closes: Record<string, number> = {};
  for (const r of results) for (const [code, n] of Object.entries(r.closes)) closes[code] = (closes[code] ?? 0) + n;
  return {
    people,
    seconds,
    cursorHz,
    workers: threads,
    moves,
    expected: moves * (people - 1),
    received,
    drops: moves * (people - 1) - received,
    p50: fromHistogram(histogram, 50),
    p99: fromHistogram(histogram, 99),
    max: fromHistogram(histogram, 100),
    presenceBytes: Math.round(results.reduce((n, r) => n + r.presenceBytes, 0) / people / measured),
    lagP99: Math.max(...results.map((r) => percentile(r.lags, 99))),
    harnessCpu: Math.round(((used.user + used.system) / 1e6 / wall) * 1000) / 10,
    serverCpu: Math.round(serverCpu * 10) / 10,
    askedAgain: results.reduce((n, r) => n + r.askedAgain, 0),
    lost: results.reduce((n, r) => n + r.lost, 0),
    closes,
  };
}

/** The `p`th percentile of a latency histogram, ms (the bucket's upper edge). */
function fromHistogram(h: Uint32Array, p: number): number {
  const total = h.reduce((n, c) => n + c, 0);
  if (total === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (let i = 0; i < h.length; i++) {
    seen += h[i]!;
    if (seen >= rank) return Math.round((i + 1) * BUCKET_MS * 10) / 10;
  }
  return Number.NaN;
}

export interface JoinResult {
  devices: number;
  notes: number;
  /** From the joins' start until the last device had received the whole board, ms. */
  allMs: number;
  p50Ms: number;
  stateBytes: number;
  /** One device's decoding of the board it received (Y.applyUpdate into an empty document), median of 3, ms. */
  decodeMs: number;
  lagP99: number;
}

/** `devices` probes join a board of `notes` notes at once, each asking for the whole board. */
export async function runJoins(target: RoomTarget, options: { devices: number; notes: number; workers?: number }): Promise<JoinResult> {
  const doc = new Y.Doc();
  manyNotes(doc, options.notes);
  const closeWriter = await pushBoard(target, doc);
  const specs: ProbeSpec[] = Array.from({ length: options.devices }, (_, i) => ({ index: i, prevX: { client: 0, clock: 0 }, prevY: { client: 0, clock: 0 }, at: { x: 0, y: 0 }, place: null }));
  const workers = split(specs, options.workers ?? 2).map((probes) =>
    spawn({ mode: 'join', url: roomUrl(target), probes, people: options.devices, baseClient: 1, sendTimes: new SharedArrayBuffer(8), firstMeasured: new SharedArrayBuffer(4), expectSync: true, seconds: 0, cursorHz: 0 }),
  );
  await Promise.all(workers.map((w) => once(w)));
  const done = workers.map((w) => once<{ joins: { ms: number; bytes: number }[]; lags: number[]; state: Uint8Array | null }>(w));
  const startAt = Date.now() + 500;
  workers.forEach((w) => w.postMessage({ startAt }));
  const results = await Promise.all(done);
  await Promise.all(workers.map((w) => w.terminate()));
  closeWriter();
  const times = results.flatMap((r) => r.joins.map((j) => j.ms));
  const state = results.find((r) => r.state)!.state!;
  const decodes = [0, 1, 2].map(() => {
    const t = performance.now();
    Y.applyUpdate(new Y.Doc(), state);
    return performance.now() - t;
  });
  return {
    devices: options.devices,
    notes: options.notes,
    allMs: Math.round(Math.max(...times)),
    p50Ms: Math.round(percentile(times, 50)),
    stateBytes: state.byteLength,
    decodeMs: Math.round(percentile(decodes, 50)),
    lagP99: Math.round(Math.max(...results.map((r) => percentile(r.lags, 99)))),
  };
}

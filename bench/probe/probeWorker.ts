/**
 * A worker thread of probe clients: each probe is one device in the room (one socket, no Y.Doc). In
 * the crowd run it moves its own note once a second with a hand-built update, sends its cursor five
 * times a second, and as an observer times every other probe's moves it receives against their send
 * times; in the join run it asks for the whole board and notes when it has arrived.
 *
 * Why worker threads: send times reach observers through one SharedArrayBuffer (a probe writes the
 * time of move n before sending it; an observer in any thread reads it when move n arrives), with one
 * clock for all threads and nothing to merge or align afterwards; each thread has its own event loop,
 * so the room's receiving work is spread over the cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { BUCKET_MS, BUCKETS, FIRST_UNSET, RING, WARMUP_MS, type WorkerConfig } from './config.ts';
import { ASK_ALL, awarenessMessage, encodeMoveUpdate, forEachRange, MESSAGE, NOTHING_NEW, SYNC, syncMessage } from './wire.ts';

const config = workerData as WorkerConfig;
const now = () => performance.timeOrigin + performance.now();
const sendTimes = new Float64Array(config.sendTimes);
/** Per probe, its first move after the warm-up (set before that move is sent). */
const firstMeasured = new Int32Array(config.firstMeasured);
const local = config.probes.length;
const sockets: WebSocket[] = [];
const closes: Record<string, number> = {};
const synced = new Uint8Array(local);
const lastSeq = new Int32Array(local * config.people).fill(-1);
const histogram = new Uint32Array(BUCKETS);
let received = 0;
let presenceBytes = 0;
let askedAgain = 0;
let measuring = false;
/** Moves sent before this time (the warm-up) are neither timed nor counted. */
let measureFrom = Infinity;
const joins: { ms: number; bytes: number }[] = [];
let stateBytes: Uint8Array | null = null;
let joinStarted = 0;

/** A frame holds one message, or several back to back (the echo relay coalesces). */
function onFrame(p: number, data: Buffer): void {
  const at = now();
  const d = decoding.createDecoder(data);
  while (decoding.hasContent(d)) onMessage(p, d, at, data.byteLength);
}

function onMessage(p: number, d: decoding.Decoder, at: number, frameBytes: number): void {
  const start = d.pos;
  const type = decoding.readVarUint(d);
  if (type === MESSAGE.awareness) {
    decoding.readVarUint8Array(d);
    if (measuring && at >= measureFrom) presenceBytes += d.pos - start;
    return;
  }
  if (type !== MESSAGE.sync) {
    d.pos = frameBytes; // a message kind the probes do not know: the rest of the frame is unreadable
    return;
  }
  const step = decoding.readVarUint(d);
  const payload = decoding.readVarUint8Array(d);
  if (step === SYNC.step1) {
    // Through the echo relay a step 1 is another probe's, and answering would flood the room.
    if (!config.expectSync) return;
    if (synced[p]) askedAgain++;
    sockets[p]!.send(NOTHING_NEW);
    return;
  }
  if (step === SYNC.step2 && !synced[p]) {
    synced[p] = 1;
    if (config.mode === 'join') {
      joins.push({ ms: at - joinStarted, bytes: payload.byteLength });
      stateBytes ??= payload.slice();
    }
    return;
  }
  if (config.mode !== 'crowd') return;
  const own = config.probes[p]!.index;
  const row = p * config.people;
  forEachRange(payload, (client, from, to) => {
    const sender = client - config.baseClient;
    if (sender < 0 || sender >= config.people || sender === own) return;
    const last = Math.floor((to - 1) / 2);
    for (let seq = Math.max(lastSeq[row + sender]! + 1, Math.floor(from / 2)); seq <= last; seq++) {
      const sent = sendTimes[sender * RING + (seq % RING)]!;
      lastSeq[row + sender] = seq;
      if (seq < firstMeasured[sender]!) continue;
      const ms = at - sent;
      histogram[Math.min(BUCKETS - 1, Math.max(0, Math.floor(ms / BUCKET_MS)))]!++;
      received++;
    }
  });
}

function open(p: number): Promise<void> {
  const ws = new WebSocket(config.url, { perMessageDeflate: false });
  ws.binaryType = 'nodebuffer';
  sockets[p] = ws;
  ws.on('message', (data: Buffer) => onFrame(p, data));
  ws.on('close', (code) => (closes[code] = (closes[code] ?? 0) + 1));
  return new Promise((ok, fail) => {
    ws.once('open', () => {
      if (config.expectSync) ws.send(ASK_ALL);
      ok();
    });
    ws.once('error', fail);
  });
}

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`probe worker: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The harness's own event-loop lag: how late a 20 ms timer fires, in ms. */
function lagSampler(): { stop(): number[] } {
  const lags: number[] = [];
  let last = performance.now();
  const t = setInterval(() => {
    const t1 = performance.now();
    lags.push(Math.max(0, t1 - last - 20));
    last = t1;
  }, 20);
  return { stop: () => (clearInterval(t), lags) };
}

const go = new Promise<number>((ok) => parentPort!.once('message', (m: { startAt: number }) => ok(m.startAt)));

if (config.mode === 'join') {
  parentPort!.postMessage({ ready: true });
  const startAt = await go;
  await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
  const lag = lagSampler();
  joinStarted = now();
  await Promise.all(config.probes.map((_, p) => open(p)));
  await until(() => joins.length === local, `only ${joins.length} of ${local} probes received the board`);
  const lags = lag.stop();
  sockets.forEach((s) => s.close());
  parentPort!.postMessage({ joins, lags, closes, state: stateBytes });
} else {
  for (let p = 0; p < local; p++) await open(p);
  if (config.expectSync) await until(() => synced.every((s) => s === 1), 'not every probe synced');
  parentPort!.postMessage({ ready: true });
  const startAt = await go;
  await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
  measuring = true;
  const t0 = startAt;
  measureFrom = startAt + WARMUP_MS;
  await new Promise((r) => setTimeout(r, 0));
  const moveEvery = 1000;
  const cursorEvery = config.cursorHz > 0 ? 1000 / config.cursorHz : Infinity;
  const nextMove = config.probes.map((s) => t0 + (moveEvery * s.index) / config.people);
  const nextCursor = config.probes.map((s) => t0 + (cursorEvery * s.index) / config.people);
  const seqs = new Int32Array(local);
  const awarenessClock = new Int32Array(local);
  const prev = config.probes.map((s) => ({ x: s.prevX, y: s.prevY }));
  let moves = 0;
  const end = measureFrom + config.seconds * 1000;
  const tick = setInterval(() => {
    const t = now();
    if (t >= end) return;
    for (let p = 0; p < local; p++) {
      const s = config.probes[p]!;
      const client = config.baseClient + s.index;
      if (t >= nextMove[p]!) {
        nextMove[p]! += moveEvery;
        const seq = seqs[p]!++;
        const bytes = encodeMoveUpdate(client, 2 * seq, prev[p]!.x, prev[p]!.y, s.at.x + (seq % 10) * 8, s.at.y + (seq % 7) * 8);
        prev[p] = { x: { client, clock: 2 * seq }, y: { client, clock: 2 * seq + 1 } };
        const framed = syncMessage(SYNC.update, bytes);
        const sent = now();
        sendTimes[s.index * RING + (seq % RING)] = sent;
        if (sent >= measureFrom && firstMeasured[s.index] === FIRST_UNSET) firstMeasured[s.index] = seq;
        sockets[p]!.send(framed);
        if (seq >= firstMeasured[s.index]!) moves++;
      }
      if (t >= nextCursor[p]!) {
        nextCursor[p]! += cursorEvery;
        const state = { user: { name: `Person ${s.index + 1}`, color: '#3366cc', id: `probe-${s.index}`, role: 'participant' }, cursor: { x: s.at.x + Math.round(Math.random() * 200), y: s.at.y + Math.round(Math.random() * 200) }, place: s.place };
        sockets[p]!.send(awarenessMessage(client, ++awarenessClock[p]!, JSON.stringify(state)));
      }
    }
  }, 5);
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  const lag = lagSampler();
  await new Promise((r) => setTimeout(r, config.seconds * 1000));
  clearInterval(tick);
  const measuredMs = now() - measureFrom;
  measuring = false;
  await new Promise((r) => setTimeout(r, 2000)); // the last moves arrive
  const lags = lag.stop();
  // Sockets the server dropped or closed during the run (ours are closed only after this).
  const lost = sockets.filter((s) => s.readyState !== WebSocket.OPEN).length;
  sockets.forEach((s) => s.close());
  parentPort!.postMessage({ lost, moves, received, presenceBytes, measuredMs, askedAgain, closes, lags, histogram }, [histogram.buffer]);
}

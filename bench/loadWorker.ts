/**
 * The load process of `npm run bench`: stock y-websocket clients (or Hocuspocus's own provider, for
 * the Hocuspocus server), in a process of their own, against whichever server the parent started. Each client puts one note in its room, then moves it once a
 * second (the move carries its send time and a sequence number) and moves its cursor in awareness
 * `cursorHz` times a second. Every client records, for every other client's move, the delay until it
 * saw it; a move not seen by the end is a drop. Prints one JSON line of results.
 *
 * Why: the same clients and the same load for Olifant and the reference server, measured the same
 * way, out of the servers' process, so the comparison is fair and the servers' CPU is their own.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sendOwnAwarenessOnly } from '../client/sync/ownAwareness.ts';
import { percentile } from './stats.ts';

interface Config {
  /** Per room: the websocket base URL, the room (board) name and the params (a token for Olifant). */
  rooms: { url: string; room: string; params: Record<string, string>; hocuspocus?: boolean; spread?: string[] }[];
  /** Clients this process runs per room. */
  clientsPerRoom: number;
  /** Clients per room across all load processes (this one's are numbered from `firstClient`). */
  roomSize?: number;
  firstClient?: number;
  seconds: number;
  cursorHz: number;
  /** How often each client moves its note, in ms (1000 unless set). */
  moveEveryMs?: number;
  /** Only connect, report the time until every client synced, and stop. */
  joinOnly?: boolean;
  /** Wall-clock time (ms since the epoch) to start connecting at. */
  startAt?: number;
  /** Also print a JSON line of the last window's latencies every this many seconds (the soak). */
  windowSeconds?: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as Config;
process.setMaxListeners(0);

/** What the load needs of a provider; both kinds have it. */
interface Provider {
  readonly synced: boolean;
  readonly awareness: Awareness | null;
  destroy(): void;
}

interface Client {
  doc: Y.Doc;
  provider: Provider;
  room: number;
}

/** Client `i` of a room: at the room's URL, or at the `i`-th of the URLs it is spread over (several servers). */
function connect(room: Config['rooms'][number], doc: Y.Doc, i: number): Provider {
  if (room.hocuspocus) {
    // Its provider hands its whole configuration to the socket it makes, polyfill included.
    const config = { url: room.url, name: room.room, document: doc, WebSocketPolyfill: WebSocket };
    return new HocuspocusProvider(config as unknown as ConstructorParameters<typeof HocuspocusProvider>[0]);
  }
  const url = room.spread ? room.spread[i % room.spread.length]! : room.url;
  const provider = new WebsocketProvider(url, room.room, doc, {
    params: room.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  // As Olifant's client does (client/sync/session.ts), for both y-websocket servers alike.
  sendOwnAwarenessOnly(provider);
  return provider;
}

const clients: Client[] = [];
// Processes started together connect together, once all have loaded their code.
if (config.startAt && Date.now() > config.startAt) console.error(`a load process started ${Date.now() - config.startAt} ms late: its joins are not simultaneous`);
if (config.startAt) await new Promise((res) => setTimeout(res, Math.max(0, config.startAt! - Date.now())));
const connectStarted = performance.now();
for (const [r, room] of config.rooms.entries()) {
  for (let i = 0; i < config.clientsPerRoom; i++) {
    const doc = new Y.Doc();
    clients.push({ doc, provider: connect(room, doc, i), room: r });
  }
  // A little pacing, so hundreds of sockets do not open in one burst.
  if (r % 20 === 19) await new Promise((res) => setTimeout(res, 50));
}
const deadline = Date.now() + 120_000;
while (!clients.every((c) => c.provider.synced)) {
  if (Date.now() > deadline) throw new Error(`only ${clients.filter((c) => c.provider.synced).length} of ${clients.length} clients synced`);
  await new Promise((res) => setTimeout(res, 50));
}
const connectMs = performance.now() - connectStarted;
if (config.joinOnly) {
  process.stdout.write(`${JSON.stringify({ clients: clients.length, connectMs: Math.round(connectMs) })}\n`);
  process.exit(0);
}
/** One clock for every load process: wall time with sub-millisecond resolution. */
const now = () => performance.timeOrigin + performance.now();

// One note per client, in a plain map keyed by client number: x = send time, y = sequence number.
const first = config.firstClient ?? 0;
const notes = clients.map((c, i) => {
  const m = new Y.Map<number>();
  c.doc.getMap<Y.Map<number>>('bench').set(String(first + (i % config.clientsPerRoom)), m);
  return m;
});
const perRoom = config.roomSize ?? config.clientsPerRoom;
while (!clients.every((c) => c.doc.getMap('bench').size === perRoom)) {
  if (Date.now() > deadline) throw new Error('notes did not reach every client');
  await new Promise((res) => setTimeout(res, 50));
}

const latencies: number[] = [];
let received = 0;
const seen = clients.map(() => new Map<string, number>());
clients.forEach((c, ci) => {
  c.doc.getMap('bench').observeDeep((events, tr) => {
    if (tr.local) return;
    const at = now();
    for (const e of events) {
      const key = e.path[0] as string | undefined;
      if (key === undefined || !(e.target instanceof Y.Map)) continue;
      const seq = e.target.get('y') as number;
      if (seq > (seen[ci]!.get(key) ?? 0)) {
        seen[ci]!.set(key, seq);
        received++;
        latencies.push(at - (e.target.get('x') as number));
      }
    }
  });
});

let moves = 0;
const timers: NodeJS.Timeout[] = [];
const started = performance.now();
clients.forEach((c, i) => {
  const every = config.moveEveryMs ?? 1000;
  const offset = (every * ((first + i) % perRoom)) / perRoom;
  timers.push(
    setTimeout(() => {
      let seq = 0;
      timers.push(
        setInterval(() => {
          seq++;
          moves++;
          c.doc.transact(() => {
            notes[i]!.set('x', now());
            notes[i]!.set('y', seq);
          });
        }, every),
      );
      if (config.cursorHz > 0) {
        timers.push(
          setInterval(() => c.provider.awareness?.setLocalStateField('cursor', { x: Math.random() * 1000, y: Math.random() * 1000 }), 1000 / config.cursorHz),
        );
      }
    }, offset),
  );
});
if (config.windowSeconds) {
  let from = 0;
  let window = 0;
  timers.push(
    setInterval(() => {
      const part = latencies.slice(from);
      from = latencies.length;
      process.stdout.write(`${JSON.stringify({ window: ++window, received: part.length, p50: percentile(part, 50), p95: percentile(part, 95), p99: percentile(part, 99) })}\n`);
    }, config.windowSeconds * 1000),
  );
}
await new Promise((res) => setTimeout(res, config.seconds * 1000));
timers.forEach((t) => clearInterval(t));
await new Promise((res) => setTimeout(res, 2000)); // the last moves arrive
// Moves this process made, seen by everyone else in the room (the parent adds up all processes).
const expected = moves * (perRoom - 1);
const used = process.cpuUsage();
const result = {
  clients: clients.length,
  /** This process's own CPU over its whole life, percent of one core (is the load side the limit?). */
  cpuPercent: Math.round(((used.user + used.system) / 1e6 / (performance.now() / 1000)) * 1000) / 10,
  rooms: config.rooms.length,
  connectMs: Math.round(connectMs),
  seconds: Math.round((performance.now() - started) / 1000),
  moves,
  expected,
  received,
  drops: expected - received,
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  p99: percentile(latencies, 99),
  max: latencies.reduce((m, v) => (v > m ? v : m), 0),
};
clients.forEach((c) => c.provider.destroy());
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);

/**
 * The soak: 64 clients on one board for `minutes`, on Olifant as `npm start` runs it, which also holds a
 * conference's board of notes open. Each client moves its note every `moveEveryMs` (every 5 s by default: a room at a
 * working pace; the peak pace of one move a second is the benchmark's) and its cursor five times a
 * second. The server's RSS is read every 5 s and the clients' latency per window; at a fifth of the run
 * and at its end the server's heap is read after a full garbage collection, beside how much the board
 * grew. Then a fresh server grows a fresh board alike over the same items, for the heap a board costs
 * per item without the hours (soakMemory.ts).
 *
 * Why: a conference day is long. A leak of a few bytes per message, or a queue that grows, shows only
 * after hundreds of thousands of messages. Every edit also grows a Yjs document for good (an
 * overwritten value stays as a small tombstone), so memory that grows with the board is not a leak:
 * the heap per new item against a fresh board's tells the two apart.
 */
import { loadProcess } from '../../bench/loadProcess.ts';
import { rssBytesOf, startOlifant } from '../../bench/peers.ts';
import { readMetrics } from '../../bench/stats.ts';
import { connectClient, waitFor } from '../helpers/clients.ts';
import { baseOf, freshBoardPerItem, heapAndItems, perItem, seedNotes, type PerItem } from './soakMemory.ts';

export interface SoakFigures {
  readonly minutes: number;
  /** Median RSS (MiB) over the second fifth of the run (the first is warm-up), and over the last. */
  readonly rssStartMiB: number;
  readonly rssEndMiB: number;
  readonly rssGrowth: number;
  /** The highest single RSS reading (MiB) over the whole run. */
  readonly rssMaxMiB: number;
  /** Notes on the board held open beside the soak's. */
  readonly boardNotes: number;
  /** Heap after a full collection at a fifth of the run and at its end, beside the board's structs (items and tombstones). */
  readonly heap: PerItem;
  /** The same, on a fresh board grown alike over the same items (absent when not asked for). */
  readonly freshHeap?: PerItem;
  /** Median of the per-window p99 latencies (ms), second fifth against the last. */
  readonly p99StartMs: number;
  readonly p99EndMs: number;
  /** The server's longest event-loop stall after the first fifth (ms). */
  readonly serverStallMaxMs: number;
  readonly drops: number;
  /** Per window: moves seen, the worst load process's p50 and p99, the server's longest event-loop stall. */
  readonly windows: readonly { readonly received: number; readonly p50: number; readonly p99: number; readonly serverStallMs: number }[];
}

export interface SoakOptions {
  readonly minutes: number;
  readonly clients?: number;
  readonly moveEveryMs?: number;
  /** Latency is reported per window of this many seconds. */
  readonly windowSeconds?: number;
  /** Notes on a board the server holds open beside the soak's, from the start (none unless set). */
  readonly boardNotes?: number;
  /** Also measure a fresh board's heap per item over the same items, after the soak. */
  readonly freshBoard?: boolean;
  readonly progress?: (line: string) => void;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  const figures = await soakOnly(options);
  if (!options.freshBoard) return figures;
  options.progress?.(`soak: a fresh board grown from ${figures.heap.itemsStart} to ${figures.heap.itemsEnd} items`);
  const freshHeap = await freshBoardPerItem({ clients: options.clients ?? 64, fromItems: figures.heap.itemsStart, toItems: figures.heap.itemsEnd });
  return { ...figures, freshHeap };
}

async function soakOnly({ minutes, clients = 64, moveEveryMs = 5000, windowSeconds = 60, boardNotes = 0, progress }: SoakOptions): Promise<SoakFigures> {
  const server = await startOlifant({}, true);
  const rss: { at: number; bytes: number }[] = [];
  const started = performance.now();
  const windows: { received: number; p50: number; p99: number; serverStallMs: number }[] = [];
  const room = await server.room('Soak');
  const base = baseOf(room);
  // The server's longest event-loop stall since the last read (it resets on each read of /metrics).
  let stall = 0;
  const stallSince = () => {
    const s = stall;
    stall = 0;
    return s;
  };
  const sampler = setInterval(() => {
    rss.push({ at: (performance.now() - started) / 60_000, bytes: rssBytesOf(server.pid) });
    void readMetrics(base).then((m) => (stall = Math.max(stall, (m.get('olifant_process_nodejs_eventloop_lag_max_seconds') ?? 0) * 1000)), () => undefined);
  }, Math.min(5, windowSeconds / 2) * 1000);
  // The conference's board, open beside the soak's (one device keeps it loaded): the clients' own
  // copies stay small, so their garbage collections do not show up as the server's latency.
  const conference = boardNotes > 0 ? await server.room('Conference') : undefined;
  if (conference) await seedNotes(conference, boardNotes);
  const holder = conference && connectClient(base, conference.room, conference.params.token!);
  const observer = connectClient(base, room.room, room.params.token!);
  const measure = () => heapAndItems(server, room, observer);
  let fifthTimer: ReturnType<typeof setTimeout> | undefined;
  try {
    await waitFor(() => observer.provider.synced && (!holder || holder.provider.synced), 'the observer', 60_000);
    const atFifth = new Promise<{ heapBytes: number; items: number }>((resolve, reject) => {
      fifthTimer = setTimeout(() => measure().then(resolve, reject), (minutes * 60_000) / 5);
    });
    atFifth.catch(() => undefined); // awaited below; a failure surfaces there
    // The clients in four load processes, so that no one process holds 64 copies of the growing board
    // (its own garbage collections would show up as latency); a window's figures are the worst of the four.
    const parts = 4;
    const perWindow = new Map<number, { reports: number; received: number; p50: number; p99: number }>();
    const results = await Promise.all(
      Array.from({ length: parts }, (_, w) =>
        loadProcess({ rooms: [room], clientsPerRoom: clients / parts, roomSize: clients, firstClient: (w * clients) / parts, seconds: minutes * 60, cursorHz: 5, moveEveryMs, windowSeconds }, (line) => {
          // A window without traffic has no percentiles (null in JSON).
          const seen = perWindow.get(line.window!) ?? { reports: 0, received: 0, p50: 0, p99: 0 };
          perWindow.set(line.window!, {
            reports: seen.reports + 1,
            received: seen.received + (line.received ?? 0),
            p50: Math.max(seen.p50, line.p50 ?? Number.NaN),
            p99: Math.max(seen.p99, line.p99 ?? Number.NaN),
          });
          flush();
        }),
      ),
    );
    /** Moves windows every process has reported into `windows`, with the server's longest stall. */
    function flush(): void {
      for (;;) {
        const next = perWindow.get(windows.length + 1);
        if (!next || next.reports < parts) return;
        windows.push({ received: next.received, p50: next.p50, p99: next.p99, serverStallMs: stallSince() });
        const w = windows.at(-1)!;
        progress?.(`soak window ${windows.length}: ${w.received} moves seen, p50 ${w.p50.toFixed(1)} ms, p99 ${w.p99.toFixed(1)} ms, server stall ${w.serverStallMs.toFixed(0)} ms, RSS ${((rss.at(-1)?.bytes ?? 0) / 2 ** 20).toFixed(0)} MiB`);
        perWindow.delete(windows.length);
      }
    }
    const result = { drops: results.reduce((n, r) => n + r.drops!, 0) };
    const start = await atFifth;
    const end = await measure();
    const rssIn = (from: number, to: number) => median(rss.filter((s) => s.at >= from && s.at < to).map((s) => s.bytes)) / 2 ** 20;
    const rssStartMiB = rssIn(minutes / 5, (2 * minutes) / 5);
    const rssEndMiB = rssIn((4 * minutes) / 5, minutes + 1);
    const fifth = Math.max(1, Math.floor(windows.length / 5));
    return {
      minutes,
      rssStartMiB,
      rssEndMiB,
      rssGrowth: rssEndMiB / rssStartMiB - 1,
      rssMaxMiB: Math.max(...rss.map((r) => r.bytes)) / 2 ** 20,
      boardNotes,
      heap: perItem(start, end),
      p99StartMs: median(windows.slice(fifth, 2 * fifth).map((w) => w.p99)),
      p99EndMs: median(windows.slice(-fifth).map((w) => w.p99)),
      serverStallMaxMs: Math.max(...windows.slice(fifth).map((w) => w.serverStallMs)),
      drops: result.drops!,
      windows,
    };
  } finally {
    clearInterval(sampler);
    clearTimeout(fifthTimer);
    observer.destroy();
    holder?.destroy();
    await server.stop();
  }
}

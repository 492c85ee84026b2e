/**
 * The soak: a Future Search room (64 clients, each moving a note once a second and its cursor five
 * times a second) on Olifant as `npm start` runs it, for `minutes`. The server's RSS is read every
 * 10 s and the clients' latency per minute; memory and latency must stay flat.
 *
 * Why: a conference day is long. A leak of a few bytes per message, or a queue that grows, shows only
 * after thousands of messages; a benchmark of a minute would never see it.
 */
import { loadProcess } from '../../bench/loadProcess.ts';
import { rssBytesOf, startOlifant } from '../../bench/peers.ts';

export interface SoakFigures {
  readonly minutes: number;
  /** Median RSS (MiB) over the second fifth of the run (the first is warm-up), and over the last. */
  readonly rssStartMiB: number;
  readonly rssEndMiB: number;
  readonly rssGrowth: number;
  /** Median of the per-window p99 latencies (ms), second fifth against the last. */
  readonly p99StartMs: number;
  readonly p99EndMs: number;
  readonly drops: number;
  readonly windows: readonly { readonly p50: number; readonly p99: number }[];
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export interface SoakOptions {
  readonly minutes: number;
  readonly clients?: number;
  /** Latency is reported per window of this many seconds. */
  readonly windowSeconds?: number;
  readonly progress?: (line: string) => void;
}

export async function runSoak({ minutes, clients = 64, windowSeconds = 60, progress }: SoakOptions): Promise<SoakFigures> {
  const server = await startOlifant();
  const rss: { at: number; bytes: number }[] = [];
  const started = performance.now();
  const sampler = setInterval(() => rss.push({ at: (performance.now() - started) / 60_000, bytes: rssBytesOf(server.pid) }), Math.min(10, windowSeconds / 2) * 1000);
  const windows: { p50: number; p99: number }[] = [];
  try {
    const room = await server.room('Soak');
    const result = await loadProcess({ rooms: [room], clientsPerRoom: clients, seconds: minutes * 60, cursorHz: 5, windowSeconds }, (line) => {
      windows.push({ p50: line.p50!, p99: line.p99! });
      progress?.(`soak window ${line.window}: p50 ${line.p50!.toFixed(1)} ms, p99 ${line.p99!.toFixed(1)} ms, RSS ${((rss.at(-1)?.bytes ?? 0) / 2 ** 20).toFixed(0)} MiB`);
    });
    // The first fifth is warm-up (connecting, JIT, first compactions); then compare the second fifth
    // with the last.
    const rssIn = (from: number, to: number) => median(rss.filter((s) => s.at >= from && s.at < to).map((s) => s.bytes)) / 2 ** 20;
    const rssStartMiB = rssIn(minutes / 5, (2 * minutes) / 5);
    const rssEndMiB = rssIn((4 * minutes) / 5, minutes + 1);
    const fifth = Math.max(1, Math.floor(windows.length / 5));
    const p99StartMs = median(windows.slice(fifth, 2 * fifth).map((w) => w.p99));
    const p99EndMs = median(windows.slice(-fifth).map((w) => w.p99));
    return { minutes, rssStartMiB, rssEndMiB, rssGrowth: rssEndMiB / rssStartMiB - 1, p99StartMs, p99EndMs, drops: result.drops!, windows };
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

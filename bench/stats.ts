/**
 * Small statistics helpers for the benchmarks and stress runs: percentiles, summaries, a process's
 * memory and its metrics.
 *
 * Why: every benchmark reports the same figures the same way.
 */
import type { ChildServer } from '../tests/helpers/server.ts';

/** The `p`th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** p50, p99 and max of latencies in ms. */
export function summarize(latencies: readonly number[]): { p50Ms: number; p99Ms: number; maxMs: number } {
  return { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), maxMs: latencies.reduce((m, v) => (v > m ? v : m), -Infinity) };
}

/** Resident memory of the server process, in bytes, as its /metrics reports it. */
export async function rssOf(server: ChildServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const m = /^olifant_process_process_resident_memory_bytes ([0-9.e+]+)/m.exec(text);
  if (!m) throw new Error('no resident memory metric');
  return Number(m[1]);
}

/** Every sample of a server's `GET /metrics`, keyed by name and labels as printed (`name{label="x"}`). */
export async function readMetrics(baseUrl: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

/**
 * Reading the server's Prometheus metrics for the stress runs.
 *
 * Why: the stress runs judge the server by what it reports about itself (messages read, errors by
 * kind, event-loop lag, memory), the same figures an operator watches on a conference day.
 */

/** Every sample of `GET /metrics`, keyed by name and labels as printed (`name{label="x"}`). */
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

/** The value of one sample, 0 when it was never set. */
export function sumMetric(samples: ReadonlyMap<string, number>, key: string): number {
  return samples.get(key) ?? 0;
}

/**
 * Starting a load process (bench/loadWorker.ts) and reading its one line of JSON results.
 *
 * Why: the benchmark's clients run outside the servers' process and outside the benchmark's own, so
 * the servers' CPU is theirs and the clients' decoding does not slow the measurement.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** Starts a load process with `config`; resolves with its JSON result. */
export async function loadProcess(config: object): Promise<Record<string, number>> {
  const worker = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'loadWorker.ts'), JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  worker.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number>((r) => worker.once('exit', (c) => r(c ?? 1)));
  if (code !== 0) throw new Error(`a load process failed (${code})`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
}


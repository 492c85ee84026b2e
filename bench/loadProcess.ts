/**
 * Starting a load process (bench/loadWorker.ts) and reading its one line of JSON results.
 *
 * Why: the benchmark's clients run outside the servers' process and outside the benchmark's own, so
 * the servers' CPU is theirs and the clients' decoding does not slow the measurement.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** Starts a load process with `config`; resolves with its JSON result. `onLine` sees each line before it. */
export async function loadProcess(config: object, onLine?: (line: Record<string, number>) => void): Promise<Record<string, number>> {
  const worker = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'loadWorker.ts'), JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let pending = '';
  let last = '';
  worker.stdout!.on('data', (c: Buffer) => {
    const lines = (pending + c.toString()).split('\n');
    pending = lines.pop()!;
    for (const line of lines.filter((l) => l.trim())) {
      if (last && onLine) onLine(JSON.parse(last) as Record<string, number>);
      last = line;
    }
  });
  const code = await new Promise<number>((r) => worker.once('exit', (c) => r(c ?? 1)));
  if (code !== 0) throw new Error(`a load process failed (${code})`);
  return JSON.parse(last || pending) as Record<string, number>;
}


/**
 * Whether a build output is missing or older than any of its sources (files or folders, by mtime).
 *
 * Why: `npm start` builds the client and the server only when their sources changed, so a restart
 * during a workshop does not wait for a rebuild that changes nothing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Whether `output` is missing or older than the newest of `sources`. */
export function isStale(output: string, sources: string[]): boolean {
  return !existsSync(output) || statSync(output).mtimeMs < Math.max(...sources.map(newestMtime));
}

/**
 * Restores a backup into a new board's content off the main thread, a few at a time, each in a worker
 * with its own memory limit (restoreWorker.ts).
 *
 * Why: the main thread serves every board's sockets; a restore of a large or hostile backup must not
 * stall them, nor take the process past its memory. Restores are rare (after the day, or on a new
 * server), so a worker per restore is simpler than a pool and costs nothing the rest of the time.
 */
import { Worker } from 'node:worker_threads';
import type { BoardContent } from './createBoard.ts';
import { HttpError } from './respond.ts';

/** Restores at once; more wait for none and are told to try again. */
const AT_ONCE = 2;
/** Memory a restore may use (MiB): a backup of a very large board needs about a quarter of it. */
const HEAP_MB = 1024;
/** A restore taking longer than this is stopped (ms). */
const TIME_LIMIT_MS = 120_000;

let running = 0;

/** What the worker sends back. */
type Outcome = ({ ok: true } & BoardContent) | { ok: false; message: string };

/**
 * The content of a new board restored from `body` (a backup file) and `title`; throws an HttpError
 * saying what went wrong (400 not a backup, 413 too large for this server, 503 busy or failed).
 */
export async function restoreOffThread(body: Uint8Array, title: string | undefined): Promise<BoardContent> {
  assertRestoreSlot();
  running++;
  try {
    const outcome = await runWorker(body, title);
    if (!outcome.ok) throw new HttpError(400, `cannot restore: ${outcome.message}`);
    return { state: outcome.state, title: outcome.title, writers: outcome.writers };
  } finally {
    running--;
  }
}

/**
 * The worker's entry: the bundled worker beside the bundled server, or, run from the sources (tests,
 * development), a module that loads the TypeScript worker through tsx (a worker thread does not get
 * the loader its process was started with).
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./restoreWorker.mjs', import.meta.url);
  const worker = new URL('./restoreWorker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `const { tsImport } = await import(${JSON.stringify(tsx)}); await tsImport(${JSON.stringify(worker)}, ${JSON.stringify(worker)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** Throws the 503 when as many restores run as may: asked before a body is read or a budget spent. */
export function assertRestoreSlot(): void {
  if (running >= AT_ONCE) throw new HttpError(503, 'other restores are running; try again in a minute');
}

function runWorker(body: Uint8Array, title: string | undefined): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry(), { workerData: { body, title }, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    worker.unref(); // a restore under way does not keep a stopping server's process alive
    let outcome: Outcome | undefined;
    const timer = setTimeout(() => void worker.terminate(), TIME_LIMIT_MS);
    worker.once('message', (m: Outcome) => (outcome = m));
    worker.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new HttpError(413, 'this backup is too large to restore on this server'));
      else reject(err);
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      if (outcome) resolve(outcome);
      else reject(new HttpError(503, 'the restore was stopped (it took over two minutes); try again, or on a larger server'));
    });
  });
}

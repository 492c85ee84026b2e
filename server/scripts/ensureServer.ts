/**
 * `npm start` step two: bundle the server into plain JavaScript (dist/server/index.mjs, and its restore worker) with
 * esbuild when it is missing or older than its sources; packages stay imports from node_modules.
 *
 * Why: run through `tsx`, the server kept a TypeScript loader in memory for its whole life (about
 * 40 MiB more resident memory when idle, and a slower start). Tests and development still run the
 * sources through `tsx`; this is what a workshop runs.
 */
import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import { isStale } from './stale.ts';

const root = resolve(import.meta.dirname, '..', '..');
const SERVER_BUNDLE = join(root, 'dist', 'server', 'index.mjs');
const sources = ['server', 'shared', 'package-lock.json'].map((p) => join(root, p));

if (isStale(SERVER_BUNDLE, sources) || isStale(join(root, 'dist', 'server', 'restoreWorker.mjs'), sources)) {
  await build({
    // The restore worker (server/http/restore.ts) is a file of its own beside the server's.
    entryPoints: { index: join(root, 'server', 'index.ts'), restoreWorker: join(root, 'server', 'http', 'restoreWorker.ts') },
    outdir: join(root, 'dist', 'server'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

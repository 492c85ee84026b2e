/**
 * `npm start` step one: build the client with Vite when the build is missing or older than its sources.
 *
 * Why: `npm ci && npm start` must work on a fresh clone with no separate build step, yet a restart
 * during a workshop should not wait for a rebuild that changes nothing.
 */
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { isStale } from './stale.ts';

const root = resolve(import.meta.dirname, '..', '..');
const outIndex = join(root, 'dist', 'client', 'index.html');
const sources = ['client', 'shared', 'vite.config.ts', 'package-lock.json'].map((p) => join(root, p));

if (isStale(outIndex, sources)) {
  console.log('Building the client (once; it is reused until the sources change)...');
  // Always a production build, even when started from a test runner that sets NODE_ENV=test (that
  // would bundle React's development build).
  process.env.NODE_ENV = 'production';
  await build({ logLevel: 'warn', mode: 'production', configFile: join(root, 'vite.config.ts') });
}

/**
 * Vitest global setup for the e2e project: build the client once, and pick (and unpack) Chromium once.
 *
 * Why: the e2e tests serve the real Vite build from dist/client, which `npm ci` alone does not make. The
 * build step is the one `npm start` uses (server/scripts/ensureClient.ts: builds only when the build is
 * missing or older than its sources), run as a child process so its logic lives in one place. The bundled
 * Chromium is unpacked here, before test files run in parallel workers that would race to unpack it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILT_CLIENT_DIR, chromiumExecutable } from '../helpers/browser.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

export default async function setup(): Promise<void> {
  const started = Date.now();
  execFileSync(process.execPath, ['--import', 'tsx', join('server', 'scripts', 'ensureClient.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 300_000,
  });
  if (!existsSync(join(BUILT_CLIENT_DIR, 'index.html'))) {
    throw new Error(`the client build did not produce ${join(BUILT_CLIENT_DIR, 'index.html')}`);
  }
  const exe = await chromiumExecutable();
  console.log(`e2e: client build ready, Chromium from ${exe.source}: ${exe.path} (${Date.now() - started} ms)`);
}

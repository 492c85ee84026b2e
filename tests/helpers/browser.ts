/**
 * Test helper: a headless Chromium for end-to-end tests, driven by playwright-core.
 *
 * Why: e2e tests must run on a fresh machine after `npm ci` alone, where no system Chromium is installed
 * and browser downloads (`npx playwright install`) are blocked, yet use a system Chromium where there is one.
 * The executable, in this order:
 *   1. `CHROMIUM_PATH`, if set (any Chromium or Chrome build; a wrong path fails, it does not fall back);
 *   2. `/usr/bin/chromium` (Debian's package `chromium`), if it exists;
 *   3. the Chromium inside the dev dependency `@sparticuz/chromium` (a headless-shell build for x86-64
 *      Linux), unpacked on first use to `<os.tmpdir()>/chromium` and reused after that. Delete that file
 *      after upgrading the package, or if an interrupted unpack left it damaged.
 * `OLIFANT_E2E_FORCE_BUNDLED=1` skips 1 and 2 and always uses 3, to prove the fallback on a machine that
 * has a system Chromium.
 *
 * We pass our own flags, not `@sparticuz/chromium`'s `args`: those are made for AWS Lambda
 * (`--single-process` breaks a second browser context, `--disable-web-security` changes what a page may do).
 * Its binary runs fine with the flags below, as root, on this machine.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The Vite build of the client that e2e tests serve (made by tests/e2e/globalSetup.ts). */
export const BUILT_CLIENT_DIR = join(ROOT, 'dist', 'client');

/** Where e2e tests keep screenshots (git-ignored). */
export const ARTIFACTS_DIR = join(ROOT, 'tests', 'e2e', 'artifacts');

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags that work as root on these machines. Without the background-networking ones Chromium floods the
 * closed network with connection attempts. playwright-core adds its own fresh profile (`--user-data-dir`).
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface ChromiumExecutable {
  readonly path: string;
  readonly source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

/** Picks the Chromium binary (see the order above); unpacks the bundled one if that is the one. */
export async function chromiumExecutable(): Promise<ChromiumExecutable> {
  const forceBundled = process.env.OLIFANT_E2E_FORCE_BUNDLED === '1';
  const fromEnv = process.env.CHROMIUM_PATH;
  if (!forceBundled && fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return { path: fromEnv, source: 'CHROMIUM_PATH' };
  }
  if (!forceBundled && existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  const bundled = (await import('@sparticuz/chromium')).default;
  return { path: await bundled.executablePath(), source: '@sparticuz/chromium' };
}

/** Launches headless Chromium; close it in `afterAll`. */
export async function launchBrowser(): Promise<Browser> {
  const exe = await chromiumExecutable();
  try {
    return await chromium.launch({ executablePath: exe.path, args: [...CHROMIUM_FLAGS], timeout: 60_000 });
  } catch (err) {
    const hint =
      exe.source === '@sparticuz/chromium' ? ` (unpacked by @sparticuz/chromium; delete ${exe.path} to unpack it again)` : '';
    throw new Error(`could not launch Chromium from ${exe.source}: ${exe.path}${hint}\n${(err as Error).message}`);
  }
}

/** A path under tests/e2e/artifacts/ for a file a test keeps (a screenshot); creates the folder. */
export function artifactPath(name: string): string {
  if (basename(name) !== name) throw new Error(`artifact name must be a plain file name: ${name}`);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}

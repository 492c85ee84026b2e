/**
 * The client benchmark: boards of 1,000, 5,000 and 20,000 notes in headless Chromium, Olifant beside
 * the bare Konva page (bench/clientScenario.ts has the script). `npm run bench:client` runs it alone
 * and prints a table; `npm run bench` runs it as part of the whole suite.
 *
 * Why: headless Chromium renders in software on this machine, so absolute figures are an upper bound
 * for a tablet with a GPU; the bare page in the same browser is the fair floor. BENCH_SIZES overrides
 * the sizes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILT_CLIENT_DIR, launchBrowser } from '../tests/helpers/browser.ts';
import { startTestServer, tempDir } from '../tests/helpers/server.ts';
import { runBare, runOlifant, seedBoard, type ClientRun } from './clientScenario.ts';

const ROOT = resolve(import.meta.dirname, '..');
export const CLIENT_SIZES = (process.env.BENCH_SIZES ?? '1000,5000,20000').split(',').map(Number);

export type ClientResults = Record<number, { olifant: ClientRun; bare: ClientRun }>;

/** Runs both pages at every size; the server runs in this process (it only serves the board once). */
export async function runClientBench(sizes = CLIENT_SIZES): Promise<ClientResults> {
  execFileSync(process.execPath, ['--import', 'tsx', 'server/scripts/ensureClient.ts'], { cwd: ROOT, stdio: 'inherit' });
  // Konva's own browser build (not in its package exports: found beside its entry point).
  const konvaDir = resolve(dirname(createRequire(import.meta.url).resolve('konva')), '..');
  const konvaJs = readFileSync(join(konvaDir, 'konva.min.js'), 'utf8');
  const dir = tempDir('olifant-bench-client-');
  const server = await startTestServer(dir.path, { clientDir: BUILT_CLIENT_DIR });
  const browser = await launchBrowser();
  const results: ClientResults = {};
  try {
    for (const n of sizes) {
      const link = await seedBoard(server.localUrl, n);
      const bare = await runBare(browser, konvaJs, n);
      const olifant = await runOlifant(browser, link, n);
      results[n] = { olifant, bare };
      console.log(`client scenario: ${n} notes done`);
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
    dir.cleanup();
  }
}

const round = (x: number) => Math.round(x * 10) / 10;

/** One row per size and page: first render and the frame times, in ms. */
export function clientTable(results: ClientResults): Record<string, Record<string, number>> {
  const rows: Record<string, Record<string, number>> = {};
  for (const [n, pages] of Object.entries(results)) {
    for (const [name, r] of Object.entries(pages) as [string, ClientRun][]) {
      rows[`${n} notes, ${name}`] = {
        firstRenderMs: Math.round(r.firstRenderMs),
        panP50: round(r.pan.p50), panP95: round(r.pan.p95),
        zoomP50: round(r.zoom.p50), zoomP95: round(r.zoom.p95),
        dragP50: round(r.drag.p50), dragP95: round(r.drag.p95),
      };
    }
  }
  return rows;
}

/** The worst p95 of the three gestures. */
export const worstP95 = (r: ClientRun) => Math.max(r.pan.p95, r.zoom.p95, r.drag.p95);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.setMaxListeners(0);
  const results = await runClientBench();
  console.log('\nClient scenarios (headless Chromium, software rendering; ms)');
  console.table(clientTable(results));
}

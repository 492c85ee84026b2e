/**
 * Seeded convergence through the real server, short: 8 seeds x 200 operations x 8 clients with
 * disconnects and server restarts (`npm run stress` runs 1,000 seeds). Every client and a fresh one
 * must hold the identical document.
 *
 * Why: see `tests/stress/convergence.ts`. The seeds differ per run; a failure names its seed, which
 * goes into REGRESSION_SEEDS to be run every time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed, startConvergenceServer } from '../stress/convergence.ts';

/** Seeds that once failed (none yet). */
const REGRESSION_SEEDS: number[] = [];

let handle: Awaited<ReturnType<typeof startConvergenceServer>>;
beforeAll(async () => {
  handle = await startConvergenceServer();
});
afterAll(() => handle.close(), 60_000);

describe('convergence through the real server', () => {
  it('8 random seeds and the regression seeds: identical documents on every client and a fresh one', async () => {
    const base = Number(process.env.OLIFANT_CONVERGENCE_SEED ?? Date.now() % 1_000_000);
    const seeds = [...REGRESSION_SEEDS, ...Array.from({ length: 8 }, (_, i) => base + i)];
    const results = [];
    // Two seeds at a time, sharing the server and its restarts.
    for (let i = 0; i < seeds.length; i += 2) results.push(...(await Promise.all(seeds.slice(i, i + 2).map((seed) => runSeed(handle, seed, 200, 8, 0.01)))));
    const failed = results.filter((r) => !r.identical);
    expect(failed, `failing seeds (replay with OLIFANT_CONVERGENCE_SEED=<seed>): ${JSON.stringify(failed)}`).toEqual([]);
    expect(results.reduce((n, r) => n + r.restarts, 0), 'restarts happened').toBeGreaterThan(0);
    expect(results.reduce((n, r) => n + r.disconnects, 0), 'disconnects happened').toBeGreaterThan(0);
  }, 120_000);
});

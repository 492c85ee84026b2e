/**
 * Crash durability, short: 3 SIGKILLs of the server while 16 clients edit a 1,000-note board that is
 * compacted after every update (so the kills land mid-compaction). `npm run stress` runs 20 trials
 * with 64 clients, and 10 more mid-compaction.
 *
 * Why: see `tests/stress/crash.ts`: nothing a client received may be missing after a restart.
 */
import { describe, expect, it } from 'vitest';
import { runCrashTrials } from '../stress/crash.ts';

describe('kill -9 while clients edit', () => {
  it('nothing any client had received is lost, and every client converges within 10 s of each restart', async () => {
    const figures = await runCrashTrials({ trials: 3, clients: 16, boardNotes: 1000, compactEvery: 1 });
    expect(figures.lostItems, JSON.stringify(figures)).toBe(0);
    expect(figures.notConverged, JSON.stringify(figures)).toBe(0);
    expect(figures.editsPerTrial, 'the clients edited').toBeGreaterThan(10);
    expect(figures.compactionShare, 'compaction ran during the trials').toBeGreaterThan(0);
  }, 120_000);
});

/**
 * Crash durability, short: 3 SIGKILLs of the server while 16 clients edit a 1,000-note board whose
 * log is due for compaction at every update, at most once a second (so kills land mid-compaction).
 * The clients go on editing offline while the server restarts, so each restart is followed by a
 * burst of catch-up updates, whose compactions coalesce. `npm run stress` runs 20 trials with 64
 * clients, and 10 more mid-compaction.
 *
 * Why: see `tests/stress/crash.ts`: nothing a client received may be missing after a restart, and a
 * restart's catch-up must not compact the board once per update.
 */
import { describe, expect, it } from 'vitest';
import { runCrashTrials } from '../stress/crash.ts';

describe('kill -9 while clients edit', () => {
  it('nothing any client had received is lost, every client converges within 10 s of each restart, and the catch-up compacts at most once a second', async () => {
    const figures = await runCrashTrials({ trials: 3, clients: 16, boardNotes: 1000, compactEvery: 1, compactMinIntervalMs: 1000 });
    const text = JSON.stringify(figures);
    expect(figures.lostItems, text).toBe(0);
    expect(figures.notConverged, text).toBe(0);
    expect(figures.editsPerTrial, 'the clients edited').toBeGreaterThan(10);
    expect(figures.compactionShare, 'compaction ran during the trials').toBeGreaterThan(0);
    const stored = figures.catchUps.reduce((n, c) => n + c.appends, 0);
    expect(stored, `the offline changes came in as bursts of several turns: ${text}`).toBeGreaterThan(figures.catchUps.length);
    for (const catchUp of figures.catchUps) {
      expect(catchUp.appends, `the offline changes were stored: ${text}`).toBeGreaterThan(0);
      expect(catchUp.compactions, `at most one compaction per interval: ${text}`).toBeLessThanOrEqual(catchUp.allowed);
    }
  }, 120_000);
});

/**
 * The soak, short: half a Future Search room (32 clients) for half a minute (`npm run stress` runs 64 for 30).
 * Catches what grows fast (dropped moves, a window without traffic, memory running away); the
 * flatness figures come from the full run.
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from '../stress/soak.ts';

describe('soak', () => {
  it('32 clients for half a minute: no move dropped, traffic in every window, memory not running away', async () => {
    const figures = await runSoak({ minutes: 0.5, clients: 32, moveEveryMs: 2000, windowSeconds: 5 });
    const context = JSON.stringify(figures);
    expect(figures.drops, context).toBe(0);
    expect(figures.windows.length, context).toBeGreaterThanOrEqual(5);
    for (const window of figures.windows) expect(window.received, context).toBeGreaterThan(0);
    expect(figures.rssGrowth, context).toBeLessThan(0.5);
  }, 180_000);
});

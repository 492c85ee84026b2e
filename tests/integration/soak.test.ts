/**
 * The soak, short: half a Future Search room (32 clients) for half a minute (`npm run stress` runs 64 for 30).
 * Catches what grows fast (dropped moves, a window without traffic, memory running away) and checks
 * that the heap per new item is read at all; the figures held to the goal come from the full run.
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from '../stress/soak.ts';

describe('soak', () => {
  it('32 clients for half a minute: no move dropped, traffic in every window, memory not running away', async () => {
    const figures = await runSoak({ minutes: 0.5, clients: 32, moveEveryMs: 1000, windowSeconds: 5 });
    const context = JSON.stringify(figures);
    expect(figures.drops, context).toBe(0);
    expect(figures.windows.length, context).toBeGreaterThanOrEqual(5);
    for (const window of figures.windows) expect(window.received, context).toBeGreaterThan(0);
    expect(figures.rssGrowth, context).toBeLessThan(0.5);
    // Heap per new item: read from the server after full collections, over a board that grew by
    // every move since a fifth of the run (two items a move). Half a minute is too short to hold it
    // to a fresh board's; a figure of kilobytes per item would be memory kept per message.
    const { heap } = figures;
    expect(heap.itemsEnd - heap.itemsStart, context).toBeGreaterThan(32 * 2 * 15);
    expect(heap.heapStartMiB, context).toBeGreaterThan(1);
    expect(Number.isFinite(heap.bytesPerItem), context).toBe(true);
    expect(heap.bytesPerItem, context).toBeLessThan(4096);
  }, 180_000);
});

/**
 * A board's size on disk after a long day, short: 5,000 edits through the real server (`npm run
 * stress` makes 100,000). Stored bytes (state plus log) stay within twice the board compacted now.
 */
import { describe, expect, it } from 'vitest';
import { runStorage } from '../stress/storage.ts';

describe('storage after many edits', () => {
  it('5,000 edits by 8 clients: stored bytes <= 2x the compacted board', async () => {
    const figures = await runStorage(5000);
    expect(figures.compactedBytes).toBeGreaterThan(0);
    expect(figures.ratio, JSON.stringify(figures)).toBeLessThanOrEqual(2);
  }, 60_000);
});

/**
 * Writes and poses that must fail, short: 1,000 attempts from projector links, participants changing
 * the frame, placing dots in another person's name or writing during a lock, awareness posing as the facilitator or as another person, a
 * rotated link, writes at another device's next clocks and notes, stances, clusters and sign-ups in
 * another person's name (`npm run stress` makes 10,000). None may reach the honest facilitator or participant.
 */
import { describe, expect, it } from 'vitest';
import { runSpoofing } from '../stress/spoof.ts';

describe('spoofed identities and forbidden writes', () => {
  it('1,000 attempts of every kind: none takes effect', async () => {
    const figures = await runSpoofing(1000);
    expect(figures.attempts).toBeGreaterThanOrEqual(1000);
    expect(Object.keys(figures.byKind)).toHaveLength(15);
    expect(figures.effects).toEqual([]);
  }, 60_000);
});

/**
 * Unit: a note's dots counted by group (most first, the same on every screen), how much the row grows
 * to stay readable when zoomed out, and the vote results table's group columns.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TALLY_GROWTH, MIN_TALLY_PX, tallyDots, tallyGrowth } from '../../client/canvas/dotTally.ts';
import type { VoteRow } from '../../client/store/derived.ts';
import { cellCount, resultColumns } from '../../client/ui/voteTable.ts';

describe('dots counted by group', () => {
  it('counts each group once, most dots first, ties by label, whatever order the dots came in', () => {
    const colors = ['#e6ab02', '#1b9e77', '#1b9e77', '#b2182b', '#1b9e77', '#e6ab02'];
    const labels = ['Z', 'B', 'B', 'G', 'B', 'Z'];
    const want = [
      { color: '#1b9e77', label: 'B', count: 3 },
      { color: '#e6ab02', label: 'Z', count: 2 },
      { color: '#b2182b', label: 'G', count: 1 },
    ];
    expect(tallyDots(colors, labels)).toEqual(want);
    expect(tallyDots([...colors].reverse(), [...labels].reverse())).toEqual(want);
  });

  it('keeps two groups of one colour apart by their labels, and dots without a group as their own, last', () => {
    expect(tallyDots(['#1b9e77', '#1b9e77', '#455a64'], ['Ba', 'Bo', ''])).toEqual([
      { color: '#1b9e77', label: 'Ba', count: 1 },
      { color: '#1b9e77', label: 'Bo', count: 1 },
      { color: '#455a64', label: '', count: 1 },
    ]);
    expect(tallyDots([], [])).toEqual([]);
  });

  it('grows the row zoomed out until it reads, never shrinks it, and stops at its cap or its room', () => {
    expect(tallyGrowth(26, 2, 3)).toBe(1);
    expect(tallyGrowth(26, 0.5, 3) * 26 * 0.5).toBeCloseTo(MIN_TALLY_PX);
    expect(tallyGrowth(26, 0.05, 10)).toBe(MAX_TALLY_GROWTH);
    expect(tallyGrowth(26, 0.5, 1.5)).toBe(1.5);
    expect(tallyGrowth(26, 0.5, 0.8)).toBe(1);
  });
});

describe('vote results table', () => {
  const row = (itemId: string, split: [string, number][]): VoteRow => ({
    itemId,
    title: itemId,
    total: split.reduce((n, [, c]) => n + c, 0),
    split: split.map(([groupId, count]) => ({ groupId, name: groupId ? `Group ${groupId}` : '', color: '#000000', count })),
  });

  it('has a column per group that placed a dot, in the groups order, with no group last', () => {
    const rows = [row('a', [['g3', 2], ['', 1]]), row('b', [['g1', 1], ['g3', 1]])];
    expect(resultColumns(rows, ['g1', 'g2', 'g3']).map((c) => c.groupId)).toEqual(['g1', 'g3', '']);
    expect(cellCount(rows[0]!, 'g1')).toBe(0);
    expect(cellCount(rows[0]!, 'g3')).toBe(2);
    expect(resultColumns([], ['g1'])).toEqual([]);
  });
});

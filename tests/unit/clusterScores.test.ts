/**
 * The scores that judge suggested clusters (adjusted Rand index and pairwise F1) on small cases whose
 * values are known by hand, including the textbook 4/7.
 *
 * Why: the suggestion figures in the docs are only as good as the scoring behind them.
 */
import { describe, expect, it } from 'vitest';
import { scoreClusters } from '../helpers/clusterScores.ts';

const truthOf = (labels: string) => new Map([...labels].map((label, i) => [`n${i}`, label]));

describe('scores of a grouping against a hand-made one', () => {
  it('gives 1 for the same grouping, whatever the names of the groups', () => {
    const s = scoreClusters([['n2', 'n3'], ['n0', 'n1']], truthOf('AABB'));
    expect(s).toEqual({ ari: 1, precision: 1, recall: 1, f1: 1 });
  });

  it('matches the textbook value for one group split in two (ARI 4/7)', () => {
    // Truth [0, 0, 1, 1], proposal [0, 0, 1, 2]: the adjusted Rand index is 4/7.
    const s = scoreClusters([['n0', 'n1']], truthOf('AABB'));
    expect(s.ari).toBeCloseTo(4 / 7, 10);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo(2 / 3, 10);
  });

  it('gives 0 for one group of everything and for no groups at all', () => {
    const all = scoreClusters([['n0', 'n1', 'n2', 'n3']], truthOf('AABB'));
    expect(all.ari).toBe(0);
    expect(all.precision).toBeCloseTo(1 / 3, 10);
    expect(all.recall).toBe(1);
    expect(all.f1).toBeCloseTo(0.5, 10);
    expect(scoreClusters([], truthOf('AABB'))).toEqual({ ari: 0, precision: 0, recall: 0, f1: 0 });
  });

  it('goes below 0 for a grouping worse than chance, and ignores ids it does not know', () => {
    const s = scoreClusters([['n0', 'n2', 'x'], ['n1', 'n3']], truthOf('AABB'));
    expect(s.ari).toBeLessThan(0);
    expect(s.precision).toBe(0);
    expect(s.f1).toBe(0);
  });
});

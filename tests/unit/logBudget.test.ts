import { describe, expect, it } from 'vitest';
import { COMPACT_FLOOR_BYTES, LogBudget } from '../../server/rooms/logBudget.ts';

describe('when a board log is compacted', () => {
  it('after compactEvery updates', () => {
    const budget = new LogBudget(3);
    expect([budget.appended(10), budget.appended(10), budget.appended(10)]).toEqual([false, false, true]);
  });

  it('once the log outweighs the state, but not below the floor', () => {
    const budget = new LogBudget(1_000_000, { stateBytes: 100_000, logBytes: 0, logCount: 0 });
    expect(budget.appended(60_000)).toBe(false);
    expect(budget.appended(60_000)).toBe(true);
    budget.compacted(10);
    expect(budget.appended(COMPACT_FLOOR_BYTES)).toBe(false);
    expect(budget.appended(1)).toBe(true);
  });

  it('counts what a loaded board already has in its log', () => {
    const budget = new LogBudget(10, { stateBytes: 1_000_000, logBytes: 500, logCount: 9 });
    expect(budget.pending).toBe(true);
    expect(budget.appended(1)).toBe(true);
    budget.compacted(1_000_000);
    expect(budget.pending).toBe(false);
  });

  it('after a failed compaction, waits for the next threshold instead of trying at every update', () => {
    const budget = new LogBudget(3, { stateBytes: 100_000, logBytes: 0, logCount: 0 });
    expect([budget.appended(1), budget.appended(1), budget.appended(1)]).toEqual([false, false, true]);
    budget.postponed();
    expect([budget.appended(1), budget.appended(1), budget.appended(1)]).toEqual([false, false, true]);
  });

  it('a compaction due within the interval after the last one (or the load) waits for its end', () => {
    let now = 1000;
    const budget = new LogBudget(1, undefined, 5000, () => now);
    expect(budget.appended(1)).toBe(true);
    expect(budget.waitMs()).toBe(5000); // the load starts the first interval
    now += 2000;
    expect(budget.appended(1)).toBe(true);
    expect(budget.waitMs()).toBe(3000);
    now += 3000;
    expect(budget.waitMs()).toBe(0);
    budget.compacted(10);
    expect(budget.isDue).toBe(false);
    expect(budget.waitMs()).toBe(5000);
  });

  it('with no interval, a due compaction never waits', () => {
    const budget = new LogBudget(2);
    expect([budget.appended(1), budget.appended(1)]).toEqual([false, true]);
    expect(budget.waitMs()).toBe(0);
  });
});

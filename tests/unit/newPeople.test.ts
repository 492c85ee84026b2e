import { describe, expect, it } from 'vitest';
import { HourlyBudget } from '../../server/limits/budgets.ts';

describe('the budget of new participant ids', () => {
  it('allows a burst of an hour’s worth, then refills at that rate, never above it', () => {
    let now = 0;
    const budget = new HourlyBudget(3600, () => now); // one a second
    expect(Array.from({ length: 3601 }, () => budget.take()).filter(Boolean)).toHaveLength(3600);
    now += 999;
    expect(budget.take()).toBe(false);
    now += 1;
    expect(budget.take()).toBe(true);
    now += 10 * 3_600_000; // a quiet night refills to the hour's worth, not ten hours' worth
    expect(Array.from({ length: 4000 }, () => budget.take()).filter(Boolean)).toHaveLength(3600);
  });
});

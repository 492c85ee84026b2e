import { describe, expect, it } from 'vitest';
import { NewBoardsBudget } from '../../server/http/newBoards.ts';

describe('the budget of new boards per address', () => {
  it('is per address (an IPv6 one by its /64), refills over the hour, and forgets addresses whose budget is full again', () => {
    let now = 0;
    const budget = new NewBoardsBudget(2, () => now);
    expect([budget.take('10.0.0.1'), budget.take('10.0.0.1'), budget.take('10.0.0.1')]).toEqual([true, true, false]);
    expect(budget.take('10.0.0.2')).toBe(true);
    expect([budget.take('2001:db8::1'), budget.take('2001:db8::2'), budget.take('2001:db8:0:1::1')]).toEqual([true, true, true]);
    expect(budget.take('2001:db8::3')).toBe(false);
    now += 1_800_000; // half an hour: one board back
    expect([budget.take('10.0.0.1'), budget.take('10.0.0.1')]).toEqual([true, false]);
    // Many addresses, each once: what is remembered stays bounded once their budgets refill.
    for (let i = 0; i < 10_001; i++) budget.take(`192.0.${i >> 8}.${i & 255}`);
    now += 3_600_000;
    budget.take('198.51.100.1');
    expect((budget as unknown as { left: Map<string, unknown> }).left.size).toBeLessThan(10);
  });
});

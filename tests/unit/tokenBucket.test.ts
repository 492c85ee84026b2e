/** The token bucket behind every rate limit of the server, and "once per window" built on it, on a clock moved by hand. */
import { describe, expect, it } from 'vitest';
import { OncePerWindow } from '../../server/limits/budgets.ts';
import { TokenBucket } from '../../server/limits/tokenBucket.ts';

/** A clock the test moves by hand. */
function fakeClock() {
  const clock = { t: 0, now: () => clock.t };
  return clock;
}

describe('the token bucket', () => {
  it('starts full and allows a burst of its capacity, then nothing', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 4, tokens: 1, perMs: 5000 }, clock.now);
    expect(Array.from({ length: 5 }, () => bucket.take())).toEqual([true, true, true, true, false]);
    expect(bucket.full).toBe(false);
  });

  it('refills at its rate, a token at a time', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 2, tokens: 1, perMs: 1000 }, clock.now);
    bucket.take();
    bucket.take();
    clock.t = 999;
    expect(bucket.take()).toBe(false);
    expect(bucket.msUntil(1)).toBeCloseTo(1, 9);
    clock.t = 1000;
    expect(bucket.msUntil(1)).toBe(0);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('never holds more than its capacity, however long it waits', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 3, tokens: 10, perMs: 1000 }, clock.now);
    bucket.take();
    expect(bucket.full).toBe(false);
    clock.t = 10 * 3_600_000;
    expect(bucket.full).toBe(true);
    expect(Array.from({ length: 4 }, () => bucket.take()).filter(Boolean)).toHaveLength(3);
  });

  it('takes several at once only when it holds them all', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 5, tokens: 1, perMs: 100 }, clock.now);
    expect(bucket.take(4)).toBe(true);
    expect(bucket.take(2)).toBe(false);
    expect(bucket.msUntil(2)).toBeCloseTo(100, 9);
    clock.t = 100;
    expect(bucket.take(2)).toBe(true);
  });

  it('can be emptied: the next token is a whole refill time away', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 1, tokens: 1, perMs: 1000 }, clock.now);
    clock.t = 500;
    bucket.empty();
    expect(bucket.msUntil(1)).toBe(1000);
  });
});

describe('a batch from the bucket', () => {
  it('takes the whole tokens it holds, up to the batch, once: tokens earned later are for the next batch', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 10, tokens: 1, perMs: 10 }, clock.now);
    expect(bucket.takeUpTo(4)).toBe(4);
    expect(bucket.takeUpTo(100)).toBe(6);
    clock.t = 35;
    expect(bucket.takeUpTo(100)).toBe(3);
    expect(bucket.take()).toBe(false);
    clock.t = 40;
    expect(bucket.takeUpTo(0)).toBe(0);
    expect(bucket.takeUpTo(100)).toBe(1);
  });
});

describe('once per window', () => {
  it('allows the first time at once, then one per window, and says how long to wait', () => {
    const clock = fakeClock();
    const once = new OncePerWindow(60_000, clock.now);
    expect(once.waitMs()).toBe(0);
    expect(once.tryNow()).toBe(true);
    expect(once.idle).toBe(false);
    clock.t = 59_999;
    expect(once.tryNow()).toBe(false);
    expect(once.waitMs()).toBeCloseTo(1, 6);
    clock.t = 60_000;
    expect(once.idle).toBe(true);
    expect(once.tryNow()).toBe(true);
  });

  it('counts a time marked before its window was over from that moment', () => {
    const clock = fakeClock();
    const once = new OncePerWindow(1000, clock.now);
    once.mark();
    clock.t = 999.5; // a timer may fire a hair early
    once.mark();
    expect(once.waitMs()).toBe(1000);
  });
});

/**
 * The token bucket: the one piece of arithmetic behind every rate the server holds anyone to.
 *
 * Why: a rate limit that allows a burst and then a steady pace is a bucket of tokens that refills
 * at that pace up to its size. Written once, with the clock passed in, every limit (messages per
 * connection, sync requests, new ids, new boards, board reloads) reads the same and can be tested
 * without timers. The clock must never step back, so it is `performance.now()`, not the wall clock.
 */

/** A clock in milliseconds that never steps back. */
export type Clock = () => number;

/** The process's monotonic clock (the wall clock can step back when the system time is set). */
export const monotonicClock: Clock = () => performance.now();

/** The size of a bucket and how fast it refills. */
export interface BucketRate {
  /** Most tokens it holds: the largest burst. */
  readonly capacity: number;
  /** Tokens it gains per `perMs` milliseconds. */
  readonly tokens: number;
  readonly perMs: number;
}

/** A bucket of up to `capacity` tokens that refills at `tokens` per `perMs`; it starts full. */
export class TokenBucket {
  private held: number;
  private at: number;

  constructor(
    private readonly rate: BucketRate,
    private readonly now: Clock = monotonicClock,
  ) {
    this.held = rate.capacity;
    this.at = now();
  }

  /** Takes `n` tokens if the bucket holds them; false (and nothing taken) when it does not. */
  take(n = 1): boolean {
    this.refill();
    if (this.held < n) return false;
    this.held -= n;
    return true;
  }

  /**
   * Takes as many whole tokens as it holds now, up to `max`; returns how many. For a batch decided
   * once: tokens earned while the batch is handled count for the next batch, not this one.
   */
  takeUpTo(max: number): number {
    this.refill();
    const n = Math.max(0, Math.min(max, Math.floor(this.held)));
    this.held -= n;
    return n;
  }

  /** Takes every token it holds now (the next one comes a full refill time later). */
  empty(): void {
    this.refill();
    this.held = 0;
  }

  /** How long until the bucket holds `n` tokens, ms (0 when it does now). */
  msUntil(n = 1): number {
    this.refill();
    return Math.max(0, ((n - this.held) * this.rate.perMs) / this.rate.tokens);
  }

  /** Whether the bucket is full again (nothing taken in a whole refill's time). */
  get full(): boolean {
    this.refill();
    return this.held >= this.rate.capacity;
  }

  private refill(): void {
    const t = this.now();
    this.held = Math.min(this.rate.capacity, this.held + ((t - this.at) * this.rate.tokens) / this.rate.perMs);
    this.at = t;
  }
}

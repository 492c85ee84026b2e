/**
 * The two shapes of limit the server uses besides a plain rate, both built on `TokenBucket`: a
 * budget that refills over an hour, and "at most once per window".
 *
 * Why: what is kept for good (a participant id bound to a device key, a new board) is limited per
 * hour with an hour's worth allowed at once, so a conference arriving together fits and a script
 * does not; what is costly but harmless now and then (asking a client to resync, reloading a board
 * from its log) happens at most once per window, whoever asks how often.
 */
import { monotonicClock, TokenBucket, type Clock } from './tokenBucket.ts';

const HOUR_MS = 3_600_000;

/**
 * A budget of up to `perHour` takes, refilled at `perHour` an hour: the budget of new participant
 * ids, and (one per address) of new boards.
 */
export class HourlyBudget extends TokenBucket {
  constructor(perHour: number, now: Clock = monotonicClock) {
    super({ capacity: perHour, tokens: perHour, perMs: HOUR_MS }, now);
  }
}

/** Something allowed at most once per `windowMs`: a bucket of one token, refilled once per window. */
export class OncePerWindow {
  private readonly bucket: TokenBucket;

  constructor(windowMs: number, now: Clock = monotonicClock) {
    this.bucket = new TokenBucket({ capacity: 1, tokens: 1, perMs: windowMs }, now);
  }

  /** Whether it may happen now; if so, it is counted (the next time is a window away). */
  tryNow(): boolean {
    return this.bucket.take();
  }

  /** How long until it may happen again, ms (0: now). */
  waitMs(): number {
    return this.bucket.msUntil(1);
  }

  /** Counts that it happened now, whether or not the window was over: the next time is a window away. */
  mark(): void {
    this.bucket.empty();
  }

  /** Whether a whole window passed since it last happened (nothing to remember any more). */
  get idle(): boolean {
    return this.bucket.full;
  }
}

/**
 * How many new participant ids the server binds to device keys, across everyone: a budget that
 * refills over an hour.
 *
 * Why: every new id with a key is a row in `person_keys`, kept for good. An honest device adds one,
 * once; a script reconnecting with made-up ids could add thousands a second until the disk fills.
 * Past the budget a new id joins unproven, as with no key: the board works and its dots count under
 * its own id; only the guard against someone else later using that id is missing. A conference of
 * several hundred devices arriving at once fits many times over (OLIFANT_NEW_PEOPLE_PER_HOUR).
 */

/** Default for OLIFANT_NEW_PEOPLE_PER_HOUR. */
export const NEW_PEOPLE_PER_HOUR = 5000;

/**
 * A token bucket: holds up to `perHour` takes, refilled at `perHour` an hour. The budget of new
 * participant ids, and (one per address) of new boards (`server/http/newBoards.ts`).
 */
export class HourlyBudget {
  private left: number;
  private at: number;

  constructor(
    private readonly perHour: number,
    /** A clock that never steps back (the wall clock can). */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.left = perHour;
    this.at = now();
  }

  /** Takes one from the budget; false when it is spent for now. */
  take(): boolean {
    this.refill();
    if (this.left < 1) return false;
    this.left -= 1;
    return true;
  }

  /** Whether the budget is whole again (nothing taken in the last hour's worth). */
  get full(): boolean {
    this.refill();
    return this.left >= this.perHour;
  }

  private refill(): void {
    const t = this.now();
    this.left = Math.min(this.perHour, this.left + ((t - this.at) * this.perHour) / 3_600_000);
    this.at = t;
  }
}

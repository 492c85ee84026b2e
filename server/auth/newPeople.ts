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

/** A token bucket: holds up to `perHour` bindings, refilled at `perHour` an hour. */
export class NewPeopleBudget {
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

  /** Takes one binding from the budget; false when it is spent for now. */
  take(): boolean {
    const t = this.now();
    this.left = Math.min(this.perHour, this.left + ((t - this.at) * this.perHour) / 3_600_000);
    this.at = t;
    if (this.left < 1) return false;
    this.left -= 1;
    return true;
  }
}

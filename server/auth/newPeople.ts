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

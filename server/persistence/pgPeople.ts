/**
 * Which participant ids are bound to a device key, known at once in this process (PostgreSQL store).
 *
 * Why: the write guard judges each update synchronously and asks whether the id it writes under is a
 * proven one; it cannot wait on the network. So the store keeps the bound ids in a set: all of them
 * read at open, every id this process binds or sees bound, and the ids other servers bound, read
 * every `refreshMs`. Rows are read by their binding number `n` from a little before the last one seen
 * (`LOOKBACK`), because numbers are handed out before a binding commits and two bindings can commit
 * out of order; re-reading a few is cheap. An id bound through another server is therefore known here
 * within one refresh period (plus the read's own time); until then the guard treats it as unproven,
 * as it treats an id nobody has proven.
 */
import type pg from 'pg';

/** How many binding numbers before the highest seen each refresh reads again. */
const LOOKBACK = 1000;

/** The set and its refresh; `stop()` ends the timer. */
export interface KnownPeople {
  has(personId: string): boolean;
  add(personId: string): void;
  /** Reads the ids bound since the last read (used by the timer; tests call it to avoid waiting). */
  refresh(): Promise<void>;
  stop(): void;
}

/** Loads every bound id from `pool`, then refreshes every `refreshMs`; errors go to `onError` and the next refresh tries again. */
export async function loadKnownPeople(pool: pg.Pool, refreshMs: number, onError: (err: Error) => void): Promise<KnownPeople> {
  const known = new Set<string>();
  let highest = 0;
  let reading: Promise<void> | undefined;

  const read = async () => {
    const { rows } = await pool.query<{ person_id: string; n: string }>(
      'SELECT person_id, n FROM person_keys WHERE n > $1 ORDER BY n',
      [Math.max(0, highest - LOOKBACK)],
    );
    for (const r of rows) {
      known.add(r.person_id);
      highest = Math.max(highest, Number(r.n));
    }
  };
  const refresh = () => {
    // One read at a time: a slow database must not pile them up.
    reading ??= read().finally(() => {
      reading = undefined;
    });
    return reading;
  };

  await refresh();
  const timer = setInterval(() => {
    refresh().catch((err: Error) => onError(err));
  }, refreshMs);
  timer.unref();

  return {
    has: (personId) => known.has(personId),
    add: (personId) => void known.add(personId),
    refresh,
    stop: () => clearInterval(timer),
  };
}

/**
 * Which participant id a board socket proves at its upgrade: the `person` and `key` of its join
 * data. There are no accounts: the first device key used with an id on this server binds it, on
 * every board (a device's id is the same everywhere, so seeing it on one board must not let anyone
 * claim it on another). A wrong key, or none, joins without an id: the board still works; others
 * just do not see this connection as that person.
 *
 * Why: the id is what seating, raised hands and dots in a person's name rest on. New ids bound to a
 * key are limited per hour, across everyone: each is a row in `person_keys`, kept for good. An
 * honest device adds one, once; a script reconnecting with made-up ids could add thousands a second
 * until the disk fills. Past the budget a new id joins unproven, as with no key: its dots count
 * under its own id; only the guard against someone else later using that id is missing. A
 * conference of several hundred devices arriving at once fits many times over
 * (OLIFANT_NEW_PEOPLE_PER_HOUR).
 */
import { createHash } from 'node:crypto';
import { isId } from '../../shared/index.ts';
import { HourlyBudget } from '../limits/budgets.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { BoardStore } from '../persistence/store.ts';

/** Default for OLIFANT_NEW_PEOPLE_PER_HOUR. */
export const NEW_PEOPLE_PER_HOUR = 5000;

/** Shortest and longest device key accepted. */
const KEY_LENGTH = { min: 16, max: 200 } as const;

/** The rules of the join data, as the upgrade's `400` answer states them. */
export const JOIN_DATA_RULES = {
  person: 'person must be 8-64 characters of A-Z a-z 0-9 _ -',
  key: `key must be ${KEY_LENGTH.min}-${KEY_LENGTH.max} characters`,
} as const;

/**
 * What is wrong with the upgrade's join data (`person`, `key`), in the words of its rule, or
 * undefined when it is well formed. Each may be left out (or empty): the connection then proves no
 * id. A malformed one is refused rather than joined unproven, so a tool learns of its mistake at once
 * instead of wondering later why nobody sees it as that person.
 */
export function joinDataProblem(params: URLSearchParams): string | undefined {
  const person = params.get('person');
  const key = params.get('key');
  if (person && !isId(person)) return JOIN_DATA_RULES.person;
  if (key && (key.length < KEY_LENGTH.min || key.length > KEY_LENGTH.max)) return JOIN_DATA_RULES.key;
  return undefined;
}

/** Proves participant ids by device key, within the hourly budget of new ones. */
export class PersonProof {
  private readonly newPeople: { take(): boolean | Promise<boolean> };

  constructor(
    private readonly store: Pick<BoardStore, 'isPersonBound' | 'claimPerson'>,
    private readonly metrics: Metrics,
    perHour: number = NEW_PEOPLE_PER_HOUR,
    /** The budget shared by a cluster's processes, instead of this process's own. */
    shared?: { take(): Promise<boolean> },
  ) {
    this.newPeople = shared ?? new HourlyBudget(perHour);
  }

  /** The participant id the upgrade's query (`person`, `key`) proves, or undefined (joins without one). */
  async provenPerson(params: URLSearchParams): Promise<string | undefined> {
    const person = params.get('person');
    const key = params.get('key');
    if (!person || !isId(person) || !key || key.length < KEY_LENGTH.min || key.length > KEY_LENGTH.max) return undefined;
    // Older clients without storage all called themselves this: nobody may hold it.
    if (person === 'anonymous') return undefined;
    if (!(await this.store.isPersonBound(person)) && !(await this.newPeople.take())) {
      this.metrics.errors.inc({ kind: 'new_people_budget' });
      return undefined;
    }
    const proven = await this.store.claimPerson(person, createHash('sha256').update(key).digest('base64url'));
    if (!proven) this.metrics.errors.inc({ kind: 'unproven_person' });
    return proven ? person : undefined;
  }
}

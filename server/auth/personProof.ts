/**
 * Which participant ids a board socket proves at its upgrade: the `person` and `key` of its join
 * data (the id the page is), and each `also` (`<id>:<key>`: the device's own id and ids handed over
 * to it, which it may also write notes as). There are no accounts: the first device key used with an
 * id on this server binds it, on every board (a device's id is the same everywhere, so seeing it on
 * one board must not let anyone claim it on another). A wrong key, or none, joins without that id:
 * the board still works; others just do not see this connection as that person. Every key sent, proven
 * or not, is also the device's writer: the document client IDs it writes under are bound to it.
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
import { KEYLESS_WRITER, type BoardStore } from '../persistence/store.ts';

/** Default for OLIFANT_NEW_PEOPLE_PER_HOUR. */
export const NEW_PEOPLE_PER_HOUR = 5000;

/** Shortest and longest device key accepted. */
const KEY_LENGTH = { min: 16, max: 200 } as const;

/** The rules of the join data, as the upgrade's `400` answer states them. */
export const JOIN_DATA_RULES = {
  person: 'person must be 8-64 characters of A-Z a-z 0-9 _ -',
  key: `key must be ${KEY_LENGTH.min}-${KEY_LENGTH.max} characters`,
  also: `also must be <participant id>:<key> pairs (the id as person, the key as key), separated by commas or repeated, at most 8`,
} as const;

/** Most `also` ids one join may prove. */
const MAX_ALSO = 8;

/** Who a socket proved to be at its join (see above). */
export interface JoinIdentity {
  /** The participant id the page is, if proven. */
  readonly personId: string | undefined;
  /** Every participant id proven: `personId` and each proven `also`. */
  readonly personIds: ReadonlySet<string>;
  /** The hashes of the keys sent, `person`'s first (`KEYLESS_WRITER` alone when none was sent). */
  readonly writers: readonly string[];
}

/** The identity of a socket that proves nothing (a projector, or no join data). */
export const NOBODY: JoinIdentity = { personId: undefined, personIds: new Set(), writers: [KEYLESS_WRITER] };

/** How a device key is kept: its SHA-256, never the key itself. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

const keyOk = (key: string | null): key is string => key !== null && key.length >= KEY_LENGTH.min && key.length <= KEY_LENGTH.max;

/**
 * The `also` pairs of the join data, or undefined when one is malformed or there are too many. Each
 * `also` value holds one pair or several separated by commas (a browser's provider sends one value
 * per name), and `also` may be repeated.
 */
function alsoPairs(params: URLSearchParams): { id: string; key: string }[] | undefined {
  const all = params.getAll('also').flatMap((value) => value.split(','));
  if (all.length > MAX_ALSO) return undefined;
  const pairs: { id: string; key: string }[] = [];
  for (const value of all) {
    const at = value.indexOf(':');
    const id = value.slice(0, at);
    const key = value.slice(at + 1);
    if (at < 0 || !isId(id) || !keyOk(key)) return undefined;
    pairs.push({ id, key });
  }
  return pairs;
}

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
  if (!alsoPairs(params)) return JOIN_DATA_RULES.also;
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

  /** Who the upgrade's join data (`person`, `key`, `also`) proves (see above). */
  async proveJoin(params: URLSearchParams): Promise<JoinIdentity> {
    const person = params.get('person');
    const key = params.get('key');
    const writers: string[] = [];
    const personIds = new Set<string>();
    let personId: string | undefined;
    if (keyOk(key)) {
      writers.push(keyHash(key));
      if (person && (await this.proves(person, key))) personIds.add((personId = person));
    }
    for (const pair of alsoPairs(params) ?? []) {
      const hash = keyHash(pair.key);
      if (!writers.includes(hash)) writers.push(hash);
      if (!personIds.has(pair.id) && (await this.proves(pair.id, pair.key))) personIds.add(pair.id);
    }
    if (writers.length === 0) writers.push(KEYLESS_WRITER);
    return { personId, personIds, writers };
  }

  /** Whether `key` proves participant id `person` (binding it, if nobody has, within the budget). */
  private async proves(person: string, key: string): Promise<boolean> {
    if (!isId(person)) return false;
    // Older clients without storage all called themselves this: nobody may hold it.
    if (person === 'anonymous') return false;
    if (!(await this.store.isPersonBound(person)) && !(await this.newPeople.take())) {
      this.metrics.errors.inc({ kind: 'new_people_budget' });
      return false;
    }
    const proven = await this.store.claimPerson(person, keyHash(key));
    if (!proven) this.metrics.errors.inc({ kind: 'unproven_person' });
    return proven;
  }
}

/**
 * Table progress: per table of the current seating, who sits there, how many of them are online,
 * the notes made in the table's area during the current task, the dots the table has left in the
 * open vote, and whether the table answered the facilitator's "Ready?" call.
 *
 * Why: with eight or forty tables the facilitator cannot walk round to see who is done; every
 * screen (the facilitator's panel, the projector, a table's tablet) and the tests derive the same
 * answer from the same merged board, so one pure function does it. A table is ready when any
 * person seated there answered the current call: one tap per table is enough, and an answer to an
 * earlier call does not count.
 */
import type { Dot, Vote } from '../model/cocreation.ts';
import type { Facilitation, Seating } from '../model/facilitation.ts';
import type { Note } from '../model/records.ts';
import type { Area } from '../model/shapes.ts';
import type { Person } from '../doc/people.ts';
import type { Seats } from '../doc/facilitationQueries.ts';
import { isNoteInArea } from '../doc/shapeQueries.ts';
import { budgetKey, countVote, dotsLeft } from './votes.ts';

/** One person at a table. */
export interface SeatedPerson {
  readonly id: string;
  readonly name: string;
  readonly groupId: string | null;
  /** Whether this person answered the current "Ready?" call. */
  readonly ready: boolean;
}

/** What one table did during the current task. */
export interface TableProgress {
  readonly area: Area;
  /** Who sits there now, by name. */
  readonly people: readonly SeatedPerson[];
  /** How many of them are online, or null when presence is not known. */
  readonly online: number | null;
  /** Notes in the table's area made since the current task began. */
  readonly notes: number;
  /** Dots the table's people (or groups, for a vote per group) have left in the open vote; null without one. */
  readonly dotsLeft: number | null;
  /** Whether anyone seated there answered the current "Ready?" call. */
  readonly ready: boolean;
}

/** What the derivation reads: plain values as every screen (and the server) holds them. */
export interface ProgressInput {
  readonly areas: Iterable<Area>;
  readonly notes: Iterable<Pick<Note, 'x' | 'y' | 'w' | 'h' | 'createdAt'>>;
  readonly people: readonly Person[];
  readonly seats: Seats;
  readonly facilitation: Pick<Facilitation, 'seating' | 'agenda' | 'readyCall'>;
  readonly votes: readonly Vote[];
  readonly dots: Iterable<Dot>;
  /** Maps a dot's item to the item it counts for now (merged clusters), or null when gone. */
  readonly resolveItem?: (itemId: string) => string | null;
  /** Participant ids online now; leave out when presence is not known. */
  readonly online?: ReadonlySet<string>;
}

/**
 * The table a person sits at for `seating`: their seat when it names a table of that kind, else (for
 * stakeholder tables) their stakeholder group's table; null when none.
 */
export function tableOf(
  person: Pick<Person, 'id' | 'groupId'>,
  seats: Seats,
  tables: ReadonlyMap<string, Area>,
  seating: Seating,
): string | null {
  const seat = seats[person.id]?.[seating];
  if (seat && tables.get(seat)?.table === seating) return seat;
  if (seating === 'mixed' || !person.groupId) return null;
  for (const a of tables.values()) if (a.table === 'stakeholder' && a.tableGroup === person.groupId) return a.id;
  return null;
}

/** The open vote people are placing dots in now (the latest open one), or null. */
export function openVoteOf(votes: readonly Vote[]): Vote | null {
  for (let i = votes.length - 1; i >= 0; i--) if (votes[i]!.open) return votes[i]!;
  return null;
}

/** Every table of the current seating with its progress, in the board's order of tables. */
export function tableProgress(input: ProgressInput): TableProgress[] {
  const seating = input.facilitation.seating;
  const tables = new Map<string, Area>();
  for (const a of [...input.areas].sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1))) {
    if (a.table === seating) tables.set(a.id, a);
  }
  const call = input.facilitation.readyCall;
  const seated = new Map<string, SeatedPerson[]>();
  for (const p of input.people) {
    if (p.role !== 'participant') continue;
    const at = tableOf(p, input.seats, tables, seating);
    if (at === null) continue;
    const list = seated.get(at) ?? [];
    list.push({ id: p.id, name: p.name, groupId: p.groupId, ready: call !== null && p.ready === call.id });
    seated.set(at, list);
  }
  const since = input.facilitation.agenda.stepStartedAt ?? 0;
  const recent = [...input.notes].filter((n) => n.createdAt >= since);
  const vote = openVoteOf(input.votes);
  const count = vote ? countVote(vote, input.dots, input.resolveItem) : null;
  return [...tables.values()].map((area) => {
    const people = seated.get(area.id) ?? [];
    let left: number | null = null;
    if (vote && count) {
      // A budget shared by a group is counted once per table, however many of the group sit there.
      const keys = new Set(people.map((p) => budgetKey(vote, { voterId: p.id, groupId: p.groupId })).filter((k): k is string => k !== null));
      left = [...keys].reduce((sum, k) => sum + dotsLeft(vote, count, k), 0);
    }
    return {
      area,
      people,
      online: input.online ? people.filter((p) => input.online!.has(p.id)).length : null,
      notes: recent.filter((n) => isNoteInArea(n, area)).length,
      dotsLeft: left,
      ready: people.some((p) => p.ready),
    };
  });
}

/** Tables still working first (not ready; then those with the fewest notes), keeping the board's order among equals. */
export function unfinishedFirst(tables: readonly TableProgress[]): TableProgress[] {
  return tables
    .map((t, i) => ({ t, i }))
    .sort((a, b) => Number(a.t.ready) - Number(b.t.ready) || a.t.notes - b.t.notes || a.i - b.i)
    .map((x) => x.t);
}

/** How many of the tables said they are ready. */
export function readyCount(tables: readonly TableProgress[]): number {
  return tables.filter((t) => t.ready).length;
}

/**
 * The rehearsal's own record of what the room meant to do: every person, note, cluster, merge, vote,
 * dot, stance, confirmation and action card, written by whoever made it (a simulated participant, a
 * browser tablet, the facilitator), with the phase of the day it happened in.
 *
 * Why: the oracle judges the board, the report, the CSV and the restored copies against this record,
 * never against the server's own derivations, so a rule that drops or doubles something shows up as a
 * difference. Where the day is deliberately concurrent (several tables clustering the same notes at
 * once), the record keeps every candidate and the oracle accepts any one of them, as long as every
 * output agrees on the same one.
 */
import type { Dot, OutcomeList, StanceValue, VoteBudget, VoteTarget } from '../../shared/index.ts';

export type DeviceKind = 'protocol' | 'tablet' | 'facilitator';

export interface LoggedPerson {
  /** The participant id (`person` join parameter, a note's `authorId`). */
  readonly id: string;
  name: string;
  /** Stakeholder group id, or null (the facilitator). */
  groupId: string | null;
  stakeholderTable: string | null;
  mixedTable: string | null;
  readonly device: DeviceKind;
}

export interface LoggedNote {
  readonly id: string;
  text: string;
  readonly authorId: string;
  /** The author's stakeholder group id when the note was made (a note keeps it). */
  readonly groupId: string | null;
  /** The area the note was put in (or last moved to) by its maker, null when outside every area. */
  areaId: string | null;
  /** The cluster it was put in (as first created; merges are resolved by the oracle). */
  clusterId: string | null;
  /** Set when tables clustered the note at the same moment: any of these is right. */
  clusterCandidates: string[] | null;
  kind: 'note' | 'action';
  owner: string;
  /** Participant ids who volunteered. */
  volunteers: string[];
  deleted: boolean;
  readonly phase: string;
}

/** A new note as its maker meant it: in no cluster, not an action card, not deleted. */
export function newLoggedNote(note: Pick<LoggedNote, 'id' | 'text' | 'authorId' | 'groupId' | 'areaId' | 'phase'>): LoggedNote {
  return { ...note, clusterId: null, clusterCandidates: null, kind: 'note', owner: '', volunteers: [], deleted: false };
}

export interface LoggedCluster {
  readonly id: string;
  label: string;
  /** The cluster it was merged into (the oracle follows chains). */
  mergedInto: string | null;
}

export interface LoggedVote {
  readonly id: string;
  readonly title: string;
  readonly target: VoteTarget;
  readonly budget: VoteBudget;
  readonly dots: number;
  readonly onePerItem: boolean;
}

/** A dot as placed (its `at` is the placing device's time). */
export interface LoggedDot extends Dot {
  /** Placed while the device was offline (merged later). */
  readonly offline: boolean;
  takenBack: boolean;
}

export interface LoggedStance {
  readonly itemId: string;
  readonly groupId: string;
  /** null: the group's stance was cleared. */
  readonly stance: StanceValue | null;
  /** Device time written into the stance's `at`. */
  readonly at: number;
}

export interface LoggedOutcome {
  readonly itemId: string;
  /** null: the confirmation was cleared. */
  readonly list: OutcomeList | null;
  readonly at: number;
}

/** One event on the day's timeline (faults, phases), for the printout and the JSON. */
export interface LoggedEvent {
  readonly at: number;
  readonly phase: string;
  readonly what: string;
}

/** The record itself: plain data, so it can be written as JSON next to the results. */
export class RehearsalLog {
  readonly people = new Map<string, LoggedPerson>();
  readonly notes = new Map<string, LoggedNote>();
  readonly clusters = new Map<string, LoggedCluster>();
  readonly votes = new Map<string, LoggedVote>();
  readonly dots = new Map<string, LoggedDot>();
  readonly stances: LoggedStance[] = [];
  readonly outcomes: LoggedOutcome[] = [];
  readonly events: LoggedEvent[] = [];
  /** Group id -> group name, as created by the facilitator. */
  readonly groups = new Map<string, string>();
  /**
   * The notes (not deleted) on the board when the morning's snapshot was taken, at a quiet moment:
   * what the copy restored from that snapshot must hold. Null until then.
   */
  morningNotes: string[] | null = null;
  phase = 'setup';

  event(what: string): void {
    this.events.push({ at: Date.now(), phase: this.phase, what });
  }

  toJSON(): object {
    return {
      people: [...this.people.values()],
      notes: [...this.notes.values()],
      clusters: [...this.clusters.values()],
      votes: [...this.votes.values()],
      dots: [...this.dots.values()],
      stances: this.stances,
      outcomes: this.outcomes,
      events: this.events,
      groups: Object.fromEntries(this.groups),
      morningNotes: this.morningNotes,
    };
  }
}

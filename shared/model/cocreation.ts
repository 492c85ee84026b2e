/**
 * The co-creation records: stakeholder groups, clusters, votes and their dots, each group's stance on
 * an item, and the facilitator's confirmed outcomes; as plain read-only values with input validators.
 *
 * Why: these carry the six principles (the whole system in the room, common ground, differences kept
 * visible). The client, the server and the report read them through these types, and derive counts
 * and standings from them with the pure rules in `shared/analysis/`.
 */
import { z } from './zod.ts';

/** A stakeholder group ("belanghebbende groep"), stored in `doc.getMap('groups')`. */
export interface StakeholderGroup {
  readonly id: string;
  readonly name: string;
  /** Colour of the group in the legend, the lens and its dots, `#rrggbb`. */
  readonly color: string;
  /** Position in the legend (smaller first). */
  readonly order: number;
  /** Archived groups keep their notes' history but no longer count as present on the board. */
  readonly archived: boolean;
  readonly createdAt: number;
}

/** A cluster of perspectives, stored in `doc.getMap('clusters')`. Members are notes whose
 * `clusterId` points here (membership is a field of the note). */
export interface Cluster {
  readonly id: string;
  readonly label: string;
  /** Set when this cluster was merged into another: its notes and dots count for that one. */
  readonly mergedInto: string | null;
  /** When it was merged (the merging device's clock), or `null`. */
  readonly mergedAt: number | null;
  readonly createdAt: number;
  /** The participant id of whoever made it (they and the facilitator may rename or dissolve it);
   * `null` on clusters made before makers were recorded (then only the facilitator may). */
  readonly createdBy: string | null;
}

export type VoteTarget = 'notes' | 'clusters';
/** Whose budget a dot is taken from: each person's, or their stakeholder group's. */
export type VoteBudget = 'person' | 'group';

/** A dot vote, stored in `doc.getMap('votes')`. */
export interface Vote {
  readonly id: string;
  readonly title: string;
  readonly target: VoteTarget;
  readonly budget: VoteBudget;
  /** Dots per person (or per group). */
  readonly dots: number;
  /** At most one counted dot per item for each person (or group). */
  readonly onePerItem: boolean;
  /** Whether participants see totals while the vote is open. */
  readonly live: boolean;
  readonly open: boolean;
  readonly openedAt: number;
  readonly closedAt: number | null;
}

/** One placed dot, stored immutably in `doc.getMap('dots')`; taking it back deletes it. */
export interface Dot {
  readonly id: string;
  readonly voteId: string;
  /** A note id or a cluster id. */
  readonly itemId: string;
  /** The person (participant id) who placed it. */
  readonly voterId: string;
  /** The voter's stakeholder group, or `null`. */
  readonly groupId: string | null;
  /** When it was placed (the placing device's clock), ms since the epoch. */
  readonly at: number;
}

export type StanceValue = 'agree' | 'disagree' | 'unsure';
export const STANCES: readonly StanceValue[] = ['agree', 'disagree', 'unsure'];

/** One stakeholder group's stance on an item, stored in `doc.getMap('stances')` under
 * `<itemId>:<groupId>`, so each group has exactly one stance per item. */
export interface Stance {
  readonly itemId: string;
  readonly groupId: string;
  readonly stance: StanceValue;
  /** Participant id of whoever set it. */
  readonly by: string;
  readonly at: number;
}

/** What the derived standing of an item is. */
export type Standing = 'commonGround' | 'notAgreed' | 'open';

/** The three Future Search lists an item can be confirmed into. */
export type OutcomeList = 'commonGround' | 'potentialProject' | 'notAgreed';
export const OUTCOME_LISTS: readonly OutcomeList[] = ['commonGround', 'potentialProject', 'notAgreed'];

/** The facilitator's confirmation of an item into a list, stored in `doc.getMap('outcomes')`. */
export interface Outcome {
  readonly itemId: string;
  readonly list: OutcomeList;
  readonly by: string;
  readonly at: number;
}

/** Longest group name, cluster label and vote title, in characters. */
export const MAX_LABEL = 120;
/** Most dots a person or group may get in one vote. */
export const MAX_DOTS = 50;
/** Most stakeholder groups on one board. */
export const MAX_GROUPS = 40;

/** Colours offered for new stakeholder groups, in order (readable on a projector, colour-blind aware). */
export const GROUP_PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4', '#b2182b', '#666666'] as const;

const color = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #ffcc00'));
const label = (what: string, ...more: z.core.$ZodCheck<string>[]) =>
  z.string({ error: `${what} must be text` }).check(z.trim(), z.maxLength(MAX_LABEL, `${what} must be at most ${MAX_LABEL} characters`), ...more);

/** A stakeholder group as given by the facilitator. */
export const groupInputSchema = z.strictObject({ name: label('the group name', z.minLength(1, 'the group name must not be empty')), color });
export type GroupInput = z.input<typeof groupInputSchema>;

/** A cluster label (may be empty: the outline then shows "Cluster"). */
export const clusterLabelSchema = label('the cluster label');

/** The settings of a new vote. */
export const voteInputSchema = z.strictObject({
  title: z._default(label('the vote title'), ''),
  target: z._default(z.enum(['notes', 'clusters'], { error: 'a vote is on notes or on clusters' }), 'notes'),
  budget: z._default(z.enum(['person', 'group'], { error: 'dots are given per person or per group' }), 'person'),
  dots: z
    .number({ error: 'say how many dots each person or group gets (a number from 1 to 50)' })
    .check(z.int({ error: 'dots must be a whole number' }), z.minimum(1, 'give at least one dot'), z.maximum(MAX_DOTS, `at most ${MAX_DOTS} dots`)),
  onePerItem: z._default(z.boolean(), false),
  live: z._default(z.boolean(), true),
});
export type VoteInput = z.input<typeof voteInputSchema>;

/** A stance value. */
export const stanceSchema = z.enum(['agree', 'disagree', 'unsure'], { error: 'a stance is agree, disagree or unsure' });
/** An outcome list name. */
export const outcomeListSchema = z.enum(['commonGround', 'potentialProject', 'notAgreed'], {
  error: 'the list is commonGround, potentialProject or notAgreed',
});

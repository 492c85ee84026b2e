/**
 * The root names of the board document: the single place that knows the Yjs layout.
 *
 * Why: other Yjs tools read and write boards through these names (a public contract, documented in
 * docs/board-schema.md), so they are spelled once, here, and everything else asks these getters.
 */
import * as Y from 'yjs';

/** Root map names, schema v1. Later versions may add roots, never rename these. */
export const ROOT = {
  meta: 'meta',
  notes: 'notes',
  areas: 'areas',
  connectors: 'connectors',
  /** The co-creation records, added within schema version 2 (additive: boards made earlier simply
   * have them empty, so no migration). */
  groups: 'groups',
  clusters: 'clusters',
  votes: 'votes',
  dots: 'dots',
  stances: 'stances',
  outcomes: 'outcomes',
  /** The frame of the day (agenda, timer, locks, ...) and seating; added within schema version 2
   * (additive, like the co-creation roots). */
  facilitation: 'facilitation',
  seats: 'seats',
  /** Who took part (name, stakeholder group), for the report; added within schema version 2 (additive). */
  people: 'people',
} as const;

/**
 * Roots only the facilitator may change: the frame and the time, never the content (what people
 * say stays theirs). The server refuses a participant's update that touches them.
 */
export const FACILITATOR_ONLY_ROOTS: ReadonlySet<string> = new Set([ROOT.facilitation, ROOT.seats, ROOT.groups, ROOT.votes, ROOT.outcomes]);

/** Keys of the `facilitation` map; each value is a plain JSON value, replaced whole. */
export const FACILITATION = {
  /** `true` while the whole board is locked for participants. */
  boardLocked: 'boardLocked',
  /** `{ template, step }`: the agenda in use and the current task's index. */
  agenda: 'agenda',
  /** The countdown: see `Timer`. */
  timer: 'timer',
  /** The last "bring everyone here": see `Summon`. */
  summon: 'summon',
  /** `{ on, since }`: everyone's notes hidden from others until the reveal. */
  privateWriting: 'privateWriting',
  /** `'follow'` (the projector shows the facilitator's view) or `'board'` (the whole board). */
  projector: 'projector',
  /** `'stakeholder'` or `'mixed'`: which tables people sit at now. */
  seating: 'seating',
  /** `{ threshold, cursors }`: crowd presence (see `CrowdSettings`). */
  crowd: 'crowd',
  /** `{ participantId: serverTime }`: raised hands the facilitator has taken, up to that time. */
  handsDone: 'handsDone',
  /** `{ id, at }` or null: the facilitator's open "Ready?" call (see `ReadyCall`). */
  readyCall: 'readyCall',
  /** `true` while the projector shows the tables' progress. */
  projectorProgress: 'projectorProgress',
  /** `'notes'`, `'notesAndVotes'` or `'everything'` (absent): which tools participants may use. */
  participantTools: 'participantTools',
} as const;

/** Keys of the `meta` map. */
export const META = {
  schemaVersion: 'schemaVersion',
  title: 'title',
  createdAt: 'createdAt',
  epoch: 'epoch',
} as const;

/** Keys of each note's `Y.Map`. */
export const NOTE = {
  text: 'text',
  x: 'x',
  y: 'y',
  w: 'w',
  h: 'h',
  color: 'color',
  authorId: 'authorId',
  groupId: 'groupId',
  createdAt: 'createdAt',
  /** The cluster the note belongs to, or absent/null (boards from before clusters). */
  clusterId: 'clusterId',
  /** `'action'` for an action card (action planning); absent for a plain note. */
  kind: 'kind',
  /** An action card's owner (a name, as written). */
  owner: 'owner',
} as const;

/**
 * An action card's volunteers are keys `volunteer:<participant id>` -> name on the note's own map (not a
 * nested map, which two tablets could create at the same time, one replacing the other).
 */
export const VOLUNTEER_PREFIX = 'volunteer:';

/** Keys of each stakeholder group's `Y.Map`. */
export const GROUP = { name: 'name', color: 'color', order: 'order', archived: 'archived', createdAt: 'createdAt' } as const;

/** Keys of each cluster's `Y.Map`. */
export const CLUSTER = { label: 'label', mergedInto: 'mergedInto', mergedAt: 'mergedAt', createdAt: 'createdAt', createdBy: 'createdBy' } as const;

/** Keys of each vote's `Y.Map`. */
export const VOTE = {
  title: 'title',
  target: 'target',
  budget: 'budget',
  dots: 'dots',
  onePerItem: 'onePerItem',
  live: 'live',
  open: 'open',
  openedAt: 'openedAt',
  closedAt: 'closedAt',
} as const;

/** Keys of each area's `Y.Map`. */
export const AREA = {
  name: 'name',
  x: 'x',
  y: 'y',
  w: 'w',
  h: 'h',
  color: 'color',
  createdAt: 'createdAt',
  /** `true` while the area is locked for participants by the facilitator; absent when unlocked. */
  locked: 'locked',
  /** `'stakeholder'` or `'mixed'` for a table's area, so "go to your table" knows it. */
  table: 'table',
  /** For a stakeholder table: the stakeholder group that sits there. */
  tableGroup: 'tableGroup',
  /** A template area's name in each UI language (`{ en, nl }`); shown while `name` is one of them. */
  names: 'names',
} as const;

/** Keys of each connector's `Y.Map`. */
export const CONNECTOR = {
  from: 'from',
  to: 'to',
  label: 'label',
  createdAt: 'createdAt',
} as const;

/** A note as it lives in the document: a map of its fields, with `text` a `Y.Text`. */
export type YNote = Y.Map<unknown>;

/** The board's `meta` map. */
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.meta);
}

/** The board's `notes` map: note id -> `YNote`. */
export function notesMap(doc: Y.Doc): Y.Map<YNote> {
  return doc.getMap<YNote>(ROOT.notes);
}

/** The board's `areas` map: area id -> `Y.Map` of its fields. */
export function areasMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROOT.areas);
}

/** The board's `connectors` map: connector id -> `Y.Map` of its fields. */
export function connectorsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROOT.connectors);
}

/** Stakeholder groups: group id -> `Y.Map` of its fields. */
export function groupsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROOT.groups);
}

/** Clusters: cluster id -> `Y.Map` of its fields. */
export function clustersMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROOT.clusters);
}

/** Votes: vote id -> `Y.Map` of its settings and state. */
export function votesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROOT.votes);
}

/** Dots: dot id -> a plain JSON object `{ voteId, itemId, voterId, groupId, at }`, never edited. */
export function dotsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.dots);
}

/** Stances: `<itemId>:<groupId>` -> a plain JSON object `{ stance, by, at }`. */
export function stancesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.stances);
}

/** Outcomes: item id -> a plain JSON object `{ list, by, at }`. */
export function outcomesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.outcomes);
}

/** The key of one group's stance on one item in the `stances` map. */
export function stanceKey(itemId: string, groupId: string): string {
  return `${itemId}:${groupId}`;
}

/** The frame of the day: `FACILITATION` keys -> plain values. */
export function facilitationMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.facilitation);
}

/** Seating: participant id -> `{ stakeholder?: areaId, mixed?: areaId }`. */
export function seatsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.seats);
}

/** People: participant id -> a plain object `{ name, groupId, role, at, ready? }`, written by each device. */
export function peopleMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.people);
}

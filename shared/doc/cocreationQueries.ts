/**
 * Typed reads of the co-creation roots (groups, clusters, votes, dots, stances, outcomes) into plain
 * values, tolerant of documents written by other tools.
 *
 * Why: as for notes, a missing or mistyped field reads as its default, and a dot, stance or outcome
 * that is not a well-formed object is skipped instead of crashing a renderer, the server or a report.
 */
import * as Y from 'yjs';
import type { Cluster, Dot, Outcome, OutcomeList, Stance, StanceValue, StakeholderGroup, Vote } from '../model/cocreation.ts';
import { OUTCOME_LISTS, STANCES } from '../model/cocreation.ts';
import { clusterIndex, lastMergeTimes, resolveCluster } from '../analysis/clusters.ts';
import { CLUSTER, clustersMap, dotsMap, GROUP, groupsMap, notesMap, outcomesMap, stancesMap, VOTE, votesMap } from './roots.ts';

const COLOR = /^#[0-9a-f]{6}$/i;

/** Converts one group map to a plain `StakeholderGroup`. */
export function toGroup(id: string, m: Y.Map<unknown>): StakeholderGroup {
  const color = m.get(GROUP.color);
  return {
    id,
    name: str(m.get(GROUP.name)),
    color: typeof color === 'string' && COLOR.test(color) ? color : '#666666',
    order: num(m.get(GROUP.order), 0),
    archived: m.get(GROUP.archived) === true,
    createdAt: num(m.get(GROUP.createdAt), 0),
  };
}

/** Converts one cluster map to a plain `Cluster`. */
export function toCluster(id: string, m: Y.Map<unknown>): Cluster {
  const into = m.get(CLUSTER.mergedInto);
  const at = m.get(CLUSTER.mergedAt);
  return {
    id,
    label: str(m.get(CLUSTER.label)),
    mergedInto: typeof into === 'string' ? into : null,
    mergedAt: typeof into === 'string' && typeof at === 'number' && Number.isFinite(at) ? at : null,
    createdAt: num(m.get(CLUSTER.createdAt), 0),
    createdBy: typeof m.get(CLUSTER.createdBy) === 'string' ? (m.get(CLUSTER.createdBy) as string) : null,
  };
}

/** Converts one vote map to a plain `Vote` (dots at least 0, a whole number). */
export function toVote(id: string, m: Y.Map<unknown>): Vote {
  const closedAt = m.get(VOTE.closedAt);
  return {
    id,
    title: str(m.get(VOTE.title)),
    target: m.get(VOTE.target) === 'clusters' ? 'clusters' : 'notes',
    budget: m.get(VOTE.budget) === 'group' ? 'group' : 'person',
    dots: Math.max(0, Math.floor(num(m.get(VOTE.dots), 0))),
    onePerItem: m.get(VOTE.onePerItem) === true,
    live: m.get(VOTE.live) !== false,
    open: m.get(VOTE.open) === true,
    openedAt: num(m.get(VOTE.openedAt), 0),
    closedAt: typeof closedAt === 'number' && Number.isFinite(closedAt) ? closedAt : null,
  };
}

/** A dot, or `undefined` when the stored value is not a well-formed dot. */
export function toDot(id: string, value: unknown): Dot | undefined {
  if (!isObject(value)) return undefined;
  const { voteId, itemId, voterId, groupId, at } = value;
  if (typeof voteId !== 'string' || typeof itemId !== 'string' || typeof voterId !== 'string') return undefined;
  return { id, voteId, itemId, voterId, groupId: typeof groupId === 'string' ? groupId : null, at: num(at, 0) };
}

/** A stance, or `undefined` when the key or value is not well formed. */
export function toStance(key: string, value: unknown): Stance | undefined {
  const cut = key.lastIndexOf(':');
  if (cut <= 0 || !isObject(value) || !STANCES.includes(value.stance as StanceValue)) return undefined;
  return { itemId: key.slice(0, cut), groupId: key.slice(cut + 1), stance: value.stance as StanceValue, by: str(value.by), at: num(value.at, 0) };
}

/** An outcome, or `undefined` when the value is not well formed. */
export function toOutcome(itemId: string, value: unknown): Outcome | undefined {
  if (!isObject(value) || !OUTCOME_LISTS.includes(value.list as OutcomeList)) return undefined;
  return { itemId, list: value.list as OutcomeList, by: str(value.by), at: num(value.at, 0) };
}

/** Every stakeholder group (archived ones too), in legend order. */
export function listGroups(doc: Y.Doc): StakeholderGroup[] {
  const out: StakeholderGroup[] = [];
  groupsMap(doc).forEach((m, id) => m instanceof Y.Map && out.push(toGroup(id, m)));
  return out.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Every cluster record (merged and empty ones too), oldest first. */
export function listClusters(doc: Y.Doc): Cluster[] {
  const out: Cluster[] = [];
  clustersMap(doc).forEach((m, id) => m instanceof Y.Map && out.push(toCluster(id, m)));
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Every vote, oldest first. */
export function listVotes(doc: Y.Doc): Vote[] {
  const out: Vote[] = [];
  votesMap(doc).forEach((m, id) => m instanceof Y.Map && out.push(toVote(id, m)));
  return out.sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1));
}

/** Every well-formed dot, by id. */
export function listDots(doc: Y.Doc): Dot[] {
  return readAll(dotsMap(doc), toDot);
}

/** Every well-formed stance, by key. */
export function listStances(doc: Y.Doc): Stance[] {
  return readAll(stancesMap(doc), toStance);
}

/** Every well-formed outcome, by item id. */
export function listOutcomes(doc: Y.Doc): Outcome[] {
  return readAll(outcomesMap(doc), toOutcome);
}

function readAll<T>(map: Y.Map<unknown>, read: (key: string, value: unknown) => T | undefined): T[] {
  const out: T[] = [];
  for (const key of [...map.keys()].sort()) {
    const v = read(key, map.get(key));
    if (v !== undefined) out.push(v);
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Y.AbstractType);
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The item a stored item id stands for now: a note's own id, a cluster's resolved id (merged clusters
 * count for the one they were merged into), or `null` when the item is gone.
 */
export function itemResolver(doc: Y.Doc): (itemId: string) => string | null {
  const notes = notesMap(doc);
  const clusters = clusterIndex(listClusters(doc));
  return (itemId) => (notes.has(itemId) ? itemId : resolveCluster(itemId, clusters));
}

/** When something was last merged into an item (for `stancesFor`), -Infinity if never. */
export function mergeTimer(doc: Y.Doc): (itemId: string) => number {
  const times = lastMergeTimes(clusterIndex(listClusters(doc)));
  return (itemId) => times.get(itemId) ?? -Infinity;
}

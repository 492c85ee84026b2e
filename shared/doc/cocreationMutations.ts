/**
 * Changes to stakeholder groups, votes and dots, stances and outcomes; each a named function in one
 * `doc.transact` with a typed origin.
 *
 * Why: these are the facilitator's frame (groups, votes, confirmations) and each group's voice
 * (dots, stances). Dots are immutable records, so two devices of one person never overwrite each
 * other; the limit is applied when counting (see `countVote`), and checked here only as far as this
 * device can see, to tell the person plainly when they have no dots left.
 */
import * as Y from 'yjs';
import { countVote, budgetKey } from '../analysis/votes.ts';
import { standingOf, stancesFor } from '../analysis/standing.ts';
import {
  groupInputSchema,
  MAX_GROUPS,
  outcomeListSchema,
  stanceSchema,
  voteInputSchema,
  type GroupInput,
  type OutcomeList,
  type StanceValue,
  type VoteInput,
} from '../model/cocreation.ts';
import { newRecordId } from '../model/ids.ts';
import { modelError } from '../model/errors.ts';
import { parseOrThrow } from '../model/records.ts';
import { itemResolver, listDots, listGroups, listStances, mergeTimer, toStance, toVote } from './cocreationQueries.ts';
import type { TxOrigin } from './origins.ts';
import { dotsMap, GROUP, groupsMap, NOTE, notesMap, outcomesMap, stanceKey, stancesMap, VOTE, votesMap } from './roots.ts';

/** Adds a stakeholder group at the end of the legend; returns its id. */
export function createGroup(doc: Y.Doc, input: GroupInput, origin: TxOrigin): string {
  const g = parseOrThrow(groupInputSchema, input);
  const groups = listGroups(doc);
  if (groups.filter((x) => !x.archived).length >= MAX_GROUPS) throw modelError('tooManyGroups', { max: MAX_GROUPS });
  const id = newRecordId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set(GROUP.name, g.name);
    m.set(GROUP.color, g.color.toLowerCase());
    m.set(GROUP.order, groups.reduce((max, x) => Math.max(max, x.order), 0) + 1);
    m.set(GROUP.createdAt, Date.now());
    groupsMap(doc).set(id, m);
  }, origin);
  return id;
}

/** Renames or recolours a stakeholder group. */
export function updateGroup(doc: Y.Doc, id: string, input: GroupInput, origin: TxOrigin): void {
  const g = parseOrThrow(groupInputSchema, input);
  const m = groupsMap(doc).get(id);
  if (!m) throw modelError('groupGone');
  doc.transact(() => {
    if (m.get(GROUP.name) !== g.name) m.set(GROUP.name, g.name);
    if (m.get(GROUP.color) !== g.color.toLowerCase()) m.set(GROUP.color, g.color.toLowerCase());
  }, origin);
}

/** Archives (or restores) a group: its notes keep their group, but it no longer counts as present. */
export function setGroupArchived(doc: Y.Doc, id: string, archived: boolean, origin: TxOrigin): void {
  const m = groupsMap(doc).get(id);
  if (!m) throw modelError('groupGone');
  doc.transact(() => m.set(GROUP.archived, archived), origin);
}

/**
 * Gives a person's notes that carry no group their (newly chosen) group: notes written before they
 * picked one. Notes that already carry a group keep it (they record the group at the time).
 */
export function claimNotesForGroup(doc: Y.Doc, authorId: string, groupId: string, origin: TxOrigin): number {
  if (!groupsMap(doc).has(groupId)) throw modelError('groupGone');
  const mine: Y.Map<unknown>[] = [];
  notesMap(doc).forEach((n) => {
    if (n.get(NOTE.authorId) === authorId && typeof n.get(NOTE.groupId) !== 'string') mine.push(n);
  });
  if (mine.length) doc.transact(() => mine.forEach((n) => n.set(NOTE.groupId, groupId)), origin);
  return mine.length;
}

/** Opens a new dot vote; returns its id. Earlier votes stay as they are. */
export function openVote(doc: Y.Doc, input: VoteInput, origin: TxOrigin): string {
  const v = parseOrThrow(voteInputSchema, input);
  const id = newRecordId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set(VOTE.title, v.title);
    m.set(VOTE.target, v.target);
    m.set(VOTE.budget, v.budget);
    m.set(VOTE.dots, v.dots);
    m.set(VOTE.onePerItem, v.onePerItem);
    m.set(VOTE.live, v.live);
    m.set(VOTE.open, true);
    m.set(VOTE.openedAt, Date.now());
    votesMap(doc).set(id, m);
  }, origin);
  return id;
}

/** Closes (or reopens) a vote. Dots placed offline while it was open still count when they arrive. */
export function setVoteOpen(doc: Y.Doc, id: string, open: boolean, origin: TxOrigin): void {
  const m = votesMap(doc).get(id);
  if (!m) throw modelError('voteGone');
  doc.transact(() => {
    m.set(VOTE.open, open);
    if (open) m.delete(VOTE.closedAt);
    else m.set(VOTE.closedAt, Date.now());
  }, origin);
}

/** Places one dot on a note or cluster; returns its id. Refused when the vote is closed or this
 * person's (or group's) dots are spent, as far as this device knows. */
export function placeDot(
  doc: Y.Doc,
  dot: { voteId: string; itemId: string; voterId: string; groupId: string | null },
  origin: TxOrigin,
): string {
  const m = votesMap(doc).get(dot.voteId);
  if (!m) throw modelError('voteGone');
  const vote = toVote(dot.voteId, m);
  if (!vote.open) throw modelError('voteClosed');
  const resolve = itemResolver(doc);
  const itemId = resolve(dot.itemId);
  if (itemId === null) throw modelError('itemGone');
  const isNote = notesMap(doc).has(itemId);
  if (vote.target === 'notes' && !isNote) throw modelError('voteIsOnNotes');
  if (vote.target === 'clusters' && isNote) throw modelError('voteIsOnClusters');
  const key = budgetKey(vote, dot);
  if (key === null) throw modelError('voteNeedsGroup');
  const count = countVote(vote, listDots(doc), resolve);
  if ((count.used[key] ?? 0) >= vote.dots) throw modelError('noDotsLeft');
  const mine = listDots(doc).filter((d) => d.voteId === vote.id && budgetKey(vote, d) === key && resolve(d.itemId) === itemId);
  if (vote.onePerItem && mine.some((d) => count.counted.has(d.id))) throw modelError('oneDotPerItem');
  const id = newRecordId();
  doc.transact(() => dotsMap(doc).set(id, { voteId: vote.id, itemId, voterId: dot.voterId, groupId: dot.groupId, at: Date.now() }), origin);
  return id;
}

/** Takes back the latest dot this person (or, for group votes, their group) placed on an item.
 * Returns whether there was one. */
export function takeBackDot(
  doc: Y.Doc,
  dot: { voteId: string; itemId: string; voterId: string; groupId: string | null },
  origin: TxOrigin,
): boolean {
  const m = votesMap(doc).get(dot.voteId);
  if (!m) return false;
  const vote = toVote(dot.voteId, m);
  if (!vote.open) throw modelError('voteClosed');
  const resolve = itemResolver(doc);
  const key = budgetKey(vote, dot);
  const target = resolve(dot.itemId);
  // An item that is gone resolves to null, like every other gone item: then match the id itself.
  const sameItem = (itemId: string) => (target === null ? itemId === dot.itemId : resolve(itemId) === target);
  const candidates = listDots(doc)
    .filter((d) => d.voteId === vote.id && key !== null && budgetKey(vote, d) === key && sameItem(d.itemId))
    .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
  // Dots over the limit (placed from another device or offline) go first: taking one back should
  // free a counted dot only when there is nothing uncounted to take.
  const over = countVote(vote, listDots(doc), resolve).overLimit;
  const rank = (d: { id: string; voterId: string }) => (over.has(d.id) ? 0 : 2) + (d.voterId === dot.voterId ? 0 : 1);
  const own = [...candidates].sort((a, b) => rank(a) - rank(b))[0];
  if (!own) return false;
  doc.transact(() => dotsMap(doc).delete(own.id), origin);
  return true;
}

/** Sets one stakeholder group's stance on a note or cluster (replacing the group's earlier one). */
export function setStance(doc: Y.Doc, itemId: string, groupId: string, stance: StanceValue, by: string, origin: TxOrigin): void {
  const value = parseOrThrow(stanceSchema, stance);
  if (!groupsMap(doc).has(groupId)) throw modelError('groupGone');
  const target = itemResolver(doc)(itemId);
  if (target === null) throw modelError('itemGone');
  doc.transact(() => stancesMap(doc).set(stanceKey(target, groupId), { stance: value, by, at: Date.now() }), origin);
}

/** Withdraws a group's stance on an item. */
export function clearStance(doc: Y.Doc, itemId: string, groupId: string, origin: TxOrigin): void {
  // Every stance of this group that counts for the item (including on clusters merged into it).
  const resolve = itemResolver(doc);
  const target = resolve(itemId) ?? itemId;
  const stances = stancesMap(doc);
  const keys = [...stances.keys()].filter((key) => {
    const s = toStance(key, stances.get(key));
    return s !== undefined && s.groupId === groupId && (s.itemId === target || resolve(s.itemId) === target);
  });
  if (keys.length) doc.transact(() => keys.forEach((key) => stances.delete(key)), origin);
}

/**
 * Confirms an item into one of the three lists. Common ground is refused unless every stakeholder
 * group agrees now; a later disagreement shows the item as contested, it is never hidden.
 */
export function confirmOutcome(doc: Y.Doc, itemId: string, list: OutcomeList, by: string, origin: TxOrigin): void {
  const value = parseOrThrow(outcomeListSchema, list);
  const target = itemResolver(doc)(itemId);
  if (target === null) throw modelError('itemGone');
  if (value === 'commonGround' && standingOf(stancesFor(target, listStances(doc), listGroups(doc), itemResolver(doc), mergeTimer(doc))) !== 'commonGround') {
    throw modelError('notCommonGround');
  }
  doc.transact(() => outcomesMap(doc).set(target, { list: value, by, at: Date.now() }), origin);
}

/** Takes an item off the lists again (with confirmations made on clusters since merged into it). */
export function clearOutcome(doc: Y.Doc, itemId: string, origin: TxOrigin): void {
  const resolve = itemResolver(doc);
  const target = resolve(itemId);
  const outcomes = outcomesMap(doc);
  const keys = [...outcomes.keys()].filter((key) => key === itemId || (target !== null && resolve(key) === target));
  if (keys.length) doc.transact(() => keys.forEach((key) => outcomes.delete(key)), origin);
}

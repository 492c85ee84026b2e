/**
 * Co-creation test helpers: small doc utilities for the unit tests (a fresh board, a forked copy,
 * exchanging offline edits in a chosen order), shorthands the cluster, vote and standing tests share,
 * the derived values every device must agree on, and the model's invariants.
 *
 * Why: the co-creation rules (cluster resolution, vote counting, standings) are derived from merged
 * records, so they must come out the same on every device whatever order the edits arrived in; the
 * unit tests replay small offline scenarios in every order, and the random network
 * (`cocreationNetwork.ts`) checks `derivedState` and `invariantViolations` on every table.
 */
import { vi } from 'vitest';
import * as Y from 'yjs';
import {
  agreementLists,
  budgetKey,
  clusterBounds,
  clusterIndex,
  clusterMembers,
  countVote,
  coverageOf,
  createGroup,
  createNote,
  GROUP_PALETTE,
  initBoard,
  itemResolver,
  mergeTimer,
  listClusters,
  listDots,
  listGroups,
  listNotes,
  listOutcomes,
  listStances,
  listVotes,
  openVote,
  ORIGIN,
  placeDot,
  resolveCluster,
  standingOf,
  stancesFor,
  type AgreementLists,
  type VoteCount,
  type VoteInput,
} from '../../shared/index.ts';

/** A board as the server makes it. */
export function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Co-creation', createdAt: 1 }, ORIGIN.server);
  return doc;
}

/** A second device that has synced `doc` once (and is offline from now on). */
export function forkDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** A fresh doc that receives the full state of `sources`, in the order given. */
export function mergedInOrder(sources: readonly Y.Doc[]): Y.Doc {
  const doc = new Y.Doc();
  for (const s of sources) Y.applyUpdate(doc, Y.encodeStateAsUpdate(s));
  return doc;
}

/** Brings every doc up to date with every other, sending the updates in the given order. */
export function exchangeAll(docs: readonly Y.Doc[]): void {
  const updates = docs.map((d) => Y.encodeStateAsUpdate(d));
  for (const d of docs) for (const u of updates) Y.applyUpdate(d, u);
}

/** Every order of `items` (for up to four or so). */
export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** A vote count as plain JSON (sets as sorted arrays), for comparing across docs. */
export function plainCount(c: VoteCount): unknown {
  return { ...c, counted: [...c.counted].sort(), overLimit: [...c.overLimit].sort() };
}

/** Sets this device's clock (dots and stances are ordered by the clock of the device that wrote them). */
export const clock = (ms: number) => vi.setSystemTime(ms);
/** A blank note of the default size at the origin. */
export const note = (doc: Y.Doc) => createNote(doc, { text: '', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
/** A blank 100 by 100 note at (x, y), of a stakeholder group or none (the cluster tests import it as `note`). */
export const noteAt = (doc: Y.Doc, x = 0, y = 0, groupId: string | null = null) => createNote(doc, { text: '', x, y, w: 100, h: 100, authorId: 'a', groupId }, ORIGIN.local);

/** Cluster id -> sorted member ids, as every device would draw them. */
export function drawn(doc: Y.Doc): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, ids] of clusterMembers(listNotes(doc), clusterIndex(listClusters(doc)))) out[id] = [...ids].sort();
  return out;
}

/** Opens a vote (3 dots a person unless `input` says otherwise); returns its id. */
export const vote = (doc: Y.Doc, input: Partial<VoteInput> = {}) => openVote(doc, { dots: 3, ...input }, ORIGIN.local);
export const readVote = (doc: Y.Doc, id: string) => listVotes(doc).find((v) => v.id === id)!;
/** The count of a vote on this doc, items resolved as the board resolves them. */
export const countOn = (doc: Y.Doc, voteId: string) => countVote(readVote(doc, voteId), listDots(doc), itemResolver(doc));
export const place = (doc: Y.Doc, voteId: string, itemId: string, voterId: string, groupId: string | null = null) => placeDot(doc, { voteId, itemId, voterId, groupId }, ORIGIN.local);

/** A stakeholder group named `name`, coloured from the palette by `i`. */
export const group = (doc: Y.Doc, name: string, i = 0) => createGroup(doc, { name, color: GROUP_PALETTE[i % GROUP_PALETTE.length]! }, ORIGIN.local);
/** Each list as item ids, the contested ones marked with a `!`. */
export function ids(l: AgreementLists): Record<keyof AgreementLists, string[]> {
  const show = (items: AgreementLists['commonGround']) => items.map((i) => (i.contested ? `${i.itemId}!` : i.itemId));
  return {
    commonGround: show(l.commonGround),
    potentialProject: show(l.potentialProject),
    notAgreed: show(l.notAgreed),
    disagreements: show(l.disagreements),
    unconfirmed: show(l.unconfirmed),
  };
}

/** Every value the board derives from the co-creation records, as plain JSON. Equal docs give equal values. */
export function derivedState(doc: Y.Doc): unknown {
  const notes = listNotes(doc);
  const clusters = listClusters(doc);
  const index = clusterIndex(clusters);
  const groups = listGroups(doc);
  const stances = listStances(doc);
  const outcomes = listOutcomes(doc);
  const dots = listDots(doc);
  const resolve = itemResolver(doc);
  const members = [...clusterMembers(notes, index)].sort(([a], [b]) => (a < b ? -1 : 1));
  const byId = new Map(notes.map((n) => [n.id, n]));
  const items = [...notes.map((n) => n.id), ...members.map(([id]) => id)];
  return {
    notes,
    clusters,
    groups,
    members,
    coverage: members.map(([id, ids]) => [id, coverageOf(ids.map((n) => byId.get(n)!), groups)]),
    votes: listVotes(doc).map((v) => [v.id, plainCount(countVote(v, dots, resolve))]),
    standings: items.map((id) => [id, standingOf(stancesFor(id, stances, groups, resolve, mergeTimer(doc)))]),
    lists: agreementLists(stances, outcomes, groups, resolve, mergeTimer(doc)),
    stances,
    outcomes,
  };
}

/**
 * The model's invariants on one doc; returns what is broken (empty when all hold): every note is in at
 * most one live cluster and listed exactly there; every cluster drawn has members and an outline; no
 * vote counts more dots for a budget than the vote gives, nor two for one item when it says one per
 * item; the three lists hold each item once and the disagreements are exactly the items not agreed.
 */
export function invariantViolations(doc: Y.Doc): string[] {
  const out: string[] = [];
  const notes = listNotes(doc);
  const index = clusterIndex(listClusters(doc));
  const members = clusterMembers(notes, index);
  const listed = new Map<string, string>();
  for (const [cluster, ids] of members) {
    if (ids.length === 0) out.push(`cluster ${cluster} is drawn without members`);
    if (!index.has(cluster)) out.push(`cluster ${cluster} is drawn but has no record`);
    if (resolveCluster(cluster, index) !== cluster) out.push(`cluster ${cluster} is drawn but resolves elsewhere`);
    // A merged cluster is drawn only as the one representative of a merge cycle.
    const into = index.get(cluster)?.mergedInto ?? null;
    if (into !== null && resolveCluster(into, index) !== cluster) out.push(`cluster ${cluster} was merged into ${into} but is drawn`);
    const boxes = ids.map((id) => notes.find((n) => n.id === id)!);
    if (clusterBounds(boxes) === null) out.push(`cluster ${cluster} has no outline`);
    for (const id of ids) {
      if (listed.has(id)) out.push(`note ${id} is in clusters ${listed.get(id)} and ${cluster}`);
      listed.set(id, cluster);
    }
  }
  for (const n of notes) {
    const root = resolveCluster(n.clusterId, index);
    if ((listed.get(n.id) ?? null) !== root) out.push(`note ${n.id} resolves to ${root} but is listed in ${listed.get(n.id)}`);
  }

  const dots = listDots(doc);
  const resolve = itemResolver(doc);
  for (const vote of listVotes(doc)) {
    const count = countVote(vote, dots, resolve);
    const perKey = new Map<string, number>();
    const pairs = new Set<string>();
    let total = 0;
    for (const d of dots) {
      if (!count.counted.has(d.id)) continue;
      total++;
      if (count.overLimit.has(d.id)) out.push(`dot ${d.id} is both counted and over the limit`);
      const key = budgetKey(vote, d);
      const item = resolve(d.itemId);
      if (key === null || item === null) out.push(`dot ${d.id} counts without a budget or an item`);
      perKey.set(String(key), (perKey.get(String(key)) ?? 0) + 1);
      const pair = `${key}|${item}`;
      if (vote.onePerItem && pairs.has(pair)) out.push(`vote ${vote.id}: two counted dots of ${key} on ${item}`);
      pairs.add(pair);
    }
    for (const [key, n] of perKey) if (n > vote.dots) out.push(`vote ${vote.id}: ${key} has ${n} counted dots of ${vote.dots}`);
    for (const [key, n] of Object.entries(count.used)) if (n > vote.dots || n !== perKey.get(key)) out.push(`vote ${vote.id}: used[${key}] = ${n}`);
    const sum = Object.values(count.totals).reduce((a, b) => a + b, 0);
    if (sum !== total || total !== count.counted.size) out.push(`vote ${vote.id}: totals ${sum}, counted ${count.counted.size}, found ${total}`);
  }

  const lists = agreementLists(listStances(doc), listOutcomes(doc), listGroups(doc), resolve, mergeTimer(doc));
  const seen = new Set<string>();
  for (const name of ['commonGround', 'potentialProject', 'notAgreed', 'unconfirmed'] as const) {
    for (const item of lists[name]) {
      if (seen.has(item.itemId)) out.push(`item ${item.itemId} is on two lists`);
      seen.add(item.itemId);
      if (resolve(item.itemId) !== item.itemId) out.push(`item ${item.itemId} on the lists is gone or merged`);
      if (name === 'commonGround' && !item.contested && item.standing !== 'commonGround') out.push(`item ${item.itemId} is common ground without agreement`);
    }
  }
  const all = [...lists.commonGround, ...lists.potentialProject, ...lists.notAgreed, ...lists.unconfirmed];
  // Every disagreement is visible: on the "not agreed" list, or else in the disagreements list.
  const notAgreed = all.filter((i) => i.standing === 'notAgreed' && i.confirmed !== 'notAgreed').map((i) => i.itemId).sort();
  if (JSON.stringify(notAgreed) !== JSON.stringify(lists.disagreements.map((i) => i.itemId).sort())) out.push('disagreements do not match the items not agreed');
  return out;
}

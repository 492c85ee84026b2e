/**
 * What every output of the day should hold, counted from the rehearsal's log alone by the documented
 * rules (docs/user-guide.md "The rules behind the co-creation tools", docs/board-schema.md): the
 * living notes with their group, area and cluster (merges followed), the vote totals and their split
 * by group, each item's standing, the three confirmed lists, and who took part in which group.
 *
 * Why: the oracle must not trust the product's own derivations (`countVote`, `agreementLists`,
 * `stancesFor`), or a wrong rule would agree with itself. This is a second, small implementation of
 * the same documented rules; only the board's layout (area names and the agenda's areas) and, when
 * the log lacks them, the clusters' merge times are taken from the board, as facts, not derivations.
 */
import type { Area } from '../../../shared/index.ts';
import type { Dot, OutcomeList, StanceValue } from '../../../shared/index.ts';
import type { LoggedCluster, LoggedNote, LoggedPerson, LoggedVote, RehearsalLog } from '../log.ts';

/** The board's layout as the oracle needs it: areas (board order) and the agenda's areas per task. */
export interface BoardLayout {
  readonly areas: ReadonlyArray<Area>;
  readonly template: string | null;
  /** Agenda step ids in order, with the area ids the template laid out for each. */
  readonly steps: ReadonlyArray<{ id: string; title: { en: string; nl: string }; areaIds: readonly string[] }>;
  /** Merge times of clusters as stored on the board: used only for clusters the log gives none. */
  readonly mergedAt: ReadonlyMap<string, number | null>;
}

export interface ExpectedNote {
  readonly id: string;
  readonly text: string;
  readonly groupId: string | null;
  readonly areaId: string | null;
  /** The resolved cluster this note must be in everywhere (one of `clusterOptions`). */
  clusterId: string | null;
  /** Every resolved cluster the log accepts (one entry unless tables clustered it at once). */
  readonly clusterOptions: ReadonlyArray<string | null>;
  readonly kind: 'note' | 'action';
  readonly owner: string;
  readonly volunteers: string[];
}

export interface ExpectedVote {
  readonly vote: LoggedVote;
  /** Counted dots per resolved item. */
  readonly totals: Map<string, number>;
  /** Counted dots per resolved item and group id (`''` without a group). */
  readonly byGroup: Map<string, Map<string, number>>;
  /** The dots (not taken back) that the board must hold. */
  readonly dotIds: Set<string>;
}

export type ListKey = OutcomeList | 'disagreements';
export type StandingCode = OutcomeList | 'open';

export interface Expected {
  readonly notes: Map<string, ExpectedNote>;
  readonly deleted: Map<string, LoggedNote>;
  readonly votes: ExpectedVote[];
  /** Resolved item ids per list (confirmed lists, and unconfirmed or contested disagreements). */
  readonly lists: Record<ListKey, string[]>;
  /** The CSV's standing code per item with a stance or a confirmation: the list, else the standing. */
  readonly standing: Map<string, StandingCode>;
  readonly people: LoggedPerson[];
  readonly groups: Map<string, string>;
  /** A stored item id (note or cluster) to the item it stands for now, or null when gone. */
  resolve(itemId: string): string | null;
  /** The title of an item as the report shows it (untitled word for an empty one). */
  title(itemId: string, untitled: string): string;
  clusterLabel(clusterId: string): string;
}

/** Follows `mergedInto` through the log's clusters; a cycle resolves to its smallest id (the rule). */
function resolveThrough(clusters: ReadonlyMap<string, LoggedCluster>, id: string): string | null {
  const seen: string[] = [];
  for (let cur: string | null = id; cur !== null; ) {
    const c = clusters.get(cur);
    if (!c) return null;
    const at = seen.indexOf(cur);
    if (at >= 0) return seen.slice(at).sort()[0]!;
    seen.push(cur);
    if (c.mergedInto === null) return cur;
    cur = c.mergedInto;
  }
  return null;
}

/** The last record per key: by `at`, and for equal times the one logged later (the later write). */
function lastPer<T extends { at: number }>(records: ReadonlyArray<T>, key: (r: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of records) {
    const had = out.get(key(r));
    if (!had || r.at >= had.at) out.set(key(r), r);
  }
  return out;
}

/** A dot as the count needs it (a logged dot or a board's). */
export type CountedDot = Dot;

/** Counts one vote's dots: each budget's in (time placed, dot id) order up to the limit, and with
 * "one per item" only its first dot on each item. */
export function countDots(
  vote: Pick<LoggedVote, 'id' | 'budget' | 'dots' | 'onePerItem'>,
  all: Iterable<CountedDot>,
  resolve: (id: string) => string | null,
): Pick<ExpectedVote, 'totals' | 'byGroup'> {
  const dots = [...all].filter((d) => d.voteId === vote.id).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const spent = new Map<string, number>();
  const given = new Set<string>();
  const totals = new Map<string, number>();
  const byGroup = new Map<string, Map<string, number>>();
  for (const d of dots) {
    const item = resolve(d.itemId);
    const budget = vote.budget === 'person' ? d.voterId : d.groupId;
    // A dot on a gone item, or a group vote's dot without a group, neither counts nor spends.
    if (item === null || budget === null) continue;
    const used = spent.get(budget) ?? 0;
    if (used >= vote.dots || (vote.onePerItem && given.has(`${budget} ${item}`))) continue;
    spent.set(budget, used + 1);
    given.add(`${budget} ${item}`);
    totals.set(item, (totals.get(item) ?? 0) + 1);
    const split = byGroup.get(item) ?? new Map<string, number>();
    split.set(d.groupId ?? '', (split.get(d.groupId ?? '') ?? 0) + 1);
    byGroup.set(item, split);
  }
  return { totals, byGroup };
}

/** Counts every logged vote from the dots not taken back. */
function countVotes(log: RehearsalLog, resolve: (id: string) => string | null): ExpectedVote[] {
  return [...log.votes.values()].map((vote) => {
    const dots = [...log.dots.values()].filter((d) => d.voteId === vote.id && !d.takenBack);
    return { vote, ...countDots(vote, dots, resolve), dotIds: new Set(dots.map((d) => d.id)) };
  });
}

/** Everything the outputs should hold, from the log and the board's layout. */
export function expectedFromLog(log: RehearsalLog, layout: BoardLayout): Expected {
  const notes = new Map<string, ExpectedNote>();
  const deleted = new Map<string, LoggedNote>();
  const resolveCluster = (id: string | null) => (id === null ? null : resolveThrough(log.clusters, id));
  const resolve = (itemId: string): string | null => {
    if (notes.has(itemId)) return itemId;
    if (log.notes.has(itemId)) return null;
    return resolveCluster(itemId);
  };
  const names = (ids: string[]) => ids.map((id) => log.people.get(id)?.name ?? id);
  for (const n of log.notes.values()) {
    if (n.deleted) {
      deleted.set(n.id, n);
      continue;
    }
    const options = [...new Set((n.clusterCandidates ?? [n.clusterId]).map(resolveCluster))];
    notes.set(n.id, {
      id: n.id,
      text: n.text,
      groupId: n.groupId,
      areaId: n.areaId,
      clusterId: options[0] ?? null,
      clusterOptions: options,
      kind: n.kind,
      owner: n.owner,
      volunteers: names(n.volunteers),
    });
  }

  // When something was last merged into each resolved cluster: the log's time, else the board's.
  const mergeTime = new Map<string, number>();
  for (const c of log.clusters.values()) {
    if (c.mergedInto === null) continue;
    const root = resolveCluster(c.id);
    const at = (c as LoggedCluster & { mergedAt?: number | null }).mergedAt ?? layout.mergedAt.get(c.id) ?? null;
    if (root !== null && root !== c.id && at !== null) mergeTime.set(root, Math.max(mergeTime.get(root) ?? -Infinity, at));
  }

  // One stance per group per item (the last written; a cleared one is gone), only the log's groups.
  const stances = [...lastPer(log.stances, (s) => `${s.itemId}\u0000${s.groupId}`).values()].filter(
    (s): s is typeof s & { stance: StanceValue } => s.stance !== null && log.groups.has(s.groupId),
  );
  const family = new Map<string, Map<string, typeof stances>>();
  for (const s of stances) {
    const item = resolve(s.itemId);
    if (item === null) continue;
    const perGroup = family.get(item) ?? new Map<string, typeof stances>();
    perGroup.set(s.groupId, [...(perGroup.get(s.groupId) ?? []), s]);
    family.set(item, perGroup);
  }
  const standingOf = (item: string): StandingCode => {
    const values: (StanceValue | undefined)[] = [];
    for (const groupId of log.groups.keys()) {
      const list = family.get(item)?.get(groupId);
      if (!list) {
        values.push(undefined);
        continue;
      }
      const last = list.reduce((a, b) => (b.at > a.at || (b.at === a.at && b.itemId > a.itemId) ? b : a));
      // The stance set last counts when it is on the item itself after the last merge into it;
      // otherwise a disagreement anywhere in the merged family wins; otherwise the last one.
      if (last.itemId === item && last.at > (mergeTime.get(item) ?? -Infinity)) values.push(last.stance);
      else values.push(list.some((s) => s.stance === 'disagree') ? 'disagree' : last.stance);
    }
    if (values.includes('disagree')) return 'notAgreed';
    return values.length > 0 && values.every((v) => v === 'agree') ? 'commonGround' : 'open';
  };

  const confirmed = new Map<string, OutcomeList>();
  const outcomes = [...lastPer(log.outcomes, (o) => o.itemId).values()].sort((a, b) => a.at - b.at || (a.itemId < b.itemId ? -1 : 1));
  for (const o of outcomes) {
    const item = resolve(o.itemId);
    if (item !== null && o.list !== null) confirmed.set(item, o.list);
  }
  const lists: Record<ListKey, string[]> = { commonGround: [], potentialProject: [], notAgreed: [], disagreements: [] };
  const standing = new Map<string, StandingCode>();
  for (const item of [...new Set([...family.keys(), ...confirmed.keys()])].sort()) {
    const derived = standingOf(item);
    const list = confirmed.get(item);
    if (list) lists[list].push(item);
    if (derived === 'notAgreed' && list !== 'notAgreed') lists.disagreements.push(item);
    standing.set(item, list ?? derived);
  }

  const clusterLabel = (id: string) => log.clusters.get(id)?.label ?? '';
  return {
    notes,
    deleted,
    votes: countVotes(log, resolve),
    lists,
    standing,
    people: [...log.people.values()],
    groups: log.groups,
    resolve,
    clusterLabel,
    title: (itemId, untitled) => {
      const note = notes.get(itemId);
      return (note ? note.text.trim() : clusterLabel(itemId).trim()) || untitled;
    },
  };
}

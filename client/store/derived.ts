/**
 * Values derived from the board by the shared rules (cluster members and outlines, the current vote
 * and its counts, common-ground lists), memoised on the store records they read.
 *
 * Why: many components ask the same question in one frame ("which cluster is this note in?"); each
 * derivation runs once per change of its inputs, not once per asking component, and the rules are
 * the shared ones the server and the report use.
 */
import {
  boardAgreement,
  clusterIndex,
  clusterMembers,
  countVote,
  resolveCluster,
  type AgreementLists,
  type Cluster,
  type Vote,
  type VoteCount,
} from '../../shared/index.ts';
import type { StoreState } from './store.ts';

/** Remembers the last result of `fn` for the last inputs (compared by identity). */
function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

/** The clusters as the board shows them: members, the cluster of each note, and merged clusters resolved. */
export interface ClusterView {
  readonly index: Map<string, Cluster>;
  /** Live clusters (with members): id -> member note ids. */
  readonly members: Map<string, string[]>;
  /** Note id -> the live cluster it is in. */
  readonly noteCluster: Record<string, string>;
  /** Live cluster ids, oldest first. */
  readonly ids: string[];
}

const clusterViewOf = memo((notes: StoreState['notes'], clusters: StoreState['clusters']): ClusterView => {
  const index = clusterIndex(Object.values(clusters));
  const members = clusterMembers(Object.values(notes), index);
  const noteCluster: Record<string, string> = {};
  for (const [id, ids] of members) for (const n of ids) noteCluster[n] = id;
  const ids = [...members.keys()].sort((a, b) => (index.get(a)!.createdAt - index.get(b)!.createdAt) || (a < b ? -1 : 1));
  return { index, members, noteCluster, ids };
});

/** Clusters and their members, derived from the notes' `clusterId` fields. */
export function clusterView(s: StoreState): ClusterView {
  return clusterViewOf(s.notes, s.clusters);
}

/** Maps a stored item id (note, or cluster perhaps merged since) to the item it stands for now. */
export function resolverOf(s: StoreState): (itemId: string) => string | null {
  const { index } = clusterView(s);
  return (itemId) => (itemId in s.notes ? itemId : resolveCluster(itemId, index));
}

/** The vote people see: the latest open one, or else the latest closed one. */
export function currentVote(s: StoreState): Vote | null {
  for (let i = s.votes.length - 1; i >= 0; i--) if (s.votes[i]!.open) return s.votes[i]!;
  return s.votes.at(-1) ?? null;
}

const countOf = memo((vote: Vote, dots: StoreState['dots'], notes: StoreState['notes'], clusters: StoreState['clusters']) => {
  const { index } = clusterViewOf(notes, clusters);
  return countVote(vote, dots, (id) => (id in notes ? id : resolveCluster(id, index)));
});

/** The counts of the current vote, or null without one. */
export function currentCount(s: StoreState): VoteCount | null {
  const vote = currentVote(s);
  return vote ? countOf(vote, s.dots, s.notes, s.clusters) : null;
}

/** Whether this screen may show everyone's dots now (live votes, closed votes, the facilitator's). */
export function resultsVisible(s: StoreState, vote: Vote | null): boolean {
  // The projector is the room's screen: a hidden vote stays hidden there until it closes.
  return vote !== null && (vote.live || !vote.open || s.me.role === 'facilitator');
}

const agreementOf = memo(
  (stances: StoreState['stances'], outcomes: StoreState['outcomes'], groups: StoreState['groups'], notes: StoreState['notes'], clusters: StoreState['clusters']) => {
    const { index } = clusterViewOf(notes, clusters);
    return boardAgreement(stances, outcomes, groups, (id) => id in notes, index);
  },
);

/** The three Future Search lists and the disagreements (the same derivation as the report and the CSV). */
export function agreement(s: StoreState): AgreementLists {
  return agreementOf(s.stances, s.outcomes, s.groups, s.notes, s.clusters);
}

/** The standing of one item, from the lists. */
export function standingOfItem(s: StoreState, itemId: string) {
  const lists = agreement(s);
  for (const item of [...lists.unconfirmed, ...lists.commonGround, ...lists.potentialProject, ...lists.notAgreed]) {
    if (item.itemId === itemId) return item;
  }
  return null;
}

/** A short text for an item: a cluster's label, or the start of a note's text. */
export function itemTitle(s: StoreState, itemId: string, fallback: { cluster: string; note: string }): string {
  const cluster = s.clusters[itemId];
  if (cluster) return cluster.label || fallback.cluster;
  const note = s.notes[itemId];
  if (note) return note.text.trim().split('\n')[0]!.slice(0, 80) || fallback.note;
  return '';
}

/** One item's line in a vote's results. */
export interface VoteRow {
  readonly itemId: string;
  /** The item's label or text ('' when it has none). */
  readonly title: string;
  readonly total: number;
  /** Counted dots per stakeholder group (`groupId` '' for voters without a group). */
  readonly split: ReadonlyArray<{ groupId: string; name: string; color: string; count: number }>;
}

const voteRowsOf = memo((count: VoteCount | null, groups: StoreState['groups'], notes: StoreState['notes'], clusters: StoreState['clusters']): VoteRow[] => {
  if (!count) return [];
  const s = { notes, clusters } as StoreState;
  return count.ranking.map((r) => ({
    itemId: r.itemId,
    title: itemTitle(s, r.itemId, { cluster: '', note: '' }),
    total: r.total,
    split: Object.entries(count.byGroup[r.itemId] ?? {}).map(([groupId, n]) => {
      const g = groups.find((x) => x.id === groupId);
      return { groupId, name: g?.name ?? '', color: g?.color ?? '#90a4ae', count: n };
    }),
  }));
});

/** The current vote's results as rows, most dots first (the same array while nothing changed). */
export function voteRows(s: StoreState): VoteRow[] {
  return voteRowsOf(currentCount(s), s.groups, s.notes, s.clusters);
}

/**
 * Dot-vote counting as a pure function of the merged dots: which dots count under the vote's limits,
 * totals per item, and the split by stakeholder group.
 *
 * Why: a person voting from two devices, or offline, can place more dots than allowed before the
 * devices see each other. Nothing is refused at placing time across devices; instead every device
 * (and the server, and the report) counts the same merged set the same way: each budget's dots in
 * order of (time placed, dot id), the first ones up to the limit counting, later ones not.
 */
import type { Dot, Vote } from '../model/cocreation.ts';

export interface VoteCount {
  /** Counted dots per item id (items resolved, e.g. merged clusters to their cluster). */
  readonly totals: Record<string, number>;
  /** Counted dots per item id and stakeholder group id (`''` for voters without a group). */
  readonly byGroup: Record<string, Record<string, number>>;
  /** Ids of the dots that count. */
  readonly counted: ReadonlySet<string>;
  /** Dots that do not count because their budget was already spent (or the item already had one). */
  readonly overLimit: ReadonlySet<string>;
  /** Counted dots per budget key (a voter id, or a group id for group budgets). */
  readonly used: Record<string, number>;
  /** Items in order of counted dots (most first, then by id), with their totals. */
  readonly ranking: ReadonlyArray<{ itemId: string; total: number }>;
}

/** The budget a dot is taken from, or `null` when it cannot count (a group vote by someone with no group). */
export function budgetKey(vote: Pick<Vote, 'budget'>, dot: Pick<Dot, 'voterId' | 'groupId'>): string | null {
  return vote.budget === 'person' ? dot.voterId : dot.groupId;
}

/**
 * Counts a vote. `resolveItem` maps a dot's item to the item it counts for now, or `null` when that
 * item is gone (such dots neither count nor spend the budget).
 */
export function countVote(
  vote: Pick<Vote, 'id' | 'budget' | 'dots' | 'onePerItem'>,
  dots: Iterable<Dot>,
  resolveItem: (itemId: string) => string | null = (id) => id,
): VoteCount {
  const mine = [...dots]
    .filter((d) => d.voteId === vote.id)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const totals: Record<string, number> = {};
  const byGroup: Record<string, Record<string, number>> = {};
  const used: Record<string, number> = {};
  const counted = new Set<string>();
  const overLimit = new Set<string>();
  const given = new Set<string>();
  for (const d of mine) {
    const item = resolveItem(d.itemId);
    const key = budgetKey(vote, d);
    if (item === null || key === null) continue;
    const spent = used[key] ?? 0;
    const pair = `${key}\u0000${item}`;
    if (spent >= vote.dots || (vote.onePerItem && given.has(pair))) {
      overLimit.add(d.id);
      continue;
    }
    used[key] = spent + 1;
    given.add(pair);
    counted.add(d.id);
    totals[item] = (totals[item] ?? 0) + 1;
    const split = (byGroup[item] ??= {});
    const g = d.groupId ?? '';
    split[g] = (split[g] ?? 0) + 1;
  }
  const ranking = Object.entries(totals)
    .map(([itemId, total]) => ({ itemId, total }))
    .sort((a, b) => b.total - a.total || (a.itemId < b.itemId ? -1 : 1));
  return { totals, byGroup, counted, overLimit, used, ranking };
}

/** How many dots a budget has left in a vote (never below zero). */
export function dotsLeft(vote: Pick<Vote, 'dots'>, count: Pick<VoteCount, 'used'>, key: string | null): number {
  if (key === null) return 0;
  return Math.max(0, vote.dots - (count.used[key] ?? 0));
}

/**
 * Common ground as a pure function of the stances: each item's standing, and the three Future Search
 * lists with the facilitator's confirmations and any disagreement that appeared after them.
 *
 * Why: an item is common ground only when every stakeholder group can stand behind it, and
 * disagreements stay visible as a list of their own, never averaged away. Each group holds one stance per item, so the standing is the same wherever
 * it is computed, whatever order the stances arrived in.
 */
import type { Cluster, Outcome, OutcomeList, Stance, StanceValue, Standing, StakeholderGroup } from '../model/cocreation.ts';
import { activeGroups, lastMergeTimes, resolveCluster } from './clusters.ts';

/**
 * Each active group's stance on one item (`undefined` where a group has not marked it). Stances on
 * clusters merged into this one count too, so none is lost: per group, the stance set last wins when
 * it is on the item itself and was set after the last merge into it (the group has looked at the
 * merged cluster); otherwise, across the merged family, a disagreement wins (merging must
 * not hide a difference); otherwise the stance set last. `lastMergeAt(itemId)` is when something was last merged into the item (-Infinity if never).
 */
export function stancesFor(
  itemId: string,
  stances: Iterable<Stance>,
  groups: ReadonlyArray<StakeholderGroup>,
  resolveItem: (itemId: string) => string | null = (id) => id,
  lastMergeAt: (itemId: string) => number = () => -Infinity,
): Record<string, StanceValue | undefined> {
  const out: Record<string, StanceValue | undefined> = {};
  const family: Record<string, Stance[]> = {};
  for (const g of activeGroups(groups)) out[g.id] = undefined;
  for (const s of stances) {
    if (s.groupId in out && resolveItem(s.itemId) === itemId) (family[s.groupId] ??= []).push(s);
  }
  const mergedAt = lastMergeAt(itemId);
  const later = (a: Stance, b: Stance) => (a.at !== b.at ? a.at > b.at : a.itemId > b.itemId);
  const latest = (list: Stance[]) => list.reduce((best, s) => (later(s, best) ? s : best));
  for (const [g, list] of Object.entries(family)) {
    const last = latest(list);
    if (last.itemId === itemId && last.at > mergedAt) out[g] = last.stance;
    else if (list.some((s) => s.stance === 'disagree')) out[g] = 'disagree';
    else out[g] = last.stance;
  }
  return out;
}

/**
 * The standing of an item: `notAgreed` when any active group disagrees; `commonGround` when every
 * active group agrees (and there is at least one); `open` otherwise (someone is not sure, or has not
 * said yet).
 */
export function standingOf(byGroup: Record<string, StanceValue | undefined>): Standing {
  const values = Object.values(byGroup);
  if (values.includes('disagree')) return 'notAgreed';
  if (values.length > 0 && values.every((v) => v === 'agree')) return 'commonGround';
  return 'open';
}

/** One item in the common-ground panel. */
export interface AgreementItem {
  readonly itemId: string;
  readonly standing: Standing;
  readonly byGroup: Record<string, StanceValue | undefined>;
  /** The list the facilitator confirmed it into, if any. */
  readonly confirmed: OutcomeList | null;
  /** Confirmed as common ground but no longer every group agrees: shown as a warning. */
  readonly contested: boolean;
}

/** The common-ground panel's lists (see `agreementLists`). */
export interface AgreementLists {
  readonly commonGround: AgreementItem[];
  readonly potentialProject: AgreementItem[];
  readonly notAgreed: AgreementItem[];
  /** Every item some active group disagrees with that is not (yet) on the "not agreed" list:
   * unconfirmed, or confirmed elsewhere and contested (differences are kept visible). */
  readonly disagreements: AgreementItem[];
  /** Items with stances but not yet confirmed into a list. */
  readonly unconfirmed: AgreementItem[];
}

/**
 * The three lists and the disagreements, for the items that exist now. `resolveItem` maps a stored
 * item id to the item it stands for (a merged cluster to its cluster) or `null` when it is gone;
 * stances and outcomes on gone items are kept in the document but left out here.
 */
export function agreementLists(
  stances: ReadonlyArray<Stance>,
  outcomes: ReadonlyArray<Outcome>,
  groups: ReadonlyArray<StakeholderGroup>,
  resolveItem: (itemId: string) => string | null = (id) => id,
  lastMergeAt: (itemId: string) => number = () => -Infinity,
): AgreementLists {
  const active = new Set(activeGroups(groups).map((g) => g.id));
  const items = new Set<string>();
  for (const s of stances) {
    const id = active.has(s.groupId) ? resolveItem(s.itemId) : null;
    if (id !== null) items.add(id);
  }
  const confirmedList = new Map<string, OutcomeList>();
  for (const o of [...outcomes].sort((a, b) => a.at - b.at || (a.itemId < b.itemId ? -1 : 1))) {
    const id = resolveItem(o.itemId);
    if (id !== null) {
      confirmedList.set(id, o.list);
      items.add(id);
    }
  }
  const lists: AgreementLists = { commonGround: [], potentialProject: [], notAgreed: [], disagreements: [], unconfirmed: [] };
  for (const itemId of [...items].sort()) {
    const byGroup = stancesFor(itemId, stances, groups, resolveItem, lastMergeAt);
    const standing = standingOf(byGroup);
    const confirmed = confirmedList.get(itemId) ?? null;
    const item: AgreementItem = { itemId, standing, byGroup, confirmed, contested: confirmed === 'commonGround' && standing !== 'commonGround' };
    if (confirmed) lists[confirmed].push(item);
    else lists.unconfirmed.push(item);
    if (standing === 'notAgreed' && confirmed !== 'notAgreed') lists.disagreements.push(item);
  }
  return lists;
}

/**
 * The lists of a whole board, the one derivation every output reads (the panel, the wall, the board
 * picture, the report and the CSV): items resolved through merges (`isNote` tells a note's id from a
 * cluster's), and each cluster's stances read against the time something was last merged into it, so
 * a group that agreed before a merge and has not looked since cannot hide a disagreement.
 */
export function boardAgreement(
  stances: ReadonlyArray<Stance>,
  outcomes: ReadonlyArray<Outcome>,
  groups: ReadonlyArray<StakeholderGroup>,
  isNote: (id: string) => boolean,
  clusters: ReadonlyMap<string, Pick<Cluster, 'id' | 'mergedInto' | 'mergedAt'>>,
): AgreementLists {
  const merged = lastMergeTimes(clusters);
  return agreementLists(
    stances,
    outcomes,
    groups,
    (id) => (isNote(id) ? id : resolveCluster(id, clusters)),
    (id) => merged.get(id) ?? -Infinity,
  );
}

/** Every item with stances or a confirmation, by id: its standing and the list it was confirmed into. */
export function itemsById(lists: AgreementLists): Map<string, AgreementItem> {
  const out = new Map<string, AgreementItem>();
  for (const item of [...lists.unconfirmed, ...lists.commonGround, ...lists.potentialProject, ...lists.notAgreed]) out.set(item.itemId, item);
  return out;
}

/**
 * Selector hooks that say which stakeholder group each coverage chip of a cluster and each vote dot
 * stands for: the group's colour and its short label (the same label as on its notes).
 *
 * Why: the chips and dots showed a group by colour only; two groups can share a colour and some
 * people do not see the difference, so the canvas draws the label too. The answer is a string per
 * item (a shape re-renders only when its own chips or dots change), computed once per change of the
 * notes, clusters, groups or vote, not once per cluster on every pan frame.
 */
import { activeGroups, coverageOf, resolveCluster } from '../../shared/index.ts';
import { groupMarkLabels } from '../../shared/analysis/groupMarks.ts';
import { memo } from './cocreationSelectors.ts';
import { clusterView, currentCount, currentVote, resultsVisible } from './derived.ts';
import { useStore, type StoreState } from './store.ts';

/** A group's mark as the canvas draws it: its colour and label ('' for no group). */
export interface GroupMarkRef {
  color: string;
  label: string;
}

/** The grey of a dot with no (active) group. */
export const NO_GROUP_COLOR = '#455a64';

/** Active groups' marks by id, once per change of the groups. */
const marksOf = memo((s: StoreState): Record<string, GroupMarkRef> => {
  const labels = groupMarkLabels(s.groups);
  return Object.fromEntries(activeGroups(s.groups).map((g) => [g.id, { color: g.color, label: labels[g.id] ?? '' }]));
}, (s) => [s.groups]);

// Colours are "#rrggbb" and labels hold no separators once these are escaped away.
const enc = (m: GroupMarkRef) => `${m.color}\u0001${m.label.replace(/[\u0001-\u0003]/g, '')}`;
const dec = (key: string): GroupMarkRef[] =>
  key ? key.split('\u0002').map((k) => { const [color = '', label = ''] = k.split('\u0001'); return { color, label }; }) : [];
const markOf = (s: StoreState, groupId: string | null) => (groupId ? marksOf(s)[groupId] : undefined) ?? { color: NO_GROUP_COLOR, label: '' };

/** Every live cluster's coverage as "present marks\u0003missing marks". */
const coverageKeys = memo((s: StoreState): Record<string, string> => {
  const view = clusterView(s);
  const out: Record<string, string> = {};
  for (const [id, ids] of view.members) {
    const cov = coverageOf(ids.map((n) => s.notes[n]!).filter(Boolean), s.groups);
    const list = (gs: string[]) => gs.map((g) => enc(markOf(s, g))).join('\u0002');
    out[id] = `${list(cov.present)}\u0003${list(cov.missing)}`;
  }
  return out;
}, (s) => [s.notes, s.clusters, s.groups]);

/** A cluster's coverage as group marks, in the legend's order: groups with notes in it, and without. */
export function useClusterCoverageMarks(id: string): { present: GroupMarkRef[]; missing: GroupMarkRef[] } {
  const key = useStore((s) => coverageKeys(s)[id] ?? '\u0003');
  const [present = '', missing = ''] = key.split('\u0003');
  return { present: dec(present), missing: dec(missing) };
}

/** The marks of the dots this person may see on each item in the current vote (all dots once the
 * results show, else only my own), in the same order as the dot colours. */
const dotKeys = memo((s: StoreState): Record<string, string> => {
  const vote = currentVote(s);
  const count = currentCount(s);
  const out: Record<string, string[]> = {};
  if (vote && count && resultsVisible(s, vote)) {
    for (const [itemId, split] of Object.entries(count.byGroup)) {
      out[itemId] = Object.entries(split).flatMap(([g, n]) => Array<string>(n).fill(enc(markOf(s, g || null))));
    }
  } else if (vote && count) {
    const { index } = clusterView(s);
    for (const d of s.dots) {
      if (d.voteId !== vote.id || d.voterId !== s.me.id || !count.counted.has(d.id)) continue;
      const item = d.itemId in s.notes ? d.itemId : resolveCluster(d.itemId, index);
      if (item !== null) (out[item] ??= []).push(enc(markOf(s, d.groupId)));
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join('\u0002')]));
}, (s) => [currentVote(s), currentCount(s), s.dots, s.me, s.groups, s.notes, s.clusters]);

/** The marks (colour and group label) of the dots this person may see on one item. */
export function useDotMarks(itemId: string): GroupMarkRef[] {
  return dec(useStore((s) => dotKeys(s)[itemId] ?? ''));
}

/**
 * Narrow selector hooks for the canvas shapes: a note's group colour and lens state, the dots on an
 * item, a cluster's outline and standing (its coverage and dots with group labels: groupMarkSelectors.ts).
 *
 * Why: like `selectors.ts`, each shape re-renders only when its own answer changes (shallow-compared),
 * although the answers are derived from the whole board.
 */
import { useShallow } from 'zustand/react/shallow';
import { clusterBounds, resolveCluster, type Note } from '../../shared/index.ts';
import { clusterView, currentCount, currentVote, resultsVisible, standingOfItem } from './derived.ts';
import { useStore, type StoreState } from './store.ts';

/** Active groups' colours by id, built once per change of the groups. */
const colorsOf = memo(
  (s: StoreState) => Object.fromEntries(s.groups.filter((g) => !g.archived).map((g) => [g.id, g.color])) as Record<string, string>,
  (s) => [s.groups],
);

/** The colour of an active group, or undefined. */
export function groupColor(s: StoreState, groupId: string | null): string | undefined {
  return groupId ? colorsOf(s)[groupId] : undefined;
}

/** How the perspective lens shows a note of this group. */
export function lensState(s: StoreState, groupId: string | null): 'normal' | 'dim' | 'hidden' {
  if (s.lens.groups.length === 0 || (groupId !== null && s.lens.groups.includes(groupId))) return 'normal';
  return s.lens.mode === 'filter' ? 'hidden' : 'dim';
}

/** How a note looks beyond its own record: its group's strip colour, its fill when notes are
 * coloured by group, the lens, and the dots on it. One selector (a string) per note, since every
 * note runs it on every store change, panning included. */
export function useNoteDecor(id: string, groupId: string | null): { strip?: string; groupFill?: string; lens: 'normal' | 'dim' | 'hidden'; dots: string[] } {
  const key = useStore((s) => {
    const strip = groupColor(s, groupId);
    const lens = lensState(s, groupId);
    const dots = visibleDotColors(s, id);
    // The common case (no group colour, no lens, no dots) allocates nothing, on every frame of a pan.
    if (!strip && lens === 'normal' && dots.length === 0) return PLAIN;
    return `${strip ?? ''}|${s.lens.colorByGroup ? (strip ?? '') : ''}|${lens}|${dots.join(',')}`;
  });
  const [strip, groupFill, lens, dots] = key.split('|') as [string, string, 'normal' | 'dim' | 'hidden', string];
  return { ...(strip ? { strip } : {}), ...(groupFill ? { groupFill } : {}), lens, dots: dots ? dots.split(',') : [] };
}

/** Colours of the dots this person may see on each item in the current vote (group colour or grey),
 * computed once per change of the vote, the dots or who I am, not once per note. */
const dotColorsByItem = memo((s: StoreState): Record<string, string[]> => {
  const vote = currentVote(s);
  const count = currentCount(s);
  const out: Record<string, string[]> = {};
  if (!vote || !count) return out;
  if (resultsVisible(s, vote)) {
    for (const [itemId, split] of Object.entries(count.byGroup)) {
      out[itemId] = Object.entries(split).flatMap(([g, n]) => Array<string>(n).fill(groupColor(s, g) ?? '#455a64'));
    }
    return out;
  }
  const { index } = clusterView(s);
  for (const d of s.dots) {
    if (d.voteId !== vote.id || d.voterId !== s.me.id || !count.counted.has(d.id)) continue;
    const item = d.itemId in s.notes ? d.itemId : resolveCluster(d.itemId, index);
    if (item !== null) (out[item] ??= []).push(groupColor(s, d.groupId) ?? '#455a64');
  }
  return out;
}, (s) => [currentVote(s), currentCount(s), s.dots, s.me, s.groups, s.notes, s.clusters]);

const NONE: string[] = [];
const PLAIN = '||normal|';

/** Colours of the dots this person may see on one item. */
export function visibleDotColors(s: StoreState, itemId: string): string[] {
  return dotColorsByItem(s)[itemId] ?? NONE;
}

type Box = { x: number; y: number; w: number; h: number };

/** Remembers the last result of `fn(s)` while the values `deps(s)` picks are the same objects. */
export function memo<R>(fn: (s: StoreState) => R, deps: (s: StoreState) => unknown[]): (s: StoreState) => R {
  let last: { keys: unknown[]; result: R } | null = null;
  let lastState: StoreState | null = null;
  return (s) => {
    // Thousands of notes ask in the same store state: one identity check answers all but the first.
    if (s === lastState && last) return last.result;
    lastState = s;
    const keys = deps(s);
    if (last && keys.every((k, i) => k === last!.keys[i])) return last.result;
    last = { keys, result: fn(s) };
    return last.result;
  };
}

/**
 * A cluster's outline as drawn now: during a drag of some of its members the outline follows the
 * members that stay (where a drop would leave them); when all of them move, it moves along.
 */
export function clusterOutline(s: StoreState, id: string): Box | null {
  const ids = clusterView(s).members.get(id);
  if (!ids) return null;
  const members = ids.map((n) => s.notes[n]).filter((n): n is Note => n !== undefined);
  const drag = s.drag;
  if (!drag) return clusterBounds(members);
  const moving = new Set(drag.ids);
  if (members.every((m) => moving.has(m.id))) return clusterBounds(members.map((m) => ({ ...m, x: m.x + drag.dx, y: m.y + drag.dy })));
  return clusterBounds(members.filter((m) => !moving.has(m.id)));
}

/** A cluster's outline as drawn now (see `clusterOutline`). */
export function useClusterOutline(id: string): Box | null {
  return useStore(useShallow((s) => clusterOutline(s, id)));
}

/** The derived standing of an item (for its badge), or 'open'. */
export function useStanding(itemId: string): 'commonGround' | 'notAgreed' | 'open' {
  return useStore((s) => standingOfItem(s, itemId)?.standing ?? 'open');
}

/**
 * The common-ground wall as this screen draws it: the cards of the three lists in the template's list
 * areas (shared/analysis/wall.ts), and the trends mind map's centre.
 *
 * Why: the wall is derived from `agreement(s)`, the very lists the common-ground panel shows, so the
 * board and the panel cannot disagree; the cards are laid out around the notes in the list areas and
 * in the order the items were confirmed, so a new confirmation adds a card without moving the others.
 */
import { isNoteInArea, listAreaIds, OUTCOME_LISTS, wallLayout, type Area, type OutcomeList, type WallCard } from '../../shared/index.ts';
import { memo } from './cocreationSelectors.ts';
import { agreement } from './derived.ts';
import type { StoreState } from './store.ts';

/** The three list areas (or null where one is gone). */
export function wallAreas(s: StoreState): Record<OutcomeList, Area | null> {
  const ids = listAreaIds(s.facilitation.agenda.areas, (id) => id in s.areas);
  const out = {} as Record<OutcomeList, Area | null>;
  for (const list of OUTCOME_LISTS) out[list] = ids[list] ? s.areas[ids[list]]! : null;
  return out;
}

/** Every card on the wall, with its place (recomputed only when the lists, areas or notes change). */
export const wallCards = memo(
  (s: StoreState): WallCard[] => {
    const areas = wallAreas(s);
    const placed = OUTCOME_LISTS.map((l) => areas[l]).filter((a): a is Area => a !== null);
    const obstacles = placed.length ? Object.values(s.notes).filter((n) => placed.some((a) => isNoteInArea(n, a))) : [];
    const confirmedAt = new Map(s.outcomes.map((o) => [o.itemId, o.at]));
    return wallLayout(agreement(s), areas, obstacles, (id) => confirmedAt.get(id) ?? 0);
  },
  (s) => [s.stances, s.outcomes, s.groups, s.notes, s.clusters, s.areas, s.facilitation.agenda],
);

/** The trends mind map's area (the first area of the "present" task), or null. */
export function mindMapArea(s: StoreState): Area | null {
  const id = s.facilitation.agenda.areas.present?.[0];
  return id ? (s.areas[id] ?? null) : null;
}

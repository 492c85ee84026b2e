/**
 * The common-ground wall as this screen draws it: the cards of the three lists in the template's list
 * areas (shared/analysis/wall.ts), and the trends mind map's centre.
 *
 * Why: the wall is derived from `agreement(s)`, the very lists the common-ground panel shows, so the
 * board and the panel cannot disagree. Cards go in the order the items were confirmed into a grid
 * fixed by each area's width, around the notes that were in the area before each card: a new
 * confirmation adds a card in the next cell, and a note arriving later moves no card (new notes and
 * gathered clusters are placed around the cards instead, drawnObstacles.ts).
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
    const obstacles = placed.length
      ? Object.values(s.notes).filter((n) => placed.some((a) => isNoteInArea(n, a))).map((n) => ({ x: n.x, y: n.y, w: n.w, h: n.h, at: n.createdAt }))
      : [];
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

/** Where the mind map's centre topic is drawn in `area` (the board's title in its middle). */
export function mindMapCentreBox(area: Area): { x: number; y: number; w: number; h: number } {
  const w = Math.min(900, area.w * 0.34);
  const h = Math.min(240, area.h * 0.2);
  return { x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h };
}

/**
 * What is drawn on the board besides notes and areas, which a note placed for someone must not cover:
 * the common-ground wall's cards, the trends mind map's centre topic and the clusters' outlines with
 * their name bars.
 *
 * Why: these are derived from the document, not stored as shapes, so nothing that places notes sees
 * them unless it asks; "+ Add note" and gathering a cluster ask here, the same list for both, so a
 * new note never lands on a wall card, the centre topic or a cluster's name.
 */
import { clusterBounds, type Note } from '../../shared/index.ts';
import { clusterView } from './derived.ts';
import type { StoreState } from './store.ts';
import { mindMapArea, mindMapCentreBox, wallCards } from './wallSelectors.ts';

type Box = { x: number; y: number; w: number; h: number };

/**
 * The boxes of the wall's cards, the mind map's centre topic and every cluster's outline (name bar
 * included); a cluster's outline is counted without the notes `leaving` (those being gathered
 * elsewhere), and not at all when none of its notes stay.
 */
export function drawnObstacles(s: StoreState, leaving: readonly string[] = []): Box[] {
  const out: Box[] = wallCards(s).map(({ x, y, w, h }) => ({ x, y, w, h }));
  const map = mindMapArea(s);
  if (map) out.push(mindMapCentreBox(map));
  const view = clusterView(s);
  const gone = new Set(leaving);
  for (const c of view.ids) {
    const stay = (view.members.get(c) ?? []).filter((n) => !gone.has(n)).map((n) => s.notes[n]).filter((n): n is Note => n !== undefined);
    const box = clusterBounds(stay);
    if (box) out.push(box);
  }
  return out;
}

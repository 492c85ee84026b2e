/**
 * Where the notes of a new cluster go: side by side in a small grid, in free space near the first
 * of them, covering no other note, no other cluster's outline, no wall card and not the mind map's
 * centre topic (drawnObstacles), and inside the area (a table) the first of them is at when they fit.
 * Used by accepting a suggestion and by "Make a cluster".
 *
 * Why: a cluster's outline is drawn around its notes; scattered notes would give one huge outline
 * over notes that are not in it, with its name hidden under them.
 */
import { clusterBounds, type Note } from '../../shared/index.ts';
import { drawnObstacles } from '../store/drawnObstacles.ts';
import type { StoreState } from '../store/store.ts';
import { gatherInGrid } from './suggestions.ts';

/** The moves that gather notes `ids` (in this order) into a grid in free space; their box and its centre too. */
export function gatherMoves(
  s: StoreState,
  ids: readonly string[],
): { moves: { id: string; x: number; y: number }[]; centre: { x: number; y: number } | null; box: { x: number; y: number; w: number; h: number } | null } {
  const members = ids.map((id) => s.notes[id]).filter((n): n is Note => n !== undefined);
  // Everything the gathered notes must not cover: other notes, and what is drawn besides them.
  const obstacles = [...Object.values(s.notes).filter((n) => !ids.includes(n.id)), ...drawnObstacles(s, ids)];
  // The table (or other area) the first note is at: the gathered notes stay in it when they fit.
  const first = members[0];
  const centre = first && { x: first.x + first.w / 2, y: first.y + first.h / 2 };
  const area = centre && Object.values(s.areas)
    .filter((a) => centre.x >= a.x && centre.x <= a.x + a.w && centre.y >= a.y && centre.y <= a.y + a.h)
    .sort((a, b) => a.w * a.h - b.w * b.h)[0];
  // Room inside it for the outline and, above the notes, the cluster's name bar below the area's title.
  const within = area && { x: area.x + 32, y: area.y + 110, w: area.w - 64, h: area.h - 142 };
  const moves = gatherInGrid(members, obstacles, 16, within);
  const box = clusterBounds(moves.map((m) => ({ ...s.notes[m.id]!, x: m.x, y: m.y })));
  return { moves, centre: box ? { x: box.x + box.w / 2, y: box.y + box.h / 2 } : null, box };
}

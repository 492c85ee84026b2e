/**
 * Where the notes of a new cluster go: side by side in a small grid, in free space near the first
 * of them, covering no other note and no other cluster's outline. Used by accepting a suggestion and
 * by "Make a cluster".
 *
 * Why: a cluster's outline is drawn around its notes; scattered notes would give one huge outline
 * over notes that are not in it, with its name hidden under them.
 */
import { clusterBounds, type Note } from '../../shared/index.ts';
import { clusterView } from '../store/derived.ts';
import type { StoreState } from '../store/store.ts';
import { gatherInGrid } from './suggestions.ts';

/** The moves that gather notes `ids` (in this order) into a grid in free space; their box and its centre too. */
export function gatherMoves(
  s: StoreState,
  ids: readonly string[],
): { moves: { id: string; x: number; y: number }[]; centre: { x: number; y: number } | null; box: { x: number; y: number; w: number; h: number } | null } {
  const members = ids.map((id) => s.notes[id]).filter((n): n is Note => n !== undefined);
  const view = clusterView(s);
  // Everything the gathered notes must not cover: other notes, and other clusters' outlines.
  const obstacles = [
    ...Object.values(s.notes).filter((n) => !ids.includes(n.id)),
    ...view.ids.map((c) => clusterBounds((view.members.get(c) ?? []).filter((n) => !ids.includes(n)).map((n) => s.notes[n]!))),
  ].filter((b): b is { x: number; y: number; w: number; h: number } => b !== null);
  const moves = gatherInGrid(members, obstacles);
  const box = clusterBounds(moves.map((m) => ({ ...s.notes[m.id]!, x: m.x, y: m.y })));
  return { moves, centre: box ? { x: box.x + box.w / 2, y: box.y + box.h / 2 } : null, box };
}

/**
 * Dragging a shape that carries notes along (an area by its name bar, a cluster by its label bar):
 * the carried notes move with it on the layer during the drag, the store's `drag` offset lets
 * connectors and outlines follow, and the drop reports the offset and the notes' new places.
 *
 * Why: one gesture for both shapes; the model is written once, on drop, by the caller (house style,
 * practice 6).
 */
import { useStore } from '../store/store.ts';
import type { Konva } from '../canvas/konva.ts';

export interface Carry {
  readonly ids: string[];
  readonly start: Map<string, { x: number; y: number }>;
  readonly origin: { x: number; y: number };
}

/** Starts carrying `ids` with the dragged `node`. */
export function beginCarry(node: Konva.Group, ids: string[]): Carry {
  const { notes } = useStore.getState();
  const present = ids.filter((n) => notes[n]);
  return { ids: present, start: new Map(present.map((n) => [n, { x: notes[n]!.x, y: notes[n]!.y }])), origin: { x: node.x(), y: node.y() } };
}

/** Moves the carried notes with the node (directly on the notes layer, no React render). */
export function moveCarry(carry: Carry, node: Konva.Group): void {
  const dx = node.x() - carry.origin.x;
  const dy = node.y() - carry.origin.y;
  const notesLayer = node.getStage()?.findOne('.notes-layer') as Konva.Layer | undefined;
  for (const n of carry.ids) {
    const s = carry.start.get(n)!;
    notesLayer?.findOne(`#${n}`)?.position({ x: s.x + dx, y: s.y + dy });
  }
  useStore.setState({ drag: { ids: carry.ids, dx, dy } });
}

/**
 * Ends the carry: the offset and the notes' new places, also put in the store at once with the drag
 * offset cleared (so nothing flashes back until the bridge publishes the written change).
 */
export function endCarry(carry: Carry, node: Konva.Group): { dx: number; dy: number; moves: { id: string; x: number; y: number }[] } {
  const dx = node.x() - carry.origin.x;
  const dy = node.y() - carry.origin.y;
  const moves = carry.ids.map((id) => ({ id, x: carry.start.get(id)!.x + dx, y: carry.start.get(id)!.y + dy }));
  useStore.setState((s) => {
    const notes = { ...s.notes };
    for (const m of moves) if (notes[m.id]) notes[m.id] = { ...notes[m.id]!, x: m.x, y: m.y };
    return { notes, drag: null };
  });
  return { dx, dy, moves };
}

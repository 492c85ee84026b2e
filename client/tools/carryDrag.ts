/**
 * Dragging a shape that carries notes along (an area by its name bar, a cluster by its label bar):
 * the carried notes move with it on the layer during the drag, the store's `drag` offset lets
 * connectors and outlines follow, and the drop hands the offset and the notes' new places to the
 * caller, which writes them to the board.
 *
 * Why: one gesture for both shapes. Konva nodes move during a drag; the model is written once, on
 * drop. The bridge puts that write in the store at once, so the drag ends in the same render that
 * shows the notes in their new places: nothing flashes back.
 */
import { endDrag, showDragOffset } from '../store/gestureState.ts';
import { useStore } from '../store/store.ts';
import type { Konva } from '../canvas/konva.ts';

/** A carry in progress: the carried notes, where they started, and where the dragged node started. */
export interface Carry {
  readonly ids: string[];
  readonly start: Map<string, { x: number; y: number }>;
  readonly origin: { x: number; y: number };
}

/** Where a carry was dropped: the offset from the start, and each carried note's new place. */
export interface CarryDrop {
  readonly dx: number;
  readonly dy: number;
  readonly moves: { id: string; x: number; y: number }[];
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
  showDragOffset(carry.ids, dx, dy);
}

/** Marks a node whose drag a second finger stopped: its drop is put back, never written. */
const CANCELLED = 'olifantDragCancelled';

/**
 * Stops `node`'s drag without a drop: a second finger made the gesture a pan or pinch, so the
 * first finger's small move on a note or area was never meant (it must not move it, nor put a note
 * in the cluster it now touches).
 */
export function cancelDrag(node: Konva.Node): void {
  node.setAttr(CANCELLED, true);
  node.stopDrag();
}

/** A second finger came down in the touch gesture under way. */
let severalFingers = false;

/** A press began with `fingers` touches down (0 for a mouse or a pen): two or more never drag a shape. */
export function pressBegan(fingers: number): void {
  severalFingers = fingers >= 2;
}

/**
 * Whether the drag of `node` that just ended was cancelled (and clears the mark), or belonged to a
 * gesture with a second finger: a busy page can start the drag on the pinch's last move, after the
 * pinch looked, so the drop itself checks too.
 */
export function dragWasCancelled(node: Konva.Node): boolean {
  const cancelled = node.getAttr(CANCELLED) === true;
  if (cancelled) node.setAttr(CANCELLED, false);
  return cancelled || severalFingers;
}

/**
 * Ends the carry: `write` puts the drop on the board, then the drag offset is cleared. When `write`
 * throws, or the drag was cancelled, the board kept the old places, so the shape and its notes are
 * put back there too.
 */
export function endCarry(carry: Carry, node: Konva.Group, write: (drop: CarryDrop) => void): void {
  if (dragWasCancelled(node)) {
    node.position(carry.origin);
    putNotesBack(node.getStage()?.findOne('.notes-layer') as Konva.Layer | undefined, carry.start);
    endDrag();
    return;
  }
  const dx = node.x() - carry.origin.x;
  const dy = node.y() - carry.origin.y;
  const moves = carry.ids.map((id) => ({ id, x: carry.start.get(id)!.x + dx, y: carry.start.get(id)!.y + dy }));
  try {
    write({ dx, dy, moves });
  } catch (err) {
    node.position(carry.origin);
    putNotesBack(node.getStage()?.findOne('.notes-layer') as Konva.Layer | undefined, carry.start);
    throw err;
  } finally {
    endDrag();
  }
}

/** Puts the notes drawn on `layer` back at their places before a drag (a drop the board refused). */
export function putNotesBack(layer: Konva.Layer | null | undefined, start: ReadonlyMap<string, { x: number; y: number }>): void {
  for (const [id, place] of start) layer?.findOne(`#${id}`)?.position(place);
}

/**
 * Dragging notes: the dragged note moves under the pointer, the rest of the selection follows, and
 * the model is written once, on drop, as one undo step.
 *
 * Why: Konva moves the dragged node itself; the other selected nodes are moved directly on the
 * layer (no React render per frame), and the store's `drag` offset lets connectors follow live. The
 * drop writes the model and ends the drag in one go: the bridge puts this device's change in the store
 * at once, so the moved notes and the cleared offset show in the same render.
 */
import { clusterIndex, membershipAfterDrop } from '../../shared/index.ts';
import type { BoardActions } from '../sync/actions.ts';
import { endDrag, showDragOffset } from '../store/gestureState.ts';
import { useStore } from '../store/store.ts';
import { isLockedForMe } from '../store/locks.ts';
import { select } from '../store/ui.ts';
import type { Konva } from '../canvas/konva.ts';
import { dragWasCancelled, putNotesBack } from './carryDrag.ts';

interface DragState {
  ids: string[];
  start: Map<string, { x: number; y: number }>;
  origin: { x: number; y: number };
  frame: number;
}

/**
 * Drags under way, by the dragged node's note id: two fingers can land on two notes and start a
 * drag on each (a pinch then stops both), and each must be put back where it began.
 */
const drags = new Map<string, DragState>();

/** Starts dragging `id` (selecting it first if it was not selected). */
export function beginNoteDrag(id: string, node: Konva.Group, actions: BoardActions): void {
  let { selection } = useStore.getState();
  if (!selection.includes(id)) {
    select([id]);
    selection = [id];
  }
  const { notes } = useStore.getState();
  const ids = selection.filter((x) => x in notes && !isLockedForMe(useStore.getState(), x));
  const start = new Map(ids.map((x) => [x, { x: notes[x]!.x, y: notes[x]!.y }]));
  drags.set(id, { ids, start, origin: { x: node.x(), y: node.y() }, frame: 0 });
  actions.setBusy(ids);
}

/** Moves the rest of the selection along with the dragged node. */
export function moveNoteDrag(node: Konva.Group): void {
  const drag = drags.get(node.id());
  if (!drag) return;
  const dx = node.x() - drag.origin.x;
  const dy = node.y() - drag.origin.y;
  const layer = node.getLayer();
  for (const id of drag.ids) {
    if (id === node.id()) continue;
    const other = layer?.findOne(`#${id}`);
    const s = drag.start.get(id);
    if (other && s) other.position({ x: s.x + dx, y: s.y + dy });
  }
  if (!drag.frame) {
    const d = drag;
    d.frame = requestAnimationFrame(() => {
      d.frame = 0;
      if (drags.get(node.id()) === d) showDragOffset(d.ids, node.x() - d.origin.x, node.y() - d.origin.y);
    });
  }
}

/** Commits the drop: every dragged note's new position in one mutation. */
export function endNoteDrag(node: Konva.Group, actions: BoardActions): void {
  const d = drags.get(node.id());
  if (!d) return;
  drags.delete(node.id());
  cancelAnimationFrame(d.frame);
  if (dragWasCancelled(node)) {
    // A second finger made it a pan or pinch: nothing moves, nothing is written.
    node.position(d.origin);
    putNotesBack(node.getLayer(), d.start);
    endDrag();
    actions.setBusy([]);
    return;
  }
  const dx = node.x() - d.origin.x;
  const dy = node.y() - d.origin.y;
  const moves = d.ids.map((id) => ({ id, x: d.start.get(id)!.x + dx, y: d.start.get(id)!.y + dy }));
  try {
    if (dx !== 0 || dy !== 0) {
      // Dropping notes into a cluster's outline puts them in it; out of their own, takes them out.
      const s = useStore.getState();
      const dropped = moves.map((m) => ({ ...s.notes[m.id]!, x: m.x, y: m.y })).filter((n) => n.id);
      const changes = membershipAfterDrop(dropped, Object.values(s.notes), clusterIndex(Object.values(s.clusters)));
      actions.moveNotesIntoClusters(moves, changes);
    }
  } catch (err) {
    putNotesBack(node.getLayer(), d.start);
    throw err;
  } finally {
    endDrag();
  }
  actions.setBusy([]);
}

/**
 * Gestures on the board itself: wheel zoom, two-finger pinch and pan, Shift+drag rectangle selection,
 * and the pointer position for presence.
 *
 * Why: small state machines that only call UI-state functions and actions, so the Stage component
 * stays a thin list of event bindings.
 */
import type { KonvaEventObject } from 'konva/lib/Node';
import type { Stage as KonvaStage } from 'konva/lib/Stage';
import type { BoardActions } from '../sync/actions.ts';
import { lensState } from '../store/cocreationSelectors.ts';
import { useStore } from '../store/store.ts';
import { panBy, select, toBoard, zoomBy } from '../store/ui.ts';
import { intersects, type Rect } from '../canvas/geometry.ts';
import { cancelDrag } from './carryDrag.ts';

/**
 * Wheel: vertical scrolling zooms around the pointer, in proportion to how far it scrolled (a mouse
 * notch about 14 %, a trackpad glide smoothly); Ctrl+wheel (a trackpad pinch) zooms faster; a mostly
 * sideways scroll pans.
 */
export function onWheel(e: KonvaEventObject<WheelEvent>): void {
  e.evt.preventDefault();
  const stage = e.target.getStage();
  const p = stage?.getPointerPosition();
  if (!p) return;
  const unit = e.evt.deltaMode === 1 ? 33 : e.evt.deltaMode === 2 ? 400 : 1;
  const dx = e.evt.deltaX * unit;
  const dy = e.evt.deltaY * unit;
  if (!e.evt.ctrlKey && Math.abs(dx) > Math.abs(dy)) {
    panBy(-dx, 0);
    return;
  }
  if (dy === 0) return;
  const k = e.evt.ctrlKey ? 0.01 : 0.0015;
  zoomBy(Math.exp(-Math.max(-300, Math.min(300, dy)) * k), p);
}

let pinch: { dist: number; center: { x: number; y: number } } | null = null;

function touchPoints(stage: KonvaStage, e: TouchEvent) {
  const box = stage.container().getBoundingClientRect();
  return [e.touches[0]!, e.touches[1]!].map((t) => ({ x: t.clientX - box.left, y: t.clientY - box.top }));
}

/** Two fingers: pinch zooms around their centre, moving them together pans. Returns true if handled. */
export function onPinchMove(e: KonvaEventObject<TouchEvent>): boolean {
  const stage = e.target.getStage();
  if (!stage || e.evt.touches.length !== 2) return false;
  e.evt.preventDefault();
  if (stage.isDragging()) stage.stopDrag();
  for (const node of stage.find('.note, .area, .cluster')) if (node.isDragging()) cancelDrag(node);
  const [a, b] = touchPoints(stage, e.evt) as [{ x: number; y: number }, { x: number; y: number }];
  const center = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const dist = Math.hypot(a.x - b.x, a.y - b.y);
  if (pinch) {
    panBy(center.x - pinch.center.x, center.y - pinch.center.y);
    if (pinch.dist > 0) zoomBy(dist / pinch.dist, center);
  }
  pinch = { dist, center };
  return true;
}

/** Ends a pinch when fewer than two fingers remain. */
export function onPinchEnd(e: KonvaEventObject<TouchEvent>): void {
  if (e.evt.touches.length < 2) pinch = null;
}

/** Rectangle selection in progress (screen coordinates), or null. */
let marquee: { start: { x: number; y: number }; node: import('konva/lib/shapes/Rect').Rect } | null = null;

/** Shift+press on empty board starts a selection rectangle. Returns true if it started. */
export function beginMarquee(stage: KonvaStage, rectNode: import('konva/lib/shapes/Rect').Rect | null): boolean {
  const p = stage.getPointerPosition();
  if (!p || !rectNode) return false;
  stage.draggable(false);
  marquee = { start: p, node: rectNode };
  // Released outside the canvas (over the toolbar, outside the window): still ends the rectangle.
  window.addEventListener('pointerup', () => endMarquee(stage), { once: true });
  rectNode.setAttrs({ visible: true, width: 0, height: 0, ...toBoard(useStore.getState().viewport, p) });
  return true;
}

/** Stretches the rectangle to the pointer. */
export function moveMarquee(stage: KonvaStage): void {
  const p = stage.getPointerPosition();
  if (!marquee || !p) return;
  const v = useStore.getState().viewport;
  const a = toBoard(v, marquee.start);
  const b = toBoard(v, p);
  marquee.node.setAttrs({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) });
  marquee.node.getLayer()?.batchDraw();
}

/** Selects every note the rectangle touches (added to the selection). */
export function endMarquee(stage: KonvaStage): void {
  if (!marquee) return;
  const r: Rect = { x: marquee.node.x(), y: marquee.node.y(), w: marquee.node.width(), h: marquee.node.height() };
  marquee.node.visible(false);
  marquee.node.getLayer()?.batchDraw();
  marquee = null;
  stage.draggable(true);
  const s = useStore.getState();
  // Notes the lens hides cannot be picked (nor then moved or deleted unseen).
  const hit = s.noteIds.filter((id) => intersects(s.notes[id]!, r) && lensState(s, s.notes[id]!.groupId) !== 'hidden');
  select([...new Set([...s.selection, ...hit])]);
}

/** Whether a rectangle selection is in progress. */
export function isMarqueeActive(): boolean {
  return marquee !== null;
}

/** Sends my pointer position (board units) to others. */
export function trackCursor(stage: KonvaStage, actions: BoardActions): void {
  const p = stage.getPointerPosition();
  if (p) actions.setCursor(toBoard(useStore.getState().viewport, p));
}

/**
 * Small geometry for the canvas: visible-rectangle culling and arrow end points on note borders.
 *
 * Why: culling decides what is drawn at all; arrows must start and end at note edges, not centres.
 */
import type { Note } from '../../shared/index.ts';
import type { Viewport } from '../store/store.ts';

/** A rectangle in board units. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The board rectangle on screen, grown by `margin` screen pixels on each side. */
export function visibleRect(v: Viewport, screen: { w: number; h: number }, margin = 200): Rect {
  return {
    x: (-v.x - margin) / v.scale,
    y: (-v.y - margin) / v.scale,
    w: (screen.w + margin * 2) / v.scale,
    h: (screen.h + margin * 2) / v.scale,
  };
}

/** Whether two rectangles overlap. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Where the line from the centre of `r` towards point `p` leaves `r`. */
export function borderPoint(r: Rect, p: { x: number; y: number }): { x: number; y: number } {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const dx = p.x - cx;
  const dy = p.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : r.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : r.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

/** The arrow points from note `a` to note `b`, each shifted by its drag offset. */
export function arrowPoints(a: Note, b: Note, offA = { dx: 0, dy: 0 }, offB = { dx: 0, dy: 0 }): number[] {
  const ra = { x: a.x + offA.dx, y: a.y + offA.dy, w: a.w, h: a.h };
  const rb = { x: b.x + offB.dx, y: b.y + offB.dy, w: b.w, h: b.h };
  const start = borderPoint(ra, { x: rb.x + rb.w / 2, y: rb.y + rb.h / 2 });
  const end = borderPoint(rb, { x: ra.x + ra.w / 2, y: ra.y + ra.h / 2 });
  return [start.x, start.y, end.x, end.y];
}

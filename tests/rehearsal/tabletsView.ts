/**
 * Bringing an area into view on a rehearsal tablet with two fingers: pan it to the middle of the
 * canvas and pinch it to a size a person writes at, in as many strokes as the screen allows.
 *
 * Why: a table's area may be off screen (the view framed another task, a summon moved it, a reload
 * fitted the board); a person pans and pinches, so the tablet does too, through the app's own
 * gesture handling, never by setting the view from outside.
 */
import type { Page } from 'playwright-core';
import { areaOnScreen, onCanvas, toPage, twoFingers, type AreaOnScreen, type Point } from './tabletsPage.ts';

/** The zoom at which area `v` fills most of the canvas (never above what a note is written at). */
function goalScale(v: AreaOnScreen): number {
  return Math.min((v.box.width * 0.85) / v.area.w, (v.box.height * 0.7) / v.area.h, 1.5);
}

/** Whether the whole area is on the canvas at a size a person can write in. */
function framed(v: AreaOnScreen): boolean {
  const tl = toPage(v, { x: v.area.x, y: v.area.y });
  const br = toPage(v, { x: v.area.x + v.area.w, y: v.area.y + v.area.h });
  const inside = tl.x >= v.box.left - 1 && tl.y >= v.box.top - 1 && br.x <= v.box.left + v.box.width + 1 && br.y <= v.box.top + v.box.height + 1;
  return inside && v.scale >= goalScale(v) * 0.6;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * Shows area `areaId` whole on the canvas at a writing size, with two-finger strokes (each moves the
 * board point under the fingers along with them and scales by how far they spread).
 */
export async function showArea(page: Page, areaId: string, known?: AreaOnScreen['area']): Promise<void> {
  let last: AreaOnScreen | null = null;
  for (let stroke = 0; stroke < 10; stroke++) {
    const v = await areaOnScreen(page, areaId, known);
    last = v;
    if (!v.found) throw new Error(`area ${areaId} is not on this tablet's board`);
    if (framed(v) && (await areaOnScreen(page, areaId)).found) return;
    // Fingers stay well inside the canvas, clear of the bars along its edges.
    const inner = { l: v.box.left + 110, r: v.box.left + v.box.width - 110, t: v.box.top + 150, b: v.box.top + v.box.height - 150 };
    const room = inner.r - inner.l;
    const middle = { x: (inner.l + inner.r) / 2, y: (inner.t + inner.b) / 2 };
    const target = toPage(v, { x: v.area.x + v.area.w / 2, y: v.area.y + v.area.h / 2 });
    const k = clamp(goalScale(v) / v.scale, 1 / 3, 3);
    const d0 = clamp(Math.min(room - 20, (room - 20) / k), 60, 260);
    const d1 = d0 * k;
    const from = await fingerStart(page, { x: clamp(target.x, inner.l + d0 / 2, inner.r - d0 / 2), y: clamp(target.y, inner.t, inner.b) }, d0, inner);
    // The board point under `from` ends under `to`; the area's middle then sits at to + k * (target - from).
    const to = {
      x: clamp(middle.x - k * (target.x - from.x), inner.l + d1 / 2, inner.r - d1 / 2),
      y: clamp(middle.y - k * (target.y - from.y), inner.t, inner.b),
    };
    await twoFingers(page, from, to, d0, d1);
  }
  throw new Error(`could not bring area ${areaId} into view with two fingers; last view: ${JSON.stringify(last)}`);
}

/** A centre for two fingers `d` apart near `want` where both land on the canvas itself. */
async function fingerStart(page: Page, want: Point, d: number, inner: { t: number; b: number }): Promise<Point> {
  for (const dy of [0, -80, 80, -160, 160, -240, 240]) {
    const c = { x: want.x, y: clamp(want.y + dy, inner.t, inner.b) };
    if ((await onCanvas(page, { x: c.x - d / 2, y: c.y })) && (await onCanvas(page, { x: c.x + d / 2, y: c.y }))) return c;
  }
  return want;
}

/**
 * E2E checks that a device shows a task: the union of the task's areas drawn whole on the canvas and
 * filling most of it one way, read from Konva's stage like a person reads the screen.
 *
 * Why: "the room goes to the task" is judged the same way wherever a test summons, reloads or walks
 * the agenda: every device frames the task for its own size, nobody moves a view by hand.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { readFacilitation } from '../../shared/index.ts';
import type { TestClient } from '../helpers/clients.ts';
import { nextFrame } from './boardPage.ts';

/** Where the union of areas `ids` is drawn: whole on the canvas, and what share of it it fills. */
export async function framing(page: Page, ids: readonly string[]): Promise<{ found: number; whole: boolean; fill: number }> {
  await nextFrame(page);
  return page.evaluate((ids) => {
    const st = (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0];
    const rects = st.find('.area').filter((n: any) => ids.includes(n.id())).map((n: any) => n.getClientRect({ skipShadow: true }));
    if (rects.length === 0) return { found: 0, whole: false, fill: 0 };
    const x = Math.min(...rects.map((r: any) => r.x));
    const y = Math.min(...rects.map((r: any) => r.y));
    const w = Math.max(...rects.map((r: any) => r.x + r.width)) - x;
    const h = Math.max(...rects.map((r: any) => r.y + r.height)) - y;
    const whole = x >= -1 && y >= -1 && x + w <= st.width() + 1 && y + h <= st.height() + 1;
    return { found: rects.length, whole, fill: Math.max(w / st.width(), h / st.height()) };
  }, ids);
}

/** Waits until `page` shows task `step`'s areas whole, filling most of the canvas one way. */
export async function expectFramed(page: Page, room: TestClient, step: string): Promise<void> {
  const ids = readFacilitation(room.doc).agenda.areas[step] ?? [];
  expect(ids.length).toBeGreaterThan(0);
  await expect
    .poll(async () => {
      const f = await framing(page, ids);
      return f.found === ids.length && f.whole && f.fill > 0.8 ? 'framed' : JSON.stringify(f);
    }, { timeout: 10_000 })
    .toBe('framed');
}

/**
 * Layout checks for e2e tests: where an element is on the screen, whether two overlap, whether a tap
 * reaches it, and whether the page scrolls sideways.
 *
 * Why: "nothing is cut off or covered" is checked the same way at every screen size, by the boxes a
 * person sees and the element a tap at its centre would hit.
 */
import type { Locator, Page } from 'playwright-core';

export type Box = { x: number; y: number; width: number; height: number };

/** The on-screen box of `locator` (it must be visible). */
export async function boxOf(locator: Locator): Promise<Box> {
  await locator.waitFor();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} has no box`);
  return box;
}

/** Whether `b` lies wholly inside a `size` viewport (half a pixel of rounding allowed). */
export function onScreen(b: Box, size: { width: number; height: number }): boolean {
  return b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= size.width + 0.5 && b.y + b.height <= size.height + 0.5;
}

export function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether `locator` is what a tap at its centre reaches (nothing covers it). */
export const reachable = (locator: Locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return el.contains(hit);
  });

/** How far the page can scroll sideways, in CSS px (0: it fits). */
export const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) as Promise<number>;

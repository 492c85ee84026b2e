/**
 * Page helpers for the board that any program may use (e2e tests and the rehearsal's tablets): open a
 * page, join as a person, read what the canvas shows, and touch it.
 *
 * Why: notes live on a Konva canvas, not in the DOM. These read the drawn nodes through Konva's own
 * registry (`window.Konva.stages`), the way a person reads the screen, and drive real input: mouse,
 * keyboard, and touch through Chromium's input pipeline (CDP `Input.dispatchTouchEvent`). They import
 * nothing from vitest, so the rehearsal (a program, not a test) drives its tablets with the same hands.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export interface DrawnNote {
  id: string;
  text: string;
  /** Board coordinates. */
  x: number;
  y: number;
  /** Centre on the page, in CSS pixels. */
  cx: number;
  cy: number;
}

/** A page in a fresh browser context (own storage); page errors are collected into `errors`. */
export async function openPage(browser: Browser, errors: string[], options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 750 }, ...options });
  context.setDefaultTimeout(30_000);
  // Code run through tsx (the rehearsal) hands page.evaluate functions that call esbuild's `__name`.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((target) => target);');
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  // The app's Content-Security-Policy must never block the app itself.
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) errors.push(msg.text());
  });
  return page;
}

/** Opens a board link, joins under `name` and waits until the board is connected. */
export async function joinBoard(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join the board' }).click();
  await page.locator('.status-connected').waitFor();
}

/**
 * Resolves once the page has drawn a frame after everything already scheduled. Konva draws (and
 * updates the hit regions clicks are matched against) on the next animation frame; a node's new
 * position is not where a click lands until then. A person clicks what they see, so readers wait.
 */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

/** The notes drawn on the canvas now (read after the next frame, so a click lands where they are). */
export async function drawnNotes(page: Page): Promise<DrawnNote[]> {
  await nextFrame(page);
  return page.evaluate(() => {
    const K = (window as unknown as { Konva: { stages: any[] } }).Konva;
    const stage = K?.stages[0];
    if (!stage) return [];
    const box = stage.container().getBoundingClientRect();
    return stage.find('.note').map((g: any) => {
      const r = g.getClientRect();
      return {
        id: g.id(),
        text: g.findOne('Text')?.text() ?? '',
        x: Math.round(g.x()),
        y: Math.round(g.y()),
        cx: box.left + r.x + r.width / 2,
        cy: box.top + r.y + r.height / 2,
      };
    });
  });
}

/** Waits until `check` holds for the drawn notes; returns them. */
export async function waitForNotes(page: Page, check: (notes: DrawnNote[]) => boolean, what: string, timeoutMs = 15_000): Promise<DrawnNote[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const notes = await drawnNotes(page);
    if (check(notes)) return notes;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; drawn: ${JSON.stringify(notes)}`);
    await page.waitForTimeout(50);
  }
}

/** A finger on the touch screen: press, move in steps, lift (real touch events through CDP). */
export async function fingerDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const point = (x: number, y: number) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from.x, from.y) });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x, y) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Two quick taps at one point (a double-tap); `between` runs after the first (what happens meanwhile). */
export async function doubleTap(page: Page, x: number, y: number, between?: () => Promise<void>): Promise<void> {
  await page.touchscreen.tap(x, y);
  if (between) await between();
  else await page.waitForTimeout(80);
  await page.touchscreen.tap(x, y);
}

/** The note editor while it is open over a note (the textarea stays in the page, hidden, otherwise). */
export function openEditor(page: Page) {
  return page.locator('textarea.note-editor:not(.note-editor-idle)');
}

/** A point on the board, away from every drawn note and from the toolbars, for a double-click. */
export async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  const notes = await drawnNotes(page);
  const viewport = page.viewportSize() ?? { width: 1100, height: 750 };
  for (let y = 180; y < viewport.height - 220; y += 60) {
    for (let x = 280; x < viewport.width - 160; x += 60) {
      if (notes.every((n) => Math.abs(n.cx - x) > 180 || Math.abs(n.cy - y) > 180)) return { x, y };
    }
  }
  throw new Error('no empty spot on screen');
}

/** Waits until the page's service worker controls it, so a reload works without the server. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  const controlled = () => !!navigator.serviceWorker?.controller;
  await page.waitForFunction(controlled, undefined, { timeout: 20_000 }).catch(async () => {
    // The first load installs the worker; it controls the page from the next load on.
    await page.reload();
    await page.locator('.status-connected').waitFor();
    await page.waitForFunction(controlled, undefined, { timeout: 20_000 });
  });
}

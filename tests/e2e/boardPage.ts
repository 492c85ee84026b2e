/**
 * E2E page helpers for the board: join as a person, read what the canvas shows, and touch it.
 *
 * Why: notes live on a Konva canvas, not in the DOM. Tests read the drawn nodes through Konva's own
 * registry (`window.Konva.stages`), the way a person reads the screen, and drive real input: mouse,
 * keyboard, and touch through Chromium's input pipeline (CDP `Input.dispatchTouchEvent`).
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { BUILT_CLIENT_DIR, launchBrowser } from '../helpers/browser.ts';
import { freePort, startTestServer, tempDir } from '../helpers/server.ts';

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

/** The page-coordinate rectangle of the first area's title bar, and the area's board position. */
export async function areaHandle(page: Page): Promise<{ x: number; y: number; cx: number; cy: number }> {
  await nextFrame(page);
  return page.evaluate(() => {
    const K = (window as unknown as { Konva: { stages: any[] } }).Konva;
    const stage = K.stages[0];
    const box = stage.container().getBoundingClientRect();
    const area = stage.findOne('.area');
    const r = area.getClientRect();
    return { x: Math.round(area.x()), y: Math.round(area.y()), cx: box.left + r.x + r.width / 2, cy: box.top + r.y + 20 * stage.scaleY() };
  });
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

/**
 * Registers the hooks of an e2e file: a real server serving the built client on a temporary data
 * dir, and one Chromium. Read `env.server` and `env.browser` inside tests.
 */
export function useE2eEnvironment(prefix: string): { readonly server: RunningServer; readonly browser: Browser } {
  const dir = tempDir(prefix);
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startTestServer(dir.path, { clientDir: BUILT_CLIENT_DIR });
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
    dir.cleanup();
  });
  return env;
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

/**
 * Registers the hooks of an e2e file whose server goes down and comes back: one Chromium, and a real
 * server on a port of its own that `start()` (re)opens and `stop()` closes, on one data dir.
 */
export function useRestartableE2e(prefix: string) {
  const dir = tempDir(prefix);
  let port = 0;
  const env = {
    dataDir: dir.path,
    browser: undefined as unknown as Browser,
    server: undefined as RunningServer | undefined,
    /** Starts (or restarts) the server on the same port as before. */
    async start(): Promise<RunningServer> {
      port ||= await freePort();
      env.server = await startTestServer(dir.path, { clientDir: BUILT_CLIENT_DIR, port });
      return env.server;
    },
    /** Stops the server, as a venue network outage would look to the tablets. */
    async stop(): Promise<void> {
      await env.server?.close();
      env.server = undefined;
    },
  };
  beforeAll(async () => {
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.stop();
    dir.cleanup();
  });
  return env;
}

/** Adds a note with the toolbar button (at the centre of the view) and types its text. */
export async function addNoteWithButton(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Add note' }).click();
  await openEditor(page).waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await openEditor(page).waitFor({ state: 'detached' });
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

/** As the facilitator on `page`: adds the stakeholder groups `names` in the groups panel. */
export async function addGroups(page: Page, names: readonly string[]): Promise<void> {
  await page.getByRole('button', { name: 'Stakeholder groups' }).click();
  for (const name of names) {
    await page.getByLabel('Group name').fill(name);
    await page.getByRole('button', { name: 'Add group' }).click();
  }
}

/** As the facilitator on `page`: lays out the Future Search template from the facilitator's panel. */
export async function layOutFutureSearch(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Facilitator', exact: true }).click();
  await page.getByRole('button', { name: 'Lay out the board' }).click();
}

/** The board point at the centre of the page's view, and the scale. */
export async function viewCentre(page: Page): Promise<{ x: number; y: number; scale: number }> {
  await nextFrame(page);
  return page.evaluate(`(() => {
    const stage = window.Konva.stages[0];
    const s = stage.scaleX();
    return { x: (stage.width() / 2 - stage.x()) / s, y: (stage.height() / 2 - stage.y()) / s, scale: s };
  })()`) as Promise<{ x: number; y: number; scale: number }>;
}

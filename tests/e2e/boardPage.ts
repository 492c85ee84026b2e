/**
 * E2E page helpers for the board: join as a person, read what the canvas shows, and touch it.
 *
 * Why: notes live on a Konva canvas, not in the DOM. Tests read the drawn nodes through Konva's own
 * registry (`window.Konva.stages`), the way a person reads the screen, and drive real input: mouse,
 * keyboard, and touch through Chromium's input pipeline (CDP `Input.dispatchTouchEvent`). The hands
 * that need no vitest live in ../helpers/pageActions.ts (the rehearsal's tablets use them too).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { BUILT_CLIENT_DIR, launchBrowser } from '../helpers/browser.ts';
import { nextFrame, openEditor } from '../helpers/pageActions.ts';
import { freePort, startTestServer, tempDir } from '../helpers/server.ts';

export {
  doubleTap,
  drawnNotes,
  emptySpot,
  fingerDrag,
  joinBoard,
  nextFrame,
  openEditor,
  openPage,
  waitForNotes,
  waitForServiceWorker,
  type DrawnNote,
} from '../helpers/pageActions.ts';

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

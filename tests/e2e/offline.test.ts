/**
 * E2E: offline tablets. Two people keep working while the server is down, one reloads the page while
 * still offline, and when the server returns both converge with every edit present exactly once.
 *
 * Why: venue Wi-Fi drops; a table must never lose a note or be told to wait. The page comes back from
 * the service worker's cache and the board from IndexedDB; Yjs merges on reconnect.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser.ts';
import { createBoard } from '../helpers/server.ts';
import { drawnNotes, emptySpot, joinBoard, openEditor, openPage, useRestartableE2e, waitForNotes, waitForServiceWorker } from './boardPage.ts';

const env = useRestartableE2e('olifant-e2e-offline-');
const errors: string[] = [];

/** Double-clicks an empty spot (the view may have been fitted to the board on a reload) and types. */
async function typeNote(page: Page, text: string): Promise<void> {
  const { x, y } = await emptySpot(page);
  await page.mouse.dblclick(x, y);
  const editor = openEditor(page);
  await editor.waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
}

const texts = (notes: { text: string }[]) => notes.map((n) => n.text).sort();

describe('offline tablets (headless Chromium)', () => {
  it('edits made while the server is down, and a reload while still offline, merge exactly once', async () => {
    const server = await env.start();
    const board = await createBoard(server.localUrl, 'Offline e2e');
    const a = await openPage(env.browser, errors);
    const b = await openPage(env.browser, errors);
    await joinBoard(a, board.links.participant, 'Tafel 1');
    await joinBoard(b, board.links.participant, 'Tafel 2');
    await typeNote(a, 'Before the outage');
    await waitForNotes(b, (n) => n.length === 1, 'B to see the first note');
    await waitForServiceWorker(a);
    await waitForServiceWorker(b);

    await env.stop();
    await a.locator('.status-offline').waitFor();
    await b.locator('.status-offline').waitFor();

    // Both keep working: create, edit, move, delete.
    await typeNote(a, 'A offline one');
    await typeNote(a, 'A offline two');
    await typeNote(b, 'B offline');
    const [first] = (await drawnNotes(b)).filter((n) => n.text === 'Before the outage');
    await b.mouse.click(first!.cx, first!.cy);
    await b.keyboard.press('Delete');
    await waitForNotes(b, (n) => !n.some((x) => x.text === 'Before the outage'), 'B to delete the first note');
    await expect(a.locator('.pending').textContent()).resolves.toMatch(/2 changed here, not yet on the server/);
    await a.screenshot({ path: artifactPath('offline-1-a-offline.png') });

    // A reloads while still offline: the page comes from the service worker, the board from IndexedDB.
    await a.reload();
    await waitForNotes(a, (n) => texts(n).includes('A offline one') && texts(n).includes('A offline two'), 'A to show its offline notes after the reload');
    await a.locator('.status-offline').waitFor();
    await a.screenshot({ path: artifactPath('offline-2-a-reloaded-offline.png') });
    await typeNote(a, 'A after reload');

    await env.start();
    const expected = ['A after reload', 'A offline one', 'A offline two', 'B offline'];
    const settled = (n: { text: string }[]) => JSON.stringify(texts(n)) === JSON.stringify(expected);
    const onA = await waitForNotes(a, settled, 'A to converge', 30_000);
    const onB = await waitForNotes(b, settled, 'B to converge', 30_000);
    expect(onA.map((n) => n.id).sort()).toEqual(onB.map((n) => n.id).sort());
    await a.locator('.status-connected').waitFor();
    expect(await a.locator('.pending').count()).toBe(0);
    // A says what merged: its three offline notes (what B did counts too when B was back first).
    const toast = a.getByRole('status').filter({ hasText: 'Back online' });
    await toast.waitFor();
    expect(await toast.textContent()).toMatch(/Back online: 3 changed on this device, \d+ changed by others/);
    await a.screenshot({ path: artifactPath('offline-3-a-merged.png') });
    await b.screenshot({ path: artifactPath('offline-3-b-converged.png') });
    expect(errors).toEqual([]);
  });

  it('the badge says offline as soon as the browser does, and connected again when it is back', async () => {
    const server = env.server ?? (await env.start());
    const board = await createBoard(server.localUrl, 'Browser offline');
    const page = await openPage(env.browser, errors);
    await joinBoard(page, board.links.participant, 'Tafel 3');
    await page.context().setOffline(true);
    await page.locator('.status-offline').waitFor({ timeout: 3000 });
    await page.screenshot({ path: artifactPath('offline-4-browser-offline.png') });
    await page.context().setOffline(false);
    await page.locator('.status-connected').waitFor();
    await page.context().close();
    expect(errors).toEqual([]);
  });
});

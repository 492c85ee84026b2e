/**
 * E2E: a device whose unsent changes the server refuses. The facilitator's laptop works offline
 * (a new stakeholder group, which only the facilitator may make, and a note), then the same tab
 * opens the board's participant link. Sent as a participant's, that copy is refused (4403); the page
 * says so and offers to send it under the facilitator link this device has, or to start again from
 * the server's board, adding back the note the board never got.
 *
 * Why: a refused change used to look like a dead link, and the device tried to send the same change
 * again at every visit, so nothing of its could reach the board. Nothing a person wrote may be lost,
 * and nothing refused may slip in.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listGroups, listNotes } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitSynced, type TestClient } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { addNoteWithButton, joinBoard, openPage, useRestartableE2e, waitForNotes, waitForServiceWorker } from './boardPage.ts';

const env = useRestartableE2e('olifant-e2e-refused-');
const errors: string[] = [];
const texts = (probe: TestClient) => listNotes(probe.doc).map((n) => n.text).sort();

/**
 * The facilitator's tab works offline, then opens the participant link; the server comes back and
 * refuses. Returns the page showing the dialog, the links, and a probe of the server's board.
 */
async function refusedCopy(title: string, withProjector = false) {
  const board = await createBoard((env.server ?? (await env.start())).localUrl, title);
  const page = await openPage(env.browser, errors);
  await joinBoard(page, board.links.facilitator, 'Fien');
  await addNoteWithButton(page, 'Sent before');
  await waitForServiceWorker(page);
  // A projector window in the same browser: same storage, and the tabs' channel between them.
  const projector = withProjector ? await page.context().newPage() : null;
  if (projector) {
    projector.on('pageerror', (err) => errors.push(err.message));
    await projector.goto(board.links.projector);
    await projector.locator('.status-connected').waitFor();
  }
  const probe = connectClient(env.server!.localUrl, board.id, tokenOf(board.links.facilitator));
  await waitSynced(probe);
  await expect.poll(() => texts(probe)).toEqual(['Sent before']);
  probe.destroy();

  await env.stop();
  await page.locator('.status-offline').waitFor();
  await page.getByRole('button', { name: 'Stakeholder groups' }).click();
  await page.getByLabel('Group name').fill('Citizens');
  await page.getByRole('button', { name: 'Add group' }).click();
  await page.keyboard.press('Escape');
  await addNoteWithButton(page, 'Written offline');
  await projector?.getByText('Citizens').waitFor();

  // The same tab opens the participant link (it differs only after '#'; the page loads it afresh,
  // from the service worker).
  await page.goto(board.links.participant);
  await page.getByRole('button', { name: 'Raise hand' }).waitFor();
  await waitForNotes(page, (n) => n.length === 2, 'the local copy as a participant');
  await env.start();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor({ timeout: 30_000 });
  expect(await dialog.textContent()).toContain('only the facilitator may change that');
  // Nothing merged, so no "back online" summary either.
  await new Promise((r) => setTimeout(r, 300));
  expect(await page.getByText('Back online').count()).toBe(0);
  const server = connectClient(env.server!.localUrl, board.id, tokenOf(board.links.facilitator));
  await waitSynced(server);
  expect(texts(server)).toEqual(['Sent before']);
  return { page, dialog, server, projector };
}

/** Nothing more arrives, and the page shows no dialog. */
async function settled(page: Page) {
  await new Promise((r) => setTimeout(r, 500));
  expect(await page.getByRole('alertdialog').count()).toBe(0);
}

describe('a change the server refuses (headless Chromium)', () => {
  it('starts again from the server’s board and adds back only the notes the board never received', async () => {
    const { page, dialog, server } = await refusedCopy('Refused e2e');
    await page.screenshot({ path: artifactPath('refused-1-dialog.png') });
    // A question that must be answered: a modal that holds focus, and Escape does not close it.
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const inside = () => page.evaluate(() => !!document.activeElement?.closest('[role="alertdialog"]'));
    await expect.poll(inside).toBe(true);
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Escape']) {
      await page.keyboard.press(key);
      expect(await inside()).toBe(true);
    }
    await dialog.getByRole('button', { name: 'Start again from the board, add back my new notes' }).click();
    await page.locator('.status-connected').waitFor({ timeout: 30_000 });
    await expect.poll(() => texts(server)).toEqual(['Sent before', 'Written offline']);
    const shown = await waitForNotes(page, (n) => n.length === 2, 'the board and the kept note');
    expect(shown.map((n) => n.text).sort()).toEqual(['Sent before', 'Written offline']);
    await page.screenshot({ path: artifactPath('refused-2-started-again.png') });
    await settled(page);
    // The refused group never reached the board, and nothing doubled.
    expect(listGroups(server.doc)).toEqual([]);
    expect(texts(server)).toEqual(['Sent before', 'Written offline']);
    server.destroy();
    expect(errors).toEqual([]);
  });

  it('sends the refused changes under the facilitator link this device has', async () => {
    const { page, dialog, server } = await refusedCopy('Refused e2e, resent');
    await dialog.getByRole('button', { name: 'Send them with the facilitator link' }).click();
    await page.getByRole('button', { name: 'Stakeholder groups' }).waitFor();
    await page.locator('.status-connected').waitFor({ timeout: 30_000 });
    await expect.poll(() => listGroups(server.doc).map((g) => g.name)).toEqual(['Citizens']);
    await expect.poll(() => texts(server)).toEqual(['Sent before', 'Written offline']);
    await settled(page);
    server.destroy();
    expect(errors).toEqual([]);
  });

  it('is not handed back by a projector window in the same browser', async () => {
    const { page, dialog, server, projector } = await refusedCopy('Refused e2e, projector', true);
    await dialog.getByRole('button', { name: 'Start again from the board, add back my new notes' }).click();
    await page.locator('.status-connected').waitFor({ timeout: 30_000 });
    await expect.poll(() => texts(server)).toEqual(['Sent before', 'Written offline']);
    // A later load talks to the other tabs again; the projector, told of the refusal, stays out.
    await page.reload();
    await page.locator('.status-connected').waitFor({ timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 1500));
    await settled(page);
    expect(listGroups(server.doc)).toEqual([]);
    await projector!.close();
    server.destroy();
    expect(errors).toEqual([]);
  });
});

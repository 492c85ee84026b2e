/**
 * E2E: a device whose unsent changes the server refuses. The facilitator's laptop works offline
 * (a new stakeholder group, which only the facilitator may make, and a note), then the same browser
 * opens the board's participant link. Sent as a participant's, that copy is refused (4403); the page
 * says so and offers to start again from the server's board, keeping the note the board never got.
 *
 * Why: a refused change used to look like a dead link, and the device tried to send the same change
 * again at every visit, so nothing of its could reach the board. Nothing a person wrote may be lost,
 * and nothing refused may slip in.
 */
import { describe, expect, it } from 'vitest';
import { listGroups, listNotes } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitSynced } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { addNoteWithButton, joinBoard, openPage, useRestartableE2e, waitForNotes, waitForServiceWorker } from './boardPage.ts';

const env = useRestartableE2e('olifant-e2e-refused-');
const errors: string[] = [];

describe('a change the server refuses (headless Chromium)', () => {
  it('starts again from the server’s board and keeps the notes the board never received', async () => {
    const board = await createBoard((await env.start()).localUrl, 'Refused e2e');
    const page = await openPage(env.browser, errors);
    await joinBoard(page, board.links.facilitator, 'Fien');
    await addNoteWithButton(page, 'Sent before');
    await waitForServiceWorker(page);
    let probe = connectClient(env.server!.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(probe);
    await expect.poll(() => listNotes(probe.doc).map((n) => n.text)).toEqual(['Sent before']);
    probe.destroy();

    // Offline, as the facilitator: a stakeholder group and a note.
    await env.stop();
    await page.locator('.status-offline').waitFor();
    await page.getByRole('button', { name: 'Stakeholder groups' }).click();
    await page.getByLabel('Group name').fill('Citizens');
    await page.getByRole('button', { name: 'Add group' }).click();
    await page.keyboard.press('Escape');
    await addNoteWithButton(page, 'Written offline');

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
    await page.screenshot({ path: artifactPath('refused-1-dialog.png') });
    probe = connectClient(env.server!.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(probe);
    expect(listNotes(probe.doc).map((n) => n.text)).toEqual(['Sent before']);

    await dialog.getByRole('button', { name: 'Start again from the board, keep my notes' }).click();
    await page.locator('.status-connected').waitFor({ timeout: 30_000 });
    await expect.poll(() => listNotes(probe.doc).map((n) => n.text).sort()).toEqual(['Sent before', 'Written offline']);
    const shown = await waitForNotes(page, (n) => n.length === 2, 'the board and the kept note');
    expect(shown.map((n) => n.text).sort()).toEqual(['Sent before', 'Written offline']);
    await page.screenshot({ path: artifactPath('refused-2-started-again.png') });
    // The refused group never reached the board, and nothing doubled after a moment more.
    await new Promise((r) => setTimeout(r, 500));
    expect(listGroups(probe.doc)).toEqual([]);
    expect(listNotes(probe.doc)).toHaveLength(2);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    probe.destroy();
    expect(errors).toEqual([]);
  });
});

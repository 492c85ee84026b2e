/**
 * E2E smoke test: the built client in headless Chromium against an in-process server.
 *
 * Why: proves the whole path a workshop uses: the start page creates a board, a participant opens the
 * participant link in another browser (its own context: no shared IndexedDB, localStorage or
 * BroadcastChannel), joins, adds a note, and the facilitator's open board shows it live, through the
 * server. Notes are drawn on a canvas, so the facilitator reads them in the outline panel (every note
 * as text). Elements are found by their accessible names, as a screen reader would.
 */
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser.ts';
import { createBoard } from '../helpers/server.ts';
import { joinBoard, openEditor, openPage, useE2eEnvironment } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-');

describe('start page to live note (headless Chromium)', () => {
  it('creates a board, and a note added through the participant link shows on the facilitator board', async () => {
    const errors: string[] = [];
    const facilitator = await openPage(env.browser, errors);
    await facilitator.goto(`${env.server.localUrl}/`);
    await facilitator.getByLabel('Board title').fill('Future of care 2035');
    await facilitator.getByRole('button', { name: 'Create board' }).click();
    const participantInput = facilitator.getByLabel('participant link', { exact: true });
    await participantInput.waitFor();
    const participantLink = await participantInput.inputValue();
    const facilitatorLink = await facilitator.getByLabel('facilitator link', { exact: true }).inputValue();
    expect(participantLink).toMatch(/\/b\/[A-Za-z0-9_-]+#token=/);
    expect(facilitatorLink).not.toBe(participantLink);
    await facilitator.screenshot({ path: artifactPath('start-page-created.png'), fullPage: true });

    await joinBoard(facilitator, facilitatorLink, 'Fatima');
    await expect(facilitator.locator('h1').textContent()).resolves.toBe('Future of care 2035');
    await facilitator.getByRole('button', { name: 'Outline', exact: true }).click();

    const participant = await openPage(env.browser, errors);
    await joinBoard(participant, participantLink, 'Pieter');
    await participant.getByRole('button', { name: 'Add note' }).click();
    const text = 'Young carers need a voice';
    const editor = openEditor(participant);
    await editor.fill(text);
    await editor.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await participant.screenshot({ path: artifactPath('participant-board.png') });

    const outlineNote = facilitator.locator('.outline li', { hasText: text });
    await outlineNote.waitFor();
    expect(await facilitator.locator('.outline li').allTextContents()).toEqual([text]);
    await facilitator.screenshot({ path: artifactPath('facilitator-board.png') });

    // Back on the start page, both devices find the board again, with their roles.
    for (const [page, role] of [[facilitator, 'facilitator'], [participant, 'participant']] as const) {
      await page.goto(`${env.server.localUrl}/`);
      const mine = page.getByRole('region', { name: 'Boards on this device' }).getByRole('listitem');
      await expect.poll(() => mine.allTextContents()).toEqual([expect.stringContaining(`Future of care 2035 · ${role}`)]);
    }
    await participant.getByRole('link', { name: 'Future of care 2035' }).click();
    await participant.locator('.status-connected').waitFor();
    await participant.getByRole('button', { name: 'Add note' }).waitFor();

    expect(errors).toEqual([]);
  });

  it('says so when the board page’s code does not arrive, and loads it on “Try again”', async () => {
    const errors: string[] = [];
    const board = await createBoard(env.server.localUrl, 'Flaky Wi-Fi');
    const page = await openPage(env.browser, errors);
    const boardChunk = /\/assets\/BoardPage-[^/]*\.js$/;
    await page.route(boardChunk, (route) => route.abort('internetdisconnected'));
    await page.goto(board.links.participant);
    await page.getByRole('heading', { name: 'This page could not be loaded' }).waitFor();
    await page.screenshot({ path: artifactPath('start-load-failed.png') });
    await page.unroute(boardChunk);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByLabel('Your name').waitFor();
    expect(errors).toEqual([]);
  });
});

/**
 * E2E smoke test: the built client in headless Chromium against an in-process server.
 *
 * Why: proves the whole path a workshop uses: the start page creates a board, a participant opens the
 * participant link in another browser (its own context: no shared IndexedDB, localStorage or
 * BroadcastChannel), joins, adds a note, and the facilitator's open board shows it live, through the
 * server. Notes are drawn on a canvas, so the facilitator reads them in the outline panel (every note
 * as text). Elements are found by their accessible names, as a screen reader would.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { artifactPath, BUILT_CLIENT_DIR, launchBrowser } from '../helpers/browser.ts';
import { startTestServer, tempDir } from '../helpers/server.ts';

const dir = tempDir('olifant-e2e-');
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer(dir.path, { clientDir: BUILT_CLIENT_DIR });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  dir.cleanup();
});

/** A page in a fresh browser context; uncaught page errors are collected into `errors`. */
async function openPage(errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 750 } });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  return page;
}

/** Opens a board link, joins under `name` and waits until the board is connected. */
async function joinBoard(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join the board' }).click();
  await page.locator('.status-connected').waitFor();
}

describe('start page to live note (headless Chromium)', () => {
  it('creates a board, and a note added through the participant link shows on the facilitator board', async () => {
    const errors: string[] = [];
    const facilitator = await openPage(errors);
    await facilitator.goto(`${server.localUrl}/`);
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

    const participant = await openPage(errors);
    await joinBoard(participant, participantLink, 'Pieter');
    await participant.getByRole('button', { name: 'Add note' }).click();
    const text = 'Young carers need a voice';
    const editor = participant.getByLabel('Note text');
    await editor.fill(text);
    await editor.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await participant.screenshot({ path: artifactPath('participant-board.png') });

    const outlineNote = facilitator.locator('.outline li', { hasText: text });
    await outlineNote.waitFor();
    expect(await facilitator.locator('.outline li').allTextContents()).toEqual([text]);
    await facilitator.screenshot({ path: artifactPath('facilitator-board.png') });

    expect(errors).toEqual([]);
  });
});

/**
 * E2E: the HTML report in Chromium, made from a board whose notes, group names and cluster labels
 * carry script tags, event handlers and `javascript:` links: nothing runs, and the text shows as text.
 *
 * Why: the report leaves the room (sponsors open it); escaping is proven where it matters, in a real
 * browser, with the server's own headers.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createNote, listNotes, ORIGIN } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitFor, waitSynced } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { HOSTILE, reportBoard } from '../fixtures/reportBoard.ts';
import { drawnNotes, joinBoard, openPage, useE2eEnvironment } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-report-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

describe('the HTML report in a browser', () => {
  it('runs nothing that people typed and shows it as text', async () => {
    const board = await createBoard(env.server.localUrl, 'XSS board');
    const fixture = reportBoard();
    vi.useRealTimers();
    const fac = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(fac);
    Y.applyUpdate(fac.doc, Y.encodeStateAsUpdate(fixture));
    const probe = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitFor(() => listNotes(probe.doc).length === listNotes(fixture).length, 'the server to hold the fixture');

    const page = await openPage(env.browser, errors);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${env.server.localUrl}/api/boards/${board.id}/report.html?token=${tokenOf(board.links.facilitator)}`);
    await page.getByRole('heading', { name: 'Common ground', exact: true }).first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('script, img, svg, a, iframe').count()).toBe(0);
    const body = (await page.locator('body').textContent()) ?? '';
    for (const text of [HOSTILE.note, HOSTILE.group, HOSTILE.label]) expect(body).toContain(text);
    await page.screenshot({ path: artifactPath('report-html.png'), fullPage: true });
    fac.destroy();
    probe.destroy();
  });

  it('a backup file restores on the start page as a new board with the same notes', async () => {
    const board = await createBoard(env.server.localUrl, 'Original');
    const fac = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(fac);
    createNote(fac.doc, { text: 'Kept for the sponsor', x: 0, y: 0, authorId: 'p' }, ORIGIN.local);
    await waitFor(() => fac.provider.synced && listNotes(fac.doc).length === 1, 'the note');
    await new Promise((r) => setTimeout(r, 200));
    const backup = await (await fetch(`${env.server.localUrl}/api/boards/${board.id}/backup.json?token=${tokenOf(board.links.facilitator)}`)).text();
    fac.destroy();

    const page = await openPage(env.browser, errors);
    await page.goto(`${env.server.localUrl}/`);
    await page.getByLabel('Restore a board from a backup').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    const link = await page.getByLabel('facilitator link', { exact: true }).inputValue();
    expect(link).not.toContain(board.id);
    await joinBoard(page, link, 'Fien');
    await expect.poll(async () => (await drawnNotes(page)).map((n) => n.text)).toEqual(['Kept for the sponsor']);
  });
});

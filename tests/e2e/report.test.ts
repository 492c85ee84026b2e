/**
 * E2E: the HTML report in Chromium, made from a board whose notes, group names and cluster labels
 * carry script tags, event handlers and `javascript:` links: nothing runs, and the text shows as text.
 *
 * Why: the report leaves the room (sponsors open it); escaping is proven where it matters, in a real
 * browser, with the server's own headers.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, listAreas, listNotes, ORIGIN } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitFor, waitSynced } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { HOSTILE, reportBoardOnServer } from '../fixtures/reportBoard.ts';
import { addNoteWithButton, drawnNotes, joinBoard, openPage, useE2eEnvironment } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-report-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

describe('the HTML report in a browser', () => {
  it('runs nothing that people typed and shows it as text', async () => {
    const board = await createBoard(env.server.localUrl, 'XSS board');
    await reportBoardOnServer(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    // A note in the area of no task whose name is hostile: the report names that area under "Elsewhere".
    const fac = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(fac);
    const area = listAreas(fac.doc).find((a) => a.name === HOSTILE.area)!;
    createNote(fac.doc, { text: 'Beside the agenda', x: area.x + 40, y: area.y + 80, authorId: 'p' }, ORIGIN.local);
    await waitFor(() => fac.provider.synced && listNotes(fac.doc).some((n) => n.text === 'Beside the agenda'), 'the note');
    await new Promise((r) => setTimeout(r, 200));
    fac.destroy();

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
    expect(await page.locator('script, svg, a, iframe').count()).toBe(0);
    // One picture of the board, as an image (an image's SVG never runs scripts).
    expect(await page.locator('img').count()).toBe(1);
    expect(await page.locator('img').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const body = (await page.locator('body').textContent()) ?? '';
    for (const text of [HOSTILE.note, HOSTILE.group, HOSTILE.label, HOSTILE.area]) expect(body).toContain(text);
    expect(await page.locator('#elsewhere h3').first().textContent()).toBe(HOSTILE.area);
    await page.screenshot({ path: artifactPath('report-html.png'), fullPage: true });

    // The SVG opened on its own, as a document (where a script would run): nothing runs either.
    await page.goto(`${env.server.localUrl}/api/boards/${board.id}/board.svg?token=${tokenOf(board.links.facilitator)}`);
    await page.waitForTimeout(300);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(`document.querySelectorAll('script').length`)).toBe(0);
    const svgText = (await page.evaluate(`document.documentElement.textContent`)) as string;
    expect(svgText).toContain('<script>window'); // people's text, shown as text (wrapped over lines)
    await page.screenshot({ path: artifactPath('board-svg.png') });

    // The board itself, on the canvas and in every panel that shows people's text: nothing runs.
    const scripts = async () => (await page.evaluate(`[...document.scripts].map((s) => s.src)`)) as string[];
    await joinBoard(page, board.links.facilitator, 'Fien');
    const own = await scripts();
    for (const panel of ['Outline', 'Clusters', 'Common ground', 'Dot vote', 'Stakeholder groups']) {
      await page.getByRole('toolbar', { name: 'Board tools' }).getByRole('button', { name: panel, exact: true }).click();
      await page.waitForTimeout(150);
      expect(await page.evaluate('window.__xss')).toBeUndefined();
    }
    await page.getByRole('button', { name: 'Zoom to fit everything' }).click();
    await page.waitForTimeout(300);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await scripts()).toEqual(own);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(dialogs).toEqual([]);
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
    await page.getByLabel('Choose a backup file…').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    const link = await page.getByLabel('facilitator link', { exact: true }).inputValue();
    expect(link).not.toContain(board.id);
    await joinBoard(page, link, 'Fien');
    await expect.poll(async () => (await drawnNotes(page)).map((n) => n.text)).toEqual(['Kept for the sponsor']);
  });

  it('the facilitator saves a PNG and an SVG of the board from the panel', async () => {
    const board = await createBoard(env.server.localUrl, 'Pictures');
    const page = await openPage(env.browser, errors);
    await joinBoard(page, board.links.facilitator, 'Fien');
    await addNoteWithButton(page, 'Picture me <b>bold</b>');
    await page.getByRole('button', { name: 'Facilitator', exact: true }).click();
    const group = page.getByRole('group', { name: 'Picture of' });
    const [png] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: 'PNG' }).click()]);
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(300); // width at 2x of a note plus margins
    expect(png.suggestedFilename()).toBe('Pictures-board.png');
    const [svg] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: 'SVG' }).click()]);
    const text = readFileSync((await svg.path())!, 'utf8');
    expect(text).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(text).not.toContain('<b>');
  });

  it('the facilitator imports survey answers from a CSV file into the selected area', async () => {
    const board = await createBoard(env.server.localUrl, 'Import');
    const page = await openPage(env.browser, errors);
    await joinBoard(page, board.links.facilitator, 'Fien');
    await page.getByRole('button', { name: 'Add area' }).click();
    await page.keyboard.type('Survey');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Facilitator', exact: true }).click();
    const csv = 'text,group\n"Care, close to home",\nLess paperwork,\nMore time for neighbours,\n';
    await page.getByLabel(/Import notes from a CSV file/).setInputFiles({ name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('3 notes imported.').waitFor();
    await expect.poll(async () => (await drawnNotes(page)).map((n) => n.text).sort()).toEqual(['Care, close to home', 'Less paperwork', 'More time for neighbours']);
  });
});

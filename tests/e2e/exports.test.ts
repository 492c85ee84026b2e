/**
 * E2E: what leaves the board and what a Dutch page shows, in Chromium against the real server. A
 * Dutch start page has its file chooser as a Dutch button, lists a board the moment it is created,
 * with a Dutch date; a Dutch participant on a board laid out in English reads the areas in Dutch; the
 * facilitator's printable report opens at an address without the token (and only once); the board's
 * picture carries the vote's dots and the standing's colour, in the PNG's pixels too.
 *
 * Why: these are what a facilitator hands out and what a Dutch room sees first; each was wrong
 * before ("Choose File", an empty board list, "12/5/2026", "Mixed table 1", a token in the address,
 * a wall picture without its dots).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath } from '../helpers/browser.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { reportBoardOnServer } from '../fixtures/reportBoard.ts';
import { joinBoard, nextFrame, openPage, useE2eEnvironment } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-exports-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

/** A page whose UI language is Dutch (as a Dutch tablet's would be). */
async function dutchPage(size = { width: 1024, height: 768 }): Promise<Page> {
  const page = await openPage(env.browser, errors, { locale: 'nl-NL', viewport: size, hasTouch: true });
  await page.addInitScript(() => localStorage.setItem('olifant.lang', 'nl'));
  return page;
}

/** The names the canvas draws on its areas. */
async function areaTitles(page: Page): Promise<string[]> {
  await nextFrame(page);
  return page.evaluate(() => {
    const stage = (window as unknown as { Konva: { stages: any[] } }).Konva?.stages[0];
    return stage ? stage.find('.area').map((g: any) => g.findOne('Text')?.text() ?? '') : [];
  });
}

describe('exports and the Dutch page', () => {
  it('a Dutch start page: the file chooser is a Dutch button, a new board is listed at once with a Dutch date', async () => {
    const page = await dutchPage({ width: 390, height: 844 });
    await page.goto(`${env.server.localUrl}/`);
    const restore = page.locator('.restore');
    const face = restore.getByText('Kies een reservekopie…', { exact: true });
    await face.waitFor();
    // The browser's own control (in the browser's language) is not what people see.
    const input = page.getByLabel('Kies een reservekopie…', { exact: true });
    expect((await input.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), face.click()]);
    expect(chooser.isMultiple()).toBe(false);

    await page.locator('#title').fill('Zorg 2035');
    await page.locator('form.create button[type=submit]').click();
    const mine = page.getByRole('region', { name: 'Borden op dit toestel' }).getByRole('listitem');
    await expect.poll(() => mine.allTextContents()).toEqual([expect.stringContaining('Zorg 2035')]);
    const item = (await mine.first().textContent()) ?? '';
    expect(item).toMatch(/laatst geopend \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4} om \d{2}:\d{2}/);
    await page.screenshot({ path: artifactPath('exports-start-nl-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: artifactPath('exports-start-nl-laptop.png'), fullPage: true });
    await page.context().close();
  });

  it('a Dutch viewer reads an English layout in Dutch; the report opens without the token; the picture has dots and standing', async () => {
    const board = await createBoard(env.server.localUrl, 'Zorg');
    const token = tokenOf(board.links.facilitator);
    await reportBoardOnServer(env.server.localUrl, board.id, token);

    const nl = await dutchPage();
    await nl.goto(board.links.participant);
    await nl.getByLabel('Je naam').fill('Daan');
    await nl.getByRole('button', { name: 'Naar het bord' }).click();
    await nl.locator('.status-connected').waitFor();
    // The page lands on the room's task; the whole board shows every area's name.
    await nl.getByRole('button', { name: 'Alles in beeld' }).click();
    await expect.poll(() => areaTitles(nl)).toContain('Gemengde tafel 1');
    const titles = await areaTitles(nl);
    expect(titles).toContain('Wereld · 1997–2006');
    expect(titles).not.toContain('Mixed table 1');
    await nl.screenshot({ path: artifactPath('exports-areas-nl-tablet.png') });
    await nl.context().close();

    const fac = await openPage(env.browser, errors, { viewport: { width: 1440, height: 900 } });
    await joinBoard(fac, board.links.facilitator, 'Fien');
    await fac.getByRole('button', { name: 'Facilitator', exact: true }).click();
    await fac.getByText('Report (printable page)', { exact: true }).scrollIntoViewIfNeeded();
    await fac.screenshot({ path: artifactPath('exports-panel-laptop.png') });
    const [report] = await Promise.all([fac.context().waitForEvent('page'), fac.getByText('Report (printable page)', { exact: true }).click()]);
    await report.getByRole('heading', { name: 'Common ground', exact: true }).first().waitFor();
    expect(report.url()).toMatch(/\/api\/reports\/[A-Za-z0-9_-]{32}$/);
    expect(report.url()).not.toContain(token);
    expect(report.url()).not.toContain('token');
    await report.screenshot({ path: artifactPath('exports-report.png') });
    // The address works once: a copy of it (history, a shared link) opens nothing.
    expect((await fetch(report.url())).status).toBe(410);
    await report.close();

    const group = fac.getByRole('group', { name: 'Picture of' });
    const [svgFile] = await Promise.all([fac.waitForEvent('download'), group.getByRole('button', { name: 'SVG' }).click()]);
    const svg = readFileSync((await svgFile.path())!, 'utf8');
    expect(svg.match(/class="dot"/g)?.length).toBe(4);
    expect(svg).toContain('Common ground');
    const [pngFile] = await Promise.all([fac.waitForEvent('download'), group.getByRole('button', { name: 'PNG' }).click()]);
    const png = readFileSync((await pngFile.path())!).toString('base64');
    // The common-ground cluster's bar, in the standing's green, is in the PNG's pixels.
    const green = await fac.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      // Every third pixel of every third row is enough to find a bar.
      for (let y = 0; y < c.height; y += 3) {
        for (let x = 0; x < c.width; x += 3) {
          const i = (y * c.width + x) * 4;
          if (Math.abs(px[i]! - 27) < 4 && Math.abs(px[i + 1]! - 127) < 4 && Math.abs(px[i + 2]! - 59) < 4) n++;
        }
      }
      return n;
    }, png);
    expect(green).toBeGreaterThan(300);
    writeFileSync(artifactPath('exports-board.png'), Buffer.from(png, 'base64'));
  });
});

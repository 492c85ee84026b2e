/**
 * E2E: Olifant on a phone (390x844 and 360x740, touch) and a portrait tablet (768x1024, touch), in
 * English and Dutch: the header's controls stay on screen, the toolbar and the selection bar never
 * overlap and their "more" tools are a tap away, a panel fits, long titles wrap, and writing a note on
 * a Future Search wall fitted to a phone opens a readable editor and puts the note at the person's table.
 *
 * Why: a participant with only a phone must be able to do what a tablet participant does.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser.ts';
import { createBoard } from '../helpers/server.ts';
import { addGroups, doubleTap, drawnNotes, joinBoard, layOutFutureSearch, openEditor, openPage, useE2eEnvironment, waitForNotes } from './boardPage.ts';
import { boxOf, onScreen, overlap, reachable, sidewaysScroll } from './layoutChecks.ts';

const env = useE2eEnvironment('olifant-e2e-phone-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

interface Size {
  name: string;
  width: number;
  height: number;
  /** A phone (mobile viewport) rather than a tablet. */
  phone: boolean;
}
const SIZES: Size[] = [
  { name: 'phone-390', width: 390, height: 844, phone: true },
  { name: 'phone-360', width: 360, height: 740, phone: true },
  { name: 'tablet-768', width: 768, height: 1024, phone: false },
];

/** A fresh page at `size` with touch, in `locale`. */
function openAt(browser: Browser, size: Size, locale = 'en-GB'): Promise<Page> {
  return openPage(browser, errors, {
    viewport: { width: size.width, height: size.height },
    hasTouch: true,
    isMobile: size.phone,
    locale,
  });
}

describe('a phone and a portrait tablet (headless Chromium, touch)', () => {
  it('a 300-character title without spaces wraps on the start page, the join page and the board’s header', async () => {
    const long = 'Toekomstbestendigezorgregio'.repeat(12).slice(0, 300);
    for (const [size, locale] of [[SIZES[0]!, 'en-GB'], [SIZES[1]!, 'nl-NL']] as const) {
      const page = await openAt(env.browser, size, locale);
      await page.goto(env.server.localUrl);
      await page.locator('#title').fill(long);
      await page.locator('form.create button[type=submit]').tap();
      await page.locator('section.links h2').waitFor();
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: artifactPath(`phone-start-${size.name}-${locale}.png`), fullPage: true });
      const participantLink = await page.locator('section.links input').nth(1).inputValue();

      const joiner = await openAt(env.browser, size, locale);
      await joiner.goto(participantLink);
      await joiner.locator('.join-board').waitFor();
      expect(await sidewaysScroll(joiner)).toBeLessThanOrEqual(0);
      expect(onScreen(await boxOf(joiner.locator('form.join button[type=submit]')), size)).toBe(true);
      await joiner.screenshot({ path: artifactPath(`phone-join-${size.name}-${locale}.png`), fullPage: true });

      // On the board too: the title wraps in the header, the header's controls stay on screen.
      await joiner.locator('#join-name').fill('Pia');
      await joiner.locator('form.join button[type=submit]').tap();
      await joiner.locator('.status-connected').waitFor();
      expect(await sidewaysScroll(joiner)).toBeLessThanOrEqual(0);
      for (const control of ['.board-header h1', '.people-count', '.lang', '.status']) {
        expect(onScreen(await boxOf(joiner.locator(control)), size), control).toBe(true);
      }
      await joiner.screenshot({ path: artifactPath(`phone-board-title-${size.name}-${locale}.png`) });
      await joiner.context().close();
      await page.context().close();
    }
  });

  it('header, toolbar, selection bar, "more" menus and panels all fit, in English and Dutch', async () => {
    const board = await createBoard(env.server.localUrl, 'Zorg en welzijn in de regio Noord-Holland 2035: de toekomstconferentie');
    for (const size of SIZES) {
      const page = await openAt(env.browser, size);
      await joinBoard(page, board.links.participant, 'Pia');

      // The header: a readable title; people, language, badge and the day tools on screen.
      const title = await boxOf(page.locator('.board-header h1'));
      expect(title.width).toBeGreaterThan(size.width * 0.5);
      expect(title.height).toBeGreaterThan(16);
      for (const control of ['.people-count', '.lang', '.status', '.board-header .header-button']) {
        expect(onScreen(await boxOf(page.locator(control).first()), size), control).toBe(true);
        expect(await reachable(page.locator(control).first()), control).toBe(true);
      }
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

      // A note, selected by a tap: both bars on screen, the selection bar clear of the toolbar.
      await page.getByRole('button', { name: 'Add note' }).tap();
      await openEditor(page).waitFor();
      await page.keyboard.type(`Note on ${size.name}`);
      await page.keyboard.press('Escape');
      const [note] = await waitForNotes(page, (ns) => ns.some((n) => n.text === `Note on ${size.name}`), 'the new note');
      await page.touchscreen.tap(note!.cx, note!.cy);
      const selectionBar = page.getByRole('toolbar', { name: 'Selection' });
      const toolbar = page.getByRole('toolbar', { name: 'Board tools' });
      const [sel, tools] = [await boxOf(selectionBar), await boxOf(toolbar)];
      expect(onScreen(sel, size) && onScreen(tools, size)).toBe(true);
      expect(overlap(sel, tools)).toBe(false);
      // One row each: no bar wraps onto a second.
      expect(tools.height).toBeLessThan(70);
      expect(sel.height).toBeLessThan(70);

      // The selection's "more": the colours and named tools, each on screen and a tap away.
      const selectionMore = selectionBar.getByRole('button', { name: 'More for the selection' });
      await selectionMore.tap();
      expect(await selectionMore.getAttribute('aria-expanded')).toBe('true');
      for (const name of ['Action card', 'Make a cluster', 'Common ground']) {
        const tool = selectionBar.getByRole('button', { name, exact: true });
        expect(onScreen(await boxOf(tool), size), name).toBe(true);
        expect(await reachable(tool), name).toBe(true);
      }
      await page.screenshot({ path: artifactPath(`phone-board-${size.name}-en-selection-more.png`) });
      await selectionBar.getByRole('button', { name: 'Common ground', exact: true }).tap();
      expect(await selectionMore.getAttribute('aria-expanded')).toBe('false');
      // The panel it opened fits the screen, and leaves the toolbar free.
      const panel = await boxOf(page.locator('.panel'));
      expect(onScreen(panel, size)).toBe(true);
      expect(overlap(panel, await boxOf(toolbar))).toBe(false);

      // The toolbar's "more", over the open panel: its tools on screen and uncovered; Escape closes it
      // and gives focus back to its button.
      const toolsMore = toolbar.getByRole('button', { name: 'More tools' });
      await toolsMore.tap();
      expect(await toolsMore.getAttribute('aria-expanded')).toBe('true');
      const moreTools = toolbar.locator('.more-popover button');
      expect(await moreTools.count()).toBeGreaterThan(0);
      for (const tool of await moreTools.all()) {
        await tool.scrollIntoViewIfNeeded();
        expect(onScreen(await boxOf(tool), size)).toBe(true);
        expect(await reachable(tool)).toBe(true);
      }
      await page.screenshot({ path: artifactPath(`phone-board-${size.name}-en-panel.png`) });
      await page.keyboard.press('Escape');
      expect(await toolsMore.getAttribute('aria-expanded')).toBe('false');
      expect(await toolsMore.evaluate((el) => el === document.activeElement)).toBe(true);
      // Opened with a key, focus goes into it; Escape brings it back.
      await page.keyboard.press('Enter');
      expect(await toolbar.locator('.more-popover button:not(:disabled)').first().evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await toolsMore.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.locator('.panel').getByRole('button', { name: 'Close' }).tap();

      // In Dutch too (longer words): nothing off screen, no overlap.
      await page.locator('.lang').tap();
      await page.getByRole('toolbar', { name: 'Bordgereedschap' }).waitFor();
      const [selNl, toolsNl] = [await boxOf(page.getByRole('toolbar', { name: 'Selectie' })), await boxOf(page.getByRole('toolbar', { name: 'Bordgereedschap' }))];
      expect(onScreen(selNl, size) && onScreen(toolsNl, size)).toBe(true);
      expect(overlap(selNl, toolsNl)).toBe(false);
      for (const control of ['.people-count', '.lang', '.status', '.board-header .header-button']) {
        expect(onScreen(await boxOf(page.locator(control).first()), size), control).toBe(true);
      }
      await page.getByRole('toolbar', { name: 'Bordgereedschap' }).getByRole('button', { name: 'Meer gereedschap' }).tap();
      await page.screenshot({ path: artifactPath(`phone-board-${size.name}-nl.png`) });
      await page.keyboard.press('Escape');
      await page.locator('.lang').tap();

      // Delete is a tap away, and does delete.
      expect(await reachable(selectionBar.getByRole('button', { name: 'Delete', exact: true }))).toBe(true);
      await selectionBar.getByRole('button', { name: 'Delete', exact: true }).tap();
      await waitForNotes(page, (ns) => ns.every((n) => n.text !== `Note on ${size.name}`), 'the note deleted');
      await page.context().close();
    }
  });

  it('"+ Add note" on a fitted Future Search wall: a readable editor, and the note at my table', async () => {
    const board = await createBoard(env.server.localUrl, 'Future of care 2035');
    const fac = await openPage(env.browser, errors, { viewport: { width: 1366, height: 800 } });
    await joinBoard(fac, board.links.facilitator, 'Fien');
    await addGroups(fac, ['Citizens', 'Care workers']);
    await layOutFutureSearch(fac);
    // Prouds and sorries: the task at the stakeholder groups' tables.
    await fac.getByTestId('bar-next').click();
    await fac.getByRole('button', { name: /Prouds and sorries/ }).and(fac.getByTestId('bar-next')).click();

    const size = SIZES[0]!;
    const phone = await openAt(env.browser, size);
    await joinBoard(phone, board.links.participant, 'Ann');
    await phone.getByRole('dialog').getByRole('button', { name: 'Citizens' }).tap();
    // The phone opens on the current task; zoomed out to the whole board, it draws all 26 areas.
    const fitAll = phone.getByRole('toolbar', { name: 'Board tools' }).getByRole('button', { name: 'Zoom to fit everything' });
    await expect.poll(async () => (await fitAll.tap(), phone.evaluate(`window.Konva.stages[0].find('.area').length`)), { timeout: 10_000 }).toBe(26);
    expect(await phone.evaluate(`window.Konva.stages[0].scaleX()`)).toBeLessThan(0.1);

    // The editor's text is readable and the editor takes most of the phone's width.
    await phone.getByRole('button', { name: 'Add note' }).tap();
    const editor = openEditor(phone);
    await editor.waitFor();
    const font = await editor.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(font).toBeGreaterThanOrEqual(16);
    const box = await boxOf(editor);
    expect(box.width).toBeGreaterThan(size.width * 0.6);
    expect(onScreen(box, size)).toBe(true);
    await phone.keyboard.type('We are proud of our home care');
    await phone.screenshot({ path: artifactPath('phone-composer-390-en.png') });
    await phone.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    // (So far out, the canvas draws notes without their words: the notes are told apart by order.)

    // The note is at my table: the Citizens' prouds area (my stakeholder table).
    const table = (await phone.evaluate(`(() => {
      const st = window.Konva.stages[0];
      const k = st.scaleX();
      const area = st.find('.area').find((a) => a.find('Text').some((t) => t.text() === 'Citizens: prouds'));
      const r = area.getClientRect();
      return { x: (r.x - st.x()) / k, y: (r.y - st.y()) / k, w: r.width / k, h: r.height / k };
    })()`)) as { x: number; y: number; w: number; h: number };
    const inTable = (n: { x: number; y: number }) => n.x >= table.x && n.y >= table.y && n.x + 160 <= table.x + table.w + 1 && n.y + 160 <= table.y + table.h + 1;
    const [first] = await waitForNotes(phone, (ns) => ns.length === 1, 'the first note');
    expect(inTable(first!)).toBe(true);

    // A second new note lands at the table too, beside the first, not on top of it.
    await phone.getByRole('button', { name: 'Add note' }).tap();
    await openEditor(phone).waitFor();
    await phone.keyboard.type('and of our volunteers');
    await phone.keyboard.press('Escape');
    const notes = await waitForNotes(phone, (ns) => ns.length === 2, 'two notes');
    const second = notes.find((n) => n.id !== first!.id)!;
    expect(inTable(second)).toBe(true);
    expect(Math.abs(second.x - first!.x) >= 160 || Math.abs(second.y - first!.y) >= 160).toBe(true);

    // Opening a note with a double tap at this zoom gives the readable editor too (in Dutch now).
    await phone.getByRole('toolbar', { name: 'Board tools' }).getByRole('button', { name: 'Zoom to fit everything' }).tap();
    await phone.locator('.lang').tap();
    const again = (await drawnNotes(phone)).find((n) => n.id === first!.id);
    await doubleTap(phone, again!.cx, again!.cy);
    await editor.waitFor();
    expect(await editor.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
    expect(await editor.inputValue()).toBe('We are proud of our home care');
    await phone.screenshot({ path: artifactPath('phone-composer-390-nl.png') });
    await phone.keyboard.press('Escape');
  });
});

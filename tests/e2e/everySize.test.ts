/**
 * E2E: one participant's round at each screen size people bring to the room (a 390x844 phone, a
 * 768x1024 portrait tablet and a 1024x768 landscape tablet with touch, a 1440x900 laptop), in English
 * and Dutch: write a note, select it, reach every tool for it, with nothing off screen or covered and
 * axe-core finding no serious problem.
 *
 * Why: the phone, the tablet and the laptop get different layouts (tools move into "more" menus as
 * space runs out); every one of them must still offer everything, readable and within reach.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { artifactPath } from '../helpers/browser.ts';
import { createBoard } from '../helpers/server.ts';
import { joinBoard, openEditor, openPage, useE2eEnvironment, waitForNotes } from './boardPage.ts';
import { boxOf, onScreen, overlap, reachable, sidewaysScroll } from './layoutChecks.ts';

const env = useE2eEnvironment('olifant-e2e-sizes-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

const SIZES = [
  { name: 'phone-390x844', width: 390, height: 844, touch: true, phone: true },
  { name: 'portrait-768x1024', width: 768, height: 1024, touch: true, phone: false },
  { name: 'landscape-1024x768', width: 1024, height: 768, touch: true, phone: false },
  { name: 'laptop-1440x900', width: 1440, height: 900, touch: false, phone: false },
] as const;
type Size = (typeof SIZES)[number];

function openAt(browser: Browser, size: Size): Promise<Page> {
  return openPage(browser, errors, { viewport: { width: size.width, height: size.height }, hasTouch: size.touch, isMobile: size.phone });
}

/** A tap with touch, a click with a mouse: the way a person at that screen presses a button. */
const press = (size: Size, target: Locator) => (size.touch ? target.tap() : target.click());

/** Presses the selection tool `name`, opening the selection's "more" first where it went there. */
async function pressSelectionTool(page: Page, size: Size, bar: Locator, name: string): Promise<void> {
  const tool = bar.getByRole('button', { name, exact: true });
  if (!(await tool.isVisible())) await press(size, bar.getByRole('button', { name: /^(More for the selection|Meer voor de selectie)$/ }));
  expect(onScreen(await boxOf(tool), size), `${name} at ${size.name}`).toBe(true);
  expect(await reachable(tool), `${name} at ${size.name}`).toBe(true);
}

/** The header's controls are on screen and the page does not scroll sideways. */
async function expectHeaderFits(page: Page, size: Size): Promise<void> {
  for (const control of ['.board-header h1', '.people-count', '.lang', '.status']) {
    expect(onScreen(await boxOf(page.locator(control).first()), size), `${control} at ${size.name}`).toBe(true);
  }
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
}

describe('every screen size in the room (headless Chromium)', () => {
  it('writes, selects and reaches every tool for a note at each size, in English and Dutch, with axe-core clean', async () => {
    const board = await createBoard(env.server.localUrl, 'Toekomst van de zorg in de regio, 2035');
    for (const size of SIZES) {
      const page = await openAt(env.browser, size);
      await joinBoard(page, board.links.participant, `Pia ${size.name}`);
      await expectHeaderFits(page, size);

      const text = `Written at ${size.name}`;
      await press(size, page.getByRole('button', { name: 'Add note' }));
      const editor = openEditor(page);
      await editor.waitFor();
      expect(Number.parseFloat(await editor.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
      await page.keyboard.type(text);
      await page.keyboard.press('Escape');
      const notes = await waitForNotes(page, (ns) => ns.some((n) => n.text === text), 'the new note');
      const note = notes.find((n) => n.text === text)!;
      if (size.touch) await page.touchscreen.tap(note.cx, note.cy);
      else await page.mouse.click(note.cx, note.cy);

      const bar = page.getByRole('toolbar', { name: 'Selection' });
      const tools = page.getByRole('toolbar', { name: 'Board tools' });
      const [selBox, toolsBox] = [await boxOf(bar), await boxOf(tools)];
      expect(onScreen(selBox, size) && onScreen(toolsBox, size), size.name).toBe(true);
      expect(overlap(selBox, toolsBox), size.name).toBe(false);
      for (const name of ['Delete', 'Make a cluster', 'Common ground', 'Action card']) {
        await pressSelectionTool(page, size, bar, name);
        await page.keyboard.press('Escape');
        // Escape may have closed a "more" menu or cleared the selection: select the note again.
        if (!(await bar.isVisible())) {
          if (size.touch) await page.touchscreen.tap(note.cx, note.cy);
          else await page.mouse.click(note.cx, note.cy);
          // Two taps on the note in a row are a double tap: typing hides the bar; Escape ends typing.
          await expect.poll(async () => (await bar.isVisible()) || (await openEditor(page).count()) > 0).toBe(true);
          if ((await openEditor(page).count()) > 0) await page.keyboard.press('Escape');
          await bar.waitFor();
        }
      }
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: artifactPath(`sizes-${size.name}-en.png`) });

      // In Dutch the words are longer: still one row each, apart, and on screen.
      await press(size, page.locator('.lang'));
      const [selNl, toolsNl] = [await boxOf(page.getByRole('toolbar', { name: 'Selectie' })), await boxOf(page.getByRole('toolbar', { name: 'Bordgereedschap' }))];
      expect(onScreen(selNl, size) && onScreen(toolsNl, size), `${size.name} nl`).toBe(true);
      expect(overlap(selNl, toolsNl), `${size.name} nl`).toBe(false);
      expect(toolsNl.height).toBeLessThan(70);
      expect(selNl.height).toBeLessThan(70);
      await expectHeaderFits(page, size);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: artifactPath(`sizes-${size.name}-nl.png`) });
      await page.context().close();
    }
  });
});

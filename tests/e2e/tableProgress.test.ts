/**
 * E2E: table progress in a room. A facilitator (1440x900) lays out a Future Search day with two
 * stakeholder groups; a touch tablet (1024x768) joins as a Citizen, so it sits at the Citizens'
 * table. The facilitator asks "Ready?"; the tablet shows the prompt and taps "We're ready"; the
 * facilitator's Progress section shows that table ready (1 of 2); switched on, the full-HD projector
 * shows the tables' progress in type readable from the back of the room. The prompt and the
 * section have no serious axe-core violation.
 *
 * Why: the "Ready?" call is answered by touch at a table and read across the room; each of those
 * screens must show it, at the sizes they are used.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { artifactPath } from '../helpers/browser.ts';
import { joinBoard, openPage, useE2eEnvironment } from './boardPage.ts';
import { openLaidOutDay } from './dayBoard.ts';

const env = useE2eEnvironment('olifant-e2e-progress-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

/** The smallest font size (px) of the text inside `selector` on `page`. */
const smallestFont = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const sizes = [...document.querySelectorAll(`${sel} *`)]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    return Math.min(...sizes);
  }, selector);

describe('table progress (headless Chromium: laptop, touch tablet, projector)', () => {
  it('the facilitator asks "Ready?", a tablet answers for its table, the facilitator and the projector show it', async () => {
    const { board, fac } = await openLaidOutDay(env, errors, 'Future of care 2035');
    const projector = await openPage(env.browser, errors, { viewport: { width: 1920, height: 1080 } });
    await projector.goto(board.links.projector);
    const tablet = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
    await joinBoard(tablet, board.links.participant, 'Ann');
    await tablet.getByRole('dialog').getByRole('button', { name: 'Citizens' }).tap();

    // The facilitator's panel is open after the layout: the Progress section lists both tables, none ready.
    const section = fac.locator('.progress-section');
    await section.scrollIntoViewIfNeeded();
    await expect.poll(() => section.locator('.progress-count').textContent()).toBe('0 of 2 tables ready');
    await expect.poll(() => section.locator('.progress-table', { hasText: 'Ann' }).count()).toBe(1);
    await section.getByRole('button', { name: 'Ask the tables: “Ready?”' }).click();

    // The tablet: a clear prompt and a large button, tapped.
    await tablet.getByRole('region', { name: 'Ready?' }).waitFor();
    const prompt = tablet.locator('.ready-prompt');
    const button = prompt.getByRole('button', { name: 'We’re ready' });
    const box = (await button.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(64);
    await button.tap();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await tablet.screenshot({ path: artifactPath('progress-1-tablet-1024-ready.png') });
    expect(await seriousAxeViolations(tablet, '.ready-prompt')).toEqual([]);
    await tablet.setViewportSize({ width: 768, height: 1024 });
    await tablet.screenshot({ path: artifactPath('progress-2-tablet-768-ready.png') });
    await tablet.locator('button.lang').tap();
    await prompt.getByRole('button', { name: 'Wij zijn klaar' }).waitFor();
    await tablet.screenshot({ path: artifactPath('progress-3-tablet-768-nl.png') });

    // The facilitator: that table is ready, listed after the table still working.
    await expect.poll(() => section.locator('.progress-count').textContent()).toBe('1 of 2 tables ready');
    const rows = section.locator('.progress-table');
    await expect.poll(() => rows.nth(1).getAttribute('class')).toContain('is-ready');
    expect(await rows.nth(1).textContent()).toContain('Ann');
    expect(await rows.nth(0).textContent()).toContain('No answer yet');
    await fac.screenshot({ path: artifactPath('progress-4-facilitator-1440.png') });
    expect(await seriousAxeViolations(fac, '.progress-section')).toEqual([]);

    // The projector shows the progress once the facilitator switches it on.
    expect(await projector.locator('.projector-progress').count()).toBe(0);
    await section.getByRole('button', { name: 'Show progress on the projector' }).click();
    const wall = projector.locator('.projector-progress');
    await wall.waitFor();
    await expect.poll(() => wall.locator('.projector-progress-count').textContent()).toBe('1 of 2 tables ready');
    expect(await wall.locator('li.is-ready').textContent()).toContain('Ann');
    expect(await smallestFont(projector, '.projector-progress-grid')).toBeGreaterThanOrEqual(28);
    await projector.screenshot({ path: artifactPath('progress-5-projector-1920.png') });

    // Tapping again takes the answer back, everywhere.
    await prompt.getByRole('button', { name: 'Wij zijn klaar' }).tap();
    await expect.poll(() => section.locator('.progress-count').textContent()).toBe('0 of 2 tables ready');
    await expect.poll(() => wall.locator('.projector-progress-count').textContent()).toBe('0 of 2 tables ready');
  });
});

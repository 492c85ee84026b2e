/**
 * E2E: the facilitator's day in headless Chromium, with a facilitator laptop, a participant tablet
 * whose clock is 90 seconds fast, and a full-HD projector: the Future Search template lays out the
 * board for all; the timer reads the same everywhere; "bring everyone here" moves the tablet; the
 * board lock stops the tablet; the projector cannot edit and shows the join code.
 *
 * Why: the structure of the day, run from Olifant alone, that
 * nothing a participant or projector does can override.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser.ts';
import { createBoard } from '../helpers/server.ts';
import { addGroups, drawnNotes, joinBoard, openPage, useE2eEnvironment, viewCentre } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-facilitation-');
const ZOOM_FIT = 'Zoom to fit everything';
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

/** Number of areas drawn, read from Konva's stage. */
const areaCount = (page: Page) => page.evaluate(`window.Konva.stages[0].find('.area').length`) as Promise<number>;

/** Seconds left on the page's countdown (m:ss). */
async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.locator('.countdown').first().textContent()) ?? '';
  const [m, s] = text.split(':').map(Number);
  return m! * 60 + s!;
}

describe('the facilitator’s day (headless Chromium)', () => {
  it('template, timer on server time, summon, lock and the projector, across three screens', async () => {
    const board = await createBoard(env.server.localUrl, 'Future of care 2035');
    const fac = await openPage(env.browser, errors, { viewport: { width: 1366, height: 800 } });
    await joinBoard(fac, board.links.facilitator, 'Fien');
    await addGroups(fac, ['Citizens', 'Care workers']);

    // A tablet whose clock runs 90 s fast, and the projector.
    const tablet = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 }, hasTouch: true });
    await tablet.context().clock.install({ time: Date.now() + 90_000 });
    await joinBoard(tablet, board.links.participant, 'Ann');
    await tablet.getByRole('dialog').getByRole('button', { name: 'Citizens' }).click();
    const projector = await openPage(env.browser, errors, { viewport: { width: 1920, height: 1080 } });
    await projector.goto(board.links.projector);
    await projector.locator('.status-connected').waitFor();

    // The Future Search template: 9 timeline areas, the mind map, prouds and sorries for 2 groups,
    // 8 mixed tables, the 3 lists, action planning: 26 areas, on every screen.
    await fac.getByRole('button', { name: 'Facilitator', exact: true }).click();
    await fac.getByRole('button', { name: 'Lay out the board' }).click();
    // The facilitator's view goes to the new layout, and the tablet fits it; the projector frames the
    // first task (its nine timeline areas).
    await tablet.waitForTimeout(500);
    await tablet.getByRole('button', { name: ZOOM_FIT }).click();
    for (const page of [fac, tablet]) await expect.poll(() => areaCount(page), { timeout: 10_000 }).toBe(26);
    await expect.poll(() => areaCount(projector), { timeout: 10_000 }).toBeGreaterThanOrEqual(9);
    await tablet.getByText('Past: timelines').waitFor();
    await projector.getByText('Past: timelines').waitFor();

    // The timer reads the same on all three within a second, the fast tablet included.
    await fac.getByRole('spinbutton', { name: 'Minutes' }).fill('10');
    await fac.getByRole('button', { name: 'Start', exact: true }).click();
    for (const page of [tablet, projector]) await page.locator('.countdown').waitFor();
    await fac.waitForTimeout(1200); // every screen has measured the server's clock by now
    const left = await Promise.all([fac, tablet, projector].map(secondsLeft));
    expect(Math.max(...left) - Math.min(...left)).toBeLessThanOrEqual(1);
    expect(Math.min(...left)).toBeGreaterThan(590);
    await projector.screenshot({ path: artifactPath('facilitation-1-projector.png') });

    // "Bring everyone here": the tablet's view moves to what the facilitator sees.
    await fac.getByRole('button', { name: 'Next task' }).click();
    await fac.getByRole('button', { name: 'Bring everyone here' }).click();
    const target = await viewCentre(fac);
    await expect
      .poll(async () => {
        const c = await viewCentre(tablet);
        return Math.hypot(c.x - target.x, c.y - target.y) < 200;
      }, { timeout: 10_000 })
      .toBe(true);
    await tablet.getByText('Present: trends mind map').waitFor();

    // The lock: the tablet says so and cannot add a note; unlocked, it can again.
    await fac.getByRole('button', { name: 'Lock the whole board' }).click();
    await tablet.getByText('The facilitator has locked the board').waitFor();
    expect(await tablet.getByRole('button', { name: 'Add note' }).count()).toBe(0);
    await tablet.screenshot({ path: artifactPath('facilitation-2-tablet-locked.png') });
    await fac.getByRole('button', { name: 'Unlock the board' }).click();
    await tablet.getByRole('button', { name: 'Add note' }).click();
    await tablet.keyboard.type('Trend: more people live alone');
    await tablet.keyboard.press('Escape');
    await expect.poll(async () => (await drawnNotes(fac)).map((n) => n.text)).toContain('Trend: more people live alone');

    // The projector: no toolbar (nothing to cover the board), a double-click adds nothing, and the join code is there.
    expect(await projector.getByRole('toolbar', { name: 'Board tools' }).count()).toBe(0);
    for (const name of ['Add note', 'Add area', 'Undo']) expect(await projector.getByRole('button', { name }).count()).toBe(0);
    await projector.mouse.dblclick(300, 700);
    await projector.waitForTimeout(400);
    expect((await drawnNotes(fac)).length).toBe(1);
    const join = await projector.locator('.projector-join figcaption strong').textContent();
    expect(join).toMatch(/\/j\/[a-z0-9]{8}$/);
    await projector.screenshot({ path: artifactPath('facilitation-3-projector.png') });
  });
});

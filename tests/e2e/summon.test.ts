/**
 * E2E: the room goes to the task. A facilitator on a 1440x900 laptop runs the Future Search agenda
 * with a landscape tablet (1024x768), a portrait tablet (768x1024) and a phone (390x844), all touch.
 * "Bring everyone to this task" lands each device on the current task's areas, framed for its own
 * screen, although the facilitator's own view shows the whole board; a reload lands on the task the
 * room is doing. The facilitator's bar is in view and runs the day (next task, timer, lock, bring
 * everyone) at laptop, tablet and phone sizes; a facilitator without a group gets no vote banner,
 * only a small "vote as" choice; a new task clears "Time is up", whose badge stays on one line.
 *
 * Why: a facilitator must never have to rescue the room's views by hand, nor dig in a long panel for
 * the timer and the next task.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ORIGIN, openVote, readFacilitation, setVoteOpen, startTimer } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import type { TestClient } from '../helpers/clients.ts';
import { joinBoard, nextFrame, openPage, useE2eEnvironment } from './boardPage.ts';
import { openLaidOutDay } from './dayBoard.ts';
import { boxOf, onScreen, overlap, sidewaysScroll } from './layoutChecks.ts';
import { expectFramed } from './taskFraming.ts';

const env = useE2eEnvironment('olifant-e2e-summon-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

/** How many lines the text of the first `.countdown` on `page` takes. */
const badgeLines = (page: Page) =>
  page.locator('.countdown').first().evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });

const DEVICES = [
  { name: 'tablet-1024', width: 1024, height: 768, mobile: false },
  { name: 'tablet-768', width: 768, height: 1024, mobile: false },
  { name: 'phone-390', width: 390, height: 844, mobile: true },
] as const;

describe('the room goes to the task (headless Chromium, touch devices)', () => {
  let fac: Page;
  let room: TestClient;
  const devices: Page[] = [];
  const bar = () => fac.getByTestId('facilitator-bar');

  it('a laid-out Future Search day, three touch devices join; "Not now" is a secondary button', async () => {
    const day = await openLaidOutDay(env, errors, 'Future of care 2035');
    const board = day.board;
    fac = day.fac;
    room = day.room;
    let laterLook = '';
    for (const d of DEVICES) {
      const page = await openPage(env.browser, errors, { viewport: { width: d.width, height: d.height }, hasTouch: true, isMobile: d.mobile });
      await joinBoard(page, board.links.participant, `Ann ${d.name}`);
      const dialog = page.getByRole('dialog');
      if (d.mobile) {
        // "Not now" is plainly the lesser choice: not the filled blue of the main buttons.
        const later = dialog.getByRole('button', { name: 'Not now' });
        laterLook = await later.evaluate((el) => getComputedStyle(el).backgroundColor);
        await page.screenshot({ path: artifactPath('summon-0-group-picker-phone.png') });
      }
      await dialog.getByRole('button', { name: 'Citizens' }).click();
      devices.push(page);
    }
    expect(laterLook).not.toBe('rgb(47, 93, 138)');
  });

  it('"Bring everyone to this task" frames the task on each device, not the facilitator’s view', async () => {
    await fac.getByRole('button', { name: 'Next task' }).click();
    // The facilitator looks at the whole board: the task is a small part of what their screen shows.
    await fac.getByRole('button', { name: 'Zoom to fit everything' }).click();
    await fac.getByRole('button', { name: 'Bring everyone to this task' }).first().click();
    for (const [i, page] of devices.entries()) {
      await expectFramed(page, room, 'present');
      await page.screenshot({ path: artifactPath(`summon-1-task-${DEVICES[i]!.name}.png`) });
    }
  });

  it('a reload lands on the task the room is doing', async () => {
    await fac.getByRole('button', { name: 'Next task', exact: true }).click();
    await expect.poll(() => readFacilitation(room.doc).agenda.step).toBe(2);
    const tablet = devices[0]!;
    await tablet.reload();
    await tablet.locator('.status-connected').waitFor();
    await expectFramed(tablet, room, 'prouds');
    await tablet.screenshot({ path: artifactPath('summon-2-reload-tablet-1024.png') });
  });

  it('the facilitator’s bar is in view beside the panel and runs the day', async () => {
    const tablet = devices[0]!;
    const size = fac.viewportSize()!;
    const b = await boxOf(bar());
    expect(onScreen(b, size)).toBe(true);
    // A row of the page: it covers no part of the board (nor the open panel).
    expect(overlap(b, await boxOf(fac.locator('.board-body')))).toBe(false);
    await expect.poll(() => fac.locator('.panel').count()).toBeGreaterThan(0);
    await fac.screenshot({ path: artifactPath('summon-3-bar-1440.png') });

    await bar().getByTestId('bar-next').click();
    await tablet.getByText('Ideal future').first().waitFor();
    await bar().getByTestId('bar-bring-task').click();
    await expectFramed(devices[2]!, room, 'future');

    await bar().getByTestId('bar-timer-length').selectOption('5');
    await bar().getByTestId('bar-timer-start').click();
    await expect.poll(() => tablet.locator('.countdown').textContent()).toMatch(/^[45]:\d\d$/);
    await bar().getByTestId('bar-timer-stop').click();
    await expect.poll(() => tablet.locator('.countdown').count()).toBe(0);

    await bar().getByTestId('bar-lock').click();
    await tablet.getByText('The facilitator has locked the board').waitFor();
    await expect.poll(() => bar().getByTestId('bar-lock').getAttribute('aria-pressed')).toBe('true');
    await bar().getByTestId('bar-lock').click();
    await expect.poll(() => tablet.getByText('The facilitator has locked the board').count()).toBe(0);

    // At a landscape tablet's size and a phone's, in English and Dutch, the bar still fits the page.
    for (const lang of ['en', 'nl']) {
      for (const [width, height] of [[1024, 768], [390, 844]] as const) {
        await fac.setViewportSize({ width, height });
        await nextFrame(fac);
        for (const id of ['bar-next', 'bar-bring-task', 'bar-timer-start', 'bar-lock']) expect(onScreen(await boxOf(bar().getByTestId(id)), { width, height })).toBe(true);
        expect(await sidewaysScroll(fac)).toBe(0);
        await fac.screenshot({ path: artifactPath(`summon-4-bar-${width}-${lang}.png`) });
      }
      await fac.locator('button.lang').click();
    }
    await fac.setViewportSize(size);
  });

  it('a facilitator without a group gets no vote banner, only a small "vote as" choice', async () => {
    const tablet = devices[0]!;
    const vote = openVote(room.doc, { title: 'Which themes matter most?', dots: 3, budget: 'group' }, ORIGIN.local);
    await tablet.locator('.vote-banner').waitFor();
    // The facilitator's screen has the vote (in a banner or in the bar): it is in the bar.
    await fac.locator('.vote-banner, [data-testid="bar-vote-as"]').first().waitFor();
    expect(await fac.locator('.vote-banner').count()).toBe(0);
    await bar().getByTestId('bar-vote-as').waitFor();
    await fac.screenshot({ path: artifactPath('summon-5-vote-no-group-1440.png') });
    await bar().getByTestId('bar-vote-as').selectOption({ label: 'Care workers' });
    await fac.locator('.vote-banner').getByText('Care workers').waitFor();
    await expect.poll(() => bar().getByTestId('bar-vote-as').count()).toBe(0);
    setVoteOpen(room.doc, vote, false, ORIGIN.local);
  });

  it('a new task clears "Time is up"; the badge is one line on the portrait tablet and the phone, in Dutch', async () => {
    const watchers = [devices[1]!, devices[2]!];
    // In Dutch, whose words are longer: "De tijd is om".
    for (const page of watchers) await page.locator('button.lang').click();
    startTimer(room.doc, 1000, Date.now(), ORIGIN.local);
    for (const [i, page] of watchers.entries()) {
      await expect.poll(() => page.locator('.countdown').textContent()).toBe('De tijd is om');
      expect(await badgeLines(page)).toBe(1);
      await page.screenshot({ path: artifactPath(`summon-6-time-up-${DEVICES[i + 1]!.name}.png`) });
    }
    await fac.getByRole('button', { name: 'Next task', exact: true }).click();
    for (const page of watchers) await expect.poll(() => page.locator('.countdown').count()).toBe(0);
    room.destroy();
  });
});

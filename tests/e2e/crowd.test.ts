/**
 * E2E: a room of 120 people (simulated, presence only) and one touch tablet. The tablet shows a head
 * count on every area and the cursors of its own area's people, not 120 cursors; the facilitator
 * switches cursors off for everyone and on again from the bar, and the tablet follows.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createArea, createGroup, ORIGIN, registerPerson } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitSynced } from '../helpers/clients.ts';
import { joinCrowd, type CrowdPerson } from '../helpers/presenceCrowd.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { joinBoard, nextFrame, openPage, useE2eEnvironment } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-crowd-');
const errors: string[] = [];
const crowd: CrowdPerson[] = [];
afterAll(() => {
  for (const p of crowd) p.close();
  expect(errors).toEqual([]);
});

const PEOPLE = 120;
/** The board of the first test, for the people list after it. */
let shared: { board: Awaited<ReturnType<typeof createBoard>>; writer: ReturnType<typeof connectClient> } | undefined;
/** Nine tables in a 3 x 3 grid; the middle one is at the centre of the whole board. */
const AREA = { w: 700, h: 500, gap: 100 };

const count = async (page: Page, selector: string) => {
  await nextFrame(page);
  return (await page.evaluate(`window.Konva.stages[0].find('${selector}').length`)) as number;
};
const headCounts = async (page: Page) => {
  await nextFrame(page);
  return (await page.evaluate(`window.Konva.stages[0].find('.head-count').map((l) => l.getText().text()).sort()`)) as string[];
};

describe('a crowd of 120 on one board (headless Chromium)', () => {
  it('shows a touch tablet head counts and its own table’s cursors; the facilitator switches cursors off and on', async () => {
    const board = await createBoard(env.server.localUrl, 'Crowd');
    const writer = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    writer.provider.awareness.setLocalState(null); // lays out the tables; not a person in the room
    await waitSynced(writer);
    const areas: { id: string; x: number; y: number }[] = [];
    for (let i = 0; i < 9; i++) {
      const x = (i % 3) * (AREA.w + AREA.gap);
      const y = Math.floor(i / 3) * (AREA.h + AREA.gap);
      areas.push({ id: createArea(writer.doc, { name: `Table ${i + 1}`, x, y, w: AREA.w, h: AREA.h }, ORIGIN.local), x, y });
    }
    const middle = areas[4]!;
    shared = { board, writer };
    const atMiddle = Math.ceil((PEOPLE - 4) / 9); // people 5, 14, 23, ... of every ninth

    crowd.push(
      ...(await joinCrowd(env.server.localUrl, board.id, tokenOf(board.links.participant), PEOPLE, (i) => areas[i % 9]!.id, (i) => {
        const a = areas[i % 9]!;
        return { x: a.x + 40 + ((i * 37) % (AREA.w - 80)), y: a.y + 60 + ((i * 53) % (AREA.h - 100)) };
      })),
    );

    const tablet = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
    await joinBoard(tablet, board.links.participant, 'Tess');
    await tablet.getByRole('button', { name: 'Zoom to fit everything' }).click();

    // Nine head counts ("13 people", "14 people"), the middle one counting the tablet's own person too
    // (the crowd and the tablet only: the facilitator joins later).
    await expect.poll(() => headCounts(tablet), { timeout: 15_000 }).toHaveLength(9);
    const counts = await headCounts(tablet);
    expect(counts.every((c) => /^\d+ people$|^\d+$/.test(c))).toBe(true);
    // The tablet's own place follows its zoom a moment later (at most every 250 ms).
    const total = async () => (await headCounts(tablet)).reduce((n, c) => n + Number.parseInt(c, 10), 0);
    await expect.poll(total).toBe(PEOPLE + 1);
    // Cursors only of the people at the tablet's table (the middle one, at the centre of its view).
    await expect.poll(() => count(tablet, '.cursor'), { timeout: 15_000 }).toBe(atMiddle);
    await tablet.screenshot({ path: artifactPath('crowd-1-tablet-1024x768.png') });

    // The facilitator joins after the count: where their view is centred (an area or none) is their place.
    const facilitator = await openPage(env.browser, errors, { viewport: { width: 1440, height: 900 } });
    await joinBoard(facilitator, board.links.facilitator, 'Fran');

    // Cursors off for everyone, from the facilitator's bar: none on the tablet; the counts stay.
    const cursorsSwitch = facilitator.getByTestId('bar-cursors');
    await expect.poll(() => cursorsSwitch.getAttribute('aria-checked')).toBe('true');
    await cursorsSwitch.click();
    await expect.poll(() => cursorsSwitch.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => count(tablet, '.cursor')).toBe(0);
    expect(await headCounts(tablet)).toHaveLength(9);
    await tablet.screenshot({ path: artifactPath('crowd-2-cursors-off.png') });

    // And on again: the table's cursors come back.
    await cursorsSwitch.click();
    await expect.poll(() => count(tablet, '.cursor')).toBe(atMiddle);

    // Portrait: the same room at 768 x 1024.
    await tablet.setViewportSize({ width: 768, height: 1024 });
    await tablet.getByRole('button', { name: 'Zoom to fit everything' }).click();
    await expect.poll(() => headCounts(tablet)).toHaveLength(9);
    await tablet.screenshot({ path: artifactPath('crowd-3-tablet-768x1024.png') });
    expect(middle.id).toBeTruthy();
  });

  it('lists everyone by group on a phone, with counts and a search, though the phone holds only its own table’s presence', async () => {
    const { board, writer } = shared!;
    const groups = ['Citizens', 'Care workers', 'Council'].map((name, i) => createGroup(writer.doc, { name, color: ['#1b9e77', '#d95f02', '#7570b3'][i]! }, ORIGIN.local));
    writer.doc.transact(() => {
      for (let i = 0; i < 30; i++) registerPerson(writer.doc, `p${i}`, { name: `Person ${i + 1}`, groupId: groups[i % 3]!, role: 'participant' }, ORIGIN.local);
    });
    const phone = await openPage(env.browser, errors, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await joinBoard(phone, board.links.participant, 'Pim');
    await phone.getByRole('dialog', { name: 'Which stakeholder group are you in?' }).getByRole('button', { name: 'Council' }).click();
    await phone.locator('.people-count').click();
    const panel = phone.locator('.people-list');
    await panel.waitFor();
    // By group: ten in each (Pim, at the top as "you", is not counted twice), each group with its count.
    await expect.poll(() => panel.locator('h3.people-group').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Citizens10 people/), expect.stringMatching(/^Council10 people/)]),
    );
    // The header counts the whole room, from the server's count.
    expect(await phone.locator('.people-count').textContent()).toContain(String(PEOPLE + 3));
    await panel.getByTestId('people-search').fill('person 1');
    // Persons 1 and 10..19 of the registry, and the people online at Pim's table whose name matches.
    const rows = panel.locator('[data-testid=people-section] li');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(11);
    expect((await rows.allTextContents()).every((text) => /Person 1/.test(text))).toBe(true);
    expect(await rows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Person 19')]));
    await phone.screenshot({ path: artifactPath('crowd-4-people-390x844.png') });
    await panel.getByTestId('people-search').fill('nobody at all');
    await panel.getByText('Nobody by that name.').waitFor();
    // Once in Dutch.
    await panel.getByTestId('people-search').fill('person 2');
    await phone.locator('.board-header .lang').click();
    await panel.getByRole('button', { name: 'Per groep' }).waitFor();
    await phone.screenshot({ path: artifactPath('crowd-5-people-390x844-nl.png') });
  });
});

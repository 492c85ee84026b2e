/**
 * E2E: Olifant with a screen reader's needs, in Chromium. axe-core finds no serious or critical
 * problem on the start page, the join page, the board as facilitator, participant and projector with
 * each panel open, and the report; each page has its landmarks. The live region says others' new
 * notes once, grouped, the selection, a vote opened and closed, the dots left after placing one and
 * the timer's end, with the right word forms in English and Dutch.
 *
 * Why: the board is a canvas. Without landmarks, names and a live region, a person with a screen
 * reader cannot find their way or hear what the room is doing.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openVote, ORIGIN, setVoteOpen, startTimer } from '../../shared/index.ts';
import { seriousAxeViolations, type AxeProblem } from '../helpers/axe.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitSynced } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { reportBoardOnServer } from '../fixtures/reportBoard.ts';
import { addNoteWithButton, drawnNotes, joinBoard, openPage, useE2eEnvironment } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-a11y-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

/** The side panels, by the name of the button that opens each. */
const PANELS = ['Stakeholder groups', 'Clusters', 'Dot vote', 'Common ground', 'Outline', 'People', 'Help', 'Facilitator'];

/** Runs axe on `page` (or the part `include` selects) and files what it finds under `where` (nothing filed when clean). */
async function check(page: Page, where: string, found: Record<string, AxeProblem[]>, include?: string): Promise<void> {
  const problems = await seriousAxeViolations(page, include);
  if (problems.length) found[where] = problems;
}

/** The page's landmarks and headings a screen reader lists. */
async function landmarks(page: Page): Promise<{ main: number; h1: number }> {
  return { main: await page.getByRole('main').count(), h1: await page.locator('h1').count() };
}

/** Starts recording what the page's live region says, in `window.heard`. */
async function listen(page: Page): Promise<void> {
  await page.locator('.announcer').waitFor({ state: 'attached' });
  await page.evaluate(`(() => {
    window.heard = [];
    const region = document.querySelector('.announcer');
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.textContent) window.heard.push(n.textContent);
    }).observe(region, { childList: true, subtree: true });
  })()`);
}
const heard = (page: Page) => page.evaluate('window.heard') as Promise<string[]>;

describe('accessibility in Chromium', () => {
  it('start, join and report pages: landmarks, one heading 1, and no serious axe violation', async () => {
    const found: Record<string, AxeProblem[]> = {};
    const page = await openPage(env.browser, errors, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${env.server.localUrl}/`);
    await page.getByLabel('Board title').waitFor();
    expect(await landmarks(page)).toEqual({ main: 1, h1: 1 });
    await check(page, 'start', found);
    await page.getByLabel('Board title').fill('Future of care 2035');
    await page.getByRole('button', { name: 'Create board' }).click();
    const link = await page.getByLabel('participant link', { exact: true }).inputValue();
    await check(page, 'start, board created', found);

    const join = await openPage(env.browser, errors, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await join.goto(link);
    await join.getByLabel('Your name').waitFor();
    expect(await landmarks(join)).toEqual({ main: 1, h1: 1 });
    await check(join, 'join', found);

    const board = await createBoard(env.server.localUrl, 'Report board');
    await reportBoardOnServer(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    await page.goto(`${env.server.localUrl}/api/boards/${board.id}/report.html?token=${tokenOf(board.links.facilitator)}`);
    await page.getByRole('heading', { name: 'Common ground', exact: true }).first().waitFor();
    expect(await landmarks(page)).toEqual({ main: 1, h1: 1 });
    await check(page, 'report', found);
    expect(found).toEqual({});
  });

  it('the board as facilitator, participant and projector, with each panel open: no serious axe violation', async () => {
    const found: Record<string, AxeProblem[]> = {};
    const board = await createBoard(env.server.localUrl, 'Future of care 2035');
    const fac = await openPage(env.browser, errors, { viewport: { width: 1440, height: 900 } });
    await joinBoard(fac, board.links.facilitator, 'Fien');
    await fac.getByRole('button', { name: 'Stakeholder groups' }).click();
    await fac.getByLabel('Group name').fill('Citizens');
    await fac.getByRole('button', { name: 'Add group' }).click();
    await fac.getByRole('button', { name: 'Stakeholder groups' }).click();
    await addNoteWithButton(fac, 'Long waiting lists for home care');
    // A cluster, the Future Search layout with its task strip, and a running timer in the header.
    await fac.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Make a cluster' }).click();
    await fac.getByLabel('Rename cluster').fill('Waiting lists');
    await fac.keyboard.press('Enter');
    await fac.getByRole('banner').getByRole('button', { name: 'Facilitator' }).click();
    await fac.getByRole('button', { name: 'Lay out the board' }).click();
    await fac.getByRole('button', { name: 'Start', exact: true }).click();
    await fac.getByRole('banner').getByRole('button', { name: 'Facilitator' }).click();
    await fac.locator('.countdown').waitFor();
    await fac.getByRole('button', { name: 'Dot vote' }).click();
    await fac.getByRole('button', { name: 'Start a vote' }).click();
    await fac.getByRole('button', { name: 'Dot vote' }).click();
    await fac.locator('.vote-banner').waitFor();

    const ann = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 }, hasTouch: true });
    await joinBoard(ann, board.links.participant, 'Ann');
    const question = ann.getByRole('dialog', { name: 'Which stakeholder group are you in?' });
    await question.waitFor();
    await check(ann, 'participant: the group question', found);
    await question.getByRole('button', { name: 'Citizens' }).click();
    const projector = await openPage(env.browser, errors, { viewport: { width: 1920, height: 1080 } });
    await projector.goto(board.links.projector);
    await projector.locator('.status-connected').waitFor();

    for (const [who, page] of [['facilitator', fac], ['participant', ann], ['projector', projector]] as const) {
      expect(await landmarks(page)).toEqual({ main: 1, h1: 1 });
      expect(await page.getByRole('banner').count()).toBe(1);
      await check(page, `${who}: the board`, found);
      for (const name of PANELS) {
        // In the board's toolbar, or (the facilitator's panel) in the header.
        const inToolbar = page.getByRole('toolbar', { name: 'Board tools' }).getByRole('button', { name, exact: true });
        const button = (await inToolbar.count()) ? inToolbar : page.getByRole('banner').getByRole('button', { name, exact: true });
        if ((await button.count()) === 0) continue;
        await button.click();
        // The panel is a region named by its heading.
        const heading = (await page.locator('.panel h2').first().textContent()) ?? '';
        await page.getByRole('region', { name: heading, exact: true }).waitFor();
        // The rest of the page was checked with the board above; each panel adds only itself.
        await check(page, `${who}: ${name}`, found, '.panel');
        if (who === 'facilitator' && name === 'Dot vote') await page.screenshot({ path: artifactPath('a11y-facilitator-vote-panel.png') });
        if (who === 'participant' && name === 'Stakeholder groups') await page.screenshot({ path: artifactPath('a11y-participant-groups-panel.png') });
        await button.click();
      }
    }
    // The start page lists this device's boards.
    await fac.goto(`${env.server.localUrl}/`);
    await fac.getByRole('region', { name: 'Boards on this device' }).waitFor();
    await check(fac, 'start, with this device’s boards', found);
    expect(found).toEqual({});
  });

  it('the live region says others’ notes once, grouped, the selection, votes and the timer’s end; counts in Dutch', async () => {
    const board = await createBoard(env.server.localUrl, 'Listening');
    const ann = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 } });
    await joinBoard(ann, board.links.participant, 'Ann');
    await listen(ann);
    const sam = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 } });
    await joinBoard(sam, board.links.participant, 'Sam');
    await listen(sam);

    // Sam writes three notes: Ann hears it once, Sam not at all.
    for (const text of ['Waiting lists', 'Lonely evenings', 'Care at home']) await addNoteWithButton(sam, text);
    await expect.poll(() => heard(ann)).toContain('Sam added 3 notes');
    await ann.waitForTimeout(3000);
    expect((await heard(ann)).filter((t) => t.includes('added'))).toEqual(['Sam added 3 notes']);
    expect((await heard(sam)).filter((t) => t.includes('added'))).toEqual([]);

    // The selection: one note with its text read out, then all three.
    const notes = await drawnNotes(ann);
    const top = notes[notes.length - 1]!;
    await ann.mouse.click(top.cx, top.cy);
    await expect.poll(() => heard(ann)).toContain(`Selected: ${top.text}`);
    await ann.keyboard.press('Control+a');
    await expect.poll(() => heard(ann)).toContain('3 notes selected');

    // The facilitator opens a vote: Ann hears it, and the banner is one sentence.
    const facilitator = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(facilitator);
    const vote = openVote(facilitator.doc, { title: 'Which matters most?', dots: 1 }, ORIGIN.local);
    await expect.poll(() => heard(ann)).toContain('Vote opened: Which matters most?');
    const banner = ann.locator('.vote-banner .vote-text');
    await expect.poll(() => banner.textContent()).toBe('Vote on “Which matters most?”: tap a note to place a dot; 1 dot left.');
    await ann.screenshot({ path: artifactPath('a11y-vote-banner-en.png') });

    // In Dutch: the count's word forms.
    await ann.getByRole('button', { name: /^NL/ }).click();
    await expect.poll(() => banner.textContent()).toBe('Stemming over “Which matters most?”: tik op een notitie om een stip te zetten; nog 1 stip.');
    await ann.getByRole('application', { name: 'Het bord: 3 notities' }).waitFor();
    await ann.screenshot({ path: artifactPath('a11y-vote-banner-nl.png') });
    // The Dutch UI too: names that contain what the buttons show, in Dutch.
    const dutch: Record<string, AxeProblem[]> = {};
    await check(ann, 'participant, in Dutch, during a vote', dutch);
    expect(dutch).toEqual({});
    // Ann places her dot: she hears what is left.
    await ann.mouse.click(top.cx, top.cy);
    await expect.poll(() => heard(ann)).toContain('Stippen over: 0');
    setVoteOpen(facilitator.doc, vote, false, ORIGIN.local);
    await expect.poll(() => heard(ann)).toContain('Stemming gesloten: Which matters most?');

    // A short timer runs out: Ann hears it (in Dutch now).
    startTimer(facilitator.doc, 2000, Date.now(), ORIGIN.local);
    await expect.poll(() => heard(ann)).toContain('De tijd is om');
    facilitator.destroy();
  });
});

/**
 * E2E: a common-ground session in headless Chromium. A facilitator sets up stakeholder groups; two
 * tables of different groups cluster their notes, vote with dots per group and mark the cluster as
 * agreed; the facilitator confirms it; the projector shows it as common ground.
 *
 * Why: a facilitator must be able to run this part of a Future Search on Olifant
 * alone, from tablets and a laptop at once; only a real browser with the real server shows that.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser.ts';
import { createBoard } from '../helpers/server.ts';
import { addNoteWithButton, drawnNotes, joinBoard, nextFrame, openPage, useE2eEnvironment, waitForNotes } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-cocreation-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

interface DrawnCluster {
  text: string;
  /** Centre of the label bar on the page. */
  bx: number;
  by: number;
  /** Coverage chips: solid (group present) and dashed (missing). */
  present: number;
  missing: number;
  /** Width of the outline on the page (it grows with the members). */
  w: number;
}

/** The clusters drawn on the canvas now, read from Konva's stage like a person reads the screen. */
async function drawnClusters(page: Page): Promise<DrawnCluster[]> {
  await nextFrame(page);
  return page.evaluate(`(() => {
    const stage = window.Konva && window.Konva.stages[0];
    if (!stage) return [];
    const box = stage.container().getBoundingClientRect();
    return stage.find('.cluster').map((g) => {
      const bar = g.findOne('.cluster-bar').getClientRect();
      // Each chip carries its group's label; a group with no note in the cluster has a dashed one.
      const chips = g.find('.coverage-chip-box');
      return {
        text: g.findOne('Text').text(),
        bx: box.left + bar.x + Math.min(bar.width / 2, 120),
        by: box.top + bar.y + bar.height / 2,
        present: chips.filter((c) => c.dash().length === 0).length,
        missing: chips.filter((c) => c.dash().length > 0).length,
        w: Math.round(g.getClientRect().width),
      };
    });
  })()`) as Promise<DrawnCluster[]>;
}

async function waitForCluster(page: Page, check: (c: DrawnCluster) => boolean, what: string): Promise<DrawnCluster> {
  const deadline = Date.now() + 15_000;
  let last: DrawnCluster[] = [];
  while (Date.now() < deadline) {
    last = await drawnClusters(page);
    const hit = last.find(check);
    if (hit) return hit;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}; clusters drawn: ${JSON.stringify(last)}; notes: ${JSON.stringify(await drawnNotes(page))}`);
}

async function joinAs(link: string, name: string, group: string): Promise<Page> {
  const page = await openPage(env.browser, errors);
  await joinBoard(page, link, name);
  await page.getByRole('dialog', { name: 'Which stakeholder group are you in?' }).getByRole('button', { name: group }).click();
  return page;
}

describe('co-creation in the browser (headless Chromium)', () => {
  it('two groups cluster, vote with dots per group and agree; the projector shows common ground', async () => {
    const board = await createBoard(env.server.localUrl, 'Future of care 2035');
    const fac = await openPage(env.browser, errors);
    await joinBoard(fac, board.links.facilitator, 'Fien');
    await fac.getByRole('button', { name: 'Stakeholder groups' }).click();
    for (const name of ['Citizens', 'Care workers']) {
      await fac.getByLabel('Group name').fill(name);
      await fac.getByRole('button', { name: 'Add group' }).click();
    }
    await fac.getByRole('button', { name: 'Stakeholder groups' }).click();

    const ann = await joinAs(board.links.participant, 'Ann', 'Citizens');
    const bram = await joinAs(board.links.participant, 'Bram', 'Care workers');
    await addNoteWithButton(ann, 'Long waiting lists for home care');
    await waitForNotes(bram, (n) => n.length === 1, 'Bram to see Ann’s note');
    // Bram's note lands beside Ann's (hers took the centre): he moves it further aside.
    await addNoteWithButton(bram, 'Waiting lists keep growing');
    const [mine] = (await drawnNotes(bram)).filter((n) => n.text.startsWith('Waiting'));
    await bram.mouse.move(mine!.cx, mine!.cy);
    await bram.mouse.down();
    await bram.mouse.move(mine!.cx + 110, mine!.cy + 20, { steps: 5 });
    await bram.mouse.move(mine!.cx + 220, mine!.cy + 40, { steps: 5 });
    await bram.mouse.up();
    const notes = await waitForNotes(ann, (n) => n.length === 2 && Math.abs(n[0]!.x - n[1]!.x) > 150, 'both notes apart for Ann');

    // Ann selects both notes and makes a cluster, naming it in place.
    await ann.mouse.click(notes[0]!.cx, notes[0]!.cy);
    await ann.keyboard.down('Shift');
    await ann.mouse.click(notes[1]!.cx, notes[1]!.cy);
    await ann.keyboard.up('Shift');
    await ann.getByRole('button', { name: 'Make a cluster' }).click();
    await ann.getByLabel('Rename cluster').fill('Waiting lists');
    await ann.keyboard.press('Enter');
    // Both groups have spoken to it: two filled coverage circles, no hollow one.
    const seen = await waitForCluster(fac, (c) => c.text === 'Waiting lists' && c.present + c.missing === 2 && c.missing === 0, 'both groups covering the cluster');
    expect(seen).toMatchObject({ present: 2, missing: 0 });
    await fac.screenshot({ path: artifactPath('cocreation-1-cluster-facilitator.png') });

    // The facilitator opens a vote on clusters: one dot per stakeholder group.
    await fac.getByRole('button', { name: 'Dot vote' }).click();
    await fac.getByLabel('Vote on').selectOption('clusters');
    await fac.getByRole('spinbutton', { name: 'Dots' }).fill('1');
    await fac.getByRole('combobox', { name: 'Dots' }).selectOption('group');
    await fac.getByRole('button', { name: 'Start a vote' }).click();
    for (const [page, left] of [[ann, 'Citizens'], [bram, 'Care workers']] as const) {
      await page.getByText(`1 dot left for ${left}`).waitFor();
      const c = await waitForCluster(page, (x) => x.text === 'Waiting lists', 'the cluster');
      await page.mouse.click(c.bx, c.by);
      await page.getByText(`0 dots left for ${left}`).waitFor();
    }
    // Ann's group has spent its dot: another tap is refused, and says why.
    const again = await waitForCluster(ann, (x) => x.text === 'Waiting lists', 'the cluster');
    await ann.mouse.click(again.bx, again.by);
    await ann.getByRole('alert').filter({ hasText: 'no dots left' }).waitFor();
    const results = fac.locator('.results tbody tr').first();
    await expect.poll(() => results.textContent(), { timeout: 10_000 }).toContain('Waiting lists');
    // The row shows with the first dot to arrive; the second follows on its own time.
    await expect.poll(() => results.locator('strong').textContent(), { timeout: 10_000 }).toBe('2');
    expect(await results.locator('.bar span').count()).toBe(2);
    await fac.screenshot({ path: artifactPath('cocreation-2-vote-results.png') });
    await fac.getByRole('button', { name: 'Close the vote' }).click();

    // Each table marks its group's stance on the cluster.
    for (const [page, group] of [[ann, 'Citizens'], [bram, 'Care workers']] as const) {
      await page.locator('.vote-banner').waitFor({ state: 'detached' });
      const c = await waitForCluster(page, (x) => x.text.startsWith('Waiting lists'), 'the cluster');
      await page.mouse.click(c.bx, c.by);
      await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Common ground', exact: true }).click();
      const own = page.getByRole('group', { name: `Stance of ${group}` });
      const other = page.getByRole('group', { name: `Stance of ${group === 'Citizens' ? 'Care workers' : 'Citizens'}` });
      expect(await other.getByRole('button', { name: 'Agree', exact: true }).isDisabled()).toBe(true);
      await own.getByRole('button', { name: 'Agree', exact: true }).click();
      await expect.poll(() => own.getByRole('button', { name: 'Agree', exact: true }).getAttribute('aria-pressed')).toBe('true');
    }
    await ann.screenshot({ path: artifactPath('cocreation-3-stances-ann.png') });
    const agreed = await waitForCluster(fac, (c) => c.text === 'Waiting lists · Common ground', 'the cluster to stand as common ground');
    await fac.mouse.click(agreed.bx, agreed.by);
    await fac.getByRole('button', { name: 'Common ground', exact: true }).last().click();
    await fac.locator('.stance-editor').getByRole('button', { name: 'Common ground', exact: true }).click();

    // The projector, full HD: the cluster reads as common ground, and so does the list.
    const projector = await openPage(env.browser, errors, { viewport: { width: 1920, height: 1080 } });
    await projector.goto(board.links.projector);
    await projector.locator('.status-connected').waitFor();
    await waitForCluster(projector, (c) => c.text === 'Waiting lists · Common ground', 'the projector to show common ground');
    await projector.getByRole('button', { name: 'Common ground', exact: true }).click();
    await expect.poll(() => projector.locator('.list-commonGround').textContent()).toContain('Waiting lists');
    expect(await projector.locator('.list-commonGround').textContent()).toContain('Long waiting lists for home care');
    await projector.screenshot({ path: artifactPath('cocreation-4-projector.png') });
  });

  it('a person continuing on a second device stays one voter: the dot limit holds across both', async () => {
    const board = await createBoard(env.server.localUrl, 'Two devices');
    const fac = await openPage(env.browser, errors);
    await joinBoard(fac, board.links.facilitator, 'Fien');
    await fac.getByRole('button', { name: 'Stakeholder groups' }).click();
    await fac.getByLabel('Group name').fill('Citizens');
    await fac.getByRole('button', { name: 'Add group' }).click();
    await fac.getByRole('button', { name: 'Dot vote' }).click();
    await fac.getByRole('spinbutton', { name: 'Dots' }).fill('1');
    await fac.getByRole('button', { name: 'Start a vote' }).click();

    const tablet = await joinAs(board.links.participant, 'Ann', 'Citizens');
    await tablet.getByText('1 dot left').waitFor();
    await tablet.getByRole('button', { name: 'Select', exact: true }).click();
    await addNoteWithButton(tablet, 'More time for neighbours');
    await tablet.getByRole('button', { name: 'People' }).first().click();
    const link = await tablet.getByLabel('Continue on another device').inputValue();

    // The phone opens the link: no name asked, no group asked, the same voter.
    const phone = await openPage(env.browser, errors);
    await phone.goto(link);
    await phone.locator('.status-connected').waitFor();
    expect(phone.url()).not.toContain('me=');
    const [note] = await waitForNotes(phone, (n) => n.length === 1, 'the phone to show the note');
    await phone.getByText('1 dot left').waitFor();
    await phone.mouse.click(note!.cx, note!.cy);
    await phone.getByText('0 dots left').waitFor();
    await tablet.getByText('0 dots left').waitFor();
    expect(await phone.getByRole('dialog').count()).toBe(0);
    // The phone writes as Ann: the server takes the note in her name, and the tablet shows it.
    await addNoteWithButton(phone, 'Written on the phone');
    await waitForNotes(tablet, (n) => n.some((x) => x.text === 'Written on the phone'), 'the phone’s note on the tablet');
    expect(await phone.getByRole('alertdialog').count()).toBe(0);
  });

  it('dragging a note into a cluster’s outline adds it, dragging it out takes it out', async () => {
    const board = await createBoard(env.server.localUrl, 'Drag in and out');
    const page = await openPage(env.browser, errors);
    await joinBoard(page, board.links.facilitator, 'Fien');
    for (const text of ['one', 'two', 'three']) {
      await addNoteWithButton(page, text);
      const [last] = (await drawnNotes(page)).filter((n) => n.text === text);
      await drag(page, { x: last!.cx, y: last!.cy }, { x: last!.cx - 300 + ['one', 'two', 'three'].indexOf(text) * 190, y: last!.cy });
    }
    const notes = await waitForNotes(page, (n) => n.length === 3 && new Set(n.map((x) => Math.round(x.cx / 50))).size === 3, 'three notes side by side');
    const byText = (t: string) => notes.find((n) => n.text === t)!;
    await page.mouse.click(byText('one').cx, byText('one').cy);
    await page.keyboard.down('Shift');
    await page.mouse.click(byText('two').cx, byText('two').cy);
    await page.keyboard.up('Shift');
    await page.getByRole('button', { name: 'Make a cluster' }).click();
    await page.getByLabel('Rename cluster').fill('Pair');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Clusters' }).click();
    const size = page.locator('.cluster-list li').first();
    await expect.poll(() => size.textContent()).toContain('2 notes');

    // "three" is dropped with its centre between "one" and "two": it joins.
    await drag(page, { x: byText('three').cx, y: byText('three').cy }, { x: (byText('one').cx + byText('two').cx) / 2, y: byText('one').cy + 40 });
    await expect.poll(() => size.textContent()).toContain('3 notes');
    // "one" is dragged far below: it leaves, and the outline shrinks to the other two. It is taken by
    // its left edge, which "three" (dropped half over it) cannot cover.
    const one = (await drawnNotes(page)).find((n) => n.text === 'one')!;
    await drag(page, { x: one.cx - 60, y: one.cy }, { x: one.cx - 60, y: one.cy + 330 });
    await expect.poll(async () => (await drawnNotes(page)).find((n) => n.text === 'one')!.y).toBeGreaterThan(one.y + 200);
    await expect.poll(() => size.textContent()).toContain('2 notes');
    await page.screenshot({ path: artifactPath('cocreation-5-drag-out.png') });

    // Dragging the cluster by its name bar carries its notes along.
    const before = (await drawnNotes(page)).filter((n) => n.text !== 'one');
    const bar = await waitForCluster(page, (c) => c.text === 'Pair', 'the cluster');
    await drag(page, { x: bar.bx, y: bar.by }, { x: bar.bx + 120, y: bar.by + 150 });
    const movedDown = async () =>
      (await drawnNotes(page)).filter((n) => n.text !== 'one').map((n) => n.y - before.find((b) => b.text === n.text)!.y > 100);
    await expect.poll(movedDown).toEqual([true, true]);
  });
});

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

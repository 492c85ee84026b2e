/**
 * E2E: every state can be seen. A pressed stance, the chosen "Confirm as" list, a lens toggle and a
 * pressed tool look different from their unpressed neighbours (computed styles: a dark fill with
 * strong contrast and a check mark), on a laptop and a touch tablet, in English and Dutch; the
 * people panel shows each person's group mark and name.
 *
 * Why: one panel rule outweighed the pressed style, so a group could not see which stance it had
 * marked; the people panel showed cursor colours that meant nothing to the room.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { confirmOutcome, createCluster, createGroup, createNote, openVote, ORIGIN, placeDot, setStance } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitSynced } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { joinBoard, layOutFutureSearch, nextFrame, openPage, useE2eEnvironment } from './boardPage.ts';
import { boxOf, overlap, type Box } from './layoutChecks.ts';
import { expectVisiblyPressed, stateStyle } from './stateStyles.ts';

const env = useE2eEnvironment('olifant-e2e-visible-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

/** A board with two groups and a cluster both agree with, confirmed as common ground. */
async function seedBoard() {
  const board = await createBoard(env.server.localUrl, 'Zorg in de regio 2035');
  const seed = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
  await waitSynced(seed);
  const citizens = createGroup(seed.doc, { name: 'Citizens', color: '#1b9e77' }, ORIGIN.local);
  const carers = createGroup(seed.doc, { name: 'Zorgverleners', color: '#e6ab02' }, ORIGIN.local);
  const ids = ['Wachttijden korter', 'Care closer to home'].map((text, i) =>
    createNote(seed.doc, { text, color: '#fff176', x: i * 240, y: 0, authorId: 'seed', groupId: citizens }, ORIGIN.local),
  );
  const cluster = createCluster(seed.doc, ids, 'Zorg dichtbij', ORIGIN.local);
  setStance(seed.doc, cluster, citizens, 'agree', 'seed', ORIGIN.local);
  setStance(seed.doc, cluster, carers, 'agree', 'seed', ORIGIN.local);
  confirmOutcome(seed.doc, cluster, 'commonGround', 'seed', ORIGIN.local);
  return { board, seed };
}

/** Taps or clicks the cluster's label bar, selecting it. */
async function selectCluster(page: Page, touch: boolean): Promise<void> {
  await nextFrame(page);
  const at = (await page.evaluate(`(() => {
    const stage = window.Konva.stages[0];
    const c = stage.findOne('.cluster');
    if (!c) return null;
    const box = stage.container().getBoundingClientRect();
    const bar = c.findOne('.cluster-bar').getClientRect();
    return { x: box.left + bar.x + Math.min(bar.width / 2, 60), y: box.top + bar.y + bar.height / 2 };
  })()`)) as { x: number; y: number } | null;
  if (!at) throw new Error('no cluster drawn');
  if (touch) await page.touchscreen.tap(at.x, at.y);
  else await page.mouse.click(at.x, at.y);
}

/** The on-page boxes of the area titles that show on screen, with their names. */
async function drawnTitles(page: Page): Promise<{ name: string; box: Box }[]> {
  await nextFrame(page);
  return page.evaluate(`(() => {
    const stage = window.Konva.stages[0];
    const c = stage.container().getBoundingClientRect();
    return stage.find('.area').map((a) => {
      const t = a.findOne('Text');
      const r = t.getClientRect();
      const w = Math.min(r.width, t.getTextWidth() * stage.scaleX());
      return { name: t.text(), box: { x: c.left + r.x, y: c.top + r.y, width: w, height: r.height } };
    }).filter((t) => t.box.x + t.box.width > c.left && t.box.x < c.right && t.box.y + t.box.height > c.top && t.box.y < c.bottom);
  })()`) as Promise<{ name: string; box: Box }[]>;
}

/** The boxes of the overlays fixed over the board: the overview map and the groups' key. */
async function fixedOverlays(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.minimap, .group-legend')].map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }).filter((b) => b.width > 0 && b.height > 0),
  );
}

describe('every state visible (headless Chromium)', () => {
  it('a pressed stance, the chosen list, a lens toggle and a pressed tool stand out, laptop and touch tablet, English and Dutch', async () => {
    const { board, seed } = await seedBoard();
    for (const device of [
      { name: '1440', viewport: { width: 1440, height: 900 }, touch: false, lang: 'en' },
      { name: '1024-touch', viewport: { width: 1024, height: 768 }, touch: true, lang: 'nl' },
    ] as const) {
      const page = await openPage(env.browser, errors, { viewport: device.viewport, hasTouch: device.touch });
      await joinBoard(page, board.links.facilitator, 'Fien');
      const nl = device.lang === 'nl';
      if (nl) await page.locator('.lang').click();
      const w = nl
        ? { fit: 'Alles in beeld', common: 'Gemeenschappelijke basis', agree: 'Eens', disagree: 'Oneens', cg: 'Gemeenschappelijke basis', pp: 'Mogelijke projecten', groups: 'Belanghebbende groepen', selection: 'Selectie' }
        : { fit: 'Zoom to fit everything', common: 'Common ground', agree: 'Agree', disagree: 'Disagree', cg: 'Common ground', pp: 'Potential projects', groups: 'Stakeholder groups', selection: 'Selection' };
      await page.getByRole('button', { name: w.fit }).click();
      await selectCluster(page, device.touch);
      const bar = page.getByRole('toolbar', { name: w.selection });
      await bar.getByRole('button', { name: w.common, exact: true }).click();

      // The stance Citizens marked, against the one they did not.
      const citizens = page.getByRole('group', { name: /Citizens/ });
      await expectVisiblyPressed(citizens.getByRole('button', { name: w.agree, exact: true }), citizens.getByRole('button', { name: w.disagree, exact: true }));
      // The list the item is confirmed as, against another list.
      const panel = page.locator('.panel');
      const confirmRow = panel.locator('.stance-editor > .row');
      await expectVisiblyPressed(confirmRow.getByRole('button', { name: w.cg, exact: true }), confirmRow.getByRole('button', { name: w.pp, exact: true }));
      // The selection bar's pressed panel button against an unpressed tool beside it.
      const pressedTool = bar.getByRole('button', { name: w.common, exact: true });
      const otherTool = bar.locator('button.tool:not([aria-pressed="true"])').first();
      await expectVisiblyPressed(pressedTool, otherTool);
      await page.screenshot({ path: artifactPath(`visible-stances-${device.name}-${device.lang}.png`) });

      // The lens: one group toggled on in the groups panel, the other not.
      await page.getByRole('button', { name: w.groups }).first().click();
      const lens = page.locator('.lens-toggle');
      await lens.first().click();
      await expectVisiblyPressed(lens.first(), lens.nth(1));
      await page.screenshot({ path: artifactPath(`visible-lens-${device.name}-${device.lang}.png`) });

      // The facilitator panel: what the projector shows, one choice pressed; the header's open panel button.
      await page.getByRole('button', { name: 'Facilitator', exact: true }).click();
      const shows = page.getByRole('group', { name: nl ? 'Het projectiescherm toont' : 'The projector shows' });
      const [follow, whole] = nl ? ['mijn beeld', 'het hele bord'] : ['my view', 'the whole board'];
      await shows.getByRole('button', { name: whole }).click();
      await expectVisiblyPressed(shows.getByRole('button', { name: whole }), shows.getByRole('button', { name: follow }));
      // The bar's lock, pressed, reads as locked: red (not the blue of any pressed choice) and in words.
      const lock = page.getByTestId('bar-lock');
      await lock.click();
      await expect.poll(() => lock.getAttribute('aria-pressed')).toBe('true');
      expect(await lock.textContent()).toContain(nl ? 'Bord vergrendeld' : 'Board locked');
      const locked = await stateStyle(lock);
      expect(locked.background).toBe('rgb(164, 32, 26)');
      expect(locked.background).not.toBe((await stateStyle(shows.getByRole('button', { name: whole }))).background);
      await page.screenshot({ path: artifactPath(`visible-facilitator-${device.name}-${device.lang}.png`) });
      await lock.click();
      await expect.poll(() => lock.getAttribute('aria-pressed')).toBe('false');
      await page.context().close();
    }

    // A phone: the toolbar's "more" popover marks the open panel's item.
    const phone = await openPage(env.browser, errors, { viewport: { width: 390, height: 844 }, hasTouch: true });
    await joinBoard(phone, board.links.facilitator, 'Fien');
    const more = phone.locator('.toolbar').getByRole('button', { name: 'More tools' });
    await more.tap();
    await phone.locator('.more-popover').getByRole('button', { name: 'Outline' }).tap();
    await phone.locator('.panel').waitFor();
    await more.tap();
    const items = phone.locator('.more-popover .more-item');
    await expectVisiblyPressed(items.filter({ hasText: 'Outline' }), items.filter({ hasText: 'People' }));
    await phone.screenshot({ path: artifactPath('visible-more-390-touch-en.png') });
    await phone.context().close();
    seed.destroy();
  });

  it("the people panel shows each person's group mark and the group's name, not a cursor colour", async () => {
    const { board, seed } = await seedBoard();
    const ann = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 }, hasTouch: true });
    await joinBoard(ann, board.links.participant, 'Ann');
    await ann.getByRole('dialog', { name: 'Which stakeholder group are you in?' }).getByRole('button', { name: 'Citizens' }).click();
    const fac = await openPage(env.browser, errors, { viewport: { width: 1440, height: 900 } });
    await joinBoard(fac, board.links.facilitator, 'Fien');
    await fac.locator('.people-count').click();
    const annRow = fac.locator('.people li').filter({ hasText: 'Ann' });
    await annRow.locator('.group-mark').waitFor();
    expect(await annRow.locator('.group-mark').textContent()).toBe('C');
    expect(await annRow.locator('.group-mark').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(27, 158, 119)');
    expect(await annRow.textContent()).toContain('Citizens');
    // The facilitator has no group: said in words beside a hollow dot.
    const me = fac.locator('.people li').first();
    expect(await me.textContent()).toContain('No group');
    const hollowStyle = (dot: Locator) => dot.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderTopStyle]);
    expect(await hollowStyle(me.locator('.dot.no-group'))).toEqual(['rgb(255, 255, 255)', 'solid']);
    await fac.screenshot({ path: artifactPath('visible-people-1440-en.png') });
    // A dot from someone without a group: the results table's "No group" column has the same hollow dot.
    const item = createNote(seed.doc, { text: 'Buurtzorg', color: '#fff176', x: 0, y: 300, authorId: 'seed', groupId: null }, ORIGIN.local);
    const vote = openVote(seed.doc, { title: 'Wat telt', target: 'notes', dots: 3 }, ORIGIN.local);
    placeDot(seed.doc, { voteId: vote, itemId: item, voterId: 'fien', groupId: null }, ORIGIN.local);
    await fac.locator('.toolbar').getByRole('button', { name: 'Dot vote' }).click();
    const hollow = fac.locator('table.results thead .dot.no-group');
    await hollow.waitFor();
    expect(await hollowStyle(hollow)).toEqual(['rgb(255, 255, 255)', 'solid']);
    await fac.screenshot({ path: artifactPath('visible-vote-no-group-1440-en.png') });
    await fac.context().close();
    await ann.context().close();
    seed.destroy();
  });

  it("the overview map and the groups' key cover no area title: hidden until asked for, and a device keeps its choice", async () => {
    const board = await createBoard(env.server.localUrl, 'Toekomst van de zorg');
    const seed = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(seed);
    for (const [name, color] of [['Citizens', '#1b9e77'], ['Care workers', '#e6ab02'], ['Gemeente', '#b2182b']] as const) createGroup(seed.doc, { name, color }, ORIGIN.local);
    const fac = await openPage(env.browser, errors, { viewport: { width: 1440, height: 900 } });
    await joinBoard(fac, board.links.facilitator, 'Fien');
    await layOutFutureSearch(fac);
    await expect.poll(() => fac.evaluate(`window.Konva.stages[0].find('.area').length`), { timeout: 10_000 }).toBeGreaterThan(20);
    const devices = [
      { name: '1024-touch', size: { width: 1024, height: 768 }, lang: 'nl' },
      { name: '390-touch', size: { width: 390, height: 844 }, lang: 'en' },
    ] as const;
    const pages: [string, string, Page][] = [['1440', 'en', fac]];
    for (const device of devices) {
      const page = await openPage(env.browser, errors, { viewport: device.size, hasTouch: true });
      await joinBoard(page, board.links.participant, 'Ann');
      await page.getByRole('dialog').getByRole('button', { name: 'Citizens' }).click();
      if (device.lang === 'nl') await page.locator('.lang').click();
      // The layout has arrived (a screen draws only the areas in its view, so fewer than the laptop's).
      await expect.poll(() => page.evaluate(`window.Konva.stages[0].find('.area').length`), { timeout: 10_000 }).toBeGreaterThan(0);
      pages.push([device.name, device.lang, page]);
    }
    // The facilitator frames the trends task (its area fills the screen, its title in the top-left
    // corner) and brings everyone there (the tablet sees it framed so; the phone's framing is its own).
    await fac.locator('.agenda button').nth(1).click();
    await fac.getByTestId('bar-bring-task').click();
    await fac.getByRole('button', { name: 'Facilitator', exact: true }).click();
    for (const [name, lang, page] of pages) {
      await expect.poll(async () => (await drawnTitles(page)).some((t) => /Trends mind map|Mindmap van trends/.test(t.name) && (name === '390-touch' || t.box.y < 400)), { timeout: 10_000 }).toBe(true);
      // No area title is under a fixed overlay; nothing of the map or the key is over the board at
      // all until the person asks for it.
      const overlays = await fixedOverlays(page);
      const titles = await drawnTitles(page);
      expect(titles.filter((t) => overlays.some((o) => overlap(o, t.box))).map((t) => t.name)).toEqual([]);
      expect(overlays).toEqual([]);
      await page.screenshot({ path: artifactPath(`visible-overlays-${name}-${lang}.png`) });
      if (page !== fac) await page.context().close();
    }

    // On a tablet, a person shows the map and the key from the toolbar; the choice stays after a reload on
    // that device, and the same button hides them again.
    const tablet = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 }, hasTouch: true });
    await joinBoard(tablet, board.links.participant, 'Bo');
    await tablet.getByRole('dialog').getByRole('button', { name: 'Care workers' }).click();
    const toggle = tablet.locator('.toolbar').getByRole('button', { name: "Overview map and groups' key" });
    await toggle.tap();
    await tablet.locator('.minimap').waitFor();
    await tablet.locator('.group-legend').waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await tablet.screenshot({ path: artifactPath('visible-overlays-shown-1024-touch-en.png') });
    await tablet.reload();
    await tablet.locator('.status-connected').waitFor();
    await tablet.locator('.minimap').waitFor();
    await toggle.tap();
    await expect.poll(() => tablet.locator('.minimap').count()).toBe(0);
    await tablet.context().close();

    // On a phone the same button shows the key and a small map in the top corner, clear of the toolbar.
    const phone = await openPage(env.browser, errors, { viewport: { width: 390, height: 844 }, hasTouch: true });
    await joinBoard(phone, board.links.participant, 'Cas');
    await phone.getByRole('dialog').getByRole('button', { name: 'Gemeente' }).click();
    await phone.locator('.toolbar').getByRole('button', { name: 'More tools' }).tap();
    await phone.locator('.more-popover').getByRole('button', { name: "Overview map and groups' key" }).tap();
    await phone.locator('.group-legend').waitFor();
    const toolbar = await boxOf(phone.locator('.toolbar'));
    const corner = await fixedOverlays(phone);
    expect(corner.length).toBeGreaterThanOrEqual(1);
    for (const box of corner) {
      expect(overlap(box, toolbar)).toBe(false);
      expect(box.width).toBeLessThanOrEqual(390 / 2 + 20);
    }
    await phone.screenshot({ path: artifactPath('visible-overlays-shown-390-touch-en.png') });
    await phone.context().close();
    await fac.context().close();
    seed.destroy();
  });
});

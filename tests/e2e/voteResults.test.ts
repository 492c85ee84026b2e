/**
 * E2E: dot vote results read on the items themselves and in the vote panel. Each note shows its dots
 * counted by group (the group's mark and a number), large enough to read on a touch tablet and on a
 * full-HD projector; the vote panel shows a table of item, total and each group's dots; English and
 * Dutch.
 *
 * Why: the split by group was only in hover tooltips, which a tablet and the projector never show,
 * and single dots were cut to "+n" on a narrow note.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createGroup, createNote, openVote, ORIGIN, placeDot } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitSynced } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { joinBoard, nextFrame, openPage, useE2eEnvironment } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-votes-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

interface DrawnTally {
  note: string;
  /** Each group's mark label and its number, as drawn. */
  groups: { label: string; count: string; countPx: number }[];
  total: string | null;
}

/** The dots drawn on each note, counted by group, with the on-screen height of the numbers. */
async function drawnTallies(page: Page): Promise<DrawnTally[]> {
  await nextFrame(page);
  return page.evaluate(`(() => {
    const stage = window.Konva.stages[0];
    return stage.find('.note').filter((n) => n.findOne('.dots')).map((n) => ({
      note: n.findOne('Text').text(),
      groups: n.find('.dot-group').map((g) => {
        const count = g.findOne('.dot-count');
        return { label: g.findOne('.dot-label') ? g.findOne('.dot-label').text() : '', count: count ? count.text() : '', countPx: count ? count.fontSize() * count.getAbsoluteScale().y : 0 };
      }),
      total: n.findOne('.dot-total') ? n.findOne('.dot-total').text() : null,
    }));
  })()`) as Promise<DrawnTally[]>;
}

describe('vote results readable (headless Chromium)', () => {
  it('each note shows its dots counted by group, readable on a tablet and the projector; the panel has a results table', async () => {
    const board = await createBoard(env.server.localUrl, 'Wat telt in de zorg');
    const seed = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(seed);
    const [bew, zorg, gem] = [
      ['Bewoners', '#1b9e77'],
      ['Zorgverleners', '#e6ab02'],
      ['Gemeente', '#b2182b'],
    ].map(([name, color]) => createGroup(seed.doc, { name: name!, color: color! }, ORIGIN.local));
    const texts = ['Wachttijden korter', 'Zorg dichter bij huis', 'Samen met school', 'Care at home', 'Meer handen aan het bed', 'Digitale zorg'];
    const ids = texts.map((text, i) => createNote(seed.doc, { text, color: '#fff176', x: (i % 3) * 260, y: Math.floor(i / 3) * 260, authorId: 'seed', groupId: null }, ORIGIN.local));
    const vote = openVote(seed.doc, { title: 'Wat telt', target: 'notes', dots: 5 }, ORIGIN.local);
    const dots: [string, string, number][] = [
      ['v1', bew!, 0], ['v2', bew!, 0], ['v3', bew!, 0], ['v4', zorg!, 0], ['v5', zorg!, 0], ['v6', gem!, 0],
      ['v1', bew!, 1], ['v4', zorg!, 1],
      ['v6', gem!, 2],
    ];
    for (const [voterId, groupId, item] of dots) placeDot(seed.doc, { voteId: vote, itemId: ids[item]!, voterId, groupId }, ORIGIN.local);

    const expected = (d: DrawnTally[]) => d.find((x) => x.note === texts[0]);
    for (const device of [
      { name: '1024-touch', viewport: { width: 1024, height: 768 }, touch: true, link: board.links.facilitator, lang: 'en' },
      { name: '1024-touch', viewport: { width: 1024, height: 768 }, touch: true, link: board.links.facilitator, lang: 'nl' },
      { name: '1920-projector', viewport: { width: 1920, height: 1080 }, touch: false, link: board.links.projector, lang: 'nl' },
    ] as const) {
      const page = await openPage(env.browser, errors, { viewport: device.viewport, hasTouch: device.touch });
      if (device.link === board.links.projector) {
        await page.goto(device.link);
        await page.locator('.status-connected').waitFor();
      } else await joinBoard(page, device.link, 'Fien');
      const nl = device.lang === 'nl';
      if (nl) await page.locator('.lang').click();
      if (device.link !== board.links.projector) await page.locator('.toolbar').getByRole('button', { name: nl ? 'Alles in beeld' : 'Zoom to fit everything' }).click();
      await expect.poll(async () => expected(await drawnTallies(page))?.groups.length ?? 0, { timeout: 10_000 }).toBe(3);
      const tallies = await drawnTallies(page);
      // The first note: Bewoners 3, Zorgverleners 2, Gemeente 1, and the total 6, each number readable.
      const first = expected(tallies)!;
      expect(first.groups.map((g) => [g.label, g.count])).toEqual([['B', '3'], ['Z', '2'], ['G', '1']]);
      expect(first.total).toBe('= 6');
      for (const g of first.groups) expect(g.countPx).toBeGreaterThanOrEqual(14);
      expect(tallies.find((x) => x.note === texts[1])!.groups.map((g) => [g.label, g.count])).toEqual([['B', '1'], ['Z', '1']]);
      expect(tallies.find((x) => x.note === texts[2])).toMatchObject({ groups: [{ label: 'G', count: '1' }], total: null });
      await page.screenshot({ path: artifactPath(`vote-tallies-${device.name}-${device.lang}.png`) });

      // The vote panel: a table with each item's total and each group's dots.
      if (device.link !== board.links.projector) {
        await page.locator('.toolbar').getByRole('button', { name: nl ? 'Stemmen met stippen' : 'Dot vote' }).click();
        const table = page.locator('table.results');
        await table.waitFor();
        const cells = await table.locator('tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
        expect(cells[0]).toEqual([nl ? 'Onderdeel' : 'Item', nl ? 'Totaal' : 'Total', 'BBewoners', 'ZZorgverleners', 'GGemeente']);
        expect(cells.slice(1)).toEqual([
          [texts[0], '6', '3', '2', '1'],
          [texts[1], '2', '1', '1', '0'],
          [texts[2], '1', '0', '0', '1'],
        ]);
        await page.screenshot({ path: artifactPath(`vote-table-${device.name}-${device.lang}.png`) });
      }
      await page.context().close();
    }
    seed.destroy();
  });
});

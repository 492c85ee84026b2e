/**
 * E2E: a note's stakeholder group is shown by more than colour (a tag with the group's label and a
 * dark outline, the same in the legend), and right-to-left notes are aligned right, on the canvas
 * and in the note editor; a cluster's coverage chips and the vote dots carry the groups' labels too.
 * Read from the Konva nodes as drawn, at tablet and projector sizes.
 *
 * Why: group strips on a yellow note had 1.8-2.9:1 contrast and no other cue; an Arabic note was
 * drawn from the left edge; a cluster's coverage and the dots said their groups by colour only.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createArea, createCluster, createGroup, createNote, openVote, ORIGIN, placeDot, setVoteOpen } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitSynced } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { joinBoard, nextFrame, openEditor, openPage, useE2eEnvironment } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-marks-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

const ARABIC = 'مستقبل الرعاية في منطقتنا';
const HEBREW = 'עתיד הטיפול באזור';

interface DrawnMark {
  text: string;
  align: string;
  /** The group tag's label, fill, outline and ink, or null for a note without one. */
  mark: { label: string; fill: string; outline: string; ink: string; onPage: { x: number; y: number; w: number; h: number } } | null;
}

/** Each drawn note's text alignment and group tag, read from Konva's nodes after a drawn frame. */
async function drawnMarks(page: Page): Promise<DrawnMark[]> {
  await nextFrame(page);
  return page.evaluate(`(() => {
    const stage = window.Konva.stages[0];
    const box = stage.container().getBoundingClientRect();
    return stage.find('.note').map((g) => {
      const text = g.getChildren().find((c) => c.getClassName() === 'Text');
      const tag = g.findOne('.group-mark');
      const r = tag && tag.getClientRect();
      return {
        text: text ? text.text() : '',
        align: text ? text.align() : '',
        mark: tag ? {
          label: tag.findOne('.group-mark-label').text(),
          fill: tag.findOne('Rect').fill(),
          outline: tag.findOne('Rect').stroke(),
          ink: tag.findOne('.group-mark-label').fill(),
          onPage: { x: box.left + r.x, y: box.top + r.y, w: r.width, h: r.height },
        } : null,
      };
    });
  })()`) as Promise<DrawnMark[]>;
}

describe('group marks and right-to-left notes (headless Chromium)', () => {
  it('each group note carries a tag with its label and a dark outline; RTL notes align right', async () => {
    const board = await createBoard(env.server.localUrl, 'Zorg in de regio 2035');
    const seed = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(seed);
    const groups = [
      ['Bewoners', '#1b9e77'],
      ['Zorgverleners', '#e6ab02'],
      ['Gemeente', '#b2182b'],
      ['Jongeren', '#7570b3'],
      ['Jeugdzorg', '#66a61e'],
    ].map(([name, color]) => createGroup(seed.doc, { name: name!, color: color! }, ORIGIN.local));
    const notes: [string, string, number][] = [
      ['Wachttijden korter', '#fff176', 0],
      ['Zorg dichter bij huis', '#fff176', 1],
      [ARABIC, '#ffb74d', 2],
      ['Ruimte voor jongeren', '#90caf9', 3],
      ['Samen met school', '#a5d6a7', 4],
      [HEBREW, '#e0e0e0', -1],
      ['Care at home', '#f48fb1', -1],
    ];
    // An area named in Arabic below the notes: its title starts at its right edge too.
    createArea(seed.doc, { name: 'المنطقة الشمالية', x: 0, y: 540, w: 1000, h: 300 }, ORIGIN.local);
    seed.doc.transact(() =>
      notes.forEach(([text, color, g], i) =>
        createNote(seed.doc, { text, color, x: (i % 4) * 260, y: Math.floor(i / 4) * 260, authorId: 'seed', groupId: g < 0 ? null : groups[g]! }, ORIGIN.local),
      ),
    );

    const tablet = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 }, hasTouch: true });
    await joinBoard(tablet, board.links.facilitator, 'Fien');
    await tablet.getByRole('button', { name: 'Zoom to fit everything' }).click();
    await expect.poll(async () => (await drawnMarks(tablet)).length).toBe(notes.length);

    const drawn = await drawnMarks(tablet);
    const byText = (t: string) => drawn.find((d) => d.text === t)!;
    expect(byText('Wachttijden korter').mark).toMatchObject({ label: 'B', fill: '#1b9e77', outline: '#1d232b' });
    expect(byText('Zorg dichter bij huis').mark).toMatchObject({ label: 'Z', fill: '#e6ab02', outline: '#1d232b', ink: '#000000' });
    expect(byText(ARABIC).mark).toMatchObject({ label: 'G', fill: '#b2182b', ink: '#ffffff' });
    expect(byText('Ruimte voor jongeren').mark?.label).toBe('Jo');
    expect(byText('Samen met school').mark?.label).toBe('Je');
    expect(byText('Care at home').mark).toBeNull();
    // The tag is big enough to read on the tablet at the fitted zoom.
    expect(byText('Wachttijden korter').mark!.onPage.h).toBeGreaterThanOrEqual(14);

    // Right-to-left notes are aligned right, the others left.
    expect(byText(ARABIC).align).toBe('right');
    expect(byText(HEBREW).align).toBe('right');
    expect(byText('Care at home').align).toBe('left');
    expect(byText('Wachttijden korter').align).toBe('left');
    await expect(tablet.evaluate(`window.Konva.stages[0].findOne('.area').findOne('Text').align()`)).resolves.toBe('right');

    // The legend (shown from the toolbar) shows the same tags beside the names.
    await tablet.locator('.toolbar').getByRole('button', { name: "Overview map and groups' key" }).click();
    const legend = tablet.locator('.group-legend');
    await expect.poll(() => legend.locator('.group-mark').allTextContents()).toEqual(['B', 'Z', 'G', 'Jo', 'Je']);
    await expect(legend.getByRole('button', { name: 'Jongeren' }).textContent()).resolves.toContain('Jo');
    await tablet.screenshot({ path: artifactPath('group-marks-1024-touch.png') });
    await tablet.context().close();

    // On the projector-sized laptop, the Arabic note opens in an editor that is right to left too.
    const laptop = await openPage(env.browser, errors, { viewport: { width: 1920, height: 1080 } });
    await joinBoard(laptop, board.links.facilitator, 'Fien');
    await laptop.getByRole('button', { name: 'Zoom to fit everything' }).click();
    await expect.poll(async () => (await drawnMarks(laptop)).filter((d) => d.mark).length).toBe(5);
    await laptop.screenshot({ path: artifactPath('group-marks-1920.png') });
    // The groups panel's lens list shows the same tags.
    await laptop.getByRole('button', { name: 'Stakeholder groups' }).click();
    await expect.poll(() => laptop.locator('.lens-toggle .group-mark').allTextContents()).toEqual(['B', 'Z', 'G', 'Jo', 'Je']);
    await laptop.screenshot({ path: artifactPath('group-marks-panel-1920.png') });
    await laptop.getByRole('button', { name: 'Stakeholder groups' }).click();
    const arabic = (await drawnMarks(laptop)).find((d) => d.text === ARABIC)!;
    await laptop.mouse.dblclick(arabic.mark!.onPage.x - 80, arabic.mark!.onPage.y - 60);
    const editor = openEditor(laptop);
    await editor.waitFor();
    await expect(editor.inputValue()).resolves.toBe(ARABIC);
    await expect(editor.evaluate((el) => el.matches(':dir(rtl)'))).resolves.toBe(true);
    await laptop.screenshot({ path: artifactPath('group-marks-rtl-editor-1920.png') });
    await laptop.keyboard.press('Escape');
    await laptop.context().close();
    seed.destroy();
  });

  it("a cluster's coverage chips and its dots carry each group's label; a missing group's chip is dashed", async () => {
    const board = await createBoard(env.server.localUrl, 'Wonen en zorg');
    const seed = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(seed);
    const [bew, zorg] = [
      ['Bewoners', '#1b9e77'],
      ['Zorgverleners', '#e6ab02'],
      ['Gemeente', '#b2182b'],
    ].map(([name, color]) => createGroup(seed.doc, { name: name!, color: color! }, ORIGIN.local));
    const ids = [
      ['Langer thuis wonen', bew],
      ['Buurtzorg in de wijk', zorg],
      ['Mantelzorg ontlasten', bew],
    ].map(([text, groupId], i) => createNote(seed.doc, { text: text!, color: '#fff176', x: i * 230, y: 0, authorId: 'seed', groupId: groupId! }, ORIGIN.local));
    const cluster = createCluster(seed.doc, ids, 'Thuis', ORIGIN.local);
    const vote = openVote(seed.doc, { title: 'Wat telt', target: 'clusters', dots: 3 }, ORIGIN.local);
    for (const [voterId, groupId] of [['v1', bew], ['v2', zorg], ['v3', bew]] as const) placeDot(seed.doc, { voteId: vote, itemId: cluster, voterId, groupId: groupId! }, ORIGIN.local);

    type Drawn = { chips: { label: string; fill: string; outline: string; dashed: boolean; ink: string }[]; dots: { fill: string; label: string | null }[]; scale: number };
    const drawnCluster = async (page: Page): Promise<Drawn | null> => {
      await nextFrame(page);
      return page.evaluate(`(() => {
        const stage = window.Konva.stages[0];
        const c = stage.findOne('.cluster');
        if (!c) return null;
        return {
          scale: stage.scaleX(),
          chips: c.find('.coverage-chip').map((g) => ({
            label: g.findOne('.coverage-chip-label').text(),
            fill: g.findOne('.coverage-chip-box').fill(),
            outline: g.findOne('.coverage-chip-box').stroke(),
            dashed: (g.findOne('.coverage-chip-box').dash() || []).length > 0,
            ink: g.findOne('.coverage-chip-label').fill(),
          })),
          dots: c.find('.dot-group').flatMap((g) => Array(Number(g.findOne('.dot-count').text())).fill({ fill: g.findOne('Circle').fill(), label: g.findOne('.dot-label') ? g.findOne('.dot-label').text() : null })),
        };
      })()`) as Promise<Drawn | null>;
    };

    const tablet = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 }, hasTouch: true });
    await joinBoard(tablet, board.links.facilitator, 'Fien');
    await tablet.getByRole('button', { name: 'Zoom to fit everything' }).click();
    await expect.poll(async () => (await drawnCluster(tablet))?.dots.length ?? 0).toBe(3);
    const onTablet = (await drawnCluster(tablet))!;
    // Bewoners and Zorgverleners have spoken (filled, solid outline); Gemeente has not (white, dashed).
    expect(onTablet.chips).toEqual([
      { label: 'B', fill: '#1b9e77', outline: '#1d232b', dashed: false, ink: '#000000' },
      { label: 'Z', fill: '#e6ab02', outline: '#1d232b', dashed: false, ink: '#000000' },
      { label: 'G', fill: '#ffffff', outline: '#1d232b', dashed: true, ink: '#1d232b' },
    ]);
    // Drawn large enough to read, each dot carries its group's label (listed here by label: dots
    // placed in the same millisecond come in the order of their ids).
    expect(onTablet.scale * 18).toBeGreaterThanOrEqual(15);
    expect([...onTablet.dots].sort((a, b) => (a.label ?? '').localeCompare(b.label ?? ''))).toEqual([
      { fill: '#1b9e77', label: 'B' },
      { fill: '#1b9e77', label: 'B' },
      { fill: '#e6ab02', label: 'Z' },
    ]);
    await tablet.screenshot({ path: artifactPath('group-marks-cluster-1024-touch.png') });
    await tablet.evaluate(() => (document.documentElement.style.filter = 'grayscale(1)'));
    await tablet.screenshot({ path: artifactPath('group-marks-cluster-1024-touch-grey.png') });
    await tablet.context().close();

    const laptop = await openPage(env.browser, errors, { viewport: { width: 1920, height: 1080 } });
    await joinBoard(laptop, board.links.facilitator, 'Fien');
    await laptop.getByRole('button', { name: 'Zoom to fit everything' }).click();
    await expect.poll(async () => (await drawnCluster(laptop))?.dots.map((d) => d.label).sort()).toEqual(['B', 'B', 'Z']);
    await expect.poll(async () => (await drawnCluster(laptop))?.chips.map((c) => c.label)).toEqual(['B', 'Z', 'G']);
    await laptop.screenshot({ path: artifactPath('group-marks-cluster-1920.png') });
    await laptop.evaluate(() => (document.documentElement.style.filter = 'grayscale(1)'));
    await laptop.screenshot({ path: artifactPath('group-marks-cluster-1920-grey.png') });

    // In a vote on notes, a note's dots carry their groups' labels too.
    setVoteOpen(seed.doc, vote, false, ORIGIN.local);
    const onNotes = openVote(seed.doc, { title: 'Eerst doen', target: 'notes', dots: 2 }, ORIGIN.local);
    for (const [voterId, groupId] of [['v1', zorg], ['v2', bew]] as const) placeDot(seed.doc, { voteId: onNotes, itemId: ids[1]!, voterId, groupId: groupId! }, ORIGIN.local);
    const noteDots = async () => {
      await nextFrame(laptop);
      return laptop.evaluate(`window.Konva.stages[0].find('.note').flatMap((n) => n.find('.dot-group').flatMap((d) => Array(Number(d.findOne('.dot-count').text())).fill(d.findOne('.dot-label') ? d.findOne('.dot-label').text() : null)))`);
    };
    await expect.poll(async () => ((await noteDots()) as string[]).sort()).toEqual(['B', 'Z']);
    await laptop.context().close();
    seed.destroy();
  });
});

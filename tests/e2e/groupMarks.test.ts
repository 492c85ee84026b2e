/**
 * E2E: a note's stakeholder group is shown by more than colour (a tag with the group's label and a
 * dark outline, the same in the legend), and right-to-left notes are aligned right, on the canvas
 * and in the note editor. Read from the Konva nodes as drawn, at tablet and projector sizes.
 *
 * Why: group strips on a yellow note had 1.8-2.9:1 contrast and no other cue; an Arabic note was
 * drawn from the left edge.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createArea, createGroup, createNote, ORIGIN } from '../../shared/index.ts';
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

    // The legend shows the same tags beside the names.
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
});

/**
 * E2E: the overview. A board of 480 notes zoomed out to the whole wall is drawn by one shape, and a
 * tap, a double tap and a drag on a card there still select, open and move that note.
 *
 * Why: the overview is a drawing trick for speed (bench/clientScenario.ts measures it); people must
 * not be able to tell from what their gestures do.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createNote, notesMap, ORIGIN } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitFor, waitSynced } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { joinBoard, nextFrame, openEditor, openPage, useE2eEnvironment } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-overview-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

const NOTES = 480;

/** Where board point (x, y) is on the page. */
async function onPage(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  await nextFrame(page);
  const t = (await page.evaluate(`(() => {
    const st = window.Konva.stages[0];
    const box = st.container().getBoundingClientRect();
    return { left: box.left, top: box.top, x: st.x(), y: st.y(), k: st.scaleX() };
  })()`)) as { left: number; top: number; x: number; y: number; k: number };
  return { x: t.left + t.x + x * t.k, y: t.top + t.y + y * t.k };
}

const count = (page: Page, selector: string) => page.evaluate(`window.Konva.stages[0].find('${selector}').length`) as Promise<number>;

describe('the overview of a large board (headless Chromium)', () => {
  it('draws the zoomed-out wall as one shape; tap, double tap and drag on a card act on its note', async () => {
    const board = await createBoard(env.server.localUrl, 'Whole wall');
    const writer = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(writer);
    // Six tables of 80 notes, far apart: the whole wall fits only far out.
    const ids: string[] = [];
    writer.doc.transact(() => {
      for (let i = 0; i < NOTES; i++) {
        const table = Math.floor(i / 80);
        ids.push(createNote(writer.doc, { text: `note ${i}`, x: table * 1800 + (i % 8) * 180, y: Math.floor((i % 80) / 8) * 180, authorId: 'seed' }, ORIGIN.local));
      }
    });

    const page = await openPage(env.browser, errors);
    await joinBoard(page, board.links.participant, 'Ann');
    await page.getByRole('application', { name: `The board: ${NOTES} notes` }).waitFor();
    await page.getByRole('button', { name: 'Zoom to fit everything' }).click();
    await expect.poll(() => count(page, '.notes-overview')).toBe(1);
    expect(await count(page, '.note')).toBe(0);
    await page.screenshot({ path: artifactPath('overview-1-wall.png') });

    // A tap on a card selects its note, which is then drawn as itself.
    const notes = notesMap(writer.doc);
    const card = async (id: string) => {
      const n = notes.get(id)!;
      return onPage(page, (n.get('x') as number) + 80, (n.get('y') as number) + 80);
    };
    const tapped = await card(ids[170]!);
    await page.mouse.click(tapped.x, tapped.y);
    await expect.poll(() => page.evaluate(`window.Konva.stages[0].find('.note').map((n) => n.id())`)).toEqual([ids[170]]);
    await page.screenshot({ path: artifactPath('overview-2-selected.png') });

    // A drag that starts on another card moves that note, and only it.
    const from = await card(ids[300]!);
    const before = { x: notes.get(ids[300]!)!.get('x') as number, other: notes.get(ids[301]!)!.get('x') as number };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + i * 8, from.y + i * 2);
    await page.mouse.up();
    await waitFor(() => (notes.get(ids[300]!)!.get('x') as number) > before.x + 100, 'the dragged note to move for the other client');
    expect(notes.get(ids[301]!)!.get('x')).toBe(before.other);

    // A double tap on a card opens that note for typing, also when the note is drawn as itself by
    // the second tap (the first selects it).
    const open = await card(ids[20]!);
    await page.mouse.click(open.x, open.y);
    await page.waitForTimeout(150);
    await page.mouse.click(open.x, open.y);
    await openEditor(page).waitFor();
    expect(await page.evaluate(`window.Konva.stages[0].find('.note').map((n) => n.id()).includes('${ids[20]}')`)).toBe(true);
    writer.destroy();
  });
});

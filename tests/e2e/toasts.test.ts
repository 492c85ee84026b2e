/**
 * E2E: toasts that never hide each other. Back online, the reconnect toast offers "Show"; three notes
 * deleted bring the undo toast too: the two stack above the bars at laptop, tablet and phone sizes,
 * off the top of the board where a framed task's titles are; a screen reader hears the undo offer
 * with its shortcut; the toolbar's Undo takes the delete back and closes the offer.
 *
 * Why: an offer to undo that hides another toast's button, or stays after its step is gone, is worse
 * than none.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createNote, listNotes, ORIGIN } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitFor, waitSynced } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { joinBoard, nextFrame, openPage, useE2eEnvironment, viewCentre, waitForNotes } from './boardPage.ts';
import { boxOf as screenBox, overlap } from './layoutChecks.ts';

const env = useE2eEnvironment('olifant-e2e-toasts-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

describe('toasts that never hide each other, and an undo offer that keeps its word (headless Chromium)', () => {
  it('the reconnect toast and the undo toast stack above the bars at four screen sizes; toolbar Undo closes the offer; a screen reader hears it', async () => {
    const board = await createBoard(env.server.localUrl, 'Toasts');
    const page = await openPage(env.browser, errors, { viewport: { width: 1440, height: 900 } });
    await joinBoard(page, board.links.participant, 'Ines');
    const other = connectClient(env.server.localUrl, board.id, tokenOf(board.links.participant));
    await waitSynced(other);
    const c = await viewCentre(page);
    for (const [i, text] of ['Vergrijzing', 'Ageing', 'Eenzaamheid'].entries()) createNote(other.doc, { text, x: c.x - 300 + i * 220, y: c.y - 80, authorId: 'other' }, ORIGIN.local);
    const drawn = await waitForNotes(page, (n) => n.length === 3, 'the three notes');

    // Away for a moment while another table adds a note: back online, the merge toast offers "Show".
    await page.context().setOffline(true);
    await page.locator('.status-offline').waitFor();
    createNote(other.doc, { text: 'Nieuw', x: c.x - 300, y: c.y + 200, authorId: 'other' }, ORIGIN.local);
    await page.context().setOffline(false);
    const merge = page.locator('.toast').filter({ hasText: 'Back online' });
    await merge.waitFor();

    // Three notes deleted: the undo toast comes too, and the screen reader hears it once, with Ctrl+Z.
    await page.mouse.click(drawn[0]!.cx, drawn[0]!.cy);
    await page.keyboard.down('Shift');
    for (const n of drawn.slice(1)) await page.mouse.click(n.cx, n.cy);
    await page.keyboard.up('Shift');
    await page.keyboard.press('Delete');
    await waitFor(() => listNotes(other.doc).length === 1, 'three notes deleted');
    const toast = page.getByTestId('undo-toast');
    await toast.waitFor();
    await expect.poll(() => page.locator('.announcer').textContent()).toBe('3 items deleted. To undo, press Ctrl+Z (⌘+Z on a Mac).');
    // The keyboard's focus on the toast keeps it while the screen changes size.
    await toast.getByRole('button', { name: 'Undo' }).focus();

    for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }, { width: 768, height: 1024 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(size);
      await nextFrame(page);
      const [m, u, show, bar] = await Promise.all([screenBox(merge), screenBox(toast), screenBox(merge.getByRole('button', { name: 'Show' })), screenBox(page.getByRole('toolbar', { name: 'Board tools' }))]);
      await page.screenshot({ path: artifactPath(`notes-8-toasts-${size.width}x${size.height}.png`) });
      expect(overlap(m, u), `the two toasts overlap at ${size.width}x${size.height}`).toBe(false);
      expect(overlap(u, bar) || overlap(m, bar), `a toast covers the toolbar at ${size.width}x${size.height}`).toBe(false);
      // "Show" is really the thing under a finger there.
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.textContent, [show.x + show.width / 2, show.y + show.height / 2]);
      expect(hit).toBe('Show');
      // Off the top half of the screen, where a framed task's area titles are.
      expect(Math.min(m.y, u.y)).toBeGreaterThan(size.height / 2);
    }

    // The toolbar's Undo takes the delete back and the offer goes with it, as Ctrl+Z does.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('toolbar', { name: 'Board tools' }).getByRole('button', { name: 'Undo' }).click();
    await waitFor(() => listNotes(other.doc).length === 4, 'the three notes back');
    await toast.waitFor({ state: 'detached' });
    other.destroy();
    await page.context().close();
  });
});

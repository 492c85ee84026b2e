/**
 * E2E: the board by keyboard alone, at 1440x900, without a single pointer event on the keyboard
 * user's page: join, write notes, move one with the arrows, Tab to three notes and select them,
 * cluster them, place a dot and take it back, read the board in the outline; dialogs that keep focus
 * and give it back; focus back to the canvas after the editor and to the button after a panel (the
 * "more" button on a phone). A mouse user's panel leaves focus and the view alone.
 *
 * Why: a person who cannot use a pointer must be able to do what a tablet participant does; only a
 * real browser shows where focus goes. The facilitator's page (a second person) may use the mouse.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser.ts';
import { createBoard } from '../helpers/server.ts';
import { drawnNotes, joinBoard, nextFrame, openEditor, openPage, useE2eEnvironment, waitForNotes } from './boardPage.ts';
import { focused, joinByKeyboard, ringedNote, tabTo, writeNote } from './keyboardPage.ts';

const env = useE2eEnvironment('olifant-e2e-keyboard-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

const LAPTOP = { viewport: { width: 1440, height: 900 } };

describe('the board by keyboard alone (1440x900)', () => {
  let board: Awaited<ReturnType<typeof createBoard>>;
  let fac: Page;

  it('joins, writes, moves, selects three notes, clusters them, votes and reads the outline by keyboard', async () => {
    board = await createBoard(env.server.localUrl, 'Keyboard only');
    fac = await openPage(env.browser, errors, LAPTOP);
    await joinBoard(fac, board.links.facilitator, 'Fien');

    const kim = await openPage(env.browser, errors, LAPTOP);
    await joinByKeyboard(kim, board.links.participant, 'Kim');

    // Three notes, written by keyboard; focus comes back to the canvas after each editor closes.
    await writeNote(kim, 'Long waiting lists');
    expect(await focused(kim)).toBe('canvas');
    const [first] = await waitForNotes(fac, (n) => n.length === 1, 'the first note on the second page');
    // Moved with the arrows: Shift+arrow is the big step (100), an arrow the small one (20).
    for (let i = 0; i < 3; i++) await kim.keyboard.press('Shift+ArrowLeft');
    await kim.keyboard.press('ArrowUp');
    const moved = await waitForNotes(fac, (n) => n[0]!.x !== first!.x, 'the moved note on the second page');
    expect([moved[0]!.x - first!.x, moved[0]!.y - first!.y]).toEqual([-300, -20]);
    // One undo step per key press, like one drag.
    await kim.keyboard.press('Control+z');
    await waitForNotes(fac, (n) => n[0]!.y === first!.y, 'the last step undone');
    await writeNote(kim, 'Too few care workers');
    await writeNote(kim, 'Neighbours help each other');
    for (let i = 0; i < 3; i++) await kim.keyboard.press('Shift+ArrowRight');
    const notes = await waitForNotes(fac, (n) => n.length === 3, 'three notes on the second page');
    expect(notes.map((n) => n.text).sort()).toEqual(['Long waiting lists', 'Neighbours help each other', 'Too few care workers']);

    // Escape clears the selection, again leaves the note: Tab goes through the notes in reading order.
    await kim.keyboard.press('Escape');
    await kim.keyboard.press('Escape');
    const byText = (text: string) => notes.find((n) => n.text === text)!.id;
    const order = ['Long waiting lists', 'Too few care workers', 'Neighbours help each other'].map(byText);
    // Ctrl+arrows pan (Shift: bigger steps) until no note is on screen; Tab brings the view to the note.
    for (let i = 0; i < 5; i++) await kim.keyboard.press('Control+Shift+ArrowRight');
    expect(await drawnNotes(kim)).toEqual([]);
    await kim.keyboard.press('Tab');
    expect(await ringedNote(kim)).toBe(order[0]);
    const shown = (await drawnNotes(kim)).find((n) => n.id === order[0]);
    expect(shown && shown.cx > 0 && shown.cx < 1440 && shown.cy > 0 && shown.cy < 900).toBe(true);
    // A screen reader hears which note the keyboard is on.
    expect(await kim.getByTestId('canvas-focus').textContent()).toBe('Note 1 of 3: Long waiting lists');
    await kim.keyboard.press('Space');
    expect(await kim.getByTestId('canvas-focus').textContent()).toBe('Note 1 of 3, selected: Long waiting lists');
    for (const id of order.slice(1)) {
      await kim.keyboard.press('Tab');
      expect(await ringedNote(kim)).toBe(id);
      await kim.keyboard.press('Shift+Space');
    }
    expect(await kim.getByRole('toolbar', { name: 'Selection' }).isVisible()).toBe(true);
    await kim.screenshot({ path: artifactPath('keyboard-1-focus-ring.png') });

    // Home and End jump to the first and the last note.
    await kim.keyboard.press('Home');
    expect(await ringedNote(kim)).toBe(order[0]);
    await kim.keyboard.press('End');
    expect(await ringedNote(kim)).toBe(order[2]);
    // Tab past the last note leaves the canvas for the selection bar; Shift+Tab comes back to it.
    await kim.keyboard.press('Tab');
    expect(await kim.evaluate(() => !!document.activeElement?.closest('.selection-bar'))).toBe(true);
    await kim.keyboard.press('Shift+Tab');
    expect(await focused(kim)).toBe('canvas');
    expect(await ringedNote(kim)).toBe(order[2]);

    // Ctrl+G clusters the three selected notes; the name is typed in place.
    await kim.keyboard.press('Control+g');
    await kim.getByLabel('Rename cluster').waitFor();
    await kim.keyboard.type('Waiting lists');
    await kim.keyboard.press('Enter');
    await expect.poll(() => focused(kim)).toBe('canvas');
    const voted = await ringedNote(kim);
    const votedText = notes.find((n) => n.id === voted)!.text;

    // The facilitator (second page) opens a vote on notes, three dots each.
    await fac.getByRole('button', { name: 'Dot vote' }).click();
    await fac.getByRole('spinbutton', { name: 'Dots' }).fill('3');
    await fac.getByRole('button', { name: 'Start a vote' }).click();
    await kim.getByText('3 dots left').waitFor();
    // D places a dot on the note the keyboard is on, Shift+D takes it back.
    await kim.keyboard.press('d');
    await kim.getByText('2 dots left').waitFor();
    await kim.keyboard.press('Shift+D');
    await kim.getByText('3 dots left').waitFor();
    await kim.keyboard.press('d');
    await kim.getByText('2 dots left').waitFor();

    // The vote panel's buttons do the same for the selection; closing it gives focus back to its button.
    await kim.keyboard.press('Escape');
    await kim.keyboard.press('Space');
    await tabTo(kim, 'Dot vote');
    await kim.keyboard.press('Enter');
    // The panel takes focus (its title) when it opens.
    await expect.poll(() => focused(kim)).toBe('h2:Dot vote');
    await tabTo(kim, `Place a dot on “${votedText}”`, 40);
    await kim.keyboard.press('Enter');
    await kim.getByText('1 dot left').waitFor();
    await kim.keyboard.press('Tab');
    await kim.keyboard.press('Enter');
    await kim.getByText('2 dots left').waitFor();
    await kim.keyboard.press('Escape');
    await expect.poll(() => focused(kim)).toBe('button:Dot vote');

    // The outline lists the cluster with its notes and dots; boxes select several notes on the board.
    await tabTo(kim, 'Outline');
    await kim.keyboard.press('Enter');
    await expect.poll(() => focused(kim)).toMatch(/^h2:Outline/);
    const outline = kim.locator('.outline');
    const cluster = outline.getByRole('listitem').filter({ has: kim.getByRole('heading', { name: /Cluster: Waiting lists/ }) });
    await expect.poll(() => cluster.getByRole('heading').textContent()).toBe('Cluster: Waiting lists (3 notes · 1 dot)');
    const inCluster = await cluster.getByRole('list').getByRole('listitem').allTextContents();
    expect(inCluster).toEqual(['Long waiting lists', 'Too few care workers', 'Neighbours help each other'].map((t) => expect.stringContaining(t)));
    expect(inCluster.find((t) => t.includes(votedText))).toContain('1 dot');
    // The note selected on the board stays selected; ticking the other two makes three.
    for (const text of ['Long waiting lists', 'Too few care workers', 'Neighbours help each other'].filter((t) => t !== votedText)) {
      await tabTo(kim, `Select: ${text}`);
      await kim.keyboard.press('Space');
    }
    // The count is shown; the page's one live region says the selection (no second voice here).
    await expect.poll(() => kim.locator('.panel .hint').textContent()).toBe('3 selected on the board');
    expect(await kim.locator('.panel [role="status"]').count()).toBe(0);
    await kim.screenshot({ path: artifactPath('keyboard-2-outline.png') });
    // Escape closes the outline and keeps the ticked notes selected, ready to cluster.
    await kim.keyboard.press('Escape');
    await expect.poll(() => focused(kim)).toBe('button:Outline');
    expect(await kim.getByRole('toolbar', { name: 'Selection' }).isVisible()).toBe(true);
    expect(await drawnNotes(kim)).toHaveLength(3);
  });

  it('the group question is a modal: focus moves in and stays, Escape closes it, focus returns', async () => {
    const kai = await openPage(env.browser, errors, LAPTOP);
    await joinByKeyboard(kai, board.links.participant, 'Kai');
    for (let i = 0; i < 20 && (await focused(kai)) !== 'canvas'; i++) await kai.keyboard.press('Tab');
    expect(await focused(kai)).toBe('canvas');
    await fac.getByRole('button', { name: 'Stakeholder groups' }).click();
    await fac.getByLabel('Group name').fill('Citizens');
    await fac.getByRole('button', { name: 'Add group' }).click();
    const dialog = kai.getByRole('dialog', { name: 'Which stakeholder group are you in?' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await expect.poll(() => focused(kai)).toMatch(/^dialog:/);
    for (let i = 0; i < 6; i++) {
      await kai.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
      await kai.keyboard.press('Tab');
      expect(await focused(kai)).toMatch(/^dialog:/);
    }
    await kai.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focused(kai)).toBe('canvas');

    // The help lists the keyboard's keys, in English and in Dutch; closing it returns to the board.
    await kai.keyboard.press('?');
    const help = kai.locator('.panel');
    await help.getByRole('heading', { name: 'Keyboard only' }).waitFor();
    expect(await help.textContent()).toContain('Tab / Shift+Tab: go through the notes in reading order');
    await kai.screenshot({ path: artifactPath('keyboard-3-help-en.png') });
    await tabTo(kai, 'Taal: Nederlands', 20);
    await kai.keyboard.press('Enter');
    await help.getByRole('heading', { name: 'Alleen met het toetsenbord' }).waitFor();
    await kai.screenshot({ path: artifactPath('keyboard-4-help-nl.png') });
    await kai.keyboard.press('Escape');
    await expect.poll(() => focused(kai)).toBe('canvas');
  });

  it('a panel opened from the toolbar by keyboard takes focus and gives it back; the outline reads clusters and dots', async () => {
    const lou = await openPage(env.browser, errors, LAPTOP);
    await joinByKeyboard(lou, board.links.facilitator, 'Lou');
    await tabTo(lou, 'Help and shortcuts');
    await lou.keyboard.press('Enter');
    await expect.poll(() => focused(lou)).toMatch(/^h2:/);
    await lou.keyboard.press('Escape');
    await expect.poll(() => focused(lou)).toBe('button:Help and shortcuts');
    // Closed with its × button, too.
    await tabTo(lou, 'Outline');
    await lou.keyboard.press('Enter');
    const outline = lou.locator('.outline');
    await expect.poll(() => outline.getByRole('heading', { level: 4 }).first().textContent()).toBe('Cluster: Waiting lists (3 notes · 1 dot)');
    expect(await outline.getByRole('heading', { name: 'Stakeholder groups' }).count()).toBe(1);
    await tabTo(lou, 'Close', 10);
    await lou.keyboard.press('Enter');
    await expect.poll(() => focused(lou)).toBe('button:Outline');
  });

  it('a panel opened and closed with a mouse leaves focus and the view alone', async () => {
    const pia = await openPage(env.browser, errors, LAPTOP);
    await joinBoard(pia, board.links.participant, 'Pia');
    const question = pia.getByRole('dialog', { name: 'Which stakeholder group are you in?' });
    await question.waitFor();
    await pia.getByRole('button', { name: 'Not now' }).click();
    await question.waitFor({ state: 'detached' });
    await waitForNotes(pia, (n) => n.length >= 3, 'the notes on the mouse page');
    // The notes selected and out of sight (a vote is open: a click would place a dot), then the mouse again.
    await pia.getByTestId('canvas').focus();
    await pia.keyboard.press('Control+a');
    await pia.getByRole('toolbar', { name: 'Selection' }).waitFor();
    for (let i = 0; i < 5; i++) await pia.keyboard.press('Control+Shift+ArrowRight');
    const away = await drawnNotes(pia);
    expect(away.every((n) => n.cx < 0)).toBe(true);
    await pia.getByRole('button', { name: 'Outline' }).click();
    await pia.locator('.panel').waitFor();
    // The board keeps focus (its keys keep working); the panel's title does not take it.
    await nextFrame(pia);
    expect(await focused(pia)).toBe('canvas');
    await pia.locator('.panel').getByRole('button', { name: 'Close' }).click();
    await pia.locator('.panel').waitFor({ state: 'detached' });
    await expect.poll(() => focused(pia)).toBe('canvas');
    // The view did not jump back to the selected notes.
    expect(await drawnNotes(pia)).toEqual(away);
    await pia.close();
  });

  it('on a phone the keyboard comes back to “More tools”, Tab out of it closes it, and a list takes its letters', async () => {
    const pat = await openPage(env.browser, errors, { viewport: { width: 390, height: 844 } });
    await joinByKeyboard(pat, board.links.participant, 'Pat');
    const question = pat.getByRole('dialog', { name: 'Which stakeholder group are you in?' });
    await question.waitFor();
    await pat.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    const more = pat.getByRole('toolbar', { name: 'Board tools' }).getByRole('button', { name: 'More tools' });
    const inPopover = () => pat.evaluate(() => !!document.activeElement?.closest('.more-popover'));

    // A panel opened from the popover gives focus back to the popover's button when it closes.
    await tabTo(pat, 'More tools');
    await pat.keyboard.press('Enter');
    await tabTo(pat, 'Outline', 20);
    expect(await inPopover()).toBe(true);
    await pat.keyboard.press('Enter');
    await expect.poll(() => focused(pat)).toMatch(/^h2:Outline/);
    await pat.keyboard.press('Escape');
    await expect.poll(() => focused(pat)).toBe('button:More tools');

    // Tab past the last tool leaves the popover closed behind it.
    await pat.keyboard.press('Enter');
    await expect.poll(inPopover).toBe(true);
    for (let i = 0; i < 30 && (await pat.evaluate(() => !!document.activeElement?.closest('.more-menu'))); i++) await pat.keyboard.press('Tab');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await pat.screenshot({ path: artifactPath('keyboard-5-phone-more-closed.png') });

    // A letter typed on a focused list picks an option; it is not the N of a new note.
    await tabTo(pat, 'More tools');
    await pat.keyboard.press('Enter');
    await tabTo(pat, 'Stakeholder groups', 20);
    await pat.keyboard.press('Enter');
    await pat.locator('.panel').waitFor();
    for (let i = 0; i < 20 && !(await focused(pat)).startsWith('select:'); i++) await pat.keyboard.press('Tab');
    expect(await focused(pat)).toMatch(/^select:/);
    await pat.keyboard.press('n');
    await nextFrame(pat);
    expect(await openEditor(pat).count()).toBe(0);
    expect(await focused(pat)).toMatch(/^select:/);
    await pat.close();
  });
});

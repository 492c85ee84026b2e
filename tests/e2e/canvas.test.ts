/**
 * E2E: the workshop canvas in headless Chromium, two people on one board through the real server.
 *
 * Why: the canvas promises (create by double-click or double-tap and type in place, drag with mouse
 * or finger, undo only one's own change, areas carry their notes) only hold if they hold in a real
 * browser with real input. Screenshots of each step are kept in tests/e2e/artifacts/.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { createBoard } from '../helpers/server.ts';
import { areaHandle, doubleTap, drawnNotes, fingerDrag, joinBoard, openEditor, openPage, useE2eEnvironment, waitForNotes } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-canvas-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

async function twoOnOneBoard(title: string): Promise<{ board: CreatedBoard; a: Page; b: Page }> {
  const board = await createBoard(env.server.localUrl, title);
  const a = await openPage(env.browser, errors);
  const b = await openPage(env.browser, errors);
  await joinBoard(a, board.links.participant, 'Ann');
  await joinBoard(b, board.links.participant, 'Bram');
  return { board, a, b };
}

async function typeNote(page: Page, text: string): Promise<void> {
  const editor = openEditor(page);
  await editor.waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
}

async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
}

describe('the workshop canvas (headless Chromium)', () => {
  it('double-click and type creates a note both see; a drag moves it for both; undo undoes only one’s own change', async () => {
    const { a, b } = await twoOnOneBoard('Canvas e2e');
    await a.mouse.dblclick(450, 350);
    await typeNote(a, 'Trust between citizens and services');
    const [seen] = await waitForNotes(b, (n) => n[0]?.text === 'Trust between citizens and services', 'Bram to see the note');
    await a.screenshot({ path: artifactPath('canvas-1-created-ann.png') });
    await b.screenshot({ path: artifactPath('canvas-1-created-bram.png') });

    const [before] = await drawnNotes(a);
    await mouseDrag(a, { x: before!.cx, y: before!.cy }, { x: before!.cx + 240, y: before!.cy + 120 });
    const [movedA] = await waitForNotes(a, (n) => n[0]!.x !== before!.x, 'the note to move for Ann');
    expect(movedA!.x - before!.x).toBeGreaterThan(150);
    await waitForNotes(b, (n) => n[0]?.x === movedA!.x && n[0]?.y === movedA!.y, 'the note to move for Bram');
    await b.screenshot({ path: artifactPath('canvas-2-moved-bram.png') });

    // Bram adds a note of his own; Ann undoes her move, then her note: Bram's note stays.
    await b.mouse.dblclick(300, 250);
    await typeNote(b, 'Bram’s own note');
    await waitForNotes(a, (n) => n.length === 2, 'Ann to see Bram’s note');
    await a.keyboard.press('Control+z');
    await waitForNotes(b, (n) => n.some((x) => x.id === seen!.id && x.x === before!.x && x.y === before!.y), 'the move to be undone for Bram');
    // Creating the note and typing into it is one step: the Undo button takes the note away.
    const undo = a.getByRole('button', { name: 'Undo' });
    await undo.click();
    const left = await waitForNotes(b, (n) => n.length === 1, 'Ann’s note to be undone for Bram');
    expect(left[0]!.text).toBe('Bram’s own note');
    expect(await undo.isDisabled()).toBe(true); // nothing of Ann's left to undo; Bram's note is not hers
    expect((await drawnNotes(a)).map((n) => n.text)).toEqual(['Bram’s own note']);
    await a.screenshot({ path: artifactPath('canvas-3-undone-ann.png') });
    await a.context().close();
    await b.context().close();
  });

  it('another person’s cursor shows with their name and glides between the positions it is sent', async () => {
    const { a, b } = await twoOnOneBoard('Cursor e2e');
    await b.mouse.move(300, 250);
    // Ann's page records where Bram's cursor is drawn, every frame, while he moves in 10 steps.
    const watching = a.evaluate(async () => {
      const stage = (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0];
      const seen: number[] = [];
      const until = performance.now() + 2500;
      while (performance.now() < until) {
        const cursor = stage.findOne('.cursor');
        if (cursor) seen.push(Math.round(cursor.x() * 10) / 10);
        await new Promise((r) => requestAnimationFrame(r));
      }
      return { seen, name: stage.findOne('.cursor')?.findOne('Text')?.text() };
    });
    await b.waitForTimeout(700);
    for (let i = 1; i <= 10; i++) {
      await b.mouse.move(300 + i * 40, 250 + i * 20);
      await b.waitForTimeout(60);
    }
    const { seen, name } = await watching;
    expect(name).toBe('Bram');
    const positions = new Set(seen);
    // Bram's page sent at most 11 positions; drawn in between, Ann saw many more, moving one way.
    expect(positions.size).toBeGreaterThan(15);
    expect(seen.at(-1)! - seen[0]!).toBeGreaterThan(200);
    expect(seen.every((x, i) => i === 0 || x >= seen[i - 1]!)).toBe(true);
    await a.context().close();
    await b.context().close();
  });

  it('on a touch tablet: double-tap creates a note and a finger drag moves it', async () => {
    const board = await createBoard(env.server.localUrl, 'Touch e2e');
    const tablet = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const laptop = await openPage(env.browser, errors);
    await joinBoard(tablet, board.links.participant, 'Tafel 4');
    await joinBoard(laptop, board.links.participant, 'Facilitator');
    await doubleTap(tablet, 500, 380);
    await openEditor(tablet).waitFor();
    await tablet.keyboard.type('Written with a finger');
    await tablet.touchscreen.tap(900, 200); // tapping the board closes the editor
    await openEditor(tablet).waitFor({ state: 'detached' });
    const [made] = await waitForNotes(laptop, (n) => n[0]?.text === 'Written with a finger', 'the laptop to see the tablet note');
    await tablet.screenshot({ path: artifactPath('canvas-4-touch-created.png') });

    const [onTablet] = await drawnNotes(tablet);
    await fingerDrag(tablet, { x: onTablet!.cx, y: onTablet!.cy }, { x: onTablet!.cx - 200, y: onTablet!.cy + 150 });
    const [moved] = await waitForNotes(laptop, (n) => n[0] !== undefined && n[0].x !== made!.x, 'the finger drag to reach the laptop');
    expect(made!.x - moved!.x).toBeGreaterThan(120);
    expect(moved!.y - made!.y).toBeGreaterThan(90);
    await tablet.screenshot({ path: artifactPath('canvas-5-touch-moved.png') });
    await tablet.context().close();
    await laptop.context().close();
  });

  it('on a touch tablet: two quick taps far apart are two taps, not a double tap (no empty note)', async () => {
    const board = await createBoard(env.server.localUrl, 'Two taps');
    const tablet = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
    await joinBoard(tablet, board.links.participant, 'Tafel 2');
    await tablet.touchscreen.tap(300, 300);
    await tablet.waitForTimeout(80);
    await tablet.touchscreen.tap(700, 300);
    await tablet.waitForTimeout(600);
    expect(await openEditor(tablet).count()).toBe(0);
    expect(await drawnNotes(tablet)).toEqual([]);
    // The same two taps in one place still make a note.
    await doubleTap(tablet, 500, 380);
    await openEditor(tablet).waitFor();
    await tablet.context().close();
  });

  it('a paste over the note length limit keeps what fits and says so', async () => {
    const board = await createBoard(env.server.localUrl, 'Long paste');
    const page = await openPage(env.browser, errors);
    await joinBoard(page, board.links.participant, 'Ines');
    await page.getByRole('button', { name: 'Add note' }).click();
    const editor = openEditor(page);
    await editor.waitFor();
    await page.keyboard.type('Intro: ');
    // A paste as the browser delivers it (with its clipboard data), of 10,000 characters.
    await editor.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'y'.repeat(10_000));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(await editor.inputValue()).toBe(`Intro: ${'y'.repeat(5_000 - 7)}`);
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'A note holds at most 5,000 characters: the first 4,993 of the 10,000 pasted were kept.',
    );
    await page.screenshot({ path: artifactPath('canvas-paste-too-long.png') });
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    const [note] = await waitForNotes(page, (n) => n.length === 1 && n[0]!.text.length === 5_000, 'the note to hold the kept text');
    expect(note!.text.startsWith('Intro: yyy')).toBe(true);
    await page.context().close();
  });

  it('an area carries the notes inside it when moved by its title bar, and leaves the others', async () => {
    const { a, b } = await twoOnOneBoard('Areas e2e');
    await a.getByRole('button', { name: 'Add area' }).click();
    const name = a.getByLabel('Rename');
    await name.fill('Tafel 1: burgers');
    await name.press('Enter');
    const handle = await areaHandle(a);
    // Two notes inside the area's body, one far outside it.
    await a.mouse.dblclick(handle.cx - 150, handle.cy + 200);
    await typeNote(a, 'Inside one');
    await a.mouse.dblclick(handle.cx + 150, handle.cy + 200);
    await typeNote(a, 'Inside two');
    await a.getByRole('button', { name: 'Zoom out' }).click();
    await a.mouse.dblclick(80, 560); // bottom left: clear of the area, the toolbar and the overview map
    await typeNote(a, 'Outside');
    const before = await waitForNotes(b, (n) => n.length === 3, 'Bram to see three notes');
    await a.screenshot({ path: artifactPath('canvas-6-area-before.png') });

    const h = await areaHandle(a);
    await mouseDrag(a, { x: h.cx, y: h.cy }, { x: h.cx + 180, y: h.cy + 90 });
    const after = await waitForNotes(b, (n) => n.find((x) => x.text === 'Inside one')?.x !== before.find((x) => x.text === 'Inside one')!.x, 'the area move to reach Bram');
    const delta = (text: string) => {
      const p = before.find((x) => x.text === text)!;
      const q = after.find((x) => x.text === text)!;
      return { dx: q.x - p.x, dy: q.y - p.y };
    };
    const moved = await areaHandle(b);
    const areaDelta = { dx: moved.x - h.x, dy: moved.y - h.y };
    expect(areaDelta.dx).toBeGreaterThan(100);
    // Positions are read rounded to whole board units, so allow one unit of rounding.
    const near = (d: { dx: number; dy: number }, e: { dx: number; dy: number }) => Math.abs(d.dx - e.dx) <= 1 && Math.abs(d.dy - e.dy) <= 1;
    expect(near(delta('Inside one'), areaDelta), JSON.stringify([delta('Inside one'), areaDelta])).toBe(true);
    expect(near(delta('Inside two'), areaDelta), JSON.stringify([delta('Inside two'), areaDelta])).toBe(true);
    expect(delta('Outside')).toEqual({ dx: 0, dy: 0 });
    await b.screenshot({ path: artifactPath('canvas-7-area-moved-bram.png') });
    await a.context().close();
    await b.context().close();
  });

  it('a projector link shows the board view-only: no editing tools, and a double-click makes nothing', async () => {
    const board = await createBoard(env.server.localUrl, 'Projector e2e');
    const participant = await openPage(env.browser, errors);
    const projector = await openPage(env.browser, errors, { viewport: { width: 1280, height: 720 } });
    await joinBoard(participant, board.links.participant, 'Ann');
    // A projector is a screen, not a person: no name is asked.
    await projector.goto(board.links.projector);
    await projector.locator('.status-connected').waitFor();
    expect(await projector.getByLabel('Your name').count()).toBe(0);
    await participant.mouse.dblclick(500, 350);
    await typeNote(participant, 'Seen on the wall');
    await waitForNotes(projector, (n) => n[0]?.text === 'Seen on the wall', 'the projector to show the note');
    expect(await projector.getByRole('button', { name: 'Add note' }).count()).toBe(0);
    expect(await projector.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    await projector.mouse.dblclick(300, 300);
    await projector.waitForTimeout(300);
    expect(await openEditor(projector).count()).toBe(0);
    expect((await drawnNotes(participant)).length).toBe(1);
    await projector.screenshot({ path: artifactPath('canvas-8-projector.png') });
    await participant.context().close();
    await projector.context().close();
  });

  it('the join form names the board, and a damaged link is refused before anyone types a name', async () => {
    const board = await createBoard(env.server.localUrl, 'Toekomst van de zorg');
    const page = await openPage(env.browser, errors);
    await page.goto(board.links.participant);
    await page.getByText('Toekomst van de zorg').waitFor();
    const damaged = board.links.participant.replace(/.{6}$/, 'AAAAAA');
    const other = await openPage(env.browser, errors);
    await other.goto(damaged);
    await other.getByRole('heading', { name: 'Cannot open this board' }).waitFor();
    expect(await other.getByLabel('Your name').count()).toBe(0);
    await other.screenshot({ path: artifactPath('canvas-9-refused-link.png') });
    await page.context().close();
    await other.context().close();
  });
});

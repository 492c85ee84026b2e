/**
 * What a rehearsal tablet does on the board, each through the page as a person does it: write a
 * note in an area (double-tap a free place, type, tap the board to finish), drag a note with a
 * finger, and tap a note or cluster to place a dot in the open vote.
 *
 * Why: every step ends on what a person would see (the editor open, the note drawn with its words,
 * the note where the finger left it, the dots left going down), so a step the app fails is reported
 * as that step, and nothing waits a fixed time.
 */
import type { Page } from 'playwright-core';
import { DEFAULT_NOTE_SIZE } from '../../shared/index.ts';
import { drawnNotes, fingerDrag, openEditor, waitForNotes } from '../helpers/pageActions.ts';
import { areaOnScreen, bareCanvasPoint, doubleTapAt, freeSpots, lifted, onCanvas, letTapWindowPass, toPage, wordsOf, type Lang, type Point } from './tabletsPage.ts';
import { showArea } from './tabletsView.ts';

/** A board rectangle. */
interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** An area: its id, and its rectangle as the board holds it (for when the page does not draw it). */
export interface AreaRef {
  readonly id: string;
  readonly rect: Rect | undefined;
}

const inside = (r: Rect, p: Point) => p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;

/**
 * Writes `text` as a new note in area `area`: brings the area into view, double-taps a free place
 * in it (the `pick`-th of the free places nearest its middle), types, and taps the bare board to
 * finish. Returns the note's id as the page made it, and whether its centre lies in the area.
 */
export async function writeNote(page: Page, lang: Lang, area: AreaRef, text: string, pick: number): Promise<{ id: string; inArea: boolean }> {
  const areaId = area.id;
  await showArea(page, areaId, area.rect);
  await stopPlacingDots(page, lang);
  const before = new Set((await drawnNotes(page)).map((n) => n.id));
  const editor = openEditor(page);
  // The room is live: between finding a free place and tapping it, someone may draw a connector or
  // a note there (then the tap opens that instead, to be closed untouched), or the page may take the
  // double tap for two single taps. The person closes whatever opened and taps again, at a place
  // free now.
  let spot: Point;
  for (let attempt = 1; ; attempt++) {
    const spots = await freeSpots(page, areaId, DEFAULT_NOTE_SIZE);
    if (spots.length === 0) throw new Error(`no free place left in area ${areaId} on this tablet`);
    spot = spots[pick % Math.min(spots.length, 5)]!;
    await letTapWindowPass(page);
    await doubleTapAt(page, spot);
    const opened = await editor.waitFor({ timeout: 5000 }).then(() => true, () => false);
    // A note the double tap made opens empty; someone else's note that arrived under the finger
    // opens with its text, and is closed untouched.
    if (opened && (await editor.inputValue()) === '') break;
    if (attempt === 3) throw new Error(`three double taps in area ${areaId} opened no new note for typing (last at ${Math.round(spot.x)},${Math.round(spot.y)})`);
    await page.keyboard.press('Escape');
  }
  await page.keyboard.type(text);
  // Done: a tap on the bare board closes the editor (a tablet has no Escape key at hand).
  const away = await bareCanvasPoint(page, spot, 220);
  if (away) {
    await page.touchscreen.tap(away.x, away.y);
    lifted(page);
  } else await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
  const drawn = await waitForNotes(page, (ns) => ns.some((n) => n.text === text && !before.has(n.id)), `the note "${text}" drawn`);
  const made = drawn.find((n) => n.text === text && !before.has(n.id))!;
  const v = await areaOnScreen(page, areaId);
  return { id: made.id, inArea: inside(v.area, { x: made.x + DEFAULT_NOTE_SIZE / 2, y: made.y + DEFAULT_NOTE_SIZE / 2 }) };
}

/**
 * A page point on note `noteId` where a finger touches that note, not one drawn over it (at a busy
 * table notes overlap), or null when others cover it whole.
 */
async function grabPoint(page: Page, noteId: string): Promise<Point | null> {
  return page.evaluate((id) => {
    const stage = (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0];
    const box = stage.container().getBoundingClientRect();
    const node = stage.find('.note').find((n: any) => n.id() === id);
    if (!node) return null;
    const r = node.getClientRect();
    for (const fy of [0.5, 0.3, 0.7, 0.15, 0.85]) {
      for (const fx of [0.5, 0.3, 0.7, 0.15, 0.85]) {
        const p = { x: r.x + r.width * fx, y: r.y + r.height * fy };
        let hit = stage.getIntersection(p);
        while (hit && !hit.hasName('note')) hit = hit.getParent();
        if (hit && hit.id() === id) return { x: box.left + p.x, y: box.top + p.y };
      }
    }
    return null;
  }, noteId);
}

/**
 * Drags note `noteId` (in area `area`, a note of default size) with one finger by about a
 * third of a note, in the direction that keeps it inside the area. Returns its new centre (board),
 * or null when other notes cover it whole on this tablet (a person would pick another).
 */
export async function dragNote(page: Page, noteId: string, area: AreaRef, toRight: boolean): Promise<Point | null> {
  const areaId = area.id;
  await showArea(page, areaId, area.rect);
  const v = await areaOnScreen(page, areaId);
  const note = (await drawnNotes(page)).find((n) => n.id === noteId);
  if (!note) throw new Error(`note ${noteId} is not drawn in area ${areaId} on this tablet`);
  const grab = await grabPoint(page, noteId);
  if (!grab) return null;
  const centre = { x: note.x + DEFAULT_NOTE_SIZE / 2, y: note.y + DEFAULT_NOTE_SIZE / 2 };
  const step = DEFAULT_NOTE_SIZE * 0.4;
  const margin = DEFAULT_NOTE_SIZE / 2 + 10;
  const fits = (p: Point) => p.x >= v.area.x + margin && p.x <= v.area.x + v.area.w - margin && p.y >= v.area.y + margin && p.y <= v.area.y + v.area.h - margin;
  const options = [toRight ? step : -step, toRight ? -step : step].flatMap((dx) => [{ x: centre.x + dx, y: centre.y + step / 2 }, { x: centre.x + dx, y: centre.y - step / 2 }]);
  const goal = options.find(fits) ?? options[0]!;
  // The finger keeps its place on the note: the note's centre goes where `goal` says.
  const from = grab;
  const target = toPage(v, goal);
  const to = { x: target.x + (grab.x - note.cx), y: target.y + (grab.y - note.cy) };
  if (!(await onCanvas(page, from)) || !(await onCanvas(page, to))) throw new Error(`note ${noteId} is under a bar or panel on this tablet`);
  await fingerDrag(page, from, to, 10);
  lifted(page);
  const moved = await waitForNotes(page, (ns) => ns.some((n) => n.id === noteId && (n.x !== note.x || n.y !== note.y)), `note ${noteId} to move`);
  const after = moved.find((n) => n.id === noteId)!;
  return { x: after.x + DEFAULT_NOTE_SIZE / 2, y: after.y + DEFAULT_NOTE_SIZE / 2 };
}

/**
 * While a vote is open, sets the vote banner's tool to "Select" before writing. With "Place dots", a
 * note made by a double tap can get a dot nobody tapped for: the browser's compatibility click after
 * the second touch may reach the page after the new note is drawn, and the note takes a click as a
 * vote. A person who means to write rather than vote switches the tool the same way.
 */
async function stopPlacingDots(page: Page, lang: Lang): Promise<void> {
  const stop = page.locator('.vote-banner').getByRole('button', { name: wordsOf(lang).stopVoting, exact: true });
  if ((await stop.count()) && (await stop.getAttribute('aria-pressed')) !== 'true') {
    await stop.tap();
    await page.locator('.vote-banner').getByRole('button', { name: wordsOf(lang).stopVoting, exact: true, pressed: true }).waitFor();
  }
}

/** The vote banner's "dots left" as shown now, or null when no vote banner is shown. */
export async function dotsLeftText(page: Page): Promise<string | null> {
  const left = page.locator('.vote-banner .dots-left');
  return (await left.count()) ? left.textContent() : null;
}

/**
 * Taps the item (a note, or a cluster's label bar) in its area with the "place a dot"
 * tool chosen in the vote banner. Resolves once the page answered: `placed` when `seen()` says the
 * dot is there (or, offline, the dots left went down), `refused` when the page said why not.
 */
export async function tapDot(
  page: Page,
  lang: Lang,
  item: { id: string; kind: 'notes' | 'clusters'; area: AreaRef },
  seen: (() => boolean) | null,
): Promise<'placed' | 'refused'> {
  const words = wordsOf(lang);
  await page.locator('.vote-banner').waitFor();
  const place = page.locator('.vote-banner').getByRole('button', { name: words.placeDot, exact: true });
  if ((await place.getAttribute('aria-pressed')) !== 'true') await place.tap();
  await page.locator('.vote-banner').getByRole('button', { name: words.placeDot, exact: true, pressed: true }).waitFor();
  await showArea(page, item.area.id, item.area.rect);
  const at = await itemPoint(page, item);
  if (!at || !(await onCanvas(page, at))) throw new Error(`${item.kind} ${item.id} is not where a finger can tap it on this tablet`);
  const before = await dotsLeftText(page);
  const alerts = await page.getByRole('alert').count();
  await page.touchscreen.tap(at.x, at.y);
  lifted(page);
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (seen ? seen() : (await dotsLeftText(page)) !== before) return 'placed';
    if ((await page.getByRole('alert').count()) > alerts) return 'refused';
    if (Date.now() > deadline) throw new Error(`a tap on ${item.kind} ${item.id} placed no dot and said nothing (dots left: ${before})`);
    await page.waitForTimeout(50);
  }
}

/** Where a finger taps an item: a note's middle, or a cluster's label bar. */
async function itemPoint(page: Page, item: { id: string; kind: 'notes' | 'clusters' }): Promise<Point | null> {
  if (item.kind === 'notes') {
    const note = (await drawnNotes(page)).find((n) => n.id === item.id);
    return note ? { x: note.cx, y: note.cy } : null;
  }
  return page.evaluate((id) => {
    const stage = (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0];
    const box = stage.container().getBoundingClientRect();
    const bar = stage.find('.cluster').find((n: any) => n.id() === id)?.findOne('.cluster-bar');
    if (!bar) return null;
    const r = bar.getClientRect();
    return { x: box.left + r.x + r.width / 2, y: box.top + r.y + r.height / 2 };
  }, item.id);
}

/**
 * A rehearsal tablet's eyes and fingers on the board page: joining in its seat's language, reading who
 * the page says it is, finding an area on the canvas and a free place in it, and bringing an area into
 * view with two fingers, as a person at a table does.
 *
 * Why: the tablets must use the app only as a person can (the page's own words, touch on the canvas),
 * so a gesture the app mishandles shows up in the rehearsal. Each step waits for what a person would
 * see (the board connected, the group question, the area drawn) instead of sleeping.
 */
import type { Page } from 'playwright-core';
import { en, nl } from '../../client/i18n/strings.ts';
import { drawnNotes, nextFrame } from '../helpers/pageActions.ts';

export type Lang = 'en' | 'nl';

/** The UI's words in a language (the same table the client reads). */
export const wordsOf = (lang: Lang) => (lang === 'nl' ? nl : en);

/** A point on the page, in CSS pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An area as this page draws it now: its board rectangle, and the view's transform and canvas box. */
export interface AreaOnScreen {
  readonly found: boolean;
  /** Board units. */
  readonly area: { x: number; y: number; w: number; h: number };
  /** Stage transform: screen = board * scale + offset, relative to the canvas box. */
  readonly scale: number;
  readonly offset: Point;
  /** The canvas box on the page. */
  readonly box: { left: number; top: number; width: number; height: number };
}

/** Opens the participant link, types the name, joins, and answers the group question with `groupName`. */
export async function joinTablet(page: Page, link: string, name: string, groupName: string, lang: Lang): Promise<void> {
  const words = wordsOf(lang);
  await page.goto(link);
  await page.getByLabel(words.joinName).fill(name);
  await page.getByRole('button', { name: words.joinButton }).click();
  await page.locator('.status-connected').waitFor();
  // The question comes once the facilitator's list of groups has been still for a moment.
  const question = page.getByRole('dialog', { name: words.pickGroupTitle });
  await question.getByRole('button', { name: groupName, exact: true }).click({ timeout: 30_000 });
  await question.waitFor({ state: 'detached' });
}

/** The participant id this page writes under (the id it adopted for the board, else its device id). */
export async function participantIdOf(page: Page, boardId: string): Promise<string> {
  const id = await page.evaluate((boardId) => localStorage.getItem(`olifant.me.${boardId}`) ?? localStorage.getItem('olifant.deviceId'), boardId);
  if (!id) throw new Error('the page keeps no participant id after joining');
  return id;
}

/**
 * How area `areaId` is drawn on this page now. The page draws only what is in view: for an area off
 * screen, `known` (its rectangle as the board holds it) stands in, so the fingers know where to go.
 */
export async function areaOnScreen(page: Page, areaId: string, known?: AreaOnScreen['area']): Promise<AreaOnScreen> {
  await nextFrame(page);
  const v = await page.evaluate((areaId) => {
    const stage = (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0];
    const b = stage.container().getBoundingClientRect();
    const node = stage.find('.area').find((n: any) => n.id() === areaId);
    const box = { left: b.left, top: b.top, width: b.width, height: b.height };
    const view = { scale: stage.scaleX(), offset: { x: stage.x(), y: stage.y() }, box };
    if (!node) return { found: false, area: { x: 0, y: 0, w: 0, h: 0 }, ...view };
    const body = node.findOne('Rect'); // the area's own rectangle (its title bar may stand above it)
    return { found: true, area: { x: node.x(), y: node.y(), w: body.width(), h: body.height() }, ...view };
  }, areaId);
  return !v.found && known ? { ...v, found: true, area: known } : v;
}

/** Board point -> page point, for what `areaOnScreen` read. */
export function toPage(v: AreaOnScreen, p: Point): Point {
  return { x: v.box.left + v.offset.x + p.x * v.scale, y: v.box.top + v.offset.y + p.y * v.scale };
}

/**
 * Places on the page where a new note centred there would lie inside area `areaId` (with its whole
 * body), nearest the area's middle first: on the bare canvas (no note, card, cluster or panel under
 * it, nor near it); in an area already full, where the finger itself lands on bare board and the new
 * note covers the fewest others. Empty when the area is not in view or has no bare board left.
 */
export async function freeSpots(page: Page, areaId: string, noteSize: number): Promise<Point[]> {
  await nextFrame(page);
  return page.evaluate(({ areaId, noteSize }) => {
    const stage = (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0];
    const box = stage.container().getBoundingClientRect();
    const area = stage.find('.area').find((n: any) => n.id() === areaId);
    if (!area) return [];
    const s = stage.scaleX();
    const r = area.findOne('Rect').getClientRect();
    const margin = (noteSize / 2 + 16) * s;
    const titleBar = 48 * s;
    const taken = stage.find('.note, .cluster, .wallCard, .mindMapCentre').map((n: any) => n.getClientRect());
    const half = margin + 12;
    const free: { x: number; y: number; d: number }[] = [];
    const crowded: { x: number; y: number; d: number; covers: number }[] = [];
    const step = Math.max(24, noteSize * s * 0.5);
    const mid = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    // To a finger: the canvas itself (no panel, bar or toast over it), with no shape that listens.
    const onCanvas = (x: number, y: number) => {
      const el = document.elementFromPoint(box.left + x, box.top + y);
      return !!el && stage.content.contains(el);
    };
    const bare = (x: number, y: number) => onCanvas(x, y) && !stage.getIntersection({ x, y });
    for (let y = r.y + titleBar + margin; y <= r.y + r.height - margin; y += step) {
      for (let x = r.x + margin; x <= r.x + r.width - margin; x += step) {
        if (x - half < 0 || y - half < 0 || x + half > box.width || y + half > box.height) continue;
        const corners = [[x - half, y - half], [x + half, y - half], [x - half, y + half], [x + half, y + half]] as const;
        if (!bare(x, y) || !corners.every(([cx, cy]) => onCanvas(cx, cy))) continue;
        const covers = taken.filter((t: any) => t.x < x + half && t.x + t.width > x - half && t.y < y + half && t.y + t.height > y - half).length;
        const d = Math.hypot(x - mid.x, y - mid.y);
        if (covers === 0 && corners.every(([cx, cy]) => bare(cx, cy))) free.push({ x: box.left + x, y: box.top + y, d });
        else crowded.push({ x: box.left + x, y: box.top + y, d, covers });
      }
    }
    const spots = free.length ? free.sort((a, b) => a.d - b.d) : crowded.sort((a, b) => a.covers - b.covers || a.d - b.d);
    return spots.map(({ x, y }) => ({ x, y }));
  }, { areaId, noteSize });
}

/** A bare point on the canvas (nothing drawn or laid over it), away from `avoid`: where a tap closes an editor. */
export async function bareCanvasPoint(page: Page, avoid: Point, distance: number): Promise<Point | null> {
  await nextFrame(page);
  return page.evaluate(({ avoid, distance }) => {
    const stage = (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0];
    const box = stage.container().getBoundingClientRect();
    for (let y = box.top + 90; y < box.bottom - 90; y += 40) {
      for (let x = box.left + 60; x < box.right - 60; x += 40) {
        if (Math.hypot(x - avoid.x, y - avoid.y) < distance) continue;
        const el = document.elementFromPoint(x, y);
        if (el && stage.content.contains(el) && !stage.getIntersection({ x: x - box.left, y: y - box.top })) return { x, y };
      }
    }
    return null;
  }, { avoid, distance });
}

/** Whether a page point lands on the canvas itself (no panel, bar or dialog over it). */
export async function onCanvas(page: Page, p: Point): Promise<boolean> {
  return page.evaluate((p) => {
    const stage = (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0];
    const el = document.elementFromPoint(p.x, p.y);
    return !!el && stage.content.contains(el);
  }, p);
}

/** When each page last lifted a finger from its canvas. */
const lastLift = new WeakMap<Page, number>();

/** Notes that a finger just left page `page`'s canvas (a tap, a drag, a pinch). */
export function lifted(page: Page): void {
  lastLift.set(page, Date.now());
}

/**
 * Lets the double-tap window of the page's last touch pass before the next gesture: the canvas pairs
 * any two taps within it (Konva's 400 ms, timed when the page handles them), and a two-finger stroke
 * ends in a tap too. A double tap glued to the end of a stroke loses its first tap to that pairing
 * and makes nothing; two strokes glued together can make an empty note where the fingers lift.
 * A person's hand pauses that long. Timed on the page, after it has handled what it was sent.
 */
export async function letTapWindowPass(page: Page): Promise<void> {
  if (Date.now() - (lastLift.get(page) ?? 0) > 2000) return;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 450))));
}

/**
 * A double tap as a finger makes it: two taps 150 ms apart by the touches' own time stamps (the page
 * times a double tap by those, not by when it got round to each tap), whatever the page's load.
 */
export async function doubleTapAt(page: Page, p: Point): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const finger = [{ x: p.x, y: p.y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  const t = Date.now() / 1000;
  const send = (type: 'touchStart' | 'touchEnd', at: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchStart' ? finger : [], timestamp: t + at });
  try {
    await Promise.all([send('touchStart', 0), send('touchEnd', 0.05), send('touchStart', 0.15), send('touchEnd', 0.2)]);
    lifted(page);
  } finally {
    await cdp.detach();
  }
}

/** What two-finger strokes moved on each page, not yet taken (`takeStrokeMoves`). */
const strokeMoves = new WeakMap<Page, string[]>();

/**
 * The notes two-finger strokes on `page` moved since the last call, each said in words. A pan or
 * pinch moves the view, never a note, even when a finger lands on one; a note it moves is dropped
 * where it stopped (into a cluster's outline, say) by the page itself.
 */
export function takeStrokeMoves(page: Page): string[] {
  const moves = strokeMoves.get(page) ?? [];
  strokeMoves.delete(page);
  return moves;
}

/** The notes drawn under page points `points` (ids; a point on no note gives none). */
async function notesUnder(page: Page, points: readonly Point[]): Promise<string[]> {
  return page.evaluate((points) => {
    const stage = (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0];
    const box = stage.container().getBoundingClientRect();
    const ids: string[] = [];
    for (const p of points) {
      let node = stage.getIntersection({ x: p.x - box.left, y: p.y - box.top });
      while (node && !node.hasName('note')) node = node.getParent();
      if (node) ids.push(node.id());
    }
    return ids;
  }, points);
}

/**
 * Two fingers on the canvas: start centred at `from` `d0` apart, end centred at `to` `d1` apart. A
 * note under a finger that the stroke moved is kept for `takeStrokeMoves`.
 */
export async function twoFingers(page: Page, from: Point, to: Point, d0: number, d1: number, steps = 8): Promise<void> {
  await letTapWindowPass(page);
  const cdp = await page.context().newCDPSession(page);
  const at = (c: Point, d: number) => [
    { x: c.x - d / 2, y: c.y, id: 1, radiusX: 4, radiusY: 4, force: 1 },
    { x: c.x + d / 2, y: c.y, id: 2, radiusX: 4, radiusY: 4, force: 1 },
  ];
  await nextFrame(page);
  const touched = await notesUnder(page, at(from, d0));
  const before = touched.length ? new Map((await drawnNotes(page)).map((n) => [n.id, n])) : null;
  try {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(from, d0) });
    for (let i = 1; i <= steps; i++) {
      const k = i / steps;
      const c = { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(c, d0 + (d1 - d0) * k) });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    lifted(page);
  } finally {
    await cdp.detach();
  }
  if (!before) return;
  const after = new Map((await drawnNotes(page)).map((n) => [n.id, n]));
  for (const id of touched) {
    const [a, b] = [before.get(id), after.get(id)];
    if (a && b && (a.x !== b.x || a.y !== b.y)) {
      strokeMoves.set(page, [...(strokeMoves.get(page) ?? []), `a two-finger stroke with a finger on note ${id} moved it from (${a.x}, ${a.y}) to (${b.x}, ${b.y})`]);
    }
  }
}

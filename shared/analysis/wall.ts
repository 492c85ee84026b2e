/**
 * The common-ground wall: where each confirmed item's card goes in the template's three list areas
 * (Common ground, Potential projects, Not agreed), as a pure function of the three lists.
 *
 * Why: the room watches the wall fill as the facilitator confirms items. The cards are drawn from
 * the same `agreementLists` the panel and the report read, never stored as copies, so the board, the
 * panel and the report cannot disagree: confirming puts the card up, moving it to another list moves
 * it, un-confirming (or undoing the confirmation) takes it down. Cards fill a tidy grid in each area,
 * around notes people put there before, and stay in their cells as notes and other cards arrive.
 */
import { OUTCOME_LISTS, type OutcomeList } from '../model/cocreation.ts';
import type { AgreementItem, AgreementLists } from './standing.ts';

type Rect = { readonly x: number; readonly y: number; readonly w: number; readonly h: number };

/** Space above the cards for the area's name (as large as the projector draws it), in board units. */
export const WALL_TOP = 110;
/** Space around and between the cards, in board units. */
export const WALL_PAD = 30;
export const WALL_GAP = 24;
/**
 * Largest card height and title size, in board units (wide areas). In the template's 1000-wide list
 * areas a card is 458 x 275 with a 44 title: with the wall alone on a 1920 px projector (about 0.55)
 * a stance line is about 21 px; such a card holds a two-line title and two stance lines, or a
 * one-line title and three.
 */
export const WALL_CARD_MAX_H = 480;
export const WALL_FONT_MAX = 76;
/** Size of a card's stance lines, relative to its title. */
export const WALL_STANCE_RATIO = 0.86;

/** One card on the wall: the item, its list and its place. `font` is its title size (board units). */
export interface WallCard {
  readonly item: AgreementItem;
  readonly list: OutcomeList;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly font: number;
}

/**
 * The three list areas' ids from the agenda record's `areas.commonGround` (the layout writes them in
 * the order Common ground, Potential projects, Not agreed); a list whose area is gone gets `null`.
 */
export function listAreaIds(byStep: Readonly<Record<string, readonly string[]>>, exists: (id: string) => boolean): Record<OutcomeList, string | null> {
  const ids = byStep.commonGround ?? [];
  const out = {} as Record<OutcomeList, string | null>;
  OUTCOME_LISTS.forEach((list, i) => {
    const id = ids[i];
    out[list] = id !== undefined && exists(id) ? id : null;
  });
  return out;
}

/** Something people put in a list area (a note), with when it was made (`at`, as the document keeps it). */
export interface WallObstacle extends Rect {
  readonly at?: number;
}

/**
 * The cards of the wall: every item of each list, in `order` (when it was confirmed, earliest first),
 * in a grid in its list's area. A card skips cells covered by `obstacles` (notes people put in the
 * area) that were made before it was confirmed; a note made later never moves a card already up (new
 * notes are placed around the cards instead). A list without an area has no cards. The grid's columns
 * are fixed by the area's width, so a new card goes in the next cell and the others stay; a list too
 * long for the area continues below it rather than shrink its cards unreadably. Every device computes
 * the same wall from the document alone.
 */
export function wallLayout(
  lists: Pick<AgreementLists, OutcomeList>,
  areas: Readonly<Record<OutcomeList, Rect | null>>,
  obstacles: readonly WallObstacle[] = [],
  order: (itemId: string) => number = () => 0,
): WallCard[] {
  const cards: WallCard[] = [];
  for (const list of OUTCOME_LISTS) {
    const area = areas[list];
    const items = [...lists[list]].sort((a, b) => order(a.itemId) - order(b.itemId) || (a.itemId < b.itemId ? -1 : 1));
    if (!area || items.length === 0) continue;
    const inArea = obstacles.filter((o) => overlaps(o, area));
    const cells = gridFor(area, items.map((i) => order(i.itemId)), inArea);
    items.forEach((item, i) => cards.push({ item, list, ...cells[i]! }));
  }
  return cards;
}

/** Narrowest card, in board units: a 1000-wide list area holds two columns. */
export const WALL_CARD_MIN_W = 440;

/**
 * One cell in `area` for each card confirmed at `arrivals` (in order): cells are taken row by row in
 * a grid whose column count comes from the area's width alone; a card passes over cells covered by an
 * obstacle made no later than the card itself.
 */
export function gridFor(area: Rect, arrivals: readonly number[], obstacles: readonly WallObstacle[]): Array<Omit<WallCard, 'item' | 'list'>> {
  const inner = { x: area.x + WALL_PAD, y: area.y + WALL_TOP, w: area.w - 2 * WALL_PAD, h: area.h - WALL_TOP - WALL_PAD };
  const cols = Math.max(1, Math.min(4, Math.floor((inner.w + WALL_GAP) / (WALL_CARD_MIN_W + WALL_GAP))));
  const w = Math.max(1, (inner.w - (cols - 1) * WALL_GAP) / cols);
  const h = Math.max(120, Math.min(WALL_CARD_MAX_H, Math.round(w * 0.6)));
  const font = Math.round(Math.max(20, Math.min(WALL_FONT_MAX, w / 10, h / 6.3)));
  const cell = (k: number) => ({ x: Math.round(inner.x + (k % cols) * (w + WALL_GAP)), y: Math.round(inner.y + Math.floor(k / cols) * (h + WALL_GAP)), w: Math.floor(w), h, font });
  const cells: Array<Omit<WallCard, 'item' | 'list'>> = [];
  let k = 0;
  for (const at of arrivals) {
    const there = obstacles.filter((o) => (o.at ?? -Infinity) <= at);
    // Past every covered cell (a note larger than the whole wall ends the search after a while).
    for (let skipped = 0; skipped < 200 && there.some((o) => overlaps(o, cell(k))); skipped++) k++;
    cells.push(cell(k++));
  }
  return cells;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

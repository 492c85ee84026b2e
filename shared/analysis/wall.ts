/**
 * The common-ground wall: where each confirmed item's card goes in the template's three list areas
 * (Common ground, Potential projects, Not agreed), as a pure function of the three lists.
 *
 * Why: the room watches the wall fill as the facilitator confirms items. The cards are drawn from
 * the same `agreementLists` the panel and the report read, never stored as copies, so the board, the
 * panel and the report cannot disagree: confirming puts the card up, moving it to another list moves
 * it, un-confirming (or undoing the confirmation) takes it down. Cards fill a tidy grid in each area's
 * free space, around notes people put there by hand, as large as the area allows so the projector can
 * show them readably.
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
 * Largest card height and title size, in board units: the three 1000-wide lists side by side beside
 * the projector's join card are shown at about 0.38 (1920 px wide), where a stance line of 0.86 x 76
 * is 24.8 px, readable from 10 m; such a card holds a two-line title and two stance lines, or a
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

/**
 * The cards of the wall: every item of each list, in `order` (when it was confirmed, earliest first),
 * in a grid in its list's area, skipping cells that would cover one of `obstacles` (notes people put
 * in the area). A list without an area has no cards. The grid has as few columns as lets every card
 * fit; a list too long for the area continues below it rather than shrink its cards unreadably.
 */
export function wallLayout(
  lists: Pick<AgreementLists, OutcomeList>,
  areas: Readonly<Record<OutcomeList, Rect | null>>,
  obstacles: readonly Rect[] = [],
  order: (itemId: string) => number = () => 0,
): WallCard[] {
  const cards: WallCard[] = [];
  for (const list of OUTCOME_LISTS) {
    const area = areas[list];
    const items = [...lists[list]].sort((a, b) => order(a.itemId) - order(b.itemId) || (a.itemId < b.itemId ? -1 : 1));
    if (!area || items.length === 0) continue;
    const inArea = obstacles.filter((o) => overlaps(o, area));
    const cells = gridFor(area, items.length, inArea);
    items.forEach((item, i) => cards.push({ item, list, ...cells[i]! }));
  }
  return cards;
}

/** `n` free cells in `area`: the fewest columns (1 to 4) whose cells all fit; else 4 columns, growing down. */
function gridFor(area: Rect, n: number, obstacles: readonly Rect[]): Array<Omit<WallCard, 'item' | 'list'>> {
  const inner = { x: area.x + WALL_PAD, y: area.y + WALL_TOP, w: area.w - 2 * WALL_PAD, h: area.h - WALL_TOP - WALL_PAD };
  const MAX_COLS = 4;
  for (let cols = 1; ; cols++) {
    const w = Math.max(1, (inner.w - (cols - 1) * WALL_GAP) / cols);
    const h = Math.max(120, Math.min(WALL_CARD_MAX_H, Math.round(w * 0.6)));
    const font = Math.round(Math.max(20, Math.min(WALL_FONT_MAX, w / 10, h / 6.3)));
    const rowsInArea = Math.max(1, Math.floor((inner.h + WALL_GAP) / (h + WALL_GAP)));
    const last = cols >= MAX_COLS;
    const cells: Array<Omit<WallCard, 'item' | 'list'>> = [];
    // Walk the cells row by row (past the area's bottom only in the last try), skipping covered ones.
    // A cell covered by a note is skipped, unless nothing else is left (a note larger than the wall).
    for (let row = 0; cells.length < n && (last ? row < rowsInArea + 2 * n : row < rowsInArea); row++) {
      for (let col = 0; col < cols && cells.length < n; col++) {
        const cell = { x: Math.round(inner.x + col * (w + WALL_GAP)), y: Math.round(inner.y + row * (h + WALL_GAP)), w: Math.floor(w), h, font };
        if (!obstacles.some((o) => overlaps(o, cell)) || (last && row >= rowsInArea + n)) cells.push(cell);
      }
    }
    if (cells.length >= n || last) return cells;
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * The order in which the keyboard (Tab, Shift+Tab) and the outline go through the notes: as a page is
 * read, in rows from top to bottom and, in a row, from left to right; the notes of an area one after
 * another, the area taking its place among the rest by its top left corner.
 *
 * Why: a board has no DOM order; a person tabbing through a table's area expects to finish that table
 * before the next, and rows that are only a few pixels apart are still one row to the eye.
 */
import { isNoteInArea } from '../../shared/index.ts';

/** A rectangle on the board with an id (a note or an area). */
export interface Placed {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * Sorts boxes in rows: a box starts a new row when its top is below the middle of the current row's
 * first box; inside a row, left to right.
 */
export function inRows<T extends Placed>(boxes: readonly T[]): T[] {
  const byTop = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
  const rows: T[][] = [];
  let limit = -Infinity;
  for (const box of byTop) {
    const row = rows.at(-1);
    if (row && box.y < limit) row.push(box);
    else {
      rows.push([box]);
      limit = box.y + box.h / 2;
    }
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x || (a.id < b.id ? -1 : 1)));
}

/** The smallest of `areas` that holds `note` (its centre), or null. */
export function areaOf<A extends Placed>(note: Placed, areas: readonly A[]): A | null {
  let best: A | null = null;
  for (const a of areas) if (isNoteInArea(note, a) && (!best || a.w * a.h < best.w * best.h)) best = a;
  return best;
}

/** Note ids in reading order (see the module comment). */
export function readingOrder(notes: readonly Placed[], areas: readonly Placed[]): string[] {
  const inArea = new Map<string, Placed[]>();
  const loose: Placed[] = [];
  for (const n of notes) {
    const a = areaOf(n, areas);
    if (a) {
      const list = inArea.get(a.id);
      if (list) list.push(n);
      else inArea.set(a.id, [n]);
    } else loose.push(n);
  }
  // Note and area ids never collide: a block is an area exactly when it holds notes here.
  const blocks = [...areas.filter((a) => inArea.has(a.id)), ...loose];
  return inRows(blocks).flatMap((b) => {
    const held = inArea.get(b.id);
    return held ? inRows(held).map((n) => n.id) : [b.id];
  });
}

/** The note after (`step` 1) or before (-1) `current` in `order`; null past either end. */
export function nextInOrder(order: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (order.length === 0) return null;
  const i = current === null ? -1 : order.indexOf(current);
  if (i === -1) return step === 1 ? order[0]! : order.at(-1)!;
  return order[i + step] ?? null;
}

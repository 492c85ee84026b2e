/**
 * Gathering a cluster's notes keeps them at the table the first of them is at: the grid goes inside
 * that area when it fits there, and only where it cannot fit does it look outside.
 *
 * Why: "Make a cluster" at the ideal-future tables put the gathered notes across the gap between two
 * mixed tables, in neither of them.
 */
import { describe, expect, it } from 'vitest';
import { gatherInGrid } from '../../client/tools/suggestions.ts';

const table = { x: 0, y: 0, w: 900, h: 700 };
const note = (id: string, x: number, y: number) => ({ id, x, y, w: 160, h: 160 });
const inside = (p: { x: number; y: number }, a: typeof table) => p.x >= a.x && p.y >= a.y && p.x + 160 <= a.x + a.w && p.y + 160 <= a.y + a.h;

describe('gathering notes into a grid', () => {
  it('keeps the grid inside the first note’s table when it fits there', () => {
    // The first note sits at the table's right edge: a grid starting there would stick out of it.
    const moves = gatherInGrid([note('a', 720, 300), note('b', 1100, 300)], [], 16, table);
    for (const m of moves) expect(inside(m, table), `${m.id} at ${m.x},${m.y}`).toBe(true);
  });

  it('keeps clear of another note at the table, and still inside it', () => {
    const other = { x: 300, y: 260, w: 160, h: 160 };
    const moves = gatherInGrid([note('a', 320, 280), note('b', 1100, 300)], [other], 16, table);
    for (const m of moves) {
      expect(inside(m, table), `${m.id} at ${m.x},${m.y}`).toBe(true);
      expect(m.x + 160 <= other.x || other.x + other.w <= m.x || m.y + 160 <= other.y || other.y + other.h <= m.y).toBe(true);
    }
  });

  it('looks outside the table only when the grid cannot fit in it', () => {
    const small = { x: 0, y: 0, w: 200, h: 200 };
    const moves = gatherInGrid([note('a', 20, 20), note('b', 600, 20)], [], 16, small);
    expect(moves).toHaveLength(2);
  });
});

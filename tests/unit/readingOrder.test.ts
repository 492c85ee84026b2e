/**
 * The order Tab and the outline go through the notes: rows from top to bottom, left to right in a
 * row, an area's notes together.
 *
 * Why: a keyboard user tabbing through a board must meet the notes as the eye reads them.
 */
import { describe, expect, it } from 'vitest';
import { inRows, nextInOrder, readingOrder } from '../../client/tools/readingOrder.ts';

const box = (id: string, x: number, y: number, w = 160, h = 160) => ({ id, x, y, w, h });

describe('reading order', () => {
  it('reads rows top to bottom and each row left to right, though a row is not perfectly straight', () => {
    const notes = [box('c', 400, 10), box('a', 0, 30), box('b', 200, 0), box('d', 100, 300)];
    expect(inRows(notes).map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the notes of an area together, the area in its place among the loose notes', () => {
    const area = box('area', 0, 0, 500, 500);
    const notes = [box('in2', 250, 300), box('loose', 700, 0), box('in1', 20, 20), box('below', 0, 800)];
    expect(readingOrder(notes, [area])).toEqual(['in1', 'in2', 'loose', 'below']);
  });

  it('puts a note in the smallest area that holds it, and skips areas without notes', () => {
    const big = box('big', 0, 0, 2000, 2000);
    const small = box('small', 1000, 0, 500, 500);
    const empty = box('empty', 0, 3000, 500, 500);
    const notes = [box('inSmall', 1100, 100), box('inBig', 100, 100)];
    expect(readingOrder(notes, [big, small, empty])).toEqual(['inBig', 'inSmall']);
  });

  it('steps forward and back, and past either end to nothing (focus leaves the board)', () => {
    const order = ['a', 'b', 'c'];
    expect(nextInOrder(order, null, 1)).toBe('a');
    expect(nextInOrder(order, null, -1)).toBe('c');
    expect(nextInOrder(order, 'b', 1)).toBe('c');
    expect(nextInOrder(order, 'c', 1)).toBeNull();
    expect(nextInOrder(order, 'a', -1)).toBeNull();
    expect(nextInOrder([], null, 1)).toBeNull();
  });
});

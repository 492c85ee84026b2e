/**
 * What makes two taps a double tap that may open a note: close together, and the note was under the
 * finger when the first tap began (not one that arrived under it since).
 *
 * Why: another table's note can arrive, or be dragged, under a finger between its two taps; typing
 * into it would append one person's words to another's note.
 */
import { describe, expect, it } from 'vitest';
import { TapPlaces } from '../../client/tools/doubleTap.ts';

describe('a double tap', () => {
  it('opens a note only if the first tap began on it', () => {
    const taps = new TapPlaces();
    taps.touched({ x: 100, y: 100 }, null); // on empty board
    taps.touched({ x: 102, y: 101 }, 'theirs'); // their note arrived under the finger meanwhile
    expect(taps.nearEachOther()).toBe(true);
    expect(taps.firstOn('theirs')).toBe(false);

    taps.touched({ x: 101, y: 100 }, 'theirs'); // now both taps begin on it
    expect(taps.firstOn('theirs')).toBe(true);
  });

  it('two taps far apart are not a double tap', () => {
    const taps = new TapPlaces();
    taps.touched({ x: 100, y: 100 }, 'a');
    taps.touched({ x: 400, y: 100 }, 'a');
    expect(taps.nearEachOther()).toBe(false);
  });
});

/**
 * The board's reading order is kept until the notes, the areas or the lens change.
 *
 * Why: the keyboard's Tab and the screen reader's "Note 2 of 5" ask for it often (the line is drawn
 * with the canvas, on every pan frame); sorting a board of thousands of notes each time would stall
 * panning.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resetStore, useStore } from '../../client/store/store.ts';
import { notesInReadingOrder } from '../../client/tools/keyboardFocus.ts';
import { DEFAULT_NOTE_SIZE, type Note } from '../../shared/index.ts';

afterEach(() => resetStore());

function note(id: string, x: number, y: number): Note {
  return { id, text: id, x, y, w: DEFAULT_NOTE_SIZE, h: DEFAULT_NOTE_SIZE, color: '#fff176', authorId: 'me', groupId: null, clusterId: null, kind: 'note', owner: '', volunteers: [], createdAt: 0 };
}

describe('the reading order of the board', () => {
  it('is the same array while the notes, areas and lens stay the same; new when a note moves', () => {
    useStore.setState({ notes: { a: note('a', 400, 0), b: note('b', 0, 0) }, noteIds: ['a', 'b'] });
    const first = notesInReadingOrder();
    expect(first).toEqual(['b', 'a']);
    // A pan (the viewport) or a cursor changes other parts of the store: the same order, not re-sorted.
    useStore.setState({ viewport: { x: 50, y: 20, scale: 1.5 } });
    expect(notesInReadingOrder()).toBe(first);
    // A note moves: the order is worked out again.
    useStore.setState((s) => ({ notes: { ...s.notes, a: { ...s.notes.a!, x: -400 } } }));
    expect(notesInReadingOrder()).toEqual(['a', 'b']);
  });
});

// @vitest-environment jsdom
/**
 * Component test: the screen reader's line about the keyboard's note ("Note 1 of 2: text") is written
 * when the keyboard moves or the note is selected, not at every keystroke someone else makes in that
 * note, and a long note is cut short.
 *
 * Why: a polite live region that changes is read again from the start; a note being written at
 * another table would be read over and over, and a 5,000-character note read whole.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FocusAnnouncer } from '../../client/canvas/FocusAnnouncer.tsx';
import { focusNote, setCanvasFocused } from '../../client/store/focus.ts';
import { resetStore, useStore } from '../../client/store/store.ts';
import { select } from '../../client/store/ui.ts';
import { DEFAULT_NOTE_SIZE, type Note } from '../../shared/index.ts';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => resetStore());

function note(id: string, x: number, text: string): Note {
  return { id, text, x, y: 0, w: DEFAULT_NOTE_SIZE, h: DEFAULT_NOTE_SIZE, color: '#fff176', authorId: 'sam', groupId: null, clusterId: null, kind: 'note', owner: '', volunteers: [], createdAt: 0 };
}

const setText = (id: string, text: string) => useStore.setState((s) => ({ notes: { ...s.notes, [id]: { ...s.notes[id]!, text } } }));

describe('the line about the keyboard’s note', () => {
  it('is written when the keyboard moves or selects, not on another person’s keystrokes; long text is cut short', async () => {
    useStore.setState({ notes: { a: note('a', 0, 'Waiting'), b: note('b', 400, 'x'.repeat(5000)) }, noteIds: ['a', 'b'] });
    const container = document.createElement('div');
    const root = createRoot(container);
    await act(async () => root.render(<FocusAnnouncer />));
    const line = () => container.textContent;
    await act(async () => {
      setCanvasFocused(true);
      focusNote('a');
    });
    expect(line()).toBe('Note 1 of 2: Waiting');
    // Someone else goes on writing in it: the line stays as it was said.
    await act(async () => setText('a', 'Waiting lists'));
    expect(line()).toBe('Note 1 of 2: Waiting');
    // Selected: said again, with what it says now.
    await act(async () => select(['a']));
    expect(line()).toBe('Note 1 of 2, selected: Waiting lists');
    // A very long note: its start, with "…".
    await act(async () => focusNote('b'));
    expect(line()).toBe(`Note 2 of 2: ${'x'.repeat(139)}…`);
    await act(async () => root.unmount());
  });
});

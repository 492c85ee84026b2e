/**
 * A note's text box is the same for the canvas, the projector and the editor: a note with a group
 * mark draws its text in the box above the mark, at a smaller size, and the projector checks that
 * size (not the whole card's) against 24 px, showing a summary when a marked note would be smaller.
 *
 * Why: the projector promises text readable from the back of the room; measuring a box larger than
 * the one drawn lets it frame notes whose text is drawn under 24 px.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fitFontSize } from '../../client/canvas/fitText.ts';
import { hasGroupMark, noteFontSize, noteTextHeight } from '../../client/canvas/noteText.ts';
import { PROJECTOR_TEXT_PX } from '../../client/canvas/projectorLayout.ts';
import { initialState, resetStore, useStore } from '../../client/store/store.ts';
import { framed, projectorPlan } from '../../client/tools/projectorFrame.ts';
import { DEFAULT_FACILITATION, type Note, type StakeholderGroup } from '../../shared/index.ts';

/** A stand-in for the browser's canvas text measure: each character 0.55 of the font size wide. */
beforeAll(() => {
  const ctx = {
    font: '10px sans-serif',
    measureText(text: string) {
      return { width: text.length * parseFloat(this.font) * 0.55 };
    },
  };
  (globalThis as { document?: unknown }).document = { createElement: () => ({ getContext: () => ctx }) };
});
afterEach(() => resetStore());

const TEXT = 'More affordable housing near the station, for young families and for older people together';
const groups: StakeholderGroup[] = [{ id: 'g1', name: 'Citizens', color: '#1e88e5', order: 0, archived: false, createdAt: 0 }];
const note = (id: string, x: number, groupId: string | null): Note => ({
  id, text: TEXT, x, y: 0, w: 160, h: 160, color: '#fff176', authorId: 'a', groupId, clusterId: null, kind: 'note', owner: '', volunteers: [], createdAt: 0,
});

describe('a note’s text box', () => {
  it('ends above the group mark, so its text is drawn smaller than on an unmarked card', () => {
    const n = note('n1', 0, 'g1');
    expect(noteTextHeight(n, true)).toBeLessThan(n.h);
    expect(noteTextHeight({ ...n, kind: 'action' }, true)).toBeLessThan(noteTextHeight(n, true));
    expect(noteFontSize(n, false)).toBe(fitFontSize(TEXT, 160, 160));
    expect(noteFontSize(n, true)).toBeLessThan(noteFontSize(n, false));
  });

  it('a note of an active group has a mark; no group or an archived one has none', () => {
    useStore.setState({ groups });
    expect(hasGroupMark(useStore.getState(), 'g1')).toBe(true);
    expect(hasGroupMark(useStore.getState(), null)).toBe(false);
    useStore.setState({ groups: [{ ...groups[0]!, archived: true }] });
    expect(hasGroupMark(useStore.getState(), 'g1')).toBe(false);
  });

  it('the projector plans with the font the canvas draws a marked note at', () => {
    useStore.setState({ ...initialState, groups });
    const s = useStore.getState();
    expect(framed(s, note('n1', 0, 'g1')).font).toBe(noteFontSize(note('n1', 0, 'g1'), true));
    expect(framed(s, note('n2', 0, null)).font).toBe(noteFontSize(note('n2', 0, null), false));
  });

  it('shows a summary when marked notes would be framed under 24 px, though unmarked they would not', () => {
    const full = noteFontSize(note('a', 0, null), false);
    const marked = noteFontSize(note('a', 0, 'g1'), true);
    // A zoom at which the whole card's font is readable and the marked box's is not.
    const scale = (PROJECTOR_TEXT_PX / marked) * 0.97;
    expect(full * scale).toBeGreaterThanOrEqual(PROJECTOR_TEXT_PX);
    const screen = { w: 1920, h: 900 };
    const width = (screen.w - 48) / scale;
    const board = (groupId: string | null) => {
      const notes = { a: note('a', 0, groupId), b: note('b', width - 160, groupId) };
      useStore.setState({ ...initialState, screen, groups, notes, noteIds: ['a', 'b'], facilitation: { ...DEFAULT_FACILITATION, projector: 'board' } });
      return projectorPlan(useStore.getState(), null);
    };
    const plain = board(null);
    expect(plain?.summary).toBeNull();
    expect(plain!.viewport.scale).toBeCloseTo(scale, 3);
    expect(board('g1')?.summary).toEqual({ kind: 'board' });
  });
});

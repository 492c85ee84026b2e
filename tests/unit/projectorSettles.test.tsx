// @vitest-environment jsdom
/**
 * The projector frames notes once they settle: while someone drags a note (each frame of the drag
 * changes the board) the wall keeps its frame, and frames again a moment after the note is dropped,
 * or at the latest every two seconds while the notes keep changing.
 *
 * Why: a note dragged at the edge of the framed content made the whole wall zoom with every frame.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initialState, resetStore, useStore } from '../../client/store/store.ts';
import { PROJECTOR_SETTLE_MAX_MS, PROJECTOR_SETTLE_MS, useShowFollowedView } from '../../client/tools/followAndSummon.ts';
import { DEFAULT_FACILITATION, type Note } from '../../shared/index.ts';

function Projector() {
  useShowFollowedView();
  return null;
}

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => {
  vi.useRealTimers();
  resetStore();
});

const note = (id: string, x: number): Note => ({
  id, text: 'Care at home', x, y: 0, w: 160, h: 160, color: '#fff176', authorId: 'a', groupId: null, clusterId: null, kind: 'note', owner: '', volunteers: [], createdAt: 0,
});

/** Moves note b to `x`, as a frame of someone's drag does. */
const drag = (x: number) => act(() => useStore.setState((s) => ({ notes: { ...s.notes, b: note('b', x) } })));

describe('the projector while someone drags a note', () => {
  it('keeps its frame during the drag and frames again once the note settles', async () => {
    vi.useFakeTimers();
    useStore.setState({
      ...initialState,
      me: { ...initialState.me, role: 'projector' },
      following: true,
      screen: { w: 1920, h: 900 },
      notes: { a: note('a', 0), b: note('b', 600) },
      noteIds: ['a', 'b'],
      facilitation: { ...DEFAULT_FACILITATION, projector: 'board' },
    });
    const root = createRoot(document.createElement('div'));
    await act(async () => root.render(<Projector />));
    const before = useStore.getState().viewport;
    expect(before.scale).not.toBe(initialState.viewport.scale);

    // Ten frames of a drag to the right, 50 ms apart: the wall does not move.
    for (let i = 1; i <= 10; i++) {
      await drag(600 + 60 * i);
      await act(async () => vi.advanceTimersByTime(50));
      expect(useStore.getState().viewport).toBe(before);
    }
    // Dropped: a moment later the frame takes in the note where it landed (wider, so smaller).
    await act(async () => vi.advanceTimersByTime(PROJECTOR_SETTLE_MS));
    const after = useStore.getState().viewport;
    expect(after.scale).toBeLessThan(before.scale);

    // A drag that goes on and on still re-frames, at the latest after the maximum wait.
    for (let t = 0, x = 1200; t <= PROJECTOR_SETTLE_MAX_MS; t += 100, x += 40) {
      await drag(x);
      await act(async () => vi.advanceTimersByTime(100));
    }
    expect(useStore.getState().viewport.scale).toBeLessThan(after.scale);
    root.unmount();
  });
});

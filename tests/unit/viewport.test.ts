import { afterEach, describe, expect, it } from 'vitest';
import { initialState, resetStore, useStore } from '../../client/store/store.ts';
import { MAX_SCALE, MIN_SCALE, panBy, toBoard, zoomBy, zoomToFit } from '../../client/store/ui.ts';
import { deleteSelection, toggleConnectMode } from '../../client/tools/commands.ts';
import { useToastStore } from '../../client/store/toast.ts';
import type { BoardActions } from '../../client/sync/actions.ts';
import type { Area, Note } from '../../shared/index.ts';

afterEach(() => resetStore());

const note = (id: string, x: number, y: number): Note => ({ id, text: '', x, y, w: 100, h: 100, color: '#fff176', authorId: 'a', groupId: null, clusterId: null, kind: 'note', owner: '', volunteers: [], createdAt: 0 });

describe('viewport gestures', () => {
  it('zooming keeps the board point under the pointer where it was', () => {
    useStore.setState({ viewport: { x: 40, y: -30, scale: 0.8 }, screen: { w: 1000, h: 700 } });
    const pointer = { x: 321, y: 123 };
    const before = toBoard(useStore.getState().viewport, pointer);
    zoomBy(1.7, pointer);
    const after = toBoard(useStore.getState().viewport, pointer);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
    expect(useStore.getState().viewport.scale).toBeCloseTo(1.36, 9);
  });

  it('zoom stays within its limits and panning moves by screen pixels', () => {
    zoomBy(1e9);
    expect(useStore.getState().viewport.scale).toBe(MAX_SCALE);
    zoomBy(1e-9);
    expect(useStore.getState().viewport.scale).toBe(MIN_SCALE);
    const { x, y } = useStore.getState().viewport;
    panBy(15, -20);
    expect(useStore.getState().viewport).toMatchObject({ x: x + 15, y: y - 20 });
  });

  it('zoom to fit shows every note inside the screen', () => {
    const notes = { a: note('a', -500, 200), b: note('b', 1400, 900) };
    useStore.setState({ notes, noteIds: ['a', 'b'], screen: { w: 1200, h: 800 } });
    zoomToFit();
    const v = useStore.getState().viewport;
    for (const n of Object.values(notes)) {
      const left = n.x * v.scale + v.x;
      const bottom = (n.y + n.h) * v.scale + v.y;
      expect(left).toBeGreaterThanOrEqual(0);
      expect((n.x + n.w) * v.scale + v.x).toBeLessThanOrEqual(1200);
      expect(bottom).toBeLessThanOrEqual(800);
    }
  });
});

describe('commands', () => {
  const calls: string[][] = [];
  const undone: unknown[] = [];
  // The last undo step, as sealStep reads it: a delete makes a new one.
  let lastStep = 'an earlier step';
  const actions = {
    deleteItems: (ids: string[]) => ((lastStep = 'the delete'), calls.push(ids)),
    deleteConnector: () => {},
    sealStep: () => lastStep,
    undoStep: (mark: unknown) => undone.push(mark),
  } as unknown as BoardActions;
  const area: Area = { id: 'z', name: 'Tafel 1', x: 0, y: 0, w: 500, h: 400, color: '#cfe3f7', createdAt: 0, locked: false, table: null, tableGroup: null };

  it('deleting an area asks first, and a refusal deletes nothing', () => {
    useStore.setState({ ...initialState, areas: { z: area }, areaIds: ['z'], selection: ['z'] });
    const asked: string[] = [];
    deleteSelection(actions, 'en', (q) => (asked.push(q), false));
    expect(asked).toEqual(['Delete the area “Tafel 1”? Its notes stay on the board.']);
    expect(calls).toEqual([]);
    deleteSelection(actions, 'nl', () => true);
    expect(calls).toEqual([['z']]);
  });

  it('a few notes go without a question; connect mode toggles', () => {
    calls.length = 0;
    lastStep = 'an earlier step';
    useStore.setState({ notes: { a: note('a', 0, 0) }, noteIds: ['a'], selection: ['a'] });
    deleteSelection(actions, 'en', () => {
      throw new Error('should not ask');
    });
    expect(calls).toEqual([['a']]);
    // What went is said in the undo toast, whose Undo takes back exactly that step.
    const toast = useToastStore.getState().toast;
    expect(toast?.message).toBe('1 item deleted');
    toast?.undo?.();
    expect(undone).toEqual(['the delete']);
    useStore.setState({ selection: ['a'] });
    toggleConnectMode();
    expect(useStore.getState().connectFrom).toBe('a');
    toggleConnectMode();
    expect(useStore.getState().connectFrom).toBeNull();
  });
});

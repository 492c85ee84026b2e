import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createArea, createNote, initBoard, moveNotes, ORIGIN, setNoteText } from '../../shared/index.ts';
import { bridgeDocToStore } from '../../client/sync/bridge.ts';
import { useStore } from '../../client/store/store.ts';
import { createUndoManager } from '../../client/sync/undo.ts';

beforeAll(() => {
  // The bridge batches per animation frame; Node has none, so a macrotask stands in for one.
  globalThis.requestAnimationFrame ??= ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number);
  globalThis.cancelAnimationFrame ??= ((id: number) => clearTimeout(id)) as typeof cancelAnimationFrame;
});

const nextFrame = () => new Promise((r) => setTimeout(r, 5));

/** A local doc bridged to the store, and a remote doc whose updates are applied to it. */
function setup(count: number) {
  const remote = new Y.Doc();
  initBoard(remote, { title: 'Bridge', createdAt: 1 }, ORIGIN.server);
  const ids = Array.from({ length: count }, (_, i) => createNote(remote, { text: `n${i}`, x: i, y: 0, authorId: 'r' }, ORIGIN.local));
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
  remote.on('update', (u: Uint8Array) => Y.applyUpdate(local, u, 'remote'));
  const stop = bridgeDocToStore(local);
  return { remote, local, ids, stop };
}

describe('the Yjs -> zustand bridge', () => {
  it('a remote edit of one note replaces that note only; every other note keeps its identity', async () => {
    const { remote, ids, stop } = setup(50);
    const before = useStore.getState();
    expect(before.noteIds).toHaveLength(50);
    const target = ids[17]!;
    setNoteText(remote, target, 'changed remotely', ORIGIN.local);
    await nextFrame();
    const after = useStore.getState();
    expect(after.notes[target]!.text).toBe('changed remotely');
    const changed = ids.filter((id) => after.notes[id] !== before.notes[id]);
    expect(changed).toEqual([target]); // a selector `s => s.notes[id]` re-renders exactly one note
    expect(after.noteIds).toBe(before.noteIds); // the list component does not re-render either
    stop();
  });

  it('batches many remote changes into one store update per frame', async () => {
    const { remote, ids, stop } = setup(10);
    let updates = 0;
    const unsubscribe = useStore.subscribe(() => updates++);
    for (let i = 0; i < 10; i++) moveNotes(remote, [{ id: ids[i]!, x: 100 + i, y: 5 }], ORIGIN.local);
    await nextFrame();
    expect(updates).toBe(1);
    expect(ids.map((id) => useStore.getState().notes[id]!.x)).toEqual(ids.map((_, i) => 100 + i));
    unsubscribe();
    stop();
  });

  it("publishes this device's change when its transaction ends; another's waits for the frame", async () => {
    const { remote, local, ids, stop } = setup(2);
    const [mine, theirs] = [ids[0]!, ids[1]!];
    moveNotes(local, [{ id: mine, x: 300, y: 40 }], ORIGIN.local);
    // No frame has passed: a drop can clear its drag offset in the same render as the moved note.
    expect(useStore.getState().notes[mine]).toMatchObject({ x: 300, y: 40 });
    moveNotes(remote, [{ id: theirs, x: 500, y: 60 }], ORIGIN.local);
    expect(useStore.getState().notes[theirs]).toMatchObject({ x: 1, y: 0 });
    await nextFrame();
    expect(useStore.getState().notes[theirs]).toMatchObject({ x: 500, y: 60 });
    stop();
  });

  it("a store listener that fails on a change of this device neither fails the change nor costs its undo step", async () => {
    const { local, ids, stop } = setup(1);
    const undo = createUndoManager(local); // listens after the bridge, as in a session
    const unsubscribe = useStore.subscribe(() => {
      throw new Error('a listener that fails');
    });
    const reported: unknown[] = [];
    const onError = (err: unknown) => reported.push(err);
    process.on('uncaughtException', onError);
    try {
      expect(() => moveNotes(local, [{ id: ids[0]!, x: 70, y: 80 }], ORIGIN.local)).not.toThrow();
      expect(undo.manager.undoStack).toHaveLength(1);
      await nextFrame();
      expect(reported.map((e) => (e as Error).message)).toContain('a listener that fails');
    } finally {
      process.off('uncaughtException', onError);
      unsubscribe();
      undo.manager.destroy();
      stop();
    }
  });

  it('adds and removes records and keeps id lists in creation order', async () => {
    const { remote, stop } = setup(2);
    const area = createArea(remote, { name: 'Tafel 3', x: 0, y: 0 }, ORIGIN.local);
    const n = createNote(remote, { text: 'new', x: 0, y: 0, authorId: 'r' }, ORIGIN.local);
    await nextFrame();
    const s = useStore.getState();
    expect(s.areaIds).toEqual([area]);
    expect(s.areas[area]!.name).toBe('Tafel 3');
    expect(s.noteIds.at(-1)).toBe(n);
    remote.getMap('notes').delete(n);
    await nextFrame();
    expect(useStore.getState().notes[n]).toBeUndefined();
    expect(useStore.getState().noteIds).not.toContain(n);
    stop();
  });
});

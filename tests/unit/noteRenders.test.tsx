// @vitest-environment jsdom
/**
 * Component test: with the real bridge and the real selector hook the note shapes use, one remote
 * edit re-renders exactly one note component.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, initBoard, ORIGIN, setNoteText } from '../../shared/index.ts';
import { bridgeDocToStore } from '../../client/sync/bridge.ts';
import { useNote } from '../../client/store/selectors.ts';
import { resetStore } from '../../client/store/store.ts';

const renders = new Map<string, number>();

function NoteProbe({ id }: { id: string }) {
  const note = useNote(id);
  renders.set(id, (renders.get(id) ?? 0) + 1);
  return <div data-id={id}>{note?.text}</div>;
}

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => resetStore());

describe('one remote edit re-renders one note', () => {
  it('renders 30 notes once, then only the edited one again', async () => {
    const remote = new Y.Doc();
    initBoard(remote, { title: 'Renders', createdAt: 1 }, ORIGIN.server);
    const ids = Array.from({ length: 30 }, (_, i) => createNote(remote, { text: `n${i}`, x: i, y: 0, authorId: 'r' }, ORIGIN.local));
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
    remote.on('update', (u: Uint8Array) => Y.applyUpdate(local, u, 'remote'));
    const stop = bridgeDocToStore(local);
    const container = document.createElement('div');
    const root = createRoot(container);
    await act(async () => root.render(<>{ids.map((id) => <NoteProbe key={id} id={id} />)}</>));
    expect([...renders.values()].every((n) => n === 1)).toBe(true);

    await act(async () => {
      setNoteText(remote, ids[7]!, 'edited elsewhere', ORIGIN.local);
      await new Promise((r) => setTimeout(r, 50)); // the bridge publishes on the next animation frame
    });
    expect(container.querySelector(`[data-id="${ids[7]}"]`)?.textContent).toBe('edited elsewhere');
    const again = ids.filter((id) => renders.get(id) !== 1);
    expect(again).toEqual([ids[7]]);
    expect(renders.get(ids[7]!)).toBe(2);
    root.unmount();
    stop();
  });
});

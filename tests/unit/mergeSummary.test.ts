import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { beginMerge } from '../../client/sync/mergeSummary.ts';
import { resetStore, useStore } from '../../client/store/store.ts';
import type { Note } from '../../shared/index.ts';

beforeAll(() => {
  globalThis.requestAnimationFrame ??= ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number);
});
afterEach(() => resetStore());

const note = (id: string, text: string, x = 0): Note => ({ id, text, x, y: 0, w: 160, h: 160, color: '#fff176', authorId: 'a', groupId: null, clusterId: null, kind: 'note', owner: '', volunteers: [], createdAt: 0 });
const frames = () => new Promise((r) => setTimeout(r, 20));

describe('what a reconnect merged', () => {
  it('counts my offline items and the notes others added, changed or removed meanwhile', async () => {
    useStore.setState({ notes: { a: note('a', 'mine'), b: note('b', 'theirs'), c: note('c', 'gone soon') }, pending: 2 });
    const finish = beginMerge();
    // The sync brings: b edited elsewhere, c deleted elsewhere, d new from elsewhere; a untouched.
    useStore.setState({ notes: { a: note('a', 'mine'), b: note('b', 'theirs, edited'), d: note('d', 'new') } });
    finish();
    await frames();
    const s = useStore.getState().mergeSummary;
    expect(s).toMatchObject({ mine: 2, others: 3 });
    expect([...s!.changedIds].sort()).toEqual(['b', 'd']);
  });

  it('says nothing when nothing happened on either side', async () => {
    useStore.setState({ notes: { a: note('a', 'same') }, pending: 0 });
    const finish = beginMerge();
    finish();
    await frames();
    expect(useStore.getState().mergeSummary).toBeNull();
  });
});

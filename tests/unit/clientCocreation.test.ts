/**
 * The client's co-creation glue: records reach the store through the bridge and the shared rules
 * derive the same values there; suggestion labels and where accepted notes gather.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCluster, createGroup, createNote, initBoard, openVote, ORIGIN, placeDot, setStance } from '../../shared/index.ts';
import { bridgeDocToStore } from '../../client/sync/bridge.ts';
import { agreement, clusterView, currentCount } from '../../client/store/derived.ts';
import { useStore } from '../../client/store/store.ts';
import { freeSpot, gatherInGrid, labelFor } from '../../client/tools/suggestions.ts';

beforeAll(() => {
  globalThis.requestAnimationFrame ??= ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number);
  globalThis.cancelAnimationFrame ??= ((id: number) => clearTimeout(id)) as typeof cancelAnimationFrame;
});
const nextFrame = () => new Promise((r) => setTimeout(r, 5));

describe('co-creation records in the client store', () => {
  it('groups, clusters, dots and stances made remotely show up, and the derived values follow', async () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Client', createdAt: 1 }, ORIGIN.server);
    const stop = bridgeDocToStore(doc);
    const g = createGroup(doc, { name: 'Citizens', color: '#1b9e77' }, ORIGIN.local);
    const a = createNote(doc, { text: 'a', x: 0, y: 0, authorId: 'p1', groupId: g }, ORIGIN.local);
    const b = createNote(doc, { text: 'b', x: 200, y: 0, authorId: 'p1', groupId: g }, ORIGIN.local);
    const c = createCluster(doc, [a, b], 'Theme', ORIGIN.local);
    const vote = openVote(doc, { dots: 2, target: 'clusters' }, ORIGIN.local);
    placeDot(doc, { voteId: vote, itemId: c, voterId: 'p1', groupId: g }, ORIGIN.local);
    setStance(doc, c, g, 'agree', 'p1', ORIGIN.local);
    await nextFrame();
    const s = useStore.getState();
    expect(s.groups.map((x) => x.name)).toEqual(['Citizens']);
    expect(clusterView(s).members.get(c)).toEqual([a, b]);
    expect(currentCount(s)?.totals[c]).toBe(1);
    expect(agreement(s).unconfirmed.map((i) => [i.itemId, i.standing])).toEqual([[c, 'commonGround']]);
    stop();
  });
});

describe('suggestion proposals', () => {
  it('labels a group with the words most of its notes share, in the form most written', () => {
    expect(labelFor(['Long waiting lists for home care', 'Waiting lists keep growing', 'waiting is hard'])).toBe('waiting · lists');
  });

  it('gathers notes in a grid at the first note when that place is free', () => {
    const notes = [0, 1, 2, 3].map((i) => ({ id: `n${i}`, x: i * 1000, y: i * 500, w: 100, h: 100 }));
    const moves = gatherInGrid(notes, []);
    expect(moves.map((m) => [m.x, m.y])).toEqual([[0, 0], [116, 0], [0, 116], [116, 116]]);
  });

  it('moves the grid to the nearest free place when other notes are in the way', () => {
    const blocker = { x: 0, y: 0, w: 300, h: 300 };
    const spot = freeSpot({ x: 0, y: 0 }, { w: 232, h: 232 }, [blocker], 80);
    const overlaps = spot.x < blocker.x + blocker.w + 80 && blocker.x < spot.x + 232 + 80 && spot.y < blocker.y + blocker.h + 80 && blocker.y < spot.y + 232 + 80;
    expect(overlaps).toBe(false);
    expect(Math.hypot(spot.x, spot.y)).toBeLessThan(1000);
  });
});

/**
 * Table progress on a screen: the store's derivation follows the board through the bridge (a
 * person's answer in `people` reaches it), counts who is online from presence, is not derived again
 * when only a cursor moves, and knows this device's own table.
 *
 * Why: the facilitator's panel and the projector read it on every store change; a cursor moving in a
 * 300-person room must not re-derive every table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTemplate, assignSeat, callReady, initBoard, listAreas, ORIGIN, registerPerson, setReady, setSeating } from '../../shared/index.ts';
import { bridgeDocToStore } from '../../client/sync/bridge.ts';
import { myTableId, tablesProgress } from '../../client/store/progress.ts';
import { useStore, type Peer } from '../../client/store/store.ts';

const o = ORIGIN.local;

beforeAll(() => {
  // The bridge batches per animation frame; Node has none, so a macrotask stands in for one.
  globalThis.requestAnimationFrame ??= ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number);
  globalThis.cancelAnimationFrame ??= ((id: number) => clearTimeout(id)) as typeof cancelAnimationFrame;
});
const peer = (clientId: number, id: string, cursor: { x: number; y: number } | null): Peer => ({
  clientId, id, name: id, color: '#000000', cursor, busyWith: [], groupId: null, role: 'participant', view: null, hand: null, place: null,
});
const frame = () => new Promise((resolve) => setTimeout(resolve, 40));

describe('table progress in the store', () => {
  it('follows the board, counts who is online, and is not derived again for a cursor', async () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Day' }, o);
    const stop = bridgeDocToStore(doc);
    applyTemplate(doc, 'futureSearch', { lang: 'en', mixedTables: 2, year: 2026, serverNow: 1 }, o);
    setSeating(doc, 'mixed', o);
    const [t1, t2] = listAreas(doc).filter((a) => a.table === 'mixed');
    for (const [id, table] of [['ann', t1!], ['bram', t2!]] as const) {
      registerPerson(doc, id, { name: id, groupId: null, role: 'participant' }, o);
      assignSeat(doc, id, 'mixed', table.id, o);
    }
    useStore.setState({ me: { id: 'ann', role: 'participant', groupId: null, name: 'ann' }, peers: { 7: peer(7, 'bram', null) } });
    await frame();
    const before = tablesProgress(useStore.getState());
    expect(before.map((t) => [t.area.id, t.people.map((p) => p.id), t.online])).toEqual([[t1!.id, ['ann'], 1], [t2!.id, ['bram'], 1]]);
    expect(myTableId(useStore.getState())).toBe(t1!.id);
    useStore.setState({ peers: { 7: peer(7, 'bram', { x: 10, y: 20 }) } });
    expect(tablesProgress(useStore.getState())).toBe(before);
    useStore.setState({ peers: {} });
    expect(tablesProgress(useStore.getState()).map((t) => t.online)).toEqual([1, 0]);
    const call = callReady(doc, 5, o);
    setReady(doc, 'bram', call, o);
    await frame();
    expect(tablesProgress(useStore.getState()).map((t) => t.ready)).toEqual([false, true]);
    stop();
  });
});

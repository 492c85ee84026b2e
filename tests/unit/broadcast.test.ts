import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  AWARENESS_BATCH_MS,
  AWARENESS_MAX_MS,
  AWARENESS_STATES_PER_SECOND,
  AwarenessBatch,
  awarenessWindowMs,
  LARGE_ROOM,
  LARGE_ROOM_WINDOW_MS,
  UpdateBatch,
} from '../../server/rooms/broadcast.ts';

/** The update inside a broadcast sync message (type 0, sync type 2). */
function updateOf(message: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(message);
  expect([decoding.readVarUint(d), decoding.readVarUint(d)]).toEqual([0, 2]);
  return decoding.readVarUint8Array(d);
}

/** A document with a change of its own, and that change as an update. */
function change(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('notes').set(key, 1);
  return Y.encodeStateAsUpdate(doc);
}

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('broadcasting a room’s updates', () => {
  it('sends what arrived in one turn as one merged update, to everyone when several sent it', async () => {
    const sent: { message: Uint8Array; except: string | undefined }[] = [];
    const batch = new UpdateBatch<string>((message, except) => sent.push({ message, except }), () => 5);
    batch.add(change('a'), 'tablet 1');
    batch.add(change('b'), 'tablet 2');
    batch.add(change('c'), 'tablet 1');
    expect(sent).toHaveLength(0);
    await nextTurn();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.except).toBeUndefined();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, updateOf(sent[0]!.message));
    expect([...doc.getMap('notes').keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('leaves out the sender when the batch is one connection’s, and sends a lone update as it is', async () => {
    const sent: { message: Uint8Array; except: string | undefined }[] = [];
    const batch = new UpdateBatch<string>((message, except) => sent.push({ message, except }), () => 5);
    const update = change('a');
    batch.add(update, 'tablet 1');
    await nextTurn();
    expect(sent.map((s) => s.except)).toEqual(['tablet 1']);
    expect(updateOf(sent[0]!.message)).toEqual(update);
    batch.add(change('b'), undefined); // a change made by the server itself goes to everyone
    await nextTurn();
    expect(sent[1]!.except).toBeUndefined();
  });

  it(`in a room of ${LARGE_ROOM} or more, gathers updates for ${LARGE_ROOM_WINDOW_MS} ms`, async () => {
    const sent: Uint8Array[] = [];
    const batch = new UpdateBatch<string>((message) => sent.push(message), () => LARGE_ROOM);
    batch.add(change('a'), 'tablet 1');
    await nextTurn();
    batch.add(change('b'), 'tablet 2');
    expect(sent).toHaveLength(0);
    await new Promise((r) => setTimeout(r, LARGE_ROOM_WINDOW_MS + 20));
    expect(sent).toHaveLength(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, updateOf(sent[0]!));
    expect(doc.getMap('notes').size).toBe(2);
  });

  it('flush() sends at once (before a shutdown), and destroy() drops what waits', async () => {
    const sent: Uint8Array[] = [];
    const batch = new UpdateBatch<string>((message) => sent.push(message), () => 5);
    batch.add(change('a'), 'tablet 1');
    batch.flush();
    expect(sent).toHaveLength(1);
    batch.add(change('b'), 'tablet 1');
    batch.destroy();
    await nextTurn();
    expect(sent).toHaveLength(1);
  });

  it('survives a failing send and an update that cannot be merged (this runs from a timer)', async () => {
    const errors: unknown[] = [];
    const sent: Uint8Array[] = [];
    let failSend = true;
    const batch = new UpdateBatch<string>(
      (message) => {
        if (failSend) throw new Error('socket gone');
        sent.push(message);
      },
      () => 5,
      (err) => errors.push(err),
    );
    batch.add(change('a'), 'tablet 1');
    await nextTurn();
    expect(errors).toHaveLength(1);
    failSend = false;
    const junk = new Uint8Array([255, 255, 255]);
    batch.add(junk, 'tablet 1');
    batch.add(change('b'), 'tablet 2');
    await nextTurn();
    expect(errors).toHaveLength(2); // the merge failed: each update went on its own
    expect(sent.map(updateOf)).toEqual([junk, expect.any(Uint8Array)]);
  });
});

/** The client ids and states inside a broadcast awareness message (type 1). */
function statesOf(message: Uint8Array): Map<number, unknown> {
  const d = decoding.createDecoder(message);
  expect(decoding.readVarUint(d)).toBe(1);
  const remote = new awarenessProtocol.Awareness(new Y.Doc());
  awarenessProtocol.applyAwarenessUpdate(remote, decoding.readVarUint8Array(d), null);
  remote.getStates().delete(remote.clientID);
  return remote.getStates();
}

describe('broadcasting a room’s awareness', () => {
  it(`caps what each connection is sent at ${AWARENESS_STATES_PER_SECOND} states a second, within ${AWARENESS_BATCH_MS}-${AWARENESS_MAX_MS} ms`, () => {
    expect(awarenessWindowMs(2)).toBe(AWARENESS_BATCH_MS);
    expect(awarenessWindowMs(24)).toBe(AWARENESS_BATCH_MS);
    expect(awarenessWindowMs(300)).toBe(500);
    expect(awarenessWindowMs(5000)).toBe(AWARENESS_MAX_MS);
    for (const size of [10, 64, 100, 300, 599]) {
      const perSecond = size * (1000 / awarenessWindowMs(size)); // every cursor moving all the time
      expect(perSecond).toBeLessThanOrEqual(AWARENESS_STATES_PER_SECOND + 1);
    }
  });

  it('sends each changed client’s latest state once per window, longer in a larger room', async () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    const sent: Uint8Array[] = [];
    let size = 3;
    const batch = new AwarenessBatch(awareness, (m) => sent.push(m), () => size);
    for (let x = 0; x < 5; x++) {
      awareness.setLocalState({ cursor: { x } });
      batch.add([awareness.clientID]);
    }
    expect(sent).toHaveLength(0);
    await new Promise((r) => setTimeout(r, AWARENESS_BATCH_MS + 20));
    expect(sent).toHaveLength(1);
    expect(statesOf(sent[0]!).get(awareness.clientID)).toEqual({ cursor: { x: 4 } });

    size = 300; // 500 ms: after the small room's window nothing has gone yet
    awareness.setLocalState({ cursor: { x: 9 } });
    batch.add([awareness.clientID]);
    await new Promise((r) => setTimeout(r, AWARENESS_BATCH_MS + 60));
    expect(sent).toHaveLength(1);
    await new Promise((r) => setTimeout(r, awarenessWindowMs(300) + 100));
    expect(sent).toHaveLength(2);
    batch.destroy();
  });

  it('survives a failing send, and destroy() drops what waits', async () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    const errors: unknown[] = [];
    const batch = new AwarenessBatch(awareness, () => { throw new Error('socket gone'); }, () => 3, (err) => errors.push(err));
    batch.add([awareness.clientID]);
    await new Promise((r) => setTimeout(r, AWARENESS_BATCH_MS + 20));
    expect(errors).toHaveLength(1);
    batch.add([awareness.clientID]);
    batch.destroy();
    await new Promise((r) => setTimeout(r, AWARENESS_BATCH_MS + 20));
    expect(errors).toHaveLength(1);
  });
});

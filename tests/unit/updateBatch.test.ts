import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { LARGE_ROOM, LARGE_ROOM_WINDOW_MS, UpdateBatch } from '../../server/rooms/updateBatch.ts';

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

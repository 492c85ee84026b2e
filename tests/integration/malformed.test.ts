import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, createNote, listNotes, ORIGIN, setNoteText } from '../../shared/index.ts';
import type { RunningServer } from '../../server/server.ts';
import type { CreatedBoard } from '../../shared/index.ts';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { craftedUpdate } from '../helpers/craftedUpdate.ts';
import { openRaw, syncMessage, updateMessage } from '../helpers/rawSocket.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

const MAX = 64 * 1024;
let server: RunningServer;
let board: CreatedBoard;
const dir = tempDir();
const healthy: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer(dir.path, { maxMessageBytes: MAX });
  board = await createBoard(server.localUrl, 'Hostile');
  for (let i = 0; i < 2; i++) {
    const c = connectClient(server.localUrl, board.id, tokenOf(board.links.participant));
    healthy.push(c);
    await waitSynced(c);
  }
});
afterAll(async () => {
  healthy.forEach((c) => c.destroy());
  await server.close();
  dir.cleanup();
});

const raw = () => openRaw(`${server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.participant)}`);

/** The healthy pair still syncs a new note both ways. */
async function expectHealthyStillSyncing(label: string): Promise<void> {
  const [a, b] = healthy as [TestClient, TestClient];
  createNote(a.doc, { text: label, x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
  await waitFor(() => listNotes(b.doc).some((n) => n.text === label), `healthy client to receive "${label}"`);
}

describe('bad input closes only the offending socket, with a named code', () => {
  it.each([
    ['an empty frame', new Uint8Array([]), CLOSE.malformedMessage.code],
    ['a truncated varint', new Uint8Array([0x80]), CLOSE.malformedMessage.code],
    ['a sync message cut short', new Uint8Array([0, 2, 50, 1, 2]), CLOSE.malformedMessage.code],
    ['an unknown message type', new Uint8Array([99, 0]), CLOSE.unknownMessageType.code],
    ['an unknown sync type', syncMessage(7, new Uint8Array([1])), CLOSE.unknownMessageType.code],
    ['an invalid Yjs update', updateMessage(new Uint8Array([1, 2, 3])), CLOSE.invalidUpdate.code],
    // Yjs throws half-way through applying it (wire fuzzer seed 13862).
    ['an update with a delete range of length 0', updateMessage(Uint8Array.from([0, 1, 7, 1, 5, 0])), CLOSE.invalidUpdate.code],
    ['an invalid state vector', syncMessage(0, new Uint8Array([5, 1, 200])), CLOSE.invalidUpdate.code],
    ['a malformed awareness update', new Uint8Array([1, 3, 1, 2, 3]), CLOSE.malformedMessage.code],
    ['a frame over the size limit', new Uint8Array(MAX + 1), CLOSE.messageTooBig.code],
  ])('%s', async (label, frame, code) => {
    const c = await raw();
    c.ws.send(frame);
    const closed = await c.closed;
    expect(closed.code).toBe(code);
    await expectHealthyStillSyncing(`after ${label}`);
  });

  it('a text frame', async () => {
    const c = await raw();
    c.ws.send('{"hello": "server"}');
    expect((await c.closed).code).toBe(CLOSE.textFrame.code);
    await expectHealthyStillSyncing('after a text frame');
  });

  it('a burst of malformed frames from one socket leaves another client working, and is counted', async () => {
    const sockets = await Promise.all(Array.from({ length: 10 }, raw));
    for (const [i, c] of sockets.entries()) {
      for (let j = 0; j < 50; j++) c.ws.send(j % 2 ? new Uint8Array([99, i, j]) : updateMessage(new Uint8Array([i, j, 255])));
    }
    const codes = await Promise.all(sockets.map(async (c) => (await c.closed).code));
    for (const code of codes) expect([CLOSE.unknownMessageType.code, CLOSE.invalidUpdate.code]).toContain(code);
    await expectHealthyStillSyncing('after the burst');
    const metrics = await (await fetch(`${server.localUrl}/metrics`)).text();
    for (const kind of ['malformed_message', 'unknown_message_type', 'invalid_update', 'text_frame', 'message_too_big']) {
      expect(metrics, kind).toMatch(new RegExp(`olifant_errors_total\\{kind="${kind}"\\} [1-9]`));
    }
    expect((await fetch(`${server.localUrl}/healthz`)).status).toBe(200);
  });

  it('what a socket sent after a bad message is not handled, even when it arrived in the same read', async () => {
    const c = await raw();
    const source = new Y.Doc();
    const id = createNote(source, { text: 'sent after a bad frame', x: 0, y: 0, authorId: 'x' }, ORIGIN.local);
    // One write: the server reads both messages at once and must stop at the first.
    (c.ws as unknown as { _socket: Socket })._socket.cork();
    c.ws.send(new Uint8Array([99, 0]));
    c.ws.send(updateMessage(Y.encodeStateAsUpdate(source)));
    (c.ws as unknown as { _socket: Socket })._socket.uncork();
    expect((await c.closed).code).toBe(CLOSE.unknownMessageType.code);
    await expectHealthyStillSyncing('after the bad frame and its follower');
    expect(listNotes(healthy[0]!.doc).some((n) => n.id === id)).toBe(false);
  });

  it("an update that starts past what the server has of its client is not applied (Yjs would hold it back); the sender is asked for what the server lacks", async () => {
    const source = new Y.Doc();
    const id = createNote(source, { text: 'first', x: 0, y: 0, authorId: 'f' }, ORIGIN.local);
    const before = Y.encodeStateVector(source);
    setNoteText(source, id, 'second', ORIGIN.local);
    const onlyTheEdit = Y.encodeStateAsUpdate(source, before);
    const facilitator = await openRaw(`${server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.facilitator)}`);
    const stepOnes = () => facilitator.received.filter((m) => m[0] === 0 && m[1] === 0).length;
    await waitFor(() => stepOnes() === 1, "the server's own step 1 at connect");
    facilitator.ws.send(updateMessage(onlyTheEdit));
    await waitFor(() => stepOnes() === 2, 'the server to ask for what it lacks');
    expect(Y.getState(server.registry.peek(board.id)!.doc.store, source.clientID)).toBe(0);
    // What an honest client answers: everything the server lacks, in order.
    facilitator.ws.send(syncMessage(1, Y.encodeStateAsUpdate(source)));
    await waitFor(() => listNotes(healthy[0]!.doc).some((n) => n.id === id && n.text === 'second'), 'the whole note to arrive');
    facilitator.ws.close();
  });

  it('an update that inserts next to an item the server never had is not applied either, also from the facilitator', async () => {
    const facilitator = await openRaw(`${server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.facilitator)}`);
    const stepOnes = () => facilitator.received.filter((m) => m[0] === 0 && m[1] === 0).length;
    await waitFor(() => stepOnes() === 1, "the server's own step 1 at connect");
    facilitator.ws.send(updateMessage(craftedUpdate([{ client: 777, clock: 0, items: [{ origin: [888, 5], values: [1] }] }])));
    await waitFor(() => stepOnes() === 2, 'the server to ask for what it lacks');
    const doc = server.registry.peek(board.id)!.doc;
    expect(Y.getState(doc.store, 777)).toBe(0);
    expect(doc.store.pendingStructs).toBeNull();
    await expectHealthyStillSyncing('after an update building on nothing');
    facilitator.ws.close();
  });
});

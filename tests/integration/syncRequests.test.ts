/**
 * Sync requests (step 1) cannot make the server encode the board over and over: a state vector that
 * holds nothing of the board is answered with the one shared encoding of the whole board, and a
 * client asking more than a few times for what it lacks is told to try again later (1013).
 *
 * Why: each computed answer encodes part of the board (22 ms for 5,000 notes); 100
 * requests naming a client at clock 0 would stall the server for half a second.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, createNote, ORIGIN } from '../../shared/index.ts';
import type { RunningServer } from '../../server/server.ts';
import type { CreatedBoard } from '../../shared/index.ts';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { openRaw, syncMessage } from '../helpers/rawSocket.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

const dir = tempDir();
let server: RunningServer;
let board: CreatedBoard;
let writer: TestClient;
beforeAll(async () => {
  server = await startTestServer(dir.path);
  board = await createBoard(server.localUrl, 'Asked often');
  writer = connectClient(server.localUrl, board.id, tokenOf(board.links.participant));
  await waitSynced(writer);
  for (let i = 0; i < 20; i++) createNote(writer.doc, { text: `note ${i}`, x: i, y: 0, authorId: 'w' }, ORIGIN.local);
  await waitFor(() => Y.getState(server.registry.peek(board.id)!.doc.store, writer.doc.clientID) === Y.getState(writer.doc.store, writer.doc.clientID), 'the notes to arrive');
});
afterAll(async () => {
  writer.destroy();
  await server.close();
  dir.cleanup();
});

/** A sync step 1 with a state vector of `entries` ([client, clock]). */
function stepOne(entries: [number, number][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [client, clock] of entries) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
  }
  return syncMessage(0, encoding.toUint8Array(e));
}
const open = () => openRaw(`${server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.participant)}`);
/** Sync step 2 answers among what a raw socket received. */
const answers = (raw: Awaited<ReturnType<typeof open>>) => raw.received.filter((m) => m[0] === 0 && m[1] === 1);

describe('sync requests', () => {
  it('a state vector naming only what the board lacks (or clock 0) is answered with the shared whole board, as often as asked', async () => {
    const raw = await open();
    for (let i = 0; i < 20; i++) raw.ws.send(stepOne([[1, 0], [writer.doc.clientID, 0], [999_999 + i, 7]]));
    await waitFor(() => answers(raw).length === 20, 'twenty answers');
    const first = answers(raw)[0]!;
    // The same bytes each time: one encoding, shared.
    for (const a of answers(raw)) expect(a).toEqual(first);
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
  });

  it('more than four computed answers at once: 1013, try again later', async () => {
    const raw = await open();
    for (let i = 0; i < 10; i++) raw.ws.send(stepOne([[writer.doc.clientID, 1]]));
    expect((await raw.closed).code).toBe(CLOSE.tooManyMessages.code);
    expect(answers(raw).length).toBe(4);
  });
});

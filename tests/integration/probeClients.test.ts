/**
 * The crowd benchmark's probe clients against the real server: a move built by hand (no Y.Doc) is
 * applied by the server and seen by a stock y-websocket client as the note's new place, an observer
 * reads which moves an update carries, and a small probe room measures every move with no drops.
 *
 * Why: the benchmark's figures are only worth something if the probes' bytes are real board changes
 * and their timing counts every delivery; wrong bytes would be refused or ignored, and the figures
 * would measure nothing.
 */
import { expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { notesMap } from '../../shared/index.ts';
import { crowdBoard, pushBoard, roomUrl, type RoomTarget } from '../../bench/probe/board.ts';
import { runCrowd } from '../../bench/probe/run.ts';
import { ASK_ALL, encodeMoveUpdate, forEachRange, MESSAGE, SYNC, syncMessage } from '../../bench/probe/wire.ts';
import { connectClient, waitFor } from '../helpers/clients.ts';
import { serverPerFile } from '../helpers/fileServer.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';

const running = serverPerFile();

async function target(title: string): Promise<RoomTarget> {
  const board = await createBoard(running.server.localUrl, title);
  return {
    url: `${running.server.localUrl.replace(/^http/, 'ws')}/ws`,
    room: board.id,
    params: { token: tokenOf(board.links.participant) },
    setupParams: { token: tokenOf(board.links.facilitator) },
    holdsBoard: true,
  };
}

/** A raw socket that asks for the board and records the (client, from, to) ranges of every update after it. */
async function probeSocket(url: string): Promise<{ ws: WebSocket; ranges: number[][] }> {
  const ws = new WebSocket(url);
  const ranges: number[][] = [];
  let synced = false;
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== MESSAGE.sync) return;
    const step = decoding.readVarUint(d);
    if (step === SYNC.step2) synced = true;
    else if (step === SYNC.update) forEachRange(decoding.readVarUint8Array(d), (client, from, to) => ranges.push([client, from, to]));
  });
  await new Promise((ok) => ws.once('open', ok));
  ws.send(ASK_ALL);
  await waitFor(() => synced, 'the probe to receive the board');
  return { ws, ranges };
}

it('applies a probe’s hand-built moves, which a stock client sees as the note’s new place and an observer reads', async () => {
  const room = await target('Probe moves');
  const doc = new Y.Doc();
  const [spec] = crowdBoard(doc, 1);
  const closeWriter = await pushBoard(room, doc);
  const stock = connectClient(running.server.localUrl, room.room, room.params.token!);
  running.clients.push(stock);
  await waitFor(() => notesMap(stock.doc).size === 1, 'the stock client to hold the note');
  const note = [...notesMap(stock.doc).values()][0]!;
  const mover = await probeSocket(roomUrl(room));
  const observer = await probeSocket(roomUrl(room));
  const client = 7_654_321;

  mover.ws.send(syncMessage(SYNC.update, encodeMoveUpdate(client, 0, spec!.prevX, spec!.prevY, 432.5, 987)));
  await expect.poll(() => [note.get('x'), note.get('y')]).toEqual([432.5, 987]);
  // The next move replaces the probe's own entries.
  mover.ws.send(syncMessage(SYNC.update, encodeMoveUpdate(client, 2, { client, clock: 0 }, { client, clock: 1 }, 11, 22)));
  await expect.poll(() => [note.get('x'), note.get('y')]).toEqual([11, 22]);
  await expect.poll(() => observer.ranges.filter(([c]) => c === client)).toEqual([
    [client, 0, 2],
    [client, 2, 4],
  ]);
  mover.ws.close();
  observer.ws.close();
  closeWriter();
});

it('times every move of a small probe room, with no drops', async () => {
  const room = await target('Probe room');
  const result = await runCrowd(room, { people: 4, seconds: 1, workers: 2 });
  expect(result.moves).toBeGreaterThanOrEqual(2);
  expect(result.received).toBe(result.moves * 3);
  expect(result.drops).toBe(0);
  expect(result.p99).toBeGreaterThan(0);
  expect(result.presenceBytes).toBeGreaterThan(0);
  expect(result.askedAgain).toBe(0);
  expect(result.lost).toBe(0);
});

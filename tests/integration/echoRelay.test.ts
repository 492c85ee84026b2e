/**
 * The crowd benchmark's calibration relay (bench/probe/echoServer.ts), started as the benchmark starts
 * it: a board change reaches every other device of the room, a cursor only the devices at the sender's
 * table, and a facilitator's cursor everyone.
 *
 * Why: the relay states the harness's ceiling only if it does no more than any server of this product
 * must; a relay that sends every cursor to every device measures itself, and the benchmark would then
 * withhold every latency verdict at 300 people.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { startEcho, type BenchServer } from '../../bench/peers.ts';
import { awarenessMessage, MESSAGE, SYNC, syncMessage } from '../../bench/probe/wire.ts';
import { waitFor } from '../helpers/clients.ts';

let relay: BenchServer;
beforeAll(async () => {
  relay = await startEcho();
});
const open: WebSocket[] = [];
afterAll(async () => {
  for (const ws of open) ws.close();
  await relay.stop();
});

/** A raw device: what it received, in order, as `update <n>` and `cursor <name>`. */
interface Device {
  ws: WebSocket;
  seen: string[];
}

async function device(url: string): Promise<Device> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  open.push(ws);
  const seen: string[] = [];
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(data);
    while (decoding.hasContent(d)) {
      if (decoding.readVarUint(d) === MESSAGE.sync) {
        decoding.readVarUint(d);
        seen.push(`update ${decoding.readVarUint8Array(d)[0]}`);
      } else {
        const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
        decoding.readVarUint(inner);
        decoding.readVarUint(inner);
        decoding.readVarUint(inner);
        seen.push(`cursor ${(JSON.parse(decoding.readVarString(inner)) as { user: { name: string } }).user.name}`);
      }
    }
  });
  await new Promise((ok, fail) => ws.once('open', ok).once('error', fail));
  return { ws, seen };
}

/** The names on the cursors `d` received, in alphabetical order (two senders' messages may cross). */
const cursors = (d: Device) => d.seen.filter((s) => s.startsWith('cursor ')).map((s) => s.slice(7)).sort();
const update = (n: number) => syncMessage(SYNC.update, new Uint8Array([n]));
let clock = 0;
const cursor = (name: string, place: string | null, role = 'participant') =>
  awarenessMessage(1000 + name.charCodeAt(0), ++clock, JSON.stringify({ user: { name, color: '#3366cc', id: name, role }, cursor: { x: 1, y: 2 }, place }));

it('sends a board change to everyone in the room and a cursor only to the same table', async () => {
  const target = await relay.room('Crowd');
  const url = `${target.url}/${target.room}`;
  const [ann, bram, cor, dirk, fay] = await Promise.all([0, 1, 2, 3, 4].map(() => device(url)));
  const elsewhere = await device(`${target.url}/other-room`);
  // Each takes its seat with its first cursor, then sends a change; the change arriving proves the seat.
  const seats: [Device, string, string | null, string?][] = [[ann!, 'Ann', 'table-1'], [bram!, 'Bram', 'table-1'], [cor!, 'Cor', 'table-2'], [fay!, 'Fay', null, 'facilitator']];
  for (const [i, [d, name, place, role]] of seats.entries()) {
    d.ws.send(cursor(name, place, role));
    d.ws.send(update(10 + i));
    await waitFor(() => dirk!.seen.includes(`update ${10 + i}`), `${name}'s change`);
  }
  ann!.ws.send(cursor('Ann', 'table-1'));
  fay!.ws.send(cursor('Fay', null, 'facilitator'));
  ann!.ws.send(update(1));
  fay!.ws.send(update(2));
  for (const d of [bram!, cor!, dirk!, fay!, ann!]) await waitFor(() => d.seen.includes('update 1') === (d !== ann) && d.seen.includes('update 2') === (d !== fay), 'the last changes');

  // Ann, then Bram, then Fay took their seats, so Ann's first cursor reached nobody yet (Bram had none).
  expect(cursors(bram!)).toEqual(['Ann', 'Fay', 'Fay']);
  expect(cursors(ann!)).toEqual(['Bram', 'Fay', 'Fay']);
  expect(cursors(cor!)).toEqual(['Fay', 'Fay']);
  expect(cursors(dirk!)).toEqual(['Fay', 'Fay']);
  expect(cursors(fay!)).toEqual([]);
  const sent = new Map([[ann!, [10, 1]], [bram!, [11]], [cor!, [12]], [dirk!, []], [fay!, [13, 2]]]);
  for (const [d, own] of sent) {
    const others = [10, 11, 12, 13, 1, 2].filter((n) => !own.includes(n)).map((n) => `update ${n}`);
    expect(d.seen.filter((s) => s.startsWith('update')).sort()).toEqual(others.sort());
  }
  expect(elsewhere.seen).toEqual([]);
});

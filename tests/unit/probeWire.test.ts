/**
 * The crowd benchmark's hand-built bytes: a probe's move is byte for byte what Yjs writes for the
 * shared `moveNotes` mutation, and the header reader finds the same (client, clock) ranges as Yjs's
 * own parser, in merged updates too.
 *
 * Why: the probes write and read Yjs updates without a Y.Doc; any drift from Yjs's encoding would make
 * the benchmark load the server with changes no real client sends.
 */
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, moveNotes, notesMap, ORIGIN } from '../../shared/index.ts';
import { crowdBoard } from '../../bench/probe/board.ts';
import { encodeMoveUpdate, forEachRange } from '../../bench/probe/wire.ts';

function movesByYjs(doc: Y.Doc, client: number, noteId: string, positions: [number, number][]): Uint8Array[] {
  const copy = new Y.Doc();
  copy.clientID = client;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  copy.on('update', (u: Uint8Array) => updates.push(u));
  for (const [x, y] of positions) moveNotes(copy, [{ id: noteId, x, y }], ORIGIN.local);
  return updates;
}

it('writes a move as the very bytes of moveNotes, the first one and those after it', () => {
  const doc = new Y.Doc();
  const [spec] = crowdBoard(doc, 1);
  const noteId = [...notesMap(doc).keys()][0]!;
  const client = 4_242_424;
  const positions: [number, number][] = [[432.5, 987], [11, 22], [1733400000123.25, -3]];
  const expected = movesByYjs(doc, client, noteId, positions);
  let prev = { x: spec!.prevX, y: spec!.prevY };
  positions.forEach(([x, y], seq) => {
    expect(Buffer.from(encodeMoveUpdate(client, 2 * seq, prev.x, prev.y, x, y))).toEqual(Buffer.from(expected[seq]!));
    prev = { x: { client, clock: 2 * seq }, y: { client, clock: 2 * seq + 1 } };
  });
});

it('reads the clock ranges of an update as Yjs does, merged updates and text included', () => {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const updates: Uint8Array[] = [];
  a.on('update', (u: Uint8Array) => updates.push(u));
  b.on('update', (u: Uint8Array) => updates.push(u));
  createNote(a, { text: 'Trust between citizens and services', x: 1, y: 2, authorId: 'someone' }, ORIGIN.local);
  b.getText('t').insert(0, 'héllo wörld');
  b.getMap('m').set('k', new Y.Map());
  const merged = Y.mergeUpdates([updates[0]!, updates[2]!]);
  for (const u of [...updates, merged]) {
    const ranges: number[][] = [];
    forEachRange(u, (client, from, to) => ranges.push([client, from, to]));
    const meta = Y.parseUpdateMeta(u);
    expect(ranges.sort()).toEqual([...meta.from].map(([client, from]) => [client, from, meta.to.get(client)!]).sort());
  }
});

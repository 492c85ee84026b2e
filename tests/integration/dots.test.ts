/**
 * Integration: a dot counts against its voter's budget, so the server lets a participant put dots
 * only in their own name. A person who proved their id votes as that id; a connection that proved
 * nothing may not vote as anyone who did. Real server, real SQLite, real y-websocket clients.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, dotsMap, listDots, listNotes, newRecordId, openVote, ORIGIN, placeDot } from '../../shared/index.ts';
import { connectClient, sleep, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { serverPerFile } from '../helpers/fileServer.ts';
import { craftedUpdate } from '../helpers/craftedUpdate.ts';
import { openRaw, updateMessage } from '../helpers/rawSocket.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';

const file = serverPerFile();

async function boardWithVote() {
  const board = await createBoard(file.server.localUrl, 'Dots');
  const facilitator = connectClient(file.server.localUrl, board.id, tokenOf(board.links.facilitator));
  file.clients.push(facilitator);
  await waitSynced(facilitator);
  const noteId = createNote(facilitator.doc, { text: 'Shared care records', x: 0, y: 0, authorId: 'fien' }, ORIGIN.local);
  const voteId = openVote(facilitator.doc, { title: 'What matters most?', target: 'notes', budget: 'person', dots: 3, onePerItem: false, live: true }, ORIGIN.local);
  return { board, facilitator, noteId, voteId };
}

/** How a raw socket ended up within 0.8 s of sending: its close, or `'open'`. */
async function closedOrOpen(socket: { closed: Promise<{ code: number; reason: string }>; ws: { close(): void } }) {
  const outcome = await Promise.race([socket.closed, sleep(800).then(() => 'open' as const)]);
  socket.ws.close();
  return outcome;
}

/** Opens a raw participant socket (`url` + join `params`), sends `change` made on a copy of `base`; how it ended. */
async function sendChange(url: string, base: Y.Doc, change: (d: Y.Doc) => void) {
  const socket = await openRaw(url);
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(d);
  change(d);
  socket.ws.send(updateMessage(Y.encodeStateAsUpdate(d, before)));
  return closedOrOpen(socket);
}

/** A participant proven as `person` (its device key), synced with the board. */
async function participant(board: { id: string; links: { participant: string } }, person: string): Promise<TestClient> {
  const c = connectClient(file.server.localUrl, board.id, tokenOf(board.links.participant), new Y.Doc(), { person, key: `${person}-device-key-0123456789` });
  file.clients.push(c);
  await waitSynced(c);
  return c;
}

describe('dots in a person’s name', () => {
  it('a proven participant’s own dot counts; a dot in another proven person’s name closes the socket (4403) and is not kept', async () => {
    const { board, facilitator, noteId, voteId } = await boardWithVote();
    const annId = newRecordId();
    const ann = await participant(board, annId);
    await waitFor(() => ann.doc.getMap('votes').size === 1, 'the vote at Ann');
    placeDot(ann.doc, { voteId, itemId: noteId, voterId: annId, groupId: null }, ORIGIN.local);
    await waitFor(() => listDots(facilitator.doc).length === 1, 'Ann’s own dot at the facilitator');

    // Mallory proves her own id, then places dots as Ann: a new one, and one written over Ann's dot.
    const malloryId = newRecordId();
    const url = `${file.server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.participant)}`;
    const attempts: ((d: Y.Doc) => void)[] = [
      (d) => dotsMap(d).set(newRecordId(), { voteId, itemId: noteId, voterId: annId, groupId: null, at: 1 }),
      (d) => dotsMap(d).set(listDots(d)[0]!.id, { voteId, itemId: noteId, voterId: annId, groupId: null, at: 2 }),
      (d) => {
        // An honest note and a forged dot in one update: the whole update is refused.
        createNote(d, { text: 'Mallory’s note', x: 0, y: 0, authorId: malloryId }, ORIGIN.local);
        dotsMap(d).set(newRecordId(), { voteId, itemId: noteId, voterId: annId, groupId: null, at: 3 });
      },
    ];
    for (const [i, attempt] of attempts.entries()) {
      for (const params of [`&person=${malloryId}&key=mallory-device-key-0123456789`, '']) {
        expect(await sendChange(url + params, facilitator.doc, attempt), `attempt ${i} ${params ? 'proven' : 'unproven'}`).toEqual({ code: 4403, reason: 'a dot may only be placed in your own name' });
      }
    }
    // The same dot behind decoys that Yjs throws away (one client listed in two sections): refused too.
    const C = 1_000_000 + Math.floor(Math.random() * 1_000_000);
    const forged = { voteId, itemId: noteId, voterId: annId, groupId: null, at: 4 };
    const decoys = Array.from({ length: 4 }, (_, i) => ({ parent: 'notes', sub: `decoy${i}`, values: [1] }));
    for (const update of [
      craftedUpdate([{ client: C, clock: 0, items: decoys }, { client: C, clock: 0, items: [{ parent: 'dots', sub: 'd', values: [0] }, { origin: [C, 0], values: [forged] }] }]),
      craftedUpdate([{ client: C + 1, clock: 0, items: decoys }, { client: C + 1, clock: 4, items: [{ origin: [C + 1, 3], values: [forged] }] }]),
    ]) {
      const socket = await openRaw(`${url}&person=${malloryId}&key=mallory-device-key-0123456789`);
      socket.ws.send(updateMessage(update));
      expect(await closedOrOpen(socket)).toEqual({ code: 4422, reason: 'invalid yjs update' });
    }
    await sleep(200);
    expect(listDots(facilitator.doc).map((d) => [d.voterId, d.at > 3])).toEqual([[annId, true]]);
    expect(listNotes(facilitator.doc).map((n) => n.text)).toEqual(['Shared care records']);
  });

  it('a connection that proved no id may vote under an id nobody proved (a tool of its own); a proven one only as itself', async () => {
    const { board, facilitator, noteId, voteId } = await boardWithVote();
    const url = `${file.server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.participant)}`;
    const send = (params: string, voterId: string) =>
      sendChange(url + params, facilitator.doc, (d) => dotsMap(d).set(newRecordId(), { voteId, itemId: noteId, voterId, groupId: null, at: Date.now() }));
    const toolVoter = newRecordId();
    expect(await send('', toolVoter)).toBe('open');
    await waitFor(() => listDots(facilitator.doc).some((d) => d.voterId === toolVoter), 'the tool’s dot');
    const bramId = newRecordId();
    const proven = `&person=${bramId}&key=bram-device-key-0123456789`;
    expect(await send(proven, bramId)).toBe('open');
    expect(await send(proven, newRecordId())).toEqual({ code: 4403, reason: 'a dot may only be placed in your own name' });
    // Bram has now proved his id: nobody else may vote as him, proven or not.
    expect(await send('', bramId)).toEqual({ code: 4403, reason: 'a dot may only be placed in your own name' });
    // 'anonymous' (what older clients without storage all called themselves) cannot be owned.
    expect(await send('&person=anonymous&key=claimed-key-0123456789', 'anonymous')).toBe('open');
    expect(await send('', 'anonymous')).toBe('open');
    await sleep(200);
    expect(listDots(facilitator.doc).map((d) => d.voterId).sort()).toEqual([toolVoter, bramId, 'anonymous', 'anonymous'].sort());
  });
});

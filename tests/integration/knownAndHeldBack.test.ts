/**
 * The write guard against updates whose bytes show one thing while Yjs
 * applies another. Yjs skips what it already has (and places the rest of a struct it has in part next
 * to its own copy), and holds back what it cannot place yet. Each case below changed the facilitator's
 * frame, or made the server's board and its clients' differ, had the guard read the bytes as sent.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGroup, createNote, facilitationMap, listGroups, ORIGIN, readFacilitation, setBoardLocked, startTimer } from '../../shared/index.ts';
import type { RunningServer } from '../../server/server.ts';
import { MAX_AWARENESS_ENTRIES, MAX_AWARENESS_IDS_PER_CONNECTION } from '../../server/rooms/identity.ts';
import { connectClient, sleep, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { craftedUpdate, gcUpdate } from '../helpers/craftedUpdate.ts';
import { openRaw, updateMessage, type RawClient } from '../helpers/rawSocket.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

const dir = tempDir();
let server: RunningServer;
let boardId: string;
let links: Record<'facilitator' | 'participant' | 'projector', string>;
let fac: TestClient;
const opened: { destroy(): void }[] = [];

beforeEach(async () => {
  server ??= await startTestServer(dir.path);
  const board = await createBoard(server.localUrl, 'Guard');
  boardId = board.id;
  links = board.links;
  fac = connectClient(server.localUrl, boardId, tokenOf(links.facilitator));
  opened.push(fac);
  await waitSynced(fac);
});
afterAll(async () => {
  for (const c of opened) c.destroy();
  await server?.close();
  dir.cleanup();
});

const serverDoc = () => server.registry.peek(boardId)!.doc;
async function participantSocket(): Promise<RawClient> {
  const raw = await openRaw(`${server.localUrl.replace(/^http/, 'ws')}/ws/${boardId}?token=${tokenOf(links.participant)}`);
  opened.push({ destroy: () => raw.ws.terminate() });
  return raw;
}
async function freshClient(): Promise<TestClient> {
  const c = connectClient(server.localUrl, boardId, tokenOf(links.participant));
  opened.push(c);
  await waitSynced(c);
  return c;
}
/** Sync step 1 messages (the server asking what it lacks) among what `raw` received. */
const stepOnes = (raw: RawClient) => raw.received.filter((m) => m[0] === 0 && m[1] === 0).length;

describe('a struct the server already has is not judged by its copy', () => {
  it('a decoy in `notes` under the id of the lock value, then a new item after it: 4403, and the board stays unlocked everywhere', async () => {
    setBoardLocked(fac.doc, true, ORIGIN.local);
    setBoardLocked(fac.doc, false, ORIGIN.local);
    await waitFor(() => !readFacilitation(serverDoc()).boardLocked && Y.getState(serverDoc().store, fac.doc.clientID) === 2, 'the lock to come and go');
    const lockItem = (facilitationMap(fac.doc) as unknown as { _map: Map<string, Y.Item> })._map.get('boardLocked')!;
    const raw = await participantSocket();
    const F = lockItem.id.client;
    raw.ws.send(
      updateMessage(
        craftedUpdate([
          { client: F, clock: lockItem.id.clock, items: [{ parent: 'notes', sub: 'decoy', values: [1] }] },
          { client: 424242, clock: 0, items: [{ origin: [F, lockItem.id.clock], values: [true] }] },
        ]),
      ),
    );
    expect((await raw.closed).code).toBe(4403);
    const fresh = await freshClient();
    for (const doc of [serverDoc(), fac.doc, fresh.doc]) expect(readFacilitation(doc).boardLocked).toBe(false);
  });

  it('a struct overlapping the last the server has, with another parent: 4403; the timer runs, and the server and its clients agree', async () => {
    startTimer(fac.doc, 300_000, Date.now(), ORIGIN.local);
    const F = fac.doc.clientID;
    const s = Y.getState(fac.doc.store, F);
    await waitFor(() => Y.getState(serverDoc().store, F) === s, 'the timer to reach the server');
    const raw = await participantSocket();
    raw.ws.send(updateMessage(craftedUpdate([{ client: F, clock: s - 1, items: [{ parent: 'notes', sub: 'zz', values: [1, 2] }] }])));
    expect((await raw.closed).code).toBe(4403);
    const fresh = await freshClient();
    for (const doc of [serverDoc(), fac.doc, fresh.doc]) {
      expect(readFacilitation(doc).timer.state).toBe('running');
      expect(doc.getMap('notes').has('zz')).toBe(false);
    }
  });
});

describe('what Yjs would hold back is not applied; the client is asked for what the server lacks', () => {
  it("a participant's struct past the facilitator's clocks waits, and every later change of the facilitator gets through", async () => {
    const F = fac.doc.clientID;
    const raw = await participantSocket();
    const asked = stepOnes(raw);
    raw.ws.send(updateMessage(gcUpdate(F, Y.getState(fac.doc.store, F) + 1, 100_000)));
    await waitFor(() => stepOnes(raw) > asked, 'the server to ask for what it lacks');
    setBoardLocked(fac.doc, false, ORIGIN.local); // fills the gap the struct was waiting for
    setBoardLocked(fac.doc, true, ORIGIN.local);
    await waitFor(() => readFacilitation(serverDoc()).boardLocked, 'the lock to reach the server');
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    expect(Y.getState(serverDoc().store, F)).toBe(Y.getState(fac.doc.store, F));
    expect(readFacilitation((await freshClient()).doc).boardLocked).toBe(true);
  });

  it("an item with a known left neighbour but a right one the server lacks waits too: it cannot land inside the facilitator's lock", async () => {
    const writer = connectClient(server.localUrl, boardId, tokenOf(links.participant));
    opened.push(writer);
    await waitSynced(writer);
    const noteId = createNote(writer.doc, { text: 'kept', x: 0, y: 0, authorId: 'w' }, ORIGIN.local);
    await waitFor(() => serverDoc().getMap('notes').has(noteId), 'the note to reach the server');
    const noteItem = (serverDoc().getMap('notes') as unknown as { _map: Map<string, Y.Item> })._map.get(noteId)!;
    const F = fac.doc.clientID;
    const raw = await participantSocket();
    const asked = stepOnes(raw);
    const P = 515151;
    const next = Y.getState(fac.doc.store, F);
    raw.ws.send(updateMessage(craftedUpdate([{ client: P, clock: 0, items: [{ origin: [noteItem.id.client, noteItem.id.clock], rightOrigin: [F, next + 1], values: ['x'] }] }])));
    await waitFor(() => stepOnes(raw) > asked, 'the server to ask for what it lacks');
    expect(Y.getState(serverDoc().store, P)).toBe(0);
    // The facilitator's next two changes fill the clocks the item waited for: nothing lands with them.
    setBoardLocked(fac.doc, true, ORIGIN.local);
    setBoardLocked(fac.doc, false, ORIGIN.local);
    await waitFor(() => Y.getState(serverDoc().store, F) === next + 2, "the facilitator's changes to reach the server");
    expect(Y.getState(serverDoc().store, P)).toBe(0);
    expect(serverDoc().store.pendingStructs).toBeNull();
  });

  it('every update that waits is asked for, also one that comes within a second of the last ask', async () => {
    const F = fac.doc.clientID;
    const raw = await participantSocket();
    const asked = stepOnes(raw);
    raw.ws.send(updateMessage(gcUpdate(F, Y.getState(fac.doc.store, F) + 1, 1)));
    await waitFor(() => stepOnes(raw) === asked + 1, 'the first ask');
    raw.ws.send(updateMessage(gcUpdate(F, Y.getState(fac.doc.store, F) + 5, 1)));
    await waitFor(() => stepOnes(raw) === asked + 2, 'the second ask, a second later');
  });

  it("a held-back deletion of the facilitator's next clocks leaves the group they create whole", async () => {
    const F = fac.doc.clientID;
    const s = Y.getState(fac.doc.store, F);
    const raw = await participantSocket();
    raw.ws.send(updateMessage(gcUpdate(F, s + 2, 3, [s + 2, 3])));
    await sleep(200);
    createGroup(fac.doc, { name: 'Youth', color: '#ff0000' }, ORIGIN.local);
    await waitFor(() => listGroups(serverDoc()).length === 1, 'the group to reach the server');
    const fresh = await freshClient();
    for (const doc of [serverDoc(), fresh.doc]) expect(listGroups(doc)).toEqual(listGroups(fac.doc));
    expect(listGroups(fac.doc)[0]!.name).toBe('Youth');
  });

  it("a participant's struct at the next clock of a page that is there (no gap) is not applied: its change would look known", async () => {
    const F = fac.doc.clientID;
    const raw = await participantSocket();
    // The facilitator's page is there, in awareness, under its document's client ID.
    fac.provider.awareness.setLocalStateField('user', { name: 'Facilitator' });
    await waitFor(() => server.registry.peek(boardId)!.awareness.getStates().has(F), "the facilitator's awareness to reach the server");
    raw.ws.send(updateMessage(gcUpdate(F, Y.getState(fac.doc.store, F), 5)));
    await sleep(200);
    expect(Y.getState(serverDoc().store, F)).toBe(0);
    // Had it been applied, the facilitator's Yjs would have seen its own ID written by someone else.
    expect(fac.doc.clientID).toBe(F);
    setBoardLocked(fac.doc, true, ORIGIN.local);
    await waitFor(() => readFacilitation(serverDoc()).boardLocked, "the facilitator's lock to reach the server");
    expect(readFacilitation((await freshClient()).doc).boardLocked).toBe(true);
  });
});

describe('awareness IDs per connection', () => {
  /** An awareness message with `count` entries for IDs from `first`. */
  function awarenessMessage(first: number, count: number): Uint8Array {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, count);
    for (let i = 0; i < count; i++) {
      encoding.writeVarUint(inner, first + i);
      encoding.writeVarUint(inner, 1);
      encoding.writeVarString(inner, '{}');
    }
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1); // MESSAGE_AWARENESS
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    return encoding.toUint8Array(e);
  }

  it(`one connection speaks for at most ${MAX_AWARENESS_IDS_PER_CONNECTION} IDs; a message of over ${MAX_AWARENESS_ENTRIES} states is refused (4400)`, async () => {
    const room = server.registry.peek(boardId)!;
    const before = room.awareness.getStates().size;
    const raw = await participantSocket();
    raw.ws.send(awarenessMessage(1_000_000, 20));
    await waitFor(() => room.awareness.getStates().size > before, 'the states to arrive');
    await sleep(100);
    expect(room.awareness.getStates().size - before).toBe(MAX_AWARENESS_IDS_PER_CONNECTION);
    raw.ws.send(awarenessMessage(2_000_000, MAX_AWARENESS_ENTRIES + 1));
    expect((await raw.closed).code).toBe(4400);
  });
});

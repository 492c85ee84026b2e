/**
 * Who is who in awareness, against the real server: the role comes from the link, the participant id
 * only as proven by its device key, the group only if the board has it, and nobody can speak for
 * another connection's awareness client ID (except the same person's new socket, taking its own back).
 */
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { createGroup, newRecordId, ORIGIN } from '../../shared/index.ts';
import type { CreatedBoard } from '../../shared/index.ts';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { openRaw } from '../helpers/rawSocket.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { serverPerFile } from '../helpers/fileServer.ts';

const running = serverPerFile();
const clients = running.clients;

type User = { name?: string; id?: string; role?: string; groupId?: string | null };

async function join(board: CreatedBoard, params: Record<string, string> = {}, doc = new Y.Doc(), role: 'participant' | 'facilitator' = 'participant'): Promise<TestClient> {
  const client = connectClient(running.server.localUrl, board.id, tokenOf(board.links[role]), doc, params);
  clients.push(client);
  await waitSynced(client);
  return client;
}

const userAt = (watcher: TestClient, clientId: number) => (watcher.provider.awareness.getStates().get(clientId) as { user?: User } | undefined)?.user;

describe('awareness identity', () => {
  it('the participant id others see is the one proven by its key; a wrong key joins without one', async () => {
    const board = await createBoard(running.server.localUrl, 'Who is who');
    const annId = newRecordId();
    const ann = await join(board, { person: annId, key: 'ann-secret-key-0123456789' });
    const mallory = await join(board, { person: annId, key: 'mallory-guess-0123456789' });
    const watcher = await join(board);
    ann.provider.awareness.setLocalState({ user: { name: 'Ann', id: annId } });
    mallory.provider.awareness.setLocalState({ user: { name: 'Ann', id: annId } });
    await waitFor(() => userAt(watcher, ann.doc.clientID) !== undefined && userAt(watcher, mallory.doc.clientID) !== undefined, 'both at the watcher');
    expect(userAt(watcher, ann.doc.clientID)?.id).toBe(annId);
    expect(userAt(watcher, mallory.doc.clientID)?.id).toBe('');
  });

  it("a client reusing another connection's awareness ID cannot change or remove that person's state", async () => {
    const board = await createBoard(running.server.localUrl, 'Whose cursor');
    const ann = await join(board, { person: newRecordId(), key: 'ann-secret-key-0123456789' });
    const watcher = await join(board);
    ann.provider.awareness.setLocalState({ user: { name: 'Ann' }, cursor: { x: 1, y: 1 } });
    await waitFor(() => userAt(watcher, ann.doc.clientID)?.name === 'Ann', 'Ann at the watcher');
    // Mallory's document carries Ann's client ID, so her provider speaks for Ann's awareness entry.
    const mallory = await join(board, { person: newRecordId(), key: 'mallory-key-0123456789' }, Object.assign(new Y.Doc(), { clientID: ann.doc.clientID }));
    for (let i = 0; i < 5; i++) mallory.provider.awareness.setLocalState({ user: { name: 'Mallory' }, cursor: { x: 9, y: 9 } });
    mallory.provider.awareness.setLocalState(null);
    // A later change of Ann's own arrives, so the watcher has seen everything Mallory sent before it.
    ann.provider.awareness.setLocalStateField('cursor', { x: 2, y: 2 });
    await waitFor(() => (watcher.provider.awareness.getStates().get(ann.doc.clientID) as { cursor?: { x: number } } | undefined)?.cursor?.x === 2, "Ann's move");
    expect(userAt(watcher, ann.doc.clientID)?.name).toBe('Ann');
  });

  it('the same person on a new socket takes its own awareness ID back before the old socket is known dead', async () => {
    const board = await createBoard(running.server.localUrl, 'Wi-Fi came back');
    const join1 = { person: newRecordId(), key: 'tablet-key-0123456789abcdef' };
    const old = await join(board, join1);
    const watcher = await join(board);
    old.provider.awareness.setLocalState({ user: { name: 'Table 4' }, hand: 1 });
    await waitFor(() => userAt(watcher, old.doc.clientID)?.name === 'Table 4', 'the tablet at the watcher');
    // The old socket stays open (the server has not noticed it is gone); the tablet reconnects.
    const again = await join(board, join1, Object.assign(new Y.Doc(), { clientID: old.doc.clientID }));
    again.provider.awareness.setLocalState({ user: { name: 'Table 4, back' }, hand: 2 });
    await waitFor(() => userAt(watcher, old.doc.clientID)?.name === 'Table 4, back', 'the reconnected tablet at the watcher');
    // When the old socket finally closes, the tablet's state stays.
    old.provider.disconnect();
    await new Promise((r) => setTimeout(r, 300));
    expect(userAt(watcher, old.doc.clientID)?.name).toBe('Table 4, back');
    // And when the new socket dies without a word (Wi-Fi gone again), its state goes with it at once,
    // not after awareness's 30 s timeout.
    again.provider.shouldConnect = false;
    (again.provider.ws as unknown as { terminate(): void }).terminate();
    await waitFor(() => userAt(watcher, old.doc.clientID) === undefined, "the tablet's state to go", 3000);
  });

  it("a dropped tablet's awareness ID stays its own for a minute: another connection cannot take it first", async () => {
    const board = await createBoard(running.server.localUrl, 'Squatter');
    const join1 = { person: newRecordId(), key: 'tablet-key-0123456789abcdef' };
    const tablet = await join(board, join1);
    const watcher = await join(board);
    const id = tablet.doc.clientID;
    tablet.provider.awareness.setLocalState({ user: { name: 'Table 4' } });
    await waitFor(() => userAt(watcher, id)?.name === 'Table 4', 'the tablet at the watcher');
    // Wi-Fi gone: the socket dies, and the server drops the tablet's state at once.
    tablet.provider.shouldConnect = false;
    (tablet.provider.ws as unknown as { terminate(): void }).terminate();
    await waitFor(() => userAt(watcher, id) === undefined, "the tablet's state to go");
    // Someone else announces that ID, with a clock far ahead.
    const raw = await openRaw(`${running.server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.participant)}`);
    const inner = encoding.createEncoder();
    for (const n of [1, id, 1000]) encoding.writeVarUint(inner, n);
    encoding.writeVarString(inner, JSON.stringify({ user: { name: 'Squatter' } }));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1); // awareness
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    raw.ws.send(encoding.toUint8Array(e));
    // The tablet comes back and is seen as itself.
    tablet.provider.shouldConnect = true;
    tablet.provider.connect();
    await waitSynced(tablet);
    tablet.provider.awareness.setLocalState({ user: { name: 'Table 4, back' }, hand: 1 });
    await waitFor(() => userAt(watcher, id)?.name === 'Table 4, back', 'the tablet, back, at the watcher');
    raw.ws.close();
  });

  it('a stakeholder group is shown only if the board has it; names are cut to 60 characters', async () => {
    const board = await createBoard(running.server.localUrl, 'Groups');
    const facilitator = await join(board, {}, new Y.Doc(), 'facilitator');
    const group = createGroup(facilitator.doc, { name: 'Youth', color: '#1b9e77' }, ORIGIN.local);
    const member = await join(board);
    const poser = await join(board);
    const watcher = await join(board);
    await waitFor(() => watcher.doc.getMap('groups').has(group), 'the group at the watcher');
    member.provider.awareness.setLocalState({ user: { name: 'Mo', groupId: group } });
    poser.provider.awareness.setLocalState({ user: { name: 'x'.repeat(500), groupId: 'no-such-group' } });
    await waitFor(() => userAt(watcher, member.doc.clientID) !== undefined && userAt(watcher, poser.doc.clientID) !== undefined, 'both at the watcher');
    expect(userAt(watcher, member.doc.clientID)?.groupId).toBe(group);
    expect(userAt(watcher, poser.doc.clientID)?.groupId).toBe(null);
    expect(userAt(watcher, poser.doc.clientID)?.name).toHaveLength(60);
  });

  it('an awareness update with one bad entry is refused whole: the entries before it are not kept either', async () => {
    const board = await createBoard(running.server.localUrl, 'Half an update');
    const raw = await openRaw(`${running.server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.participant)}`);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1); // awareness
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 2);
    encoding.writeVarUint(inner, 424242);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, JSON.stringify({ user: { name: 'Fien', role: 'facilitator' } }));
    encoding.writeVarUint(inner, 434343);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, '{not json');
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    raw.ws.send(encoding.toUint8Array(e));
    expect((await raw.closed).code).toBe(4400);
    // Someone joining now is sent every state the server holds: the posed one must not be there.
    const later = await join(board);
    await new Promise((r) => setTimeout(r, 200));
    expect(later.provider.awareness.getStates().has(424242)).toBe(false);
  });

  it("the same person's other device echoing the tablet's state does not take the tablet's ID from it", async () => {
    const board = await createBoard(running.server.localUrl, 'Two devices');
    const me = { person: newRecordId(), key: 'my-own-key-0123456789abcdef' };
    const tablet = await join(board, me);
    const phone = await join(board, me);
    tablet.provider.awareness.setLocalState({ user: { name: 'Ann' }, cursor: { x: 1, y: 1 } });
    // The phone's provider sends every change it receives back to the server (an echo).
    await waitFor(() => phone.provider.awareness.getStates().has(tablet.doc.clientID), 'the tablet at the phone');
    await new Promise((r) => setTimeout(r, 200));
    const mallory = await join(board, { person: newRecordId(), key: 'mallory-key-0123456789' }, Object.assign(new Y.Doc(), { clientID: tablet.doc.clientID }));
    for (let i = 0; i < 5; i++) mallory.provider.awareness.setLocalState({ user: { name: 'Mallory' } });
    tablet.provider.awareness.setLocalStateField('cursor', { x: 2, y: 2 });
    const watcher = await join(board);
    await waitFor(() => (watcher.provider.awareness.getStates().get(tablet.doc.clientID) as { cursor?: { x: number } } | undefined)?.cursor?.x === 2, "the tablet's move");
    expect(userAt(watcher, tablet.doc.clientID)?.name).toBe('Ann');
  });

  it('a participant id proven on one board cannot be claimed with another key on a board its owner has not joined yet', async () => {
    const [first, second] = [await createBoard(running.server.localUrl, 'First'), await createBoard(running.server.localUrl, 'Second')];
    const annId = newRecordId();
    const ann = await join(first, { person: annId, key: 'ann-secret-key-0123456789' });
    ann.provider.awareness.setLocalState({ user: { name: 'Ann', id: annId } });
    const mallory = await join(second, { person: annId, key: 'mallory-guess-0123456789' });
    const watcher = await join(second);
    mallory.provider.awareness.setLocalState({ user: { name: 'Ann', id: annId } });
    await waitFor(() => userAt(watcher, mallory.doc.clientID) !== undefined, 'Mallory at the watcher');
    expect(userAt(watcher, mallory.doc.clientID)?.id).toBe('');
  });

  it("a device's state that claims a crowd summary (the server's own) reaches others without it", async () => {
    const board = await createBoard(running.server.localUrl, 'Fake counts');
    const mallory = await join(board);
    const watcher = await join(board);
    mallory.provider.awareness.setLocalState({ user: { name: 'Mallory' }, cursor: { x: 1, y: 1 }, crowd: { people: 999, counts: { '': 999 }, busy: {} } });
    await waitFor(() => userAt(watcher, mallory.doc.clientID) !== undefined, 'Mallory at the watcher');
    const state = watcher.provider.awareness.getStates().get(mallory.doc.clientID) as Record<string, unknown>;
    expect(state.cursor).toEqual({ x: 1, y: 1 });
    expect('crowd' in state).toBe(false);
  });
});

/**
 * Who is who in awareness, against the real server: the role comes from the link, the participant id
 * only as proven by its device key, the group only if the board has it, and nobody can speak for
 * another connection's awareness client ID (except the same person's new socket, taking its own back).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createGroup, newNoteId, ORIGIN } from '../../shared/index.ts';
import type { RunningServer } from '../../server/server.ts';
import type { CreatedBoard } from '../../server/http/api.ts';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

const dir = tempDir();
let server: RunningServer;
const clients: TestClient[] = [];
beforeAll(async () => {
  server = await startTestServer(dir.path);
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
  dir.cleanup();
});

type User = { name?: string; id?: string; role?: string; groupId?: string | null };

async function join(board: CreatedBoard, params: Record<string, string> = {}, doc = new Y.Doc(), role: 'participant' | 'facilitator' = 'participant'): Promise<TestClient> {
  const client = connectClient(server.localUrl, board.id, tokenOf(board.links[role]), doc, params);
  clients.push(client);
  await waitSynced(client);
  return client;
}

const userAt = (watcher: TestClient, clientId: number) => (watcher.provider.awareness.getStates().get(clientId) as { user?: User } | undefined)?.user;

describe('awareness identity', () => {
  it('the participant id others see is the one proven by its key; a wrong key joins without one', async () => {
    const board = await createBoard(server.localUrl, 'Who is who');
    const annId = newNoteId();
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
    const board = await createBoard(server.localUrl, 'Whose cursor');
    const ann = await join(board, { person: newNoteId(), key: 'ann-secret-key-0123456789' });
    const watcher = await join(board);
    ann.provider.awareness.setLocalState({ user: { name: 'Ann' }, cursor: { x: 1, y: 1 } });
    await waitFor(() => userAt(watcher, ann.doc.clientID)?.name === 'Ann', 'Ann at the watcher');
    // Mallory's document carries Ann's client ID, so her provider speaks for Ann's awareness entry.
    const mallory = await join(board, { person: newNoteId(), key: 'mallory-key-0123456789' }, Object.assign(new Y.Doc(), { clientID: ann.doc.clientID }));
    for (let i = 0; i < 5; i++) mallory.provider.awareness.setLocalState({ user: { name: 'Mallory' }, cursor: { x: 9, y: 9 } });
    mallory.provider.awareness.setLocalState(null);
    // A later change of Ann's own arrives, so the watcher has seen everything Mallory sent before it.
    ann.provider.awareness.setLocalStateField('cursor', { x: 2, y: 2 });
    await waitFor(() => (watcher.provider.awareness.getStates().get(ann.doc.clientID) as { cursor?: { x: number } } | undefined)?.cursor?.x === 2, "Ann's move");
    expect(userAt(watcher, ann.doc.clientID)?.name).toBe('Ann');
  });

  it('the same person on a new socket takes its own awareness ID back before the old socket is known dead', async () => {
    const board = await createBoard(server.localUrl, 'Wi-Fi came back');
    const join1 = { person: newNoteId(), key: 'tablet-key-0123456789abcdef' };
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

  it('a stakeholder group is shown only if the board has it; names are cut to 60 characters', async () => {
    const board = await createBoard(server.localUrl, 'Groups');
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
});

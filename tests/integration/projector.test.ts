import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, listNotes, ORIGIN } from '../../shared/index.ts';
import type { RunningServer } from '../../server/server.ts';
import type { CreatedBoard } from '../../shared/index.ts';
import { connectClient, sleep, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

let server: RunningServer;
let board: CreatedBoard;
const dir = tempDir();
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer(dir.path);
  board = await createBoard(server.localUrl, 'Projected');
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
  dir.cleanup();
});

async function connect(role: 'participant' | 'projector', doc?: Y.Doc): Promise<TestClient> {
  const c = connectClient(server.localUrl, board.id, tokenOf(board.links[role]), doc);
  clients.push(c);
  await waitSynced(c);
  return c;
}

describe('projector connections are read-only on the server', () => {
  it('receives every change and awareness of others, but none of its updates or awareness is applied', async () => {
    // A projector that already holds content sends it in sync step 2 when it connects: refused too.
    const preloaded = new Y.Doc();
    createNote(preloaded, { text: 'smuggled at connect', x: 0, y: 0, authorId: 'proj' }, ORIGIN.local);
    const projector = await connect('projector', preloaded);
    const participant = await connect('participant');

    createNote(participant.doc, { text: 'real note', x: 0, y: 0, authorId: 'p' }, ORIGIN.local);
    participant.provider.awareness.setLocalStateField('user', { name: 'Ann' });
    await waitFor(() => listNotes(projector.doc).some((n) => n.text === 'real note'), 'projector to receive the note');
    await waitFor(() => projector.provider.awareness.getStates().has(participant.doc.clientID), 'projector to see Ann');

    createNote(projector.doc, { text: 'written on the projector', x: 0, y: 0, authorId: 'proj' }, ORIGIN.local);
    projector.provider.awareness.setLocalStateField('user', { name: 'Projector pretending' });
    await sleep(300);

    const serverNotes = listNotes(server.registry.peek(board.id)!.doc).map((n) => n.text);
    expect(serverNotes).toEqual(['real note']);
    expect(listNotes(participant.doc).map((n) => n.text)).toEqual(['real note']);
    expect(participant.provider.awareness.getStates().has(projector.doc.clientID)).toBe(false);
    expect(server.registry.peek(board.id)!.awareness.getStates().has(projector.doc.clientID)).toBe(false);

    const late = await connect('participant');
    expect(listNotes(late.doc).map((n) => n.text)).toEqual(['real note']);
    const metrics = await (await fetch(`${server.localUrl}/metrics`)).text();
    expect(metrics).toMatch(/olifant_ignored_writes_total [1-9]/);
  });
});

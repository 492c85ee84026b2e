/**
 * Integration: each person writes their own entry in `people` (the name and group the report lists
 * them under), the facilitator anyone's. A participant's write, replacement or deletion of another
 * person's entry closes that socket (4403) and changes nothing; a connection that proved no id still
 * writes its own (an id nobody proved), never a proven person's. Real server, real SQLite, stock
 * y-websocket clients and hand-written updates.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, listNotes, listPeople, newRecordId, ORIGIN, peopleMap, registerPerson } from '../../shared/index.ts';
import { connectClient, outcomeOf, sleep, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { craftedUpdate } from '../helpers/craftedUpdate.ts';
import { serverPerFile } from '../helpers/fileServer.ts';
import { openRaw, updateMessage } from '../helpers/rawSocket.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';

const file = serverPerFile();
const REFUSED = { code: 4403, reason: 'you may only write your own entry in people' };

type Board = { id: string; links: { participant: string; facilitator: string } };
type Outcome = 'open' | { code: number; reason: string };

/** A participant connection, proven as `person` by its device key (or, with `''`, proving no id), synced. */
async function participant(board: Board, person: string): Promise<TestClient> {
  const params: Record<string, string> = person ? { person, key: `${person}-device-key-0123456789` } : {};
  const c = connectClient(file.server.localUrl, board.id, tokenOf(board.links.participant), new Y.Doc(), params);
  file.clients.push(c);
  await waitSynced(c);
  return c;
}

/** Makes `change` on a fresh participant connection as `person` (a stock provider); how its socket ended within 0.8 s. */
async function tryAs(board: Board, person: string, change: (doc: Y.Doc) => void): Promise<Outcome> {
  return outcomeOf(await participant(board, person), change);
}

async function boardWithAnn() {
  const board = (await createBoard(file.server.localUrl, 'People')) as Board;
  const facilitator = connectClient(file.server.localUrl, board.id, tokenOf(board.links.facilitator));
  file.clients.push(facilitator);
  await waitSynced(facilitator);
  const annId = newRecordId();
  const ann = await participant(board, annId);
  registerPerson(ann.doc, annId, { name: 'Ann', groupId: null, role: 'participant' }, ORIGIN.local);
  await waitFor(() => listPeople(facilitator.doc).some((p) => p.id === annId), 'Ann’s entry at the facilitator');
  return { board, facilitator, ann, annId };
}

const names = (doc: Y.Doc) => Object.fromEntries(listPeople(doc).map((p) => [p.id, p.name]));

describe('who may write an entry in people', () => {
  it('another participant’s write, replacement or deletion of a proven person’s entry is refused (4403) and changes nothing', async () => {
    const { board, facilitator, ann, annId } = await boardWithAnn();
    const bramId = newRecordId();
    const as = (d: Y.Doc, name: string) => registerPerson(d, annId, { name, groupId: null, role: 'participant' }, ORIGIN.local);
    for (const [what, change] of [
      ['write Ann’s entry', (d: Y.Doc) => as(d, 'Not Ann')],
      ['delete Ann’s entry', (d: Y.Doc) => peopleMap(d).delete(annId)],
      ['replace it with a nested map', (d: Y.Doc) => peopleMap(d).set(annId, new Y.Map())],
      ['write it twice in one change', (d: Y.Doc) => d.transact(() => (peopleMap(d).set(annId, { name: 'One' }), peopleMap(d).set(annId, { name: 'Two' })))],
      ['write one’s own and Ann’s in one change', (d: Y.Doc) => d.transact(() => (registerPerson(d, bramId, { name: 'Bram', groupId: null, role: 'participant' }, ORIGIN.local), as(d, 'Not Ann')))],
    ] as const) {
      expect(await tryAs(board, bramId, change), `${what}, proven as Bram`).toEqual(REFUSED);
      expect(await tryAs(board, '', change), `${what}, proving no id`).toEqual(REFUSED);
    }
    await sleep(200);
    expect(names(facilitator.doc)).toEqual({ [annId]: 'Ann' });
    expect(ann.provider.wsconnected).toBe(true);
  });

  it('a hand-written entry under a proven person’s key, next to one’s own, is refused as well', async () => {
    const { board, facilitator, annId } = await boardWithAnn();
    const bramId = newRecordId();
    const C = 2_000_000 + Math.floor(Math.random() * 1_000_000);
    const url = `${file.server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.participant)}&person=${bramId}&key=bram-device-key-0123456789`;
    const entry = { name: 'Not Ann', groupId: null, role: 'participant', at: 1 };
    const socket = await openRaw(url);
    socket.ws.send(updateMessage(craftedUpdate([{ client: C, clock: 0, items: [{ parent: 'people', sub: bramId, values: [entry] }, { parent: 'people', sub: annId, values: [entry] }] }])));
    const outcome = await Promise.race([socket.closed, sleep(800).then(() => 'open' as const)]);
    socket.ws.close();
    expect(outcome).toEqual(REFUSED);
    await sleep(200);
    expect(names(facilitator.doc)).toEqual({ [annId]: 'Ann' });
  });

  it('everyone writes their own: proven, proving no id (an id nobody proved, `anonymous` too); the facilitator writes anyone’s', async () => {
    const { board, facilitator, ann, annId } = await boardWithAnn();
    const bramId = newRecordId();
    const toolId = newRecordId();
    const own = (id: string, name: string) => (d: Y.Doc) => {
      registerPerson(d, id, { name, groupId: null, role: 'participant' }, ORIGIN.local);
      createNote(d, { text: `${name}’s note`, x: 0, y: 0, authorId: id }, ORIGIN.local);
    };
    expect(await tryAs(board, bramId, own(bramId, 'Bram'))).toBe('open');
    expect(await tryAs(board, '', own(toolId, 'A tool'))).toBe('open');
    expect(await tryAs(board, '', own('anonymous', 'Someone'))).toBe('open');
    // Ann changes her own entry, and takes it off again, on her own connection.
    registerPerson(ann.doc, annId, { name: 'Ann de Vries', groupId: null, role: 'participant' }, ORIGIN.local);
    await waitFor(() => names(facilitator.doc)[annId] === 'Ann de Vries', 'Ann’s new name at the facilitator');
    // The facilitator corrects anyone's entry.
    registerPerson(facilitator.doc, bramId, { name: 'Bram (table 3)', groupId: null, role: 'participant' }, ORIGIN.local);
    await waitFor(() => names(ann.doc)[bramId] === 'Bram (table 3)', 'the facilitator’s correction at Ann');
    peopleMap(ann.doc).delete(annId);
    await waitFor(() => !(annId in names(facilitator.doc)), 'Ann’s entry gone at the facilitator');
    expect(names(facilitator.doc)).toEqual({ [bramId]: 'Bram (table 3)', [toolId]: 'A tool', anonymous: 'Someone' });
    expect(listNotes(facilitator.doc).map((n) => n.text).sort()).toEqual(['A tool’s note', 'Bram’s note', 'Someone’s note']);
    expect([ann.provider.wsconnected, facilitator.provider.wsconnected]).toEqual([true, true]);
  });
});

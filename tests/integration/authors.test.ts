/**
 * Integration: a participant writes notes, action-card sign-ups, clusters and stances only in the
 * names its device proved (its own id, ids handed over to it), the facilitator in anyone's. A note,
 * sign-up, cluster or stance in another's name closes the socket (4403) and changes nothing; a
 * connection that proved no id may not write as someone who did. What undo writes back (a deleted
 * note of someone else's, an earlier stance) is the record's own earlier author, and is taken, also
 * after the server restarted. Real server, real SQLite, stock y-websocket clients and undo managers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createCluster,
  createGroup,
  createNote,
  deleteNotes,
  listClusters,
  listNotes,
  listStances,
  newRecordId,
  notesMap,
  ORIGIN,
  setStance,
  setVolunteer,
  stancesMap,
} from '../../shared/index.ts';
import { connectClient, outcomeOf, sleep, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { craftedUpdate } from '../helpers/craftedUpdate.ts';
import { serverPerFile } from '../helpers/fileServer.ts';
import { openRaw, updateMessage } from '../helpers/rawSocket.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

const file = serverPerFile();
const REFUSED = { code: 4403, reason: 'you may only write in your own name' };

type Board = { id: string; links: { participant: string; facilitator: string } };
type Outcome = 'open' | { code: number; reason: string };

/** The key a test device proves `id` with. */
const keyOf = (id: string) => `${id}-device-key-0123456789`;
/** Join data proving `person` (none with `''`), and `also` the ids in `also`. */
const joinAs = (person: string, also: string[] = []): Record<string, string> => ({
  ...(person ? { person, key: keyOf(person) } : {}),
  ...(also.length ? { also: also.map((id) => `${id}:${keyOf(id)}`).join(',') } : {}),
});

/** A synced participant connection with join data `params` on the server at `url`. */
async function participant(board: Board, params: Record<string, string>, doc = new Y.Doc(), url = file.server.localUrl): Promise<TestClient> {
  const c = connectClient(url, board.id, tokenOf(board.links.participant), doc, params);
  file.clients.push(c);
  await waitSynced(c);
  return c;
}

/** Makes `change` on a fresh participant connection with `params`; how its socket ended within 0.8 s. */
async function tryAs(board: Board, params: Record<string, string>, change: (doc: Y.Doc) => void): Promise<Outcome> {
  return outcomeOf(await participant(board, params), change);
}

/** A board with a group, Ann's note (she signed up on it, took a stance on it) and Bram's note. */
async function boardWithAnn(url = file.server.localUrl) {
  const board = (await createBoard(url, 'Authors')) as Board;
  const facilitator = connectClient(url, board.id, tokenOf(board.links.facilitator));
  file.clients.push(facilitator);
  await waitSynced(facilitator);
  const groupId = createGroup(facilitator.doc, { name: 'Youth', color: '#4e79a7' }, ORIGIN.local);
  const [annId, bramId] = [newRecordId(), newRecordId()];
  const ann = await participant(board, joinAs(annId), new Y.Doc(), url);
  await waitFor(() => listStances(ann.doc).length === 0 && ann.doc.getMap('groups').has(groupId), 'the group at Ann');
  const annNote = createNote(ann.doc, { text: 'Ann’s note', x: 0, y: 0, authorId: annId }, ORIGIN.local);
  setVolunteer(ann.doc, annNote, annId, 'Ann', ORIGIN.local);
  setStance(ann.doc, annNote, groupId, 'agree', annId, ORIGIN.local);
  const bram = await participant(board, joinAs(bramId), new Y.Doc(), url);
  const bramNote = createNote(bram.doc, { text: 'Bram’s note', x: 0, y: 0, authorId: bramId }, ORIGIN.local);
  await waitFor(() => listNotes(facilitator.doc).length === 2 && listStances(facilitator.doc).length === 1, 'both notes at the facilitator');
  return { board, facilitator, ann, bram, annId, bramId, annNote, bramNote, groupId };
}

/** What the board says about who wrote what. */
function authorship(doc: Y.Doc) {
  const notes = notesMap(doc);
  return {
    notes: listNotes(doc).map((n) => `${n.text} by ${n.authorId}`).sort(),
    volunteers: [...notes.keys()].flatMap((id) => [...notes.get(id)!.keys()].filter((k) => k.startsWith('volunteer:')).map((k) => `${id} ${k}`)).sort(),
    clusters: listClusters(doc).map((c) => `${c.label} by ${c.createdBy}`),
    stances: listStances(doc).map((s) => `${s.stance} by ${s.by}`),
  };
}

describe('who a note, sign-up, cluster or stance is written by', () => {
  it('each author field in a proven person’s name, written by another participant or a connection proving no id, is refused (4403) and changes nothing', async () => {
    const { board, facilitator, annId, bramId, bramNote, groupId } = await boardWithAnn();
    const before = authorship(facilitator.doc);
    for (const [what, change] of [
      ['a note by Ann', (d: Y.Doc) => createNote(d, { text: 'Not Ann’s', x: 0, y: 0, authorId: annId }, ORIGIN.local)],
      ['Bram’s note made Ann’s', (d: Y.Doc) => notesMap(d).get(bramNote)!.set('authorId', annId)],
      ['Ann signed up on Bram’s note', (d: Y.Doc) => setVolunteer(d, bramNote, annId, 'Ann', ORIGIN.local)],
      ['a cluster made by Ann', (d: Y.Doc) => createCluster(d, [bramNote], 'By Ann', ORIGIN.local, annId)],
      ['a stance by Ann on Bram’s note', (d: Y.Doc) => setStance(d, bramNote, groupId, 'disagree', annId, ORIGIN.local)],
      ['one’s own note and one by Ann in one change', (d: Y.Doc) => d.transact(() => (createNote(d, { text: 'Mine', x: 0, y: 0, authorId: bramId }, ORIGIN.local), createNote(d, { text: 'Not Ann’s', x: 0, y: 0, authorId: annId }, ORIGIN.local)))],
    ] as const) {
      expect(await tryAs(board, joinAs(bramId), change), `${what}, proven as Bram`).toEqual(REFUSED);
      expect(await tryAs(board, joinAs(''), change), `${what}, proving no id`).toEqual(REFUSED);
    }
    await sleep(200);
    expect(authorship(facilitator.doc)).toEqual(before);
  });

  it('a hand-written stance in a proven person’s name is refused as well, also behind one in one’s own', async () => {
    const { board, facilitator, annId, bramId, bramNote, groupId } = await boardWithAnn();
    const before = authorship(facilitator.doc);
    const url = `${file.server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.participant)}&${new URLSearchParams(joinAs(bramId))}`;
    const [asAnn, asBram] = [annId, bramId].map((by) => ({ stance: 'disagree', by, at: 1 }));
    // A map reads an item's last value: Ann's, behind Bram's.
    for (const values of [[asAnn], [asBram, asAnn]]) {
      const C = 2_000_000 + Math.floor(Math.random() * 1_000_000);
      const socket = await openRaw(url);
      socket.ws.send(updateMessage(craftedUpdate([{ client: C, clock: 0, items: [{ parent: 'stances', sub: `${bramNote}:${groupId}`, values }] }])));
      const outcome = await Promise.race([socket.closed, sleep(800).then(() => 'open' as const)]);
      socket.ws.close();
      expect(outcome, `${values.length} values`).toEqual(REFUSED);
    }
    await sleep(200);
    expect(authorship(facilitator.doc)).toEqual(before);
  });

  it('everyone writes in their own names: own notes, sign-ups, clusters, stances; a connection proving no id as an id nobody proved', async () => {
    const { board, facilitator, bramId, groupId } = await boardWithAnn();
    const toolId = newRecordId();
    const own = (id: string) => (d: Y.Doc) => {
      const note = createNote(d, { text: `${id}’s`, x: 0, y: 0, authorId: id }, ORIGIN.local);
      setVolunteer(d, note, id, 'Me', ORIGIN.local);
      createCluster(d, [note], `${id}’s cluster`, ORIGIN.local, id);
      setStance(d, note, groupId, 'unsure', id, ORIGIN.local);
    };
    expect(await tryAs(board, joinAs(bramId), own(bramId))).toBe('open');
    expect(await tryAs(board, joinAs(''), own(toolId))).toBe('open');
    await waitFor(() => listClusters(facilitator.doc).length === 2, 'both clusters at the facilitator');
    const after = authorship(facilitator.doc);
    expect(after.notes).toEqual(expect.arrayContaining([`${bramId}’s by ${bramId}`, `${toolId}’s by ${toolId}`]));
    expect(after.clusters.sort()).toEqual([`${bramId}’s cluster by ${bramId}`, `${toolId}’s cluster by ${toolId}`].sort());
    expect(after.stances.filter((s) => s.startsWith('unsure'))).toHaveLength(2);
  });

  it('a device that took over Ann’s id writes as Ann, as itself and as Carl, who handed over to it before; the facilitator writes in anyone’s name', async () => {
    const { board, facilitator, annId, bramNote, groupId } = await boardWithAnn();
    const [tabletId, carlId] = [newRecordId(), newRecordId()];
    expect(await tryAs(board, joinAs(carlId), (d) => createNote(d, { text: 'Carl on his phone', x: 0, y: 0, authorId: carlId }, ORIGIN.local))).toBe('open');
    const all = (d: Y.Doc) => {
      for (const [id, as] of [[annId, 'Ann'], [tabletId, 'itself'], [carlId, 'Carl']]) createNote(d, { text: `On the tablet, as ${as}`, x: 0, y: 0, authorId: id! }, ORIGIN.local);
    };
    // Ann's id, with the tablet's own and Carl's in one `also` (comma-separated, as the page sends them).
    expect(await tryAs(board, joinAs(annId, [tabletId, carlId]), all)).toBe('open');
    // Its own id, then continuing as Ann: the same device, the same names.
    expect(await tryAs(board, joinAs(tabletId, [annId, carlId]), all)).toBe('open');
    createNote(facilitator.doc, { text: 'Typed in for Ann', x: 0, y: 0, authorId: annId }, ORIGIN.local);
    createCluster(facilitator.doc, [bramNote], 'Ann’s cluster', ORIGIN.local, annId);
    setStance(facilitator.doc, bramNote, groupId, 'agree', annId, ORIGIN.local);
    await sleep(300);
    const after = authorship(facilitator.doc);
    expect(after.notes.filter((n) => n.startsWith('On the tablet'))).toEqual(
      [`On the tablet, as Ann by ${annId}`, `On the tablet, as Carl by ${carlId}`, `On the tablet, as itself by ${tabletId}`].flatMap((n) => [n, n]),
    );
    expect(after.clusters).toEqual([`Ann’s cluster by ${annId}`]);
    expect(after.stances).toContain(`agree by ${annId}`);
    expect(facilitator.provider.wsconnected).toBe(true);
  });

  it('undo brings back a deleted note of Ann’s (her name, her sign-up) and Ann’s stance that Bram replaced', async () => {
    const { facilitator, bram, annId, bramId, annNote, groupId } = await boardWithAnn();
    await waitFor(() => notesMap(bram.doc).has(annNote) && listStances(bram.doc).length === 1, 'Ann’s note and stance at Bram');
    const undo = new Y.UndoManager([notesMap(bram.doc), stancesMap(bram.doc)], { trackedOrigins: new Set([ORIGIN.local]), captureTimeout: 0 });
    deleteNotes(bram.doc, [annNote], ORIGIN.local);
    await waitFor(() => !notesMap(facilitator.doc).has(annNote), 'Ann’s note gone at the facilitator');
    undo.undo();
    await waitFor(() => notesMap(facilitator.doc).has(annNote), 'Ann’s note back at the facilitator');
    expect(notesMap(facilitator.doc).get(annNote)!.get('authorId')).toBe(annId);
    expect(notesMap(facilitator.doc).get(annNote)!.get(`volunteer:${annId}`)).toBe('Ann');
    // Bram's group's stance on it, replaced by Bram's own, then undone: Ann's again.
    setStance(bram.doc, annNote, groupId, 'disagree', bramId, ORIGIN.local);
    await waitFor(() => listStances(facilitator.doc)[0]?.by === bramId, 'Bram’s stance at the facilitator');
    undo.undo();
    await waitFor(() => listStances(facilitator.doc)[0]?.by === annId, 'Ann’s stance back at the facilitator');
    expect(listStances(facilitator.doc).map((s) => s.stance)).toEqual(['agree']);
    await sleep(300);
    expect(bram.provider.wsconnected).toBe(true);
  });
});

describe('what undo writes back, after a restart', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('a note of Ann’s deleted before the server restarted is brought back by undo in her name', async () => {
    const first = await startTestServer(dir.path);
    const { board, bram, annNote, annId, bramId } = await boardWithAnn(first.localUrl);
    await waitFor(() => notesMap(bram.doc).has(annNote), 'Ann’s note at Bram');
    const undo = new Y.UndoManager([notesMap(bram.doc)], { trackedOrigins: new Set([ORIGIN.local]), captureTimeout: 0 });
    deleteNotes(bram.doc, [annNote], ORIGIN.local);
    await sleep(300);
    bram.provider.destroy();
    for (const c of file.clients.splice(0)) if (c !== bram) c.destroy();
    await first.close();
    const second = await startTestServer(dir.path);
    try {
      const again = await participant(board, joinAs(bramId), bram.doc, second.localUrl);
      const watcher = await participant(board, joinAs(''), new Y.Doc(), second.localUrl);
      expect(notesMap(watcher.doc).has(annNote)).toBe(false);
      undo.undo();
      await waitFor(() => notesMap(watcher.doc).has(annNote), 'Ann’s note back after the restart');
      expect(notesMap(watcher.doc).get(annNote)!.get('authorId')).toBe(annId);
      await sleep(300);
      expect(again.provider.wsconnected).toBe(true);
    } finally {
      for (const c of file.clients.splice(0)) c.destroy();
      await second.close();
    }
  });
});

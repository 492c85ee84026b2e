/**
 * Integration: table progress through the real server (ephemeral port, real SQLite, stock
 * y-websocket clients). Two mixed tables: notes written at each during the task, dots placed in an
 * open vote, one table answering the facilitator's "Ready?" call; a new call makes the earlier
 * answers count no more; a participant cannot answer in someone else's entry (the server closes the
 * socket with 4403 and nothing changes); a screen that opens the board later reads the same.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyTemplate,
  assignSeat,
  callReady,
  createNote,
  listAreas,
  listDots,
  listNotes,
  listPeople,
  listVotes,
  newRecordId,
  openVote,
  ORIGIN,
  placeDot,
  readFacilitation,
  readSeats,
  registerPerson,
  setAgendaStep,
  setReady,
  setSeating,
  tableProgress,
  type Area,
} from '../../shared/index.ts';
import { connectClient, sleep, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { serverPerFile } from '../helpers/fileServer.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';

const file = serverPerFile();
const o = ORIGIN.local;
type Board = { id: string; links: { participant: string; facilitator: string } };

/** The progress every screen derives from its copy of the board. */
function progressOf(doc: Y.Doc) {
  return tableProgress({
    areas: listAreas(doc),
    notes: listNotes(doc),
    people: listPeople(doc),
    seats: readSeats(doc),
    facilitation: readFacilitation(doc),
    votes: listVotes(doc),
    dots: listDots(doc),
  }).map((t) => ({ table: t.area.id, people: t.people.map((p) => p.name), notes: t.notes, dotsLeft: t.dotsLeft, ready: t.ready }));
}

async function connect(board: Board, role: 'participant' | 'facilitator', person = ''): Promise<TestClient> {
  const params: Record<string, string> = person ? { person, key: `${person}-device-key-0123456789` } : {};
  const c = connectClient(file.server.localUrl, board.id, tokenOf(board.links[role]), new Y.Doc(), params);
  file.clients.push(c);
  await waitSynced(c);
  return c;
}

/** A person at a tablet: proven by their device key, on the board's list of people. */
async function person(board: Board, name: string) {
  const id = newRecordId();
  const c = await connect(board, 'participant', id);
  registerPerson(c.doc, id, { name, groupId: null, role: 'participant' }, o);
  return { id, c, name };
}

/** A note centred in `area`, made by `author`. */
function noteIn(doc: Y.Doc, area: Area, author: string, createdAt?: number) {
  return createNote(doc, { x: area.x + area.w / 2 - 100, y: area.y + area.h / 2 - 100, authorId: author, ...(createdAt ? { createdAt } : {}) }, o);
}

async function twoTables() {
  const board = (await createBoard(file.server.localUrl, 'Progress')) as Board;
  const fac = await connect(board, 'facilitator');
  applyTemplate(fac.doc, 'futureSearch', { lang: 'en', mixedTables: 2, year: 2026, serverNow: Date.now() }, o);
  setSeating(fac.doc, 'mixed', o);
  const [t1, t2] = listAreas(fac.doc).filter((a) => a.table === 'mixed');
  const ann = await person(board, 'Ann');
  const bram = await person(board, 'Bram');
  const cas = await person(board, 'Cas');
  await waitFor(() => listPeople(fac.doc).length === 3, 'three people at the facilitator');
  assignSeat(fac.doc, ann.id, 'mixed', t1!.id, o);
  assignSeat(fac.doc, bram.id, 'mixed', t1!.id, o);
  assignSeat(fac.doc, cas.id, 'mixed', t2!.id, o);
  return { board, fac, t1: t1!, t2: t2!, ann, bram, cas };
}

describe('table progress through the server', () => {
  it('follows two tables: notes this task, dots left after dots placed, and the one table that answered', async () => {
    const { board, fac, t1, t2, ann, bram, cas } = await twoTables();
    // A note from before the task began does not count.
    await waitFor(() => Object.keys(readSeats(ann.c.doc)).length === 3, 'the seats at Ann’s tablet');
    noteIn(ann.c.doc, t1, ann.id, Date.now() - 60_000);
    setAgendaStep(fac.doc, 3, Date.now(), o);
    await waitFor(() => readFacilitation(ann.c.doc).agenda.step === 3 && readFacilitation(cas.c.doc).agenda.step === 3, 'the task at the tablets');
    const a1 = noteIn(ann.c.doc, t1, ann.id);
    noteIn(bram.c.doc, t1, bram.id);
    noteIn(cas.c.doc, t2, cas.id);
    const voteId = openVote(fac.doc, { title: 'Themes', dots: 3, budget: 'person' }, o);
    await waitFor(() => listVotes(ann.c.doc).length === 1 && listNotes(ann.c.doc).length === 4, 'the vote and the notes at Ann’s tablet');
    placeDot(ann.c.doc, { voteId, itemId: a1, voterId: ann.id, groupId: null }, o);
    placeDot(ann.c.doc, { voteId, itemId: a1, voterId: ann.id, groupId: null }, o);
    const callId = callReady(fac.doc, Date.now(), o);
    await waitFor(() => readFacilitation(ann.c.doc).readyCall?.id === callId, 'the call at Ann’s tablet');
    setReady(ann.c.doc, ann.id, callId, o);
    const expected = [
      { table: t1.id, people: ['Ann', 'Bram'], notes: 2, dotsLeft: 4, ready: true },
      { table: t2.id, people: ['Cas'], notes: 1, dotsLeft: 3, ready: false },
    ];
    await waitFor(() => JSON.stringify(progressOf(fac.doc)) === JSON.stringify(expected), 'the progress at the facilitator');
    expect(progressOf(fac.doc)).toEqual(expected);
    await waitFor(() => JSON.stringify(progressOf(cas.c.doc)) === JSON.stringify(expected), 'the same progress at the other table');
    // A screen that opens the board now reads the same from the server.
    const late = await connect(board, 'facilitator');
    expect(progressOf(late.doc)).toEqual(expected);
  });

  it('counts only answers to the current call: a new call leaves earlier answers behind', async () => {
    const { fac, t1, t2, ann, cas } = await twoTables();
    const first = callReady(fac.doc, Date.now(), o);
    await waitFor(() => readFacilitation(ann.c.doc).readyCall?.id === first, 'the first call at Ann’s tablet');
    setReady(ann.c.doc, ann.id, first, o);
    await waitFor(() => progressOf(fac.doc)[0]!.ready, 'table 1 ready for the first call');
    const second = callReady(fac.doc, Date.now(), o);
    await waitFor(() => readFacilitation(cas.c.doc).readyCall?.id === second, 'the second call at Cas’s tablet');
    // Cas answers with the first call's id (a tablet that missed the new call).
    setReady(cas.c.doc, cas.id, first, o);
    await waitFor(() => listPeople(fac.doc).find((p) => p.id === cas.id)?.ready === first, 'Cas’s late answer at the facilitator');
    expect(progressOf(fac.doc).map((t) => [t.table, t.ready])).toEqual([[t1.id, false], [t2.id, false]]);
    setReady(cas.c.doc, cas.id, second, o);
    await waitFor(() => progressOf(fac.doc)[1]!.ready, 'table 2 ready for the second call');
    expect(progressOf(fac.doc)[0]!.ready).toBe(false);
  });

  it('refuses a participant’s answer in someone else’s entry: the socket closes (4403) and nothing changes', async () => {
    const { fac, ann, bram } = await twoTables();
    const callId = callReady(fac.doc, Date.now(), o);
    await waitFor(() => readFacilitation(bram.c.doc).readyCall?.id === callId && listPeople(bram.c.doc).length === 3, 'the call and the people at Bram’s tablet');
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      bram.c.provider.on('connection-close', (event: CloseEvent | null) => event && resolve({ code: event.code, reason: event.reason })),
    );
    setReady(bram.c.doc, ann.id, callId, o);
    expect(await closed).toEqual({ code: 4403, reason: 'you may only write your own entry in people' });
    bram.c.destroy();
    await sleep(300);
    expect(listPeople(fac.doc).find((p) => p.id === ann.id)?.ready).toBeNull();
    expect(progressOf(fac.doc)[0]!.ready).toBe(false);
  });
});

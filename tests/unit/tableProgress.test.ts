/**
 * Table progress as a pure function of the board: who sits at each table of the current seating,
 * how many are online, notes this task, dots left in the open vote and the "ready" answer; and the
 * named changes it reads (the task's start, the "Ready?" call, a person's answer).
 *
 * Why: the facilitator's panel, the projector and each tablet must agree on which tables are done,
 * from the same merged board; an answer to an earlier call must not count.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyTemplate,
  callReady,
  DEFAULT_FACILITATION,
  endReadyCall,
  listPeople,
  ORIGIN,
  readFacilitation,
  readyCount,
  registerPerson,
  setAgendaStep,
  setProjectorProgress,
  setReady,
  tableOf,
  tableProgress,
  unfinishedFirst,
  type Area,
  type Dot,
  type Person,
  type ProgressInput,
  type Vote,
} from '../../shared/index.ts';

const o = ORIGIN.local;

const area = (id: string, table: Area['table'], x: number, extra: Partial<Area> = {}): Area => ({
  id, name: id, x, y: 0, w: 1000, h: 800, color: '#ffffff', createdAt: x, locked: false, table, tableGroup: null, ...extra,
});
const person = (id: string, groupId: string | null, ready: string | null = null, role: Person['role'] = 'participant'): Person => ({ id, name: `P ${id}`, groupId, role, at: 0, ready });
const note = (x: number, createdAt: number) => ({ x, y: 100, w: 200, h: 200, createdAt });
const vote = (budget: Vote['budget'], open = true): Vote => ({
  id: 'v', title: 'Vote', target: 'notes', budget, dots: 3, onePerItem: false, live: true, open, openedAt: 0, closedAt: null,
});
const dot = (id: string, voterId: string, groupId: string | null): Dot => ({ id, voteId: 'v', itemId: 'n', voterId, groupId, at: 1 });

/** Two mixed tables (A at x 0, B at x 2000), two stakeholder tables and four people. */
function board(over: Partial<ProgressInput> = {}): ProgressInput {
  return {
    areas: [
      area('A', 'mixed', 0),
      area('B', 'mixed', 2000),
      area('S1', 'stakeholder', 4000, { tableGroup: 'g1' }),
      area('S2', 'stakeholder', 6000, { tableGroup: 'g2' }),
      area('plain', null, 8000),
    ],
    notes: [],
    people: [person('p1', 'g1'), person('p2', 'g2'), person('p3', 'g1'), person('p4', 'g2'), person('f', null, null, 'facilitator')],
    seats: { p1: { mixed: 'A' }, p2: { mixed: 'A' }, p3: { mixed: 'B' }, p4: { mixed: 'B', stakeholder: 'S1' } },
    facilitation: { ...DEFAULT_FACILITATION, seating: 'mixed', agenda: { ...DEFAULT_FACILITATION.agenda, stepStartedAt: 500 } },
    votes: [],
    dots: [],
    ...over,
  };
}

describe('tableProgress', () => {
  it('lists the tables of the current seating with who sits there', () => {
    const mixed = tableProgress(board());
    expect(mixed.map((t) => [t.area.id, t.people.map((p) => p.id)])).toEqual([['A', ['p1', 'p2']], ['B', ['p3', 'p4']]]);
    // At stakeholder tables a seat wins over the group's own table; the facilitator sits nowhere.
    const stake = tableProgress(board({ facilitation: { ...board().facilitation, seating: 'stakeholder' } }));
    expect(stake.map((t) => [t.area.id, t.people.map((p) => p.id)])).toEqual([['S1', ['p1', 'p3', 'p4']], ['S2', ['p2']]]);
  });

  it('counts only the notes made in the table’s area since the task began', () => {
    const notes = [note(100, 600), note(300, 499), note(2100, 700), note(2100, 800), note(9000, 900), note(-500, 900)];
    const t = tableProgress(board({ notes }));
    expect(t.map((x) => x.notes)).toEqual([1, 2]);
  });

  it('counts the seated people online only when presence is known', () => {
    expect(tableProgress(board()).map((t) => t.online)).toEqual([null, null]);
    expect(tableProgress(board({ online: new Set(['p1', 'p3', 'p4', 'f']) })).map((t) => t.online)).toEqual([1, 2]);
  });

  it('gives the dots a table has left in the open vote, per person or per group', () => {
    expect(tableProgress(board()).map((t) => t.dotsLeft)).toEqual([null, null]);
    const dots = [dot('d1', 'p1', 'g1'), dot('d2', 'p1', 'g1'), dot('d3', 'p3', 'g1')];
    // Per person: 3 each; p1 spent 2 (A: 1 + 3), p3 spent 1 (B: 2 + 3).
    expect(tableProgress(board({ votes: [vote('person')], dots })).map((t) => t.dotsLeft)).toEqual([4, 5]);
    // Per group: g1 spent 3 of 3, g2 none; each table has one person of each group.
    expect(tableProgress(board({ votes: [vote('group')], dots })).map((t) => t.dotsLeft)).toEqual([3, 3]);
    // A closed vote leaves nothing to place.
    expect(tableProgress(board({ votes: [vote('person', false)], dots })).map((t) => t.dotsLeft)).toEqual([null, null]);
  });

  it('says a table is ready when anyone seated there answered the current call, not an earlier one', () => {
    const people = [person('p1', 'g1', 'old'), person('p2', 'g2'), person('p3', 'g1', 'now'), person('p4', 'g2')];
    const call = (id: string | null) => ({ ...board().facilitation, readyCall: id ? { id, at: 1 } : null });
    const now = tableProgress(board({ people, facilitation: call('now') }));
    expect(now.map((t) => t.ready)).toEqual([false, true]);
    expect(now[1]!.people.map((p) => p.ready)).toEqual([true, false]);
    expect(readyCount(now)).toBe(1);
    expect(tableProgress(board({ people, facilitation: call(null) })).map((t) => t.ready)).toEqual([false, false]);
    expect(unfinishedFirst(now).map((t) => t.area.id)).toEqual(['A', 'B']);
    expect(unfinishedFirst(tableProgress(board({ people, facilitation: call('old') }))).map((t) => t.area.id)).toEqual(['B', 'A']);
  });

  it('finds a person’s table: a seat of the seating’s kind, else the group’s stakeholder table', () => {
    const tables = new Map(board().areas ? [...board().areas].map((a) => [a.id, a] as const) : []);
    expect(tableOf({ id: 'p4', groupId: 'g2' }, board().seats, tables, 'stakeholder')).toBe('S1');
    expect(tableOf({ id: 'p2', groupId: 'g2' }, board().seats, tables, 'stakeholder')).toBe('S2');
    expect(tableOf({ id: 'x', groupId: 'g2' }, { x: { mixed: 'gone' } }, tables, 'mixed')).toBeNull();
  });
});

describe('the changes table progress reads', () => {
  const doc = () => {
    const d = new Y.Doc();
    applyTemplate(d, 'futureSearch', { lang: 'en', mixedTables: 2, year: 2026, serverNow: 1_000 }, o);
    return d;
  };

  it('keeps when the current task began, from server time', () => {
    const d = doc();
    expect(readFacilitation(d).agenda.stepStartedAt).toBe(1_000);
    setAgendaStep(d, 1, 5_000, o);
    expect(readFacilitation(d).agenda.stepStartedAt).toBe(5_000);
    setAgendaStep(d, 1, 9_000, o); // the same task again: it did not begin anew
    expect(readFacilitation(d).agenda.stepStartedAt).toBe(5_000);
    expect(readFacilitation(new Y.Doc()).agenda.stepStartedAt).toBe(0);
  });

  it('calls "Ready?", ends the call, and switches the projector to progress', () => {
    const d = doc();
    expect(readFacilitation(d).readyCall).toBeNull();
    const id = callReady(d, 7_000, o);
    expect(readFacilitation(d).readyCall).toEqual({ id, at: 7_000 });
    expect(callReady(d, 8_000, o)).not.toBe(id);
    endReadyCall(d, o);
    expect(readFacilitation(d).readyCall).toBeNull();
    expect(readFacilitation(d).projectorProgress).toBe(false);
    setProjectorProgress(d, true, o);
    expect(readFacilitation(d).projectorProgress).toBe(true);
  });

  it('writes a person’s answer in their own entry, keeps it when they change group, and takes it back', () => {
    const d = doc();
    setReady(d, 'p1', 'call', o); // not on the list: nothing written
    expect(listPeople(d)).toEqual([]);
    registerPerson(d, 'p1', { name: 'Ann', groupId: null, role: 'participant' }, o);
    setReady(d, 'p1', 'call', o);
    expect(listPeople(d)[0]!.ready).toBe('call');
    registerPerson(d, 'p1', { name: 'Ann', groupId: 'g1', role: 'participant' }, o);
    expect(listPeople(d)[0]).toMatchObject({ groupId: 'g1', ready: 'call' });
    setReady(d, 'p1', null, o);
    expect(listPeople(d)[0]!.ready).toBeNull();
  });
});

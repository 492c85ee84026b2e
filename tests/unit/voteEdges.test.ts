/**
 * The edges of the dot-vote rules a tool reading or writing `dots` and `votes` relies on, each as the
 * board schema states it: a second dot on one item with one dot per item, the order dots are counted
 * in when there are more than the budget (a dot placed offline with an earlier `at` arriving late),
 * whose clock `at` is, dots on deleted notes and on dissolved or merged clusters, what the count does
 * not look at, and `closedAt` of an open vote.
 *
 * Why: every device, the server's report and any tool must count the same merged dots the same way;
 * these are the rules docs/board-schema.md promises, checked through `countVote` and the mutations.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { countVote, createCluster, deleteNotes, dissolveCluster, dotsMap, listDots, mergeClusters, notesMap, ORIGIN, setNotesCluster, setVoteOpen, votesMap, type Dot } from '../../shared/index.ts';
import { clock, countOn, exchangeAll, forkDoc, newBoard, note, place, readVote, vote } from '../helpers/cocreationOps.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000);
});
afterEach(() => vi.useRealTimers());

const dot = (id: string, at: number, itemId: string, voterId = 'ann', groupId: string | null = null): Dot => ({ id, voteId: 'v', itemId, voterId, groupId, at });
const rules = (over: { dots?: number; onePerItem?: boolean; budget?: 'person' | 'group' } = {}) => ({ id: 'v', budget: 'person' as const, dots: 3, onePerItem: false, ...over });
const counted = (c: { counted: ReadonlySet<string> }) => [...c.counted].sort();

describe('one dot per item', () => {
  it('a second dot on the same item does not count and spends nothing; the earliest one counts', () => {
    const c = countVote(rules({ dots: 2, onePerItem: true }), [dot('late', 20, 'x'), dot('early', 10, 'x'), dot('other', 30, 'y')]);
    expect(counted(c)).toEqual(['early', 'other']);
    expect([...c.overLimit]).toEqual(['late']);
    expect(c.used).toEqual({ ann: 2 });
  });

  it('in a group vote it is one dot per item for the whole group, whoever of it placed the second', () => {
    const c = countVote(rules({ budget: 'group', onePerItem: true }), [dot('ann', 10, 'x', 'ann', 'g'), dot('bram', 20, 'x', 'bram', 'g'), dot('eve', 30, 'x', 'eve', 'h')]);
    expect(counted(c)).toEqual(['ann', 'eve']);
    expect(c.used).toEqual({ g: 1, h: 1 });
  });
});

describe('dots beyond the budget', () => {
  it('are counted in order of `at`, then of dot id (character codes: `B` before `a`); the first up to the budget count', () => {
    const c = countVote(rules({ dots: 2 }), [dot('a', 10, 'x'), dot('B', 10, 'y'), dot('0', 5, 'z'), dot('Z', 10, 'w')]);
    expect(counted(c)).toEqual(['0', 'B']);
    expect([...c.overLimit].sort()).toEqual(['Z', 'a']);
  });

  it('a dot placed offline with an earlier `at` counts when it arrives, and the latest counted dot stops counting', () => {
    const board = newBoard();
    const [x, y, z, w] = [note(board), note(board), note(board), note(board)];
    const id = vote(board, { dots: 3 });
    const phone = forkDoc(board);
    clock(50);
    const offline = place(phone, id, w, 'ann'); // the phone is offline: its clock says 50
    clock(100);
    place(board, id, x, 'ann');
    clock(110);
    place(board, id, y, 'ann');
    clock(120);
    const last = place(board, id, z, 'ann');
    expect(countOn(board, id).counted.has(last)).toBe(true);
    exchangeAll([board, phone]);
    const c = countOn(board, id);
    expect(c.counted.has(offline)).toBe(true);
    expect([...c.overLimit]).toEqual([last]);
    expect(c.totals).toEqual({ [w]: 1, [x]: 1, [y]: 1 });
  });

  it('`at` is the placing device’s clock, taken as written: a device whose clock is an hour behind is counted first', () => {
    const board = newBoard();
    const [x, y] = [note(board), note(board)];
    const id = vote(board, { dots: 1 });
    const slow = forkDoc(board);
    clock(10_000_000);
    const onTime = place(board, id, x, 'ann');
    clock(10_000_000 - 3_600_000);
    const behind = place(slow, id, y, 'ann');
    expect(listDots(slow).find((d) => d.id === behind)?.at).toBe(10_000_000 - 3_600_000);
    exchangeAll([board, slow]);
    expect(counted(countOn(board, id))).toEqual([behind]);
    expect([...countOn(board, id).overLimit]).toEqual([onTime]);
  });
});

describe('dots on items that are gone', () => {
  it('a deleted note’s dots stay stored but neither count nor spend: the budget is free again; they count again if the note comes back', () => {
    const doc = newBoard();
    const [x, y] = [note(doc), note(doc)];
    const id = vote(doc, { dots: 1 });
    const first = place(doc, id, x, 'ann');
    const undo = new Y.UndoManager(notesMap(doc), { trackedOrigins: new Set([ORIGIN.local]) });
    deleteNotes(doc, [x], ORIGIN.local);
    expect(listDots(doc).map((d) => d.id)).toEqual([first]);
    expect(countOn(doc, id)).toMatchObject({ totals: {}, used: {} });
    expect(countOn(doc, id).overLimit.size).toBe(0);
    clock(2_000);
    const second = place(doc, id, y, 'ann'); // the freed dot, placed elsewhere
    undo.undo(); // the note is back under its id: its earlier dot counts again, the later one not
    expect(notesMap(doc).has(x)).toBe(true);
    expect(counted(countOn(doc, id))).toEqual([first]);
    expect([...countOn(doc, id).overLimit]).toEqual([second]);
  });

  it('a dissolved cluster’s dots, and those of clusters merged into it, neither count nor spend', () => {
    const doc = newBoard();
    const A = createCluster(doc, [note(doc)], 'A', ORIGIN.local);
    const B = createCluster(doc, [note(doc)], 'B', ORIGIN.local);
    const id = vote(doc, { target: 'clusters', dots: 2 });
    place(doc, id, A, 'ann');
    place(doc, id, B, 'bram');
    mergeClusters(doc, A, B, ORIGIN.local);
    expect(countOn(doc, id).totals).toEqual({ [B]: 2 });
    dissolveCluster(doc, B, ORIGIN.local);
    expect(countOn(doc, id)).toMatchObject({ totals: {}, used: {} });
    expect(listDots(doc)).toHaveLength(2);
  });

  it('a merge with one dot per item: of one person’s dots on both clusters the earliest counts, the other gives its dot back', () => {
    const doc = newBoard();
    const A = createCluster(doc, [note(doc)], 'A', ORIGIN.local);
    const B = createCluster(doc, [note(doc)], 'B', ORIGIN.local);
    const id = vote(doc, { target: 'clusters', dots: 2, onePerItem: true });
    clock(10);
    const onB = place(doc, id, B, 'ann');
    clock(20);
    const onA = place(doc, id, A, 'ann');
    mergeClusters(doc, A, B, ORIGIN.local);
    const c = countOn(doc, id);
    expect(c.totals).toEqual({ [B]: 1 });
    expect(counted(c)).toEqual([onB]);
    expect([...c.overLimit]).toEqual([onA]);
    expect(c.used).toEqual({ ann: 1 });
  });

  it('a cluster whose notes were all taken out still exists: its dots count', () => {
    const doc = newBoard();
    const n = note(doc);
    const A = createCluster(doc, [n], 'A', ORIGIN.local);
    const id = vote(doc, { target: 'clusters' });
    place(doc, id, A, 'ann');
    setNotesCluster(doc, new Map([[n, null]]), ORIGIN.local);
    expect(countOn(doc, id).totals).toEqual({ [A]: 1 });
  });
});

describe('what the count does not look at', () => {
  it('a dot that arrives after the vote closed counts; so does one on the wrong kind of item, and a group dot counts for the group it names', () => {
    const board = newBoard();
    const x = note(board);
    const C = createCluster(board, [note(board)], 'C', ORIGIN.local);
    const id = vote(board, { target: 'notes', budget: 'group' });
    const offline = forkDoc(board);
    const late = place(offline, id, x, 'ann', 'g');
    setVoteOpen(board, id, false, ORIGIN.local);
    exchangeAll([board, offline]);
    expect(readVote(board, id).open).toBe(false);
    // Written by a tool: a dot on a cluster in a vote on notes, in a group Ann is not in.
    board.transact(() => dotsMap(board).set('tool-dot-0001', { voteId: id, itemId: C, voterId: 'ann', groupId: 'h', at: 5_000 }));
    const c = countOn(board, id);
    expect(counted(c)).toEqual([late, 'tool-dot-0001'].sort());
    expect(c.used).toEqual({ g: 1, h: 1 });
  });
});

describe('openedAt and closedAt', () => {
  it('an open vote has no closedAt (read as null); a re-opened one loses its last close time; openedAt stays the first opening; both the facilitator device’s clock', () => {
    const doc = newBoard();
    clock(1_000);
    const id = vote(doc);
    const stored = () => (votesMap(doc).get(id) as Y.Map<unknown>).toJSON();
    expect(stored()).not.toHaveProperty('closedAt');
    expect(readVote(doc, id)).toMatchObject({ open: true, openedAt: 1_000, closedAt: null });
    clock(5_000);
    setVoteOpen(doc, id, false, ORIGIN.local);
    expect(readVote(doc, id)).toMatchObject({ open: false, openedAt: 1_000, closedAt: 5_000 });
    clock(9_000);
    setVoteOpen(doc, id, true, ORIGIN.local);
    expect(stored()).not.toHaveProperty('closedAt');
    expect(readVote(doc, id)).toMatchObject({ open: true, openedAt: 1_000, closedAt: null });
  });
});

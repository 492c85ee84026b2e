/**
 * Dot votes on one device: the pure count (limits per person or per group, one dot per item, merged
 * and gone items, every arrival order), opening and closing a vote, placing dots and taking them back.
 *
 * Why: the count decides what the room sees ranked, so it is a pure function of the merged dots
 * (shared/analysis/votes.ts); placing and taking back refuse, in words a person can act on, only what
 * this device can see.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  budgetKey,
  countVote,
  createCluster,
  deleteNotes,
  dotsLeft,
  listDots,
  listVotes,
  MAX_DOTS,
  MAX_LABEL,
  mergeClusters,
  openVote,
  ORIGIN,
  setVoteOpen,
  takeBackDot,
  ValidationError,
  type Dot,
  type Vote,
  type VoteInput,
} from '../../shared/index.ts';
import { clock, countOn, newBoard, note, permutations, place, plainCount, readVote, vote } from '../helpers/cocreationOps.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000);
});
afterEach(() => vi.useRealTimers());

describe('countVote (pure)', () => {
  const dot = (id: string, at: number, voterId: string, itemId: string, groupId: string | null = null, voteId = 'v'): Dot => ({ id, voteId, itemId, voterId, groupId, at });
  const v = (over: Partial<Vote> = {}) => ({ id: 'v', budget: 'person' as const, dots: 3, onePerItem: false, ...over });

  it('counts each person’s first dots up to the limit, in the order they were placed', () => {
    const dots = [
      dot('d4', 40, 'ann', 'x', 'citizens'),
      dot('d1', 10, 'ann', 'x', 'citizens'),
      dot('d3', 30, 'ann', 'y', 'citizens'),
      dot('d2', 20, 'ann', 'x', 'citizens'),
      dot('e1', 50, 'bob', 'y', 'business'),
      dot('f1', 5, 'ann', 'x', 'citizens', 'other-vote'),
    ];
    const c = countVote(v(), dots);
    expect(plainCount(c)).toEqual({
      totals: { x: 2, y: 2 },
      byGroup: { x: { citizens: 2 }, y: { citizens: 1, business: 1 } },
      counted: ['d1', 'd2', 'd3', 'e1'],
      overLimit: ['d4'],
      used: { ann: 3, bob: 1 },
      ranking: [
        { itemId: 'x', total: 2 },
        { itemId: 'y', total: 2 },
      ],
    });
    expect([dotsLeft(v(), c, 'ann'), dotsLeft(v(), c, 'bob'), dotsLeft(v(), c, 'nobody')]).toEqual([0, 2, 3]);
  });

  it('gives the same count for every order the dots arrive in', () => {
    const dots = [dot('a1', 10, 'ann', 'x'), dot('a2', 10, 'ann', 'y'), dot('a3', 12, 'ann', 'x'), dot('b1', 11, 'bob', 'x'), dot('a4', 9, 'ann', 'z')];
    const first = plainCount(countVote(v({ dots: 2 }), dots));
    for (const order of permutations(dots)) expect(plainCount(countVote(v({ dots: 2 }), order))).toEqual(first);
    expect((first as { counted: string[] }).counted).toEqual(['a1', 'a4', 'b1']); // at 9, then the tie at 10 by id
  });

  it('a group budget is shared by the group’s members; a dot from someone without a group does not count', () => {
    const dots = [dot('1', 1, 'ann', 'x', 'g'), dot('2', 2, 'bob', 'y', 'g'), dot('3', 3, 'ann', 'y', 'g'), dot('4', 4, 'carl', 'x', null)];
    const c = countVote(v({ budget: 'group', dots: 2 }), dots);
    expect([...c.counted]).toEqual(['1', '2']);
    expect([...c.overLimit]).toEqual(['3']); // carl's dot is neither: it never counted against anyone
    expect(c.used).toEqual({ g: 2 });
    expect(budgetKey({ budget: 'group' }, { voterId: 'carl', groupId: null })).toBeNull();
    expect(budgetKey({ budget: 'person' }, { voterId: 'carl', groupId: 'g' })).toBe('carl');
    expect(dotsLeft({ dots: 2 }, c, null)).toBe(0);
  });

  it('one dot per item: a second dot on the same item does not count and does not spend the budget', () => {
    const dots = [dot('1', 1, 'ann', 'x'), dot('2', 2, 'ann', 'x'), dot('3', 3, 'ann', 'y'), dot('4', 4, 'ann', 'z')];
    const c = countVote(v({ onePerItem: true }), dots);
    expect([...c.counted]).toEqual(['1', '3', '4']);
    expect([...c.overLimit]).toEqual(['2']);
    expect(c.totals).toEqual({ x: 1, y: 1, z: 1 });
  });

  it('dots count for the item they stand for now; dots on gone items neither count nor spend', () => {
    const resolve = (id: string) => ({ merged: 'root', root: 'root', note: 'note' })[id] ?? null;
    const dots = [dot('1', 1, 'ann', 'merged'), dot('2', 2, 'ann', 'gone'), dot('3', 3, 'ann', 'root'), dot('4', 4, 'ann', 'note'), dot('5', 5, 'ann', 'note')];
    const perItem = countVote(v({ onePerItem: true }), dots, resolve);
    expect(perItem.totals).toEqual({ root: 1, note: 1 });
    expect([...perItem.overLimit]).toEqual(['3', '5']);
    const free = countVote(v(), dots, resolve);
    expect(free.totals).toEqual({ root: 2, note: 1 });
    expect([...free.overLimit]).toEqual(['5']);
    expect(free.used).toEqual({ ann: 3 });
  });

  it('dotsLeft never goes below zero', () => {
    expect(dotsLeft({ dots: 2 }, { used: { ann: 5 } }, 'ann')).toBe(0);
  });
});

describe('votes on a board', () => {
  it('opens a vote with defaults, closes and reopens it', () => {
    const doc = newBoard();
    const id = vote(doc, { title: ' Trends ' });
    expect(readVote(doc, id)).toEqual({ id, title: 'Trends', target: 'notes', budget: 'person', dots: 3, onePerItem: false, live: true, open: true, openedAt: 1_000, closedAt: null });
    clock(5_000);
    setVoteOpen(doc, id, false, ORIGIN.local);
    expect(readVote(doc, id)).toMatchObject({ open: false, closedAt: 5_000 });
    setVoteOpen(doc, id, true, ORIGIN.local);
    expect(readVote(doc, id)).toMatchObject({ open: true, closedAt: null });
    expect(() => setVoteOpen(doc, 'gone', false, ORIGIN.local)).toThrow(new ValidationError('that vote no longer exists'));
  });

  it('refuses bad vote settings with messages naming the field', () => {
    const doc = newBoard();
    const refuse = (input: unknown) => () => openVote(doc, input as VoteInput, ORIGIN.local);
    expect(refuse({ dots: 0 })).toThrow(new ValidationError('dots: give at least one dot'));
    expect(refuse({ dots: MAX_DOTS + 1 })).toThrow(new ValidationError(`dots: at most ${MAX_DOTS} dots`));
    expect(refuse({ dots: 2.5 })).toThrow(new ValidationError('dots: dots must be a whole number'));
    expect(refuse({ dots: 3, title: 'x'.repeat(MAX_LABEL + 1) })).toThrow(new ValidationError(`title: the vote title must be at most ${MAX_LABEL} characters`));
    expect(refuse({ dots: 3, target: 'groups' })).toThrow(/^target: /);
    expect(refuse({ dots: 3, budget: 'table' })).toThrow(/^budget: /);
    expect(refuse({ dots: 3, secret: true })).toThrow(/secret/);
    expect(listVotes(doc)).toEqual([]);
  });

  it('places dots until the person’s dots are spent, as far as this device knows', () => {
    const doc = newBoard();
    const [x, y] = [note(doc), note(doc)];
    const id = vote(doc, { dots: 2 });
    place(doc, id, x, 'ann');
    place(doc, id, x, 'ann');
    expect(() => place(doc, id, y, 'ann')).toThrow(new ValidationError('no dots left: take one back to place it elsewhere'));
    place(doc, id, y, 'bob');
    expect(countOn(doc, id).totals).toEqual({ [x]: 2, [y]: 1 });
  });

  it('refuses a dot on a cluster in a vote on notes, and on a note in a vote on clusters', () => {
    const doc = newBoard();
    const n = note(doc);
    const c = createCluster(doc, [note(doc)], 'c', ORIGIN.local);
    const onNotes = vote(doc, { target: 'notes' });
    expect(() => place(doc, onNotes, c, 'ann')).toThrow(new ValidationError('this vote is on notes: tap a note'));
    const onClusters = vote(doc, { target: 'clusters' });
    expect(() => place(doc, onClusters, n, 'ann')).toThrow(/this vote is on clusters/);
    expect(listDots(doc)).toEqual([]);
  });

  it('refuses dots on a closed or unknown vote, on a gone item, and group dots without a group', () => {
    const doc = newBoard();
    const x = note(doc);
    const gone = note(doc);
    deleteNotes(doc, [gone], ORIGIN.local);
    const perGroup = vote(doc, { budget: 'group' });
    expect(() => place(doc, perGroup, x, 'ann', null)).toThrow(new ValidationError('pick your stakeholder group first: this vote gives dots per group'));
    expect(() => place(doc, perGroup, gone, 'ann', 'g')).toThrow(new ValidationError('that note or cluster no longer exists'));
    expect(() => place(doc, 'nope', x, 'ann', 'g')).toThrow(new ValidationError('that vote no longer exists'));
    setVoteOpen(doc, perGroup, false, ORIGIN.local);
    expect(() => place(doc, perGroup, x, 'ann', 'g')).toThrow(new ValidationError('this vote is closed'));
    expect(listDots(doc)).toEqual([]);
  });

  it('one dot per item: refuses a second one, until the first is taken back', () => {
    const doc = newBoard();
    const x = note(doc);
    const id = vote(doc, { onePerItem: true, budget: 'group' });
    place(doc, id, x, 'ann', 'g');
    expect(() => place(doc, id, x, 'bob', 'g')).toThrow(new ValidationError('one dot per item in this vote'));
    expect(takeBackDot(doc, { voteId: id, itemId: x, voterId: 'bob', groupId: 'g' }, ORIGIN.local)).toBe(true); // a groupmate's
    place(doc, id, x, 'bob', 'g');
    expect(listDots(doc).map((d) => d.voterId)).toEqual(['bob']);
  });

  it('a dot on a merged cluster is stored on, and counts for, the cluster it was merged into', () => {
    const doc = newBoard();
    const A = createCluster(doc, [note(doc)], 'A', ORIGIN.local);
    const B = createCluster(doc, [note(doc)], 'B', ORIGIN.local);
    const id = vote(doc, { target: 'clusters', onePerItem: true });
    place(doc, id, A, 'ann');
    mergeClusters(doc, A, B, ORIGIN.local);
    expect(countOn(doc, id).totals).toEqual({ [B]: 1 });
    expect(() => place(doc, id, B, 'ann')).toThrow(/one dot per item/);
    place(doc, id, A, 'bob');
    expect(listDots(doc).find((d) => d.voterId === 'bob')?.itemId).toBe(B);
  });
});

describe('takeBackDot', () => {
  const take = (doc: Y.Doc, voteId: string, itemId: string, voterId: string, groupId: string | null = null) => takeBackDot(doc, { voteId, itemId, voterId, groupId }, ORIGIN.local);

  it('takes back the person’s latest dot on that item, and says when there is none', () => {
    const doc = newBoard();
    const [x, y] = [note(doc), note(doc)];
    const id = vote(doc);
    clock(10);
    const early = place(doc, id, x, 'ann');
    clock(20);
    place(doc, id, x, 'ann');
    place(doc, id, y, 'ann');
    expect(take(doc, id, x, 'ann')).toBe(true);
    expect(listDots(doc).map((d) => d.id).sort()).toEqual([early, listDots(doc).find((d) => d.itemId === y)!.id].sort());
    expect(take(doc, id, x, 'bob')).toBe(false);
    expect(take(doc, 'no-vote', x, 'ann')).toBe(false);
    expect(take(doc, id, x, 'ann')).toBe(true);
    expect(take(doc, id, x, 'ann')).toBe(false);
    expect(countOn(doc, id).totals).toEqual({ [y]: 1 });
  });

  it('in a group vote, takes back the person’s own dot first, else a groupmate’s, never another group’s', () => {
    const doc = newBoard();
    const x = note(doc);
    const id = vote(doc, { budget: 'group' });
    clock(10);
    const annDot = place(doc, id, x, 'ann', 'g');
    clock(20);
    const bobDot = place(doc, id, x, 'bob', 'g');
    const otherDot = place(doc, id, x, 'eve', 'h');
    expect(take(doc, id, x, 'ann', 'g')).toBe(true);
    expect(listDots(doc).map((d) => d.id).sort()).toEqual([bobDot, otherDot].sort());
    expect(take(doc, id, x, 'carl', 'g')).toBe(true);
    expect(listDots(doc).map((d) => d.id)).toEqual([otherDot]);
    expect(take(doc, id, x, 'carl', 'g')).toBe(false);
    expect(annDot).not.toBe(bobDot);
  });

  it('refuses on a closed vote and follows merged clusters', () => {
    const doc = newBoard();
    const A = createCluster(doc, [note(doc)], 'A', ORIGIN.local);
    const B = createCluster(doc, [note(doc)], 'B', ORIGIN.local);
    const id = vote(doc, { target: 'clusters' });
    place(doc, id, A, 'ann');
    mergeClusters(doc, A, B, ORIGIN.local);
    expect(take(doc, id, B, 'ann')).toBe(true);
    place(doc, id, B, 'ann');
    setVoteOpen(doc, id, false, ORIGIN.local);
    expect(() => take(doc, id, B, 'ann')).toThrow(new ValidationError('this vote is closed'));
  });

  it('on an item that is gone, takes back only a dot on that item, not one on another gone item', () => {
    const doc = newBoard();
    const [x, y] = [note(doc), note(doc)];
    const id = vote(doc);
    clock(10);
    const onX = place(doc, id, x, 'ann');
    clock(20);
    const onY = place(doc, id, y, 'ann');
    deleteNotes(doc, [x, y], ORIGIN.local);
    expect(take(doc, id, x, 'ann')).toBe(true);
    expect(listDots(doc).map((d) => d.id)).toEqual([onY]);
    expect(take(doc, id, 'never-dotted', 'ann')).toBe(false);
    expect(onX).not.toBe(onY);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  budgetKey,
  countVote,
  createCluster,
  createNote,
  deleteNotes,
  dotsLeft,
  dotsMap,
  itemResolver,
  listDots,
  listVotes,
  MAX_DOTS,
  MAX_LABEL,
  mergeClusters,
  openVote,
  ORIGIN,
  placeDot,
  setVoteOpen,
  takeBackDot,
  ValidationError,
  type Dot,
  type Vote,
  type VoteInput,
} from '../../shared/index.ts';
import { exchangeAll, forkDoc, mergedInOrder, newBoard, permutations, plainCount } from '../helpers/cocreationOps.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000);
});
afterEach(() => vi.useRealTimers());

/** Sets this device's clock (dots are ordered by the clock of the device that placed them). */
const clock = (ms: number) => vi.setSystemTime(ms);
const note = (doc: Y.Doc) => createNote(doc, { text: '', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
const vote = (doc: Y.Doc, input: Partial<VoteInput> = {}) => openVote(doc, { dots: 3, ...input }, ORIGIN.local);
const readVote = (doc: Y.Doc, id: string) => listVotes(doc).find((v) => v.id === id)!;
const countOn = (doc: Y.Doc, voteId: string) => countVote(readVote(doc, voteId), listDots(doc), itemResolver(doc));
const place = (doc: Y.Doc, voteId: string, itemId: string, voterId: string, groupId: string | null = null) => placeDot(doc, { voteId, itemId, voterId, groupId }, ORIGIN.local);

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

describe('dots placed on two or three offline devices', () => {
  /** Two devices of one person (or two tables of one group) that synced the vote, then went offline. */
  function setup(input: Partial<VoteInput>) {
    const server = newBoard();
    const items = [note(server), note(server), note(server)];
    const voteId = vote(server, input);
    return { server, items, voteId, phone: forkDoc(server), tablet: forkDoc(server) };
  }

  it('one person over the limit from two devices: every merge order counts the same, earliest dots first', () => {
    const { server, items, voteId, phone, tablet } = setup({ dots: 3 });
    const placed: string[] = [];
    for (const [i, at] of [10, 20, 30].entries()) {
      clock(at);
      placed.push(place(phone, voteId, items[i]!, 'ann', 'g'));
      clock(at + 5);
      placed.push(place(tablet, voteId, items[2 - i]!, 'ann', 'g'));
    }
    const counts = permutations([server, phone, tablet]).map((order) => plainCount(countOn(mergedInOrder(order), voteId)));
    for (const c of counts) expect(c).toEqual(counts[0]);
    exchangeAll([tablet, server, phone]);
    for (const d of [server, phone, tablet]) expect(plainCount(countOn(d, voteId))).toEqual(counts[0]);
    const c = countOn(phone, voteId);
    expect([...c.counted].sort()).toEqual([placed[0], placed[1], placed[2]].sort()); // at 10, 15, 20
    expect([...c.overLimit].sort()).toEqual(placed.slice(3).sort());
    expect(c.used).toEqual({ ann: 3 });
    expect(dotsLeft(readVote(phone, voteId), c, 'ann')).toBe(0);
    expect(() => place(phone, voteId, items[0]!, 'ann', 'g')).toThrow(/no dots left/);
  });

  it('a group over its budget from two tables: the same counts everywhere, never above the budget', () => {
    const { server, items, voteId, phone: table1, tablet: table2 } = setup({ budget: 'group', dots: 2 });
    clock(100);
    place(table1, voteId, items[0]!, 'ann', 'g');
    place(table1, voteId, items[1]!, 'bob', 'g');
    clock(90);
    place(table2, voteId, items[2]!, 'carl', 'g');
    place(table2, voteId, items[2]!, 'dina', 'h');
    const orders = permutations([server, table1, table2]).map((o) => mergedInOrder(o));
    for (const d of orders) expect(plainCount(countOn(d, voteId))).toEqual(plainCount(countOn(orders[0]!, voteId)));
    const c = countOn(orders[0]!, voteId);
    expect(c.used).toEqual({ g: 2, h: 1 });
    expect(c.overLimit.size).toBe(1);
    expect(c.byGroup[items[2]!]).toEqual({ g: 1, h: 1 });
  });

  it('one dot per item from two devices on the same item: one counts, the same one everywhere', () => {
    const { items, voteId, phone, tablet } = setup({ onePerItem: true });
    clock(50);
    const fromTablet = place(tablet, voteId, items[0]!, 'ann');
    clock(60);
    place(phone, voteId, items[0]!, 'ann');
    for (const d of [mergedInOrder([phone, tablet]), mergedInOrder([tablet, phone])]) {
      const c = countOn(d, voteId);
      expect([...c.counted]).toEqual([fromTablet]);
      expect(c.totals).toEqual({ [items[0]!]: 1 });
      expect(c.used).toEqual({ ann: 1 });
    }
  });

  it('a dot placed offline on a cluster that was merged meanwhile counts for the merged cluster', () => {
    const server = newBoard();
    const A = createCluster(server, [note(server)], 'A', ORIGIN.local);
    const B = createCluster(server, [note(server)], 'B', ORIGIN.local);
    const voteId = vote(server, { target: 'clusters', onePerItem: true });
    const [facilitator, table] = [forkDoc(server), forkDoc(server)];
    clock(10);
    place(table, voteId, A, 'ann');
    place(table, voteId, B, 'ann');
    mergeClusters(facilitator, A, B, ORIGIN.local);
    for (const order of permutations([server, facilitator, table])) {
      const c = countOn(mergedInOrder(order), voteId);
      expect(c.totals).toEqual({ [B]: 1 });
      expect(c.used).toEqual({ ann: 1 });
      expect(c.overLimit.size).toBe(1);
    }
  });

  it('a dot placed offline while the vote was open still counts after the close arrives', () => {
    const { items, voteId, phone, tablet: facilitator } = setup({});
    const offline = place(phone, voteId, items[0]!, 'ann');
    setVoteOpen(facilitator, voteId, false, ORIGIN.local);
    exchangeAll([facilitator, phone]);
    expect(readVote(phone, voteId).open).toBe(false);
    expect([...countOn(phone, voteId).counted]).toEqual([offline]);
  });

  it('taking back a counted dot after an offline over-spend lets a later dot count, never more than the limit', () => {
    const { items, voteId, phone, tablet } = setup({ dots: 1 });
    clock(10);
    place(phone, voteId, items[0]!, 'ann');
    clock(20);
    const late = place(tablet, voteId, items[1]!, 'ann');
    exchangeAll([phone, tablet]);
    expect(takeBackDot(phone, { voteId, itemId: items[0]!, voterId: 'ann', groupId: null }, ORIGIN.local)).toBe(true);
    exchangeAll([phone, tablet]);
    for (const d of [phone, tablet]) {
      expect([...countOn(d, voteId).counted]).toEqual([late]);
      expect(countOn(d, voteId).used).toEqual({ ann: 1 });
    }
  });

  it('taking back on an item that holds an uncounted dot removes that one first, so the counts do not move', () => {
    const { items, voteId, phone, tablet } = setup({ dots: 1 });
    clock(10);
    const first = place(phone, voteId, items[0]!, 'ann');
    clock(20);
    place(tablet, voteId, items[0]!, 'ann'); // offline: over the limit, not counted
    exchangeAll([phone, tablet]);
    expect(takeBackDot(phone, { voteId, itemId: items[0]!, voterId: 'ann', groupId: null }, ORIGIN.local)).toBe(true);
    exchangeAll([phone, tablet]);
    for (const d of [phone, tablet]) {
      expect([...countOn(d, voteId).counted]).toEqual([first]);
      expect(countOn(d, voteId).overLimit.size).toBe(0);
    }
  });

  it('the same dot taken back on two devices at once is simply gone', () => {
    const { items, voteId, phone, tablet } = setup({});
    place(phone, voteId, items[0]!, 'ann');
    exchangeAll([phone, tablet]);
    for (const d of [phone, tablet]) expect(takeBackDot(d, { voteId, itemId: items[0]!, voterId: 'ann', groupId: null }, ORIGIN.local)).toBe(true);
    exchangeAll([tablet, phone]);
    expect(dotsMap(phone).size).toBe(0);
    expect(Y.encodeStateVector(phone)).toEqual(Y.encodeStateVector(tablet));
  });
});

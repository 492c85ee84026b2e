/**
 * Dots placed and taken back on two or three offline devices: one person or one group over the limit,
 * one dot per item from two devices, a cluster merged or the vote closed meanwhile.
 *
 * Why: devices that do not see each other cannot refuse each other's dots, so the limit is applied
 * when counting; every merge order must count the same dots, and never more than the budget.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  createCluster,
  dotsLeft,
  dotsMap,
  mergeClusters,
  ORIGIN,
  setVoteOpen,
  takeBackDot,
  type VoteInput,
} from '../../shared/index.ts';
import { clock, countOn, exchangeAll, forkDoc, mergedInOrder, newBoard, note, permutations, place, plainCount, readVote, vote } from '../helpers/cocreationOps.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000);
});
afterEach(() => vi.useRealTimers());

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

/**
 * Stances and confirmed outcomes on a board, and set on two or three offline devices: one stance per
 * group and item, the refusals, archived groups, merged clusters and deleted notes.
 *
 * Why: a group's stance and the facilitator's confirmation travel separately, so a disagreement that
 * arrives after common ground was confirmed must show as contested on every device, and merging a
 * cluster must neither lose nor hide a group's stance.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  agreementLists,
  clearOutcome,
  clearStance,
  confirmOutcome,
  createCluster,
  deleteNotes,
  itemResolver,
  mergeTimer,
  listGroups,
  listOutcomes,
  listStances,
  mergeClusters,
  ORIGIN,
  setGroupArchived,
  setStance,
  ValidationError,
  type OutcomeList,
  type StanceValue,
} from '../../shared/index.ts';
import { clock, exchangeAll, forkDoc, group, ids, mergedInOrder, newBoard, note, permutations } from '../helpers/cocreationOps.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000);
});
afterEach(() => vi.useRealTimers());

const stance = (doc: Y.Doc, itemId: string, groupId: string, value: StanceValue) => setStance(doc, itemId, groupId, value, 'someone', ORIGIN.local);
const lists = (doc: Y.Doc) => agreementLists(listStances(doc), listOutcomes(doc), listGroups(doc), itemResolver(doc), mergeTimer(doc));

describe('stances and outcomes on a board', () => {
  it('each group has one stance per item; setting again replaces it, clearing withdraws it', () => {
    const doc = newBoard();
    const [g1, g2] = [group(doc, 'Burgers'), group(doc, 'Overheid', 1)];
    const x = note(doc);
    stance(doc, x, g1, 'agree');
    stance(doc, x, g2, 'agree');
    expect(ids(lists(doc)).unconfirmed).toEqual([x]);
    expect(lists(doc).unconfirmed[0]!.standing).toBe('commonGround');
    stance(doc, x, g1, 'disagree');
    expect(listStances(doc).filter((s) => s.groupId === g1)).toHaveLength(1);
    expect(lists(doc).unconfirmed[0]!.standing).toBe('notAgreed');
    clearStance(doc, x, g1, ORIGIN.local);
    expect(lists(doc).unconfirmed[0]!.byGroup).toEqual({ [g1]: undefined, [g2]: 'agree' });
  });

  it('refuses a stance that is not one of the three, from an unknown group, or on a gone item', () => {
    const doc = newBoard();
    const g1 = group(doc, 'Burgers');
    const gone = note(doc);
    deleteNotes(doc, [gone], ORIGIN.local);
    const x = note(doc);
    expect(() => stance(doc, x, g1, 'maybe' as StanceValue)).toThrow(new ValidationError('a stance is agree, disagree or unsure'));
    expect(() => stance(doc, x, 'nobody', 'agree')).toThrow(new ValidationError('that stakeholder group no longer exists'));
    expect(() => stance(doc, gone, g1, 'agree')).toThrow(new ValidationError('that note or cluster no longer exists'));
    expect(listStances(doc)).toEqual([]);
  });

  it('archived groups are ignored: their disagreement does not block common ground, until they are restored', () => {
    const doc = newBoard();
    const [g1, g2, g3] = [group(doc, 'A'), group(doc, 'B', 1), group(doc, 'C', 2)];
    const x = note(doc);
    stance(doc, x, g1, 'agree');
    stance(doc, x, g2, 'agree');
    stance(doc, x, g3, 'disagree');
    expect(() => confirmOutcome(doc, x, 'commonGround', 'f', ORIGIN.local)).toThrow(/not common ground/);
    setGroupArchived(doc, g3, true, ORIGIN.local);
    confirmOutcome(doc, x, 'commonGround', 'f', ORIGIN.local);
    expect(ids(lists(doc))).toMatchObject({ commonGround: [x], disagreements: [] });
    setGroupArchived(doc, g3, false, ORIGIN.local);
    expect(ids(lists(doc))).toMatchObject({ commonGround: [`${x}!`], disagreements: [`${x}!`] });
  });

  it('confirmOutcome refuses common ground unless every active group agrees now; other lists need no agreement', () => {
    const doc = newBoard();
    const x = note(doc);
    const refusal = new ValidationError('not every stakeholder group agrees yet, so this is not common ground');
    expect(() => confirmOutcome(doc, x, 'commonGround', 'f', ORIGIN.local)).toThrow(refusal); // no groups yet
    const [g1, g2] = [group(doc, 'A'), group(doc, 'B', 1)];
    stance(doc, x, g1, 'agree');
    expect(() => confirmOutcome(doc, x, 'commonGround', 'f', ORIGIN.local)).toThrow(refusal);
    stance(doc, x, g2, 'unsure');
    expect(() => confirmOutcome(doc, x, 'commonGround', 'f', ORIGIN.local)).toThrow(refusal);
    expect(listOutcomes(doc)).toEqual([]);
    confirmOutcome(doc, x, 'potentialProject', 'f', ORIGIN.local);
    stance(doc, x, g2, 'disagree');
    confirmOutcome(doc, x, 'notAgreed', 'f', ORIGIN.local);
    expect(listOutcomes(doc)).toEqual([{ itemId: x, list: 'notAgreed', by: 'f', at: 1_000 }]);
    stance(doc, x, g2, 'agree');
    confirmOutcome(doc, x, 'commonGround', 'f', ORIGIN.local);
    expect(ids(lists(doc)).commonGround).toEqual([x]);
  });

  it('refuses an unknown list and a gone item, and clears a confirmation', () => {
    const doc = newBoard();
    const x = note(doc);
    expect(() => confirmOutcome(doc, x, 'someday' as OutcomeList, 'f', ORIGIN.local)).toThrow(new ValidationError('the list is commonGround, potentialProject or notAgreed'));
    expect(() => confirmOutcome(doc, 'gone', 'notAgreed', 'f', ORIGIN.local)).toThrow(new ValidationError('that note or cluster no longer exists'));
    confirmOutcome(doc, x, 'potentialProject', 'f', ORIGIN.local);
    clearOutcome(doc, x, ORIGIN.local);
    expect(listOutcomes(doc)).toEqual([]);
  });

  it('stances and confirmations follow a merged cluster, and can be withdrawn through either id', () => {
    const doc = newBoard();
    const [g1, g2] = [group(doc, 'A'), group(doc, 'B', 1)];
    const A = createCluster(doc, [note(doc)], 'A', ORIGIN.local);
    const B = createCluster(doc, [note(doc)], 'B', ORIGIN.local);
    confirmOutcome(doc, A, 'potentialProject', 'f', ORIGIN.local);
    mergeClusters(doc, A, B, ORIGIN.local);
    expect(ids(lists(doc)).potentialProject).toEqual([B]);
    clearOutcome(doc, B, ORIGIN.local); // the confirmation was made on A
    expect(ids(lists(doc)).potentialProject).toEqual([]);
    stance(doc, A, g1, 'agree'); // through the old id: lands on B
    stance(doc, B, g2, 'agree');
    confirmOutcome(doc, A, 'commonGround', 'f', ORIGIN.local);
    expect(ids(lists(doc)).commonGround).toEqual([B]);
    clearStance(doc, A, g1, ORIGIN.local);
    expect(ids(lists(doc)).commonGround).toEqual([`${B}!`]);
    clearOutcome(doc, A, ORIGIN.local);
    expect(ids(lists(doc))).toMatchObject({ commonGround: [], unconfirmed: [B] });
  });

  it('stances and outcomes on a deleted note stay in the document but leave the lists', () => {
    const doc = newBoard();
    const g1 = group(doc, 'A');
    const x = note(doc);
    stance(doc, x, g1, 'disagree');
    confirmOutcome(doc, x, 'notAgreed', 'f', ORIGIN.local);
    deleteNotes(doc, [x], ORIGIN.local);
    expect(ids(lists(doc))).toEqual({ commonGround: [], potentialProject: [], notAgreed: [], disagreements: [], unconfirmed: [] });
    expect(listStances(doc)).toHaveLength(1);
  });
});

describe('stances set on two or three offline devices', () => {
  function setup() {
    const server = newBoard();
    const groups = [group(server, 'Burgers'), group(server, 'Overheid', 1)] as const;
    const items = [note(server), note(server)] as const;
    return { server, groups, items, one: forkDoc(server), two: forkDoc(server) };
  }

  it('two tables of one group mark the same item differently: one stance wins, the same everywhere', () => {
    const { server, groups: [g1, g2], items: [x], one, two } = setup();
    stance(one, x, g1, 'agree');
    stance(one, x, g2, 'agree');
    stance(two, x, g1, 'disagree');
    const results = permutations([server, one, two]).map((order) => mergedInOrder(order));
    const first = lists(results[0]!);
    for (const d of results) {
      expect(lists(d)).toEqual(first);
      expect(listStances(d).filter((s) => s.itemId === x && s.groupId === g1)).toHaveLength(1);
    }
    expect(['commonGround', 'notAgreed']).toContain(first.unconfirmed[0]!.standing);
  });

  it('common ground confirmed while a group disagrees offline: after the merge it is contested on every device', () => {
    const { server, groups: [g1, g2], items: [x], one: facilitator, two: table } = setup();
    stance(server, x, g1, 'agree');
    stance(server, x, g2, 'agree');
    exchangeAll([server, facilitator, table]);
    confirmOutcome(facilitator, x, 'commonGround', 'f', ORIGIN.local);
    stance(table, x, g2, 'disagree');
    for (const order of permutations([server, facilitator, table])) {
      expect(ids(lists(mergedInOrder(order)))).toEqual({ commonGround: [`${x}!`], potentialProject: [], notAgreed: [], disagreements: [`${x}!`], unconfirmed: [] });
    }
  });

  it('a group archived on one device while it marks items on another: ignored on every device', () => {
    const { server, groups: [g1, g2], items: [x, y], one: facilitator, two: table } = setup();
    stance(server, x, g1, 'agree');
    exchangeAll([server, facilitator, table]);
    setGroupArchived(facilitator, g2, true, ORIGIN.local);
    stance(table, x, g2, 'disagree');
    stance(table, y, g2, 'disagree');
    exchangeAll([table, facilitator]);
    for (const d of [facilitator, table]) {
      // y carries only the archived group's stance: it is not listed; x stands as common ground.
      expect(ids(lists(d))).toMatchObject({ disagreements: [], unconfirmed: [x] });
      expect(lists(d).unconfirmed.find((i) => i.itemId === x)).toMatchObject({ standing: 'commonGround', byGroup: { [g1]: 'agree' } });
    }
  });

  it('merging a cluster a group disagreed with into one it agreed with keeps the disagreement, until the group marks the merged cluster again', () => {
    const doc = newBoard();
    const [g1, g2] = [group(doc, 'A'), group(doc, 'B', 1)];
    const A = createCluster(doc, [note(doc)], 'A', ORIGIN.local);
    const B = createCluster(doc, [note(doc)], 'B', ORIGIN.local);
    clock(2_000);
    stance(doc, A, g1, 'disagree');
    clock(3_000);
    stance(doc, B, g1, 'agree');
    stance(doc, B, g2, 'agree');
    clock(4_000);
    mergeClusters(doc, A, B, ORIGIN.local);
    expect(lists(doc).disagreements.map((i) => i.itemId)).toEqual([B]);
    expect(() => confirmOutcome(doc, B, 'commonGround', 'f', ORIGIN.local)).toThrow(/not every stakeholder group agrees/);
    clock(5_000);
    stance(doc, B, g1, 'agree'); // the group looked at the merged cluster and agrees with all of it
    expect(lists(doc).unconfirmed[0]).toMatchObject({ itemId: B, standing: 'commonGround' });
  });

  it('a stance set on a cluster that another device merged meanwhile: every device derives the same lists', () => {
    const server = newBoard();
    const [g1, g2] = [group(server, 'A'), group(server, 'B', 1)];
    const A = createCluster(server, [note(server)], 'A', ORIGIN.local);
    const B = createCluster(server, [note(server)], 'B', ORIGIN.local);
    stance(server, A, g1, 'agree');
    const [merger, table] = [forkDoc(server), forkDoc(server)];
    clock(2_000);
    mergeClusters(merger, A, B, ORIGIN.local);
    stance(merger, B, g2, 'agree');
    clock(3_000);
    stance(table, A, g2, 'disagree'); // later, on the cluster as the table still sees it
    const results = permutations([server, merger, table]).map((o) => lists(mergedInOrder(o)));
    for (const r of results) expect(r).toEqual(results[0]);
    // The table's stance follows the merge and, being the latest, is B's stance for that group: not lost.
    expect(ids(results[0]!).unconfirmed).toEqual([B]);
    expect(results[0]!.unconfirmed[0]).toMatchObject({ byGroup: { [g1]: 'agree', [g2]: 'disagree' }, standing: 'notAgreed' });
    expect(ids(results[0]!).disagreements).toEqual([B]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  agreementLists,
  clearOutcome,
  clearStance,
  confirmOutcome,
  createCluster,
  createGroup,
  createNote,
  deleteNotes,
  GROUP_PALETTE,
  itemResolver,
  mergeTimer,
  listGroups,
  listOutcomes,
  listStances,
  MAX_GROUPS,
  MAX_LABEL,
  mergeClusters,
  ORIGIN,
  setGroupArchived,
  setStance,
  standingOf,
  stancesFor,
  updateGroup,
  ValidationError,
  type AgreementLists,
  type Outcome,
  type OutcomeList,
  type Stance,
  type StanceValue,
  type StakeholderGroup,
} from '../../shared/index.ts';
import { exchangeAll, forkDoc, mergedInOrder, newBoard, permutations } from '../helpers/cocreationOps.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000);
});
afterEach(() => vi.useRealTimers());

const clock = (ms: number) => vi.setSystemTime(ms);
const note = (doc: Y.Doc) => createNote(doc, { text: '', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
const group = (doc: Y.Doc, name: string, i = 0) => createGroup(doc, { name, color: GROUP_PALETTE[i % GROUP_PALETTE.length]! }, ORIGIN.local);
const stance = (doc: Y.Doc, itemId: string, groupId: string, value: StanceValue) => setStance(doc, itemId, groupId, value, 'someone', ORIGIN.local);
const lists = (doc: Y.Doc) => agreementLists(listStances(doc), listOutcomes(doc), listGroups(doc), itemResolver(doc), mergeTimer(doc));
/** Each list as item ids, the contested ones marked with a `!`. */
function ids(l: AgreementLists): Record<keyof AgreementLists, string[]> {
  const show = (items: AgreementLists['commonGround']) => items.map((i) => (i.contested ? `${i.itemId}!` : i.itemId));
  return {
    commonGround: show(l.commonGround),
    potentialProject: show(l.potentialProject),
    notAgreed: show(l.notAgreed),
    disagreements: show(l.disagreements),
    unconfirmed: show(l.unconfirmed),
  };
}

describe('standing of an item (pure)', () => {
  const g = (id: string, archived = false): StakeholderGroup => ({ id, name: id, color: '#666666', order: 0, archived, createdAt: 0 });
  const s = (itemId: string, groupId: string, value: StanceValue): Stance => ({ itemId, groupId, stance: value, by: 'p', at: 0 });

  it('common ground only when every active group agrees; not agreed when any disagrees; open otherwise', () => {
    expect(standingOf({ a: 'agree', b: 'agree' })).toBe('commonGround');
    expect(standingOf({ a: 'agree', b: 'disagree' })).toBe('notAgreed');
    expect(standingOf({ a: 'disagree', b: undefined })).toBe('notAgreed');
    expect(standingOf({ a: 'agree', b: 'unsure' })).toBe('open');
    expect(standingOf({ a: 'agree', b: undefined })).toBe('open');
    expect(standingOf({})).toBe('open'); // no groups: nobody can have agreed
  });

  it('reads each active group’s stance on the item, ignoring archived and unknown groups and other items', () => {
    const groups = [g('citizens'), g('business'), g('old', true)];
    const stances = [s('x', 'citizens', 'agree'), s('x', 'old', 'disagree'), s('x', 'ghost', 'disagree'), s('y', 'business', 'disagree')];
    expect(stancesFor('x', stances, groups)).toEqual({ citizens: 'agree', business: undefined });
    expect(standingOf(stancesFor('x', [...stances, s('x', 'business', 'agree')], groups))).toBe('commonGround');
  });
});

describe('agreementLists (pure)', () => {
  const groups: StakeholderGroup[] = ['g1', 'g2'].map((id, order) => ({ id, name: id, color: '#666666', order, archived: false, createdAt: 0 }));
  const s = (itemId: string, groupId: string, value: StanceValue): Stance => ({ itemId, groupId, stance: value, by: 'p', at: 0 });
  const o = (itemId: string, list: OutcomeList, at: number): Outcome => ({ itemId, list, by: 'f', at });

  it('sorts confirmed items into their list, keeps every disagreement visible, and the rest unconfirmed', () => {
    const stances = [
      s('agreed', 'g1', 'agree'), s('agreed', 'g2', 'agree'),
      s('split', 'g1', 'agree'), s('split', 'g2', 'disagree'),
      s('project', 'g1', 'agree'), s('project', 'g2', 'unsure'),
      s('quarrel', 'g1', 'disagree'),
      s('half', 'g1', 'agree'),
    ];
    const outcomes = [o('agreed', 'commonGround', 1), o('split', 'notAgreed', 2), o('project', 'potentialProject', 3), o('silent', 'potentialProject', 4)];
    const l = agreementLists(stances, outcomes, groups);
    expect(ids(l)).toEqual({
      commonGround: ['agreed'],
      potentialProject: ['project', 'silent'],
      notAgreed: ['split'],
      disagreements: ['quarrel'], // 'split' is visible on the not-agreed list already
      unconfirmed: ['half', 'quarrel'],
    });
    expect(l.potentialProject[1]).toMatchObject({ standing: 'open', byGroup: { g1: undefined, g2: undefined }, confirmed: 'potentialProject' });
  });

  it('an item confirmed as common ground that a group no longer agrees with is contested, not hidden', () => {
    const l = agreementLists([s('x', 'g1', 'agree'), s('x', 'g2', 'disagree')], [o('x', 'commonGround', 1)], groups);
    expect(ids(l)).toMatchObject({ commonGround: ['x!'], disagreements: ['x!'] });
    expect(l.commonGround[0]).toMatchObject({ standing: 'notAgreed', contested: true });
  });

  it('merged items count for the item they stand for (the latest confirmation wins); gone items are left out', () => {
    const resolve = (id: string) => ({ A: 'B', B: 'B', n: 'n' })[id] ?? null;
    const l = agreementLists(
      [s('A', 'g1', 'disagree'), s('B', 'g1', 'agree'), s('B', 'g2', 'agree'), s('gone', 'g1', 'disagree')],
      [o('B', 'potentialProject', 5), o('A', 'notAgreed', 9), o('gone', 'commonGround', 1)],
      groups,
      resolve,
    );
    expect(ids(l)).toEqual({ commonGround: [], potentialProject: [], notAgreed: ['B'], disagreements: [], unconfirmed: [] });
    expect(l.notAgreed[0]!.standing).toBe('commonGround');
  });
});

describe('stakeholder groups', () => {
  it('creates groups at the end of the legend, renames, recolours and archives them', () => {
    const doc = newBoard();
    const a = createGroup(doc, { name: ' Burgers ', color: '#1B9E77' }, ORIGIN.local);
    const b = createGroup(doc, { name: 'Vakbonden', color: '#d95f02' }, ORIGIN.local);
    expect(listGroups(doc)).toEqual([
      { id: a, name: 'Burgers', color: '#1b9e77', order: 1, archived: false, createdAt: 1_000 },
      { id: b, name: 'Vakbonden', color: '#d95f02', order: 2, archived: false, createdAt: 1_000 },
    ]);
    updateGroup(doc, a, { name: 'Inwoners', color: '#7570B3' }, ORIGIN.local);
    setGroupArchived(doc, b, true, ORIGIN.local);
    expect(listGroups(doc)).toMatchObject([{ name: 'Inwoners', color: '#7570b3', archived: false }, { name: 'Vakbonden', archived: true }]);
  });

  it('refuses bad names and colours, unknown groups and more than the maximum, with clear messages', () => {
    const doc = newBoard();
    expect(() => createGroup(doc, { name: '   ', color: '#123456' }, ORIGIN.local)).toThrow(new ValidationError('name: the group name must not be empty'));
    expect(() => createGroup(doc, { name: 'x'.repeat(MAX_LABEL + 1), color: '#123456' }, ORIGIN.local)).toThrow(new ValidationError(`name: the group name must be at most ${MAX_LABEL} characters`));
    expect(() => createGroup(doc, { name: 'A', color: 'red' }, ORIGIN.local)).toThrow(new ValidationError('color: must be a colour like #ffcc00'));
    expect(() => updateGroup(doc, 'gone', { name: 'A', color: '#123456' }, ORIGIN.local)).toThrow(new ValidationError('that stakeholder group no longer exists'));
    expect(() => setGroupArchived(doc, 'gone', true, ORIGIN.local)).toThrow(new ValidationError('that stakeholder group no longer exists'));
    const made = Array.from({ length: MAX_GROUPS }, (_, i) => group(doc, `G${i}`, i));
    expect(() => group(doc, 'one too many')).toThrow(new ValidationError(`a board has at most ${MAX_GROUPS} stakeholder groups`));
    setGroupArchived(doc, made[0]!, true, ORIGIN.local); // archived groups leave room
    group(doc, 'now it fits');
    expect(listGroups(doc)).toHaveLength(MAX_GROUPS + 1);
  });
});

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

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  activeGroups,
  CLUSTER_LABEL_HEIGHT,
  CLUSTER_PADDING,
  clusterBounds,
  clusterIndex,
  clusterMembers,
  clustersMap,
  coverageOf,
  createCluster,
  createGroup,
  createNote,
  deleteNotes,
  dissolveCluster,
  dropNotes,
  listClusters,
  listGroups,
  listNotes,
  itemResolver,
  listStances,
  stancesFor,
  MAX_LABEL,
  membershipAfterDrop,
  mergeClusters,
  ORIGIN,
  readNote,
  renameCluster,
  resolveCluster,
  setGroupArchived,
  setNotesCluster,
  setStance,
  ValidationError,
  type Cluster,
  type Note,
  type StakeholderGroup,
} from '../../shared/index.ts';
import { exchangeAll, forkDoc, mergedInOrder, newBoard, permutations } from '../helpers/cocreationOps.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000);
});
afterEach(() => vi.useRealTimers());

const note = (doc: Y.Doc, x = 0, y = 0, groupId: string | null = null) => createNote(doc, { text: '', x, y, w: 100, h: 100, authorId: 'a', groupId }, ORIGIN.local);

/** Cluster id -> sorted member ids, as every device would draw them. */
function drawn(doc: Y.Doc): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, ids] of clusterMembers(listNotes(doc), clusterIndex(listClusters(doc)))) out[id] = [...ids].sort();
  return out;
}
/** The cluster a note is in now. */
const clusterOf = (doc: Y.Doc, noteId: string) => resolveCluster(readNote(doc, noteId)?.clusterId ?? null, clusterIndex(listClusters(doc)));

describe('resolveCluster', () => {
  const index = (...pairs: [string, string | null][]) => clusterIndex(pairs.map(([id, mergedInto]) => ({ id, mergedInto })));

  it('a live cluster stands for itself; nothing and unknown ids for no cluster', () => {
    const clusters = index(['a', null]);
    expect(resolveCluster('a', clusters)).toBe('a');
    expect(resolveCluster(null, clusters)).toBeNull();
    expect(resolveCluster('gone', clusters)).toBeNull();
  });

  it('follows a merge chain to its end, and to nothing when the end was dissolved', () => {
    const clusters = index(['a', 'b'], ['b', 'c'], ['c', null], ['x', 'y'], ['y', 'dissolved']);
    expect(['a', 'b', 'c'].map((id) => resolveCluster(id, clusters))).toEqual(['c', 'c', 'c']);
    expect(resolveCluster('x', clusters)).toBeNull();
    expect(resolveCluster('y', clusters)).toBeNull();
  });

  it('a merge cycle resolves to its smallest id, from every member, whatever the order of the records', () => {
    const records: [string, string | null][] = [['m', 'k'], ['k', 'q'], ['q', 'm'], ['tail', 'q']];
    for (const order of permutations(records)) {
      const clusters = index(...order);
      expect(['m', 'k', 'q', 'tail'].map((id) => resolveCluster(id, clusters))).toEqual(['k', 'k', 'k', 'k']);
    }
    expect(resolveCluster('b', index(['b', 'b']))).toBe('b'); // merged into itself: still itself
  });
});

describe('cluster mutations', () => {
  it('creates a cluster of the notes given (skipping deleted ones), with a trimmed label', () => {
    const doc = newBoard();
    const [a, b] = [note(doc), note(doc, 200)];
    const id = createCluster(doc, [a, b, 'deleted'], '  Wachtlijsten ', ORIGIN.local);
    expect(listClusters(doc)).toEqual([{ id, label: 'Wachtlijsten', mergedInto: null, mergedAt: null, createdAt: 1_000 }]);
    expect(drawn(doc)).toEqual({ [id]: [a, b].sort() });
  });

  it('a new cluster takes its notes out of the cluster they were in; an emptied cluster is not drawn', () => {
    const doc = newBoard();
    const [a, b, c] = [note(doc), note(doc), note(doc)];
    const first = createCluster(doc, [a, b], 'first', ORIGIN.local);
    const second = createCluster(doc, [b, c], 'second', ORIGIN.local);
    expect(drawn(doc)).toEqual({ [first]: [a], [second]: [b, c].sort() });
    const third = createCluster(doc, [a], 'third', ORIGIN.local);
    expect(drawn(doc)).toEqual({ [second]: [b, c].sort(), [third]: [a] });
    expect(listClusters(doc).map((x) => x.id)).toContain(first); // the record stays, undrawn
  });

  it('refuses a cluster without notes and a label that is too long, with messages a person can act on', () => {
    const doc = newBoard();
    const a = note(doc);
    expect(() => createCluster(doc, [], 'x', ORIGIN.local)).toThrow(new ValidationError('a cluster needs at least one note: select notes first'));
    expect(() => createCluster(doc, ['deleted'], 'x', ORIGIN.local)).toThrow(/at least one note/);
    expect(() => createCluster(doc, [a], 'x'.repeat(MAX_LABEL + 1), ORIGIN.local)).toThrow(new ValidationError(`the cluster label must be at most ${MAX_LABEL} characters`));
    expect(() => createCluster(doc, [a], 42 as unknown as string, ORIGIN.local)).toThrow(new ValidationError('the cluster label must be text'));
    expect(listClusters(doc)).toEqual([]);
    expect(readNote(doc, a)?.clusterId).toBeNull();
  });

  it('renames a cluster; an unchanged label or a gone cluster writes nothing', () => {
    const doc = newBoard();
    const id = createCluster(doc, [note(doc)], 'old', ORIGIN.local);
    let writes = 0;
    doc.on('afterTransaction', () => writes++);
    renameCluster(doc, id, ' new ', ORIGIN.local);
    renameCluster(doc, id, 'new', ORIGIN.local);
    renameCluster(doc, 'gone', 'new', ORIGIN.local);
    expect(writes).toBe(1);
    expect(listClusters(doc)[0]!.label).toBe('new');
  });

  it('puts notes into a cluster and takes them out; refuses a cluster that does not exist', () => {
    const doc = newBoard();
    const [a, b] = [note(doc), note(doc)];
    const id = createCluster(doc, [a], '', ORIGIN.local);
    setNotesCluster(doc, new Map([[b, id], ['deleted', id]]), ORIGIN.local);
    expect(drawn(doc)).toEqual({ [id]: [a, b].sort() });
    setNotesCluster(doc, new Map([[a, null]]), ORIGIN.local);
    expect(drawn(doc)).toEqual({ [id]: [b] });
    expect(() => setNotesCluster(doc, new Map([[a, 'nope']]), ORIGIN.local)).toThrow(new ValidationError('that cluster no longer exists'));
    expect(readNote(doc, a)?.clusterId).toBeNull();
  });

  it('merging moves the members over, records where the cluster went, and its stances count for the target', () => {
    const doc = newBoard();
    const [g1, g2] = [createGroup(doc, { name: 'Burgers', color: '#1b9e77' }, ORIGIN.local), createGroup(doc, { name: 'Bedrijven', color: '#d95f02' }, ORIGIN.local)];
    const [a, b, c] = [note(doc), note(doc), note(doc)];
    const from = createCluster(doc, [a, b], 'from', ORIGIN.local);
    const into = createCluster(doc, [c], 'into', ORIGIN.local);
    setStance(doc, from, g1, 'disagree', 'p', ORIGIN.local);
    setStance(doc, from, g2, 'agree', 'p', ORIGIN.local);
    vi.setSystemTime(2_000);
    setStance(doc, into, g2, 'unsure', 'p', ORIGIN.local);
    mergeClusters(doc, from, into, ORIGIN.local);
    expect(drawn(doc)).toEqual({ [into]: [a, b, c].sort() });
    expect(listClusters(doc).find((x) => x.id === from)?.mergedInto).toBe(into);
    // Per group the latest stance on anything that is now `into` counts: g1's from `from`, g2's own.
    expect(stancesFor(into, listStances(doc), listGroups(doc), itemResolver(doc))).toEqual({ [g1]: 'disagree', [g2]: 'unsure' });
  });

  it('putting notes into a cluster that was merged meanwhile puts them into the cluster it went into', () => {
    const doc = newBoard();
    const [a, b, c] = [note(doc), note(doc), note(doc)];
    const [x, y] = [createCluster(doc, [a], 'x', ORIGIN.local), createCluster(doc, [b], 'y', ORIGIN.local)];
    mergeClusters(doc, x, y, ORIGIN.local);
    setNotesCluster(doc, new Map([[c, x]]), ORIGIN.local);
    expect(readNote(doc, c)?.clusterId).toBe(y);
    expect(drawn(doc)).toEqual({ [y]: [a, b, c].sort() });
  });

  it('a drop writes the move and the cluster change together; a target dissolved meanwhile is no change', () => {
    const doc = newBoard();
    const [a, b, c] = [note(doc), note(doc), note(doc)];
    const K = createCluster(doc, [a], 'K', ORIGIN.local);
    const L = createCluster(doc, [b], 'L', ORIGIN.local);
    dissolveCluster(doc, L, ORIGIN.local);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    dropNotes(doc, [{ id: c, x: 500, y: 500 }], new Map([[c, L]]), ORIGIN.local);
    dropNotes(doc, [{ id: b, x: 40, y: 40 }], new Map([[b, K]]), ORIGIN.local);
    expect(transactions).toBe(2);
    expect(readNote(doc, c)).toMatchObject({ x: 500, y: 500, clusterId: null });
    expect(drawn(doc)).toEqual({ [K]: [a, b].sort() });
  });

  it('merging follows earlier merges, and refuses what is already one cluster or gone', () => {
    const doc = newBoard();
    const [a, b, c] = [note(doc), note(doc), note(doc)];
    const [x, y, z] = [createCluster(doc, [a], 'x', ORIGIN.local), createCluster(doc, [b], 'y', ORIGIN.local), createCluster(doc, [c], 'z', ORIGIN.local)];
    mergeClusters(doc, x, y, ORIGIN.local);
    expect(() => mergeClusters(doc, x, y, ORIGIN.local)).toThrow(new ValidationError('these notes are already one cluster'));
    expect(() => mergeClusters(doc, y, x, ORIGIN.local)).toThrow(/already one cluster/);
    expect(() => mergeClusters(doc, 'gone', y, ORIGIN.local)).toThrow(new ValidationError('that cluster no longer exists'));
    mergeClusters(doc, z, x, ORIGIN.local); // x stands for y now
    expect(listClusters(doc).find((k) => k.id === z)?.mergedInto).toBe(y);
    expect(drawn(doc)).toEqual({ [y]: [a, b, c].sort() });
  });

  it('dissolving keeps the notes, unclustered, and removes the cluster and what was merged into it', () => {
    const doc = newBoard();
    const [a, b, c] = [note(doc, 10, 20), note(doc), note(doc)];
    const x = createCluster(doc, [a, b], 'x', ORIGIN.local);
    const y = createCluster(doc, [c], 'y', ORIGIN.local);
    mergeClusters(doc, y, x, ORIGIN.local);
    dissolveCluster(doc, y, ORIGIN.local); // through the merged id
    expect(drawn(doc)).toEqual({});
    expect(listNotes(doc).map((n) => n.clusterId)).toEqual([null, null, null]);
    expect(readNote(doc, a)).toMatchObject({ x: 10, y: 20 });
    expect(clustersMap(doc).has(x)).toBe(false);
    expect(resolveCluster(y, clusterIndex(listClusters(doc)))).toBeNull();
    expect(() => dissolveCluster(doc, 'gone', ORIGIN.local)).not.toThrow();
  });

  it('deleting a cluster’s last note leaves a cluster that is not drawn', () => {
    const doc = newBoard();
    const a = note(doc);
    createCluster(doc, [a], '', ORIGIN.local);
    deleteNotes(doc, [a], ORIGIN.local);
    expect(drawn(doc)).toEqual({});
  });
});

describe('clusters edited on two or three offline devices', () => {
  it('A merged into B here and B into A there: one cluster (the smaller id) with every note, in any order', () => {
    const base = newBoard();
    const [a1, a2, b1] = [note(base), note(base), note(base)];
    const A = createCluster(base, [a1, a2], 'A', ORIGIN.local);
    const B = createCluster(base, [b1], 'B', ORIGIN.local);
    const [left, right] = [forkDoc(base), forkDoc(base)];
    mergeClusters(left, A, B, ORIGIN.local);
    mergeClusters(right, B, A, ORIGIN.local);
    const root = A < B ? A : B;
    for (const order of [[left, right], [right, left]]) {
      expect(drawn(mergedInOrder(order))).toEqual({ [root]: [a1, a2, b1].sort() });
    }
    // Later changes to the cycle apply to the one cluster: merge it elsewhere, and it all follows.
    exchangeAll([left, right]);
    const c1 = note(left);
    const C = createCluster(left, [c1], 'C', ORIGIN.local);
    mergeClusters(left, A === root ? B : A, C, ORIGIN.local);
    expect(drawn(left)).toEqual({ [C]: [a1, a2, b1, c1].sort() });
  });

  it('a three-way merge cycle from three devices resolves the same in all six orders', () => {
    const base = newBoard();
    const notes = [note(base), note(base), note(base)];
    const ids = notes.map((n, i) => createCluster(base, [n], `c${i}`, ORIGIN.local));
    const docs = [forkDoc(base), forkDoc(base), forkDoc(base)];
    docs.forEach((d, i) => mergeClusters(d, ids[i]!, ids[(i + 1) % 3]!, ORIGIN.local));
    const results = permutations(docs).map((order) => drawn(mergedInOrder(order)));
    const smallest = [...ids].sort()[0]!;
    for (const r of results) expect(r).toEqual({ [smallest]: [...notes].sort() });
  });

  it('a note added to a cluster that another device merged away at the same time lands in the merged cluster', () => {
    const base = newBoard();
    const [a, b, late] = [note(base), note(base), note(base)];
    const A = createCluster(base, [a], 'A', ORIGIN.local);
    const B = createCluster(base, [b], 'B', ORIGIN.local);
    const [merger, adder] = [forkDoc(base), forkDoc(base)];
    mergeClusters(merger, A, B, ORIGIN.local);
    setNotesCluster(adder, new Map([[late, A]]), ORIGIN.local);
    exchangeAll([adder, merger]);
    for (const d of [merger, adder]) expect(drawn(d)).toEqual({ [B]: [a, b, late].sort() });
  });

  it('a note added to a cluster that another device dissolved at the same time ends up in no cluster', () => {
    const base = newBoard();
    const [a, late] = [note(base), note(base)];
    const A = createCluster(base, [a], 'A', ORIGIN.local);
    const [dissolver, adder] = [forkDoc(base), forkDoc(base)];
    dissolveCluster(dissolver, A, ORIGIN.local);
    setNotesCluster(adder, new Map([[late, A]]), ORIGIN.local);
    for (const order of [[dissolver, adder], [adder, dissolver]]) {
      const d = mergedInOrder(order);
      expect(drawn(d)).toEqual({});
      expect(clusterOf(d, late)).toBeNull();
    }
  });

  it('A merged into B while B is dissolved elsewhere: both clusters are gone, every note is free', () => {
    const base = newBoard();
    const [a, b] = [note(base), note(base)];
    const A = createCluster(base, [a], 'A', ORIGIN.local);
    const B = createCluster(base, [b], 'B', ORIGIN.local);
    const [merger, dissolver] = [forkDoc(base), forkDoc(base)];
    mergeClusters(merger, A, B, ORIGIN.local);
    dissolveCluster(dissolver, B, ORIGIN.local);
    for (const order of [[merger, dissolver], [dissolver, merger]]) {
      const d = mergedInOrder(order);
      expect(drawn(d)).toEqual({});
      expect([clusterOf(d, a), clusterOf(d, b)]).toEqual([null, null]);
    }
  });

  it('two tables clustering the same note at once: it is in exactly one cluster, the same everywhere', () => {
    const base = newBoard();
    const [shared, x, y] = [note(base), note(base), note(base)];
    const [one, two, three] = [forkDoc(base), forkDoc(base), forkDoc(base)];
    const P = createCluster(one, [shared, x], 'P', ORIGIN.local);
    const Q = createCluster(two, [shared, y], 'Q', ORIGIN.local);
    setNotesCluster(three, new Map([[shared, null]]), ORIGIN.local); // someone else takes it out: no-op here
    const results = permutations([one, two, three]).map((order) => drawn(mergedInOrder(order)));
    for (const r of results) expect(r).toEqual(results[0]);
    const r = results[0]!;
    expect([P, Q].filter((id) => r[id]?.includes(shared))).toHaveLength(1);
    expect(r[P]).toContain(x);
    expect(r[Q]).toContain(y);
  });
});

describe('clusterBounds', () => {
  it('is the box around the members, padded, with room for the label bar', () => {
    const p = CLUSTER_PADDING;
    expect(clusterBounds([{ x: 0, y: 0, w: 100, h: 50 }, { x: 300, y: 200, w: 100, h: 100 }])).toEqual({
      x: -p,
      y: -p - CLUSTER_LABEL_HEIGHT,
      w: 400 + 2 * p,
      h: 300 + 2 * p + CLUSTER_LABEL_HEIGHT,
    });
    expect(clusterBounds([])).toBeNull();
  });
});

describe('membershipAfterDrop', () => {
  const n = (id: string, x: number, y: number, clusterId: string | null = null): Note => ({ id, text: '', x, y, w: 100, h: 100, color: '#fff176', authorId: 'a', groupId: null, clusterId, createdAt: 0 });
  const clusters = (...cs: Pick<Cluster, 'id' | 'mergedInto' | 'createdAt'>[]) => clusterIndex(cs);
  const at = (note: Note, x: number, y: number) => ({ ...note, x, y });

  it('a note dropped with its centre inside a cluster’s outline joins it; outside, it stays free', () => {
    const notes = [n('a', 0, 0, 'K'), n('b', 200, 0, 'K'), n('free', 1000, 0)];
    const index = clusters({ id: 'K', mergedInto: null, createdAt: 1 });
    expect(membershipAfterDrop([at(notes[2]!, 120, 30)], notes, index)).toEqual(new Map([['free', 'K']]));
    expect(membershipAfterDrop([at(notes[2]!, 2000, 0)], notes, index)).toEqual(new Map());
  });

  it('a member dropped outside its cluster leaves it; dropped inside, nothing changes', () => {
    const notes = [n('a', 0, 0, 'K'), n('b', 200, 0, 'K'), n('c', 400, 0, 'K')];
    const index = clusters({ id: 'K', mergedInto: null, createdAt: 1 });
    expect(membershipAfterDrop([at(notes[1]!, 0, 900)], notes, index)).toEqual(new Map([['b', null]]));
    expect(membershipAfterDrop([at(notes[1]!, 210, 10)], notes, index)).toEqual(new Map());
  });

  it('a member nudged within its cluster’s outline as it was before the drag stays, even toward the edge', () => {
    const notes = [n('a', 0, 0, 'K'), n('b', 200, 0, 'K')];
    const index = clusters({ id: 'K', mergedInto: null, createdAt: 1 });
    // b moved 40 right and 60 down: outside a's own outline, but inside the cluster's outline before the drag.
    expect(membershipAfterDrop([at(notes[1]!, 240, 60)], notes, index)).toEqual(new Map());
    expect(membershipAfterDrop([at(notes[1]!, 1000, 0)], notes, index)).toEqual(new Map([['b', null]]));
  });

  it('other clusters’ outlines are taken without the dragged notes', () => {
    const notes = [n('a', 0, 0, 'K'), n('b', 1000, 0, 'K'), n('free', 500, 2000)];
    const index = clusters({ id: 'K', mergedInto: null, createdAt: 1 });
    // Dropping both a free note and b: the free note lands where only b made the outline wide.
    expect(membershipAfterDrop([at(notes[2]!, 500, 0), at(notes[1]!, 5000, 0)], notes, index)).toEqual(new Map([['b', null]]));
  });

  it('dragging every member of a cluster moves the cluster: they stay in it wherever they land', () => {
    const notes = [n('a', 0, 0, 'K'), n('b', 200, 0, 'K'), n('c', 3000, 0, 'L')];
    const index = clusters({ id: 'K', mergedInto: null, createdAt: 1 }, { id: 'L', mergedInto: null, createdAt: 2 });
    expect(membershipAfterDrop([at(notes[0]!, 3000, 0), at(notes[1]!, 3100, 0)], notes, index)).toEqual(new Map());
  });

  it('where outlines overlap the newest cluster wins, and members of merged clusters count for their cluster', () => {
    const notes = [n('a', 0, 0, 'OLD'), n('b', 50, 50, 'NEW-merged'), n('free', 2000, 0)];
    const index = clusters(
      { id: 'OLD', mergedInto: null, createdAt: 1 },
      { id: 'NEW', mergedInto: null, createdAt: 5 },
      { id: 'NEW-merged', mergedInto: 'NEW', createdAt: 3 },
    );
    expect(membershipAfterDrop([at(notes[2]!, 30, 30)], notes, index)).toEqual(new Map([['free', 'NEW']]));
    // A member of the merged-away cluster that stays inside: nothing to write.
    expect(membershipAfterDrop([at(notes[1]!, 55, 55)], [...notes, n('c', 60, 60, 'NEW')], index)).toEqual(new Map());
  });

  it('a note of one cluster dropped onto another moves to that one', () => {
    const notes = [n('a', 0, 0, 'K'), n('b', 200, 0, 'K'), n('c', 3000, 0, 'L'), n('d', 3200, 0, 'L')];
    const index = clusters({ id: 'K', mergedInto: null, createdAt: 1 }, { id: 'L', mergedInto: null, createdAt: 2 });
    expect(membershipAfterDrop([at(notes[0]!, 3100, 0)], notes, index)).toEqual(new Map([['a', 'L']]));
  });

  it('applied on a board, it is what the drop writes', () => {
    const doc = newBoard();
    const [a, b, free] = [note(doc, 0, 0), note(doc, 200, 0), note(doc, 1000, 1000)];
    const K = createCluster(doc, [a, b], 'K', ORIGIN.local);
    const dragged = [{ ...readNote(doc, free)!, x: 100, y: 0 }];
    setNotesCluster(doc, membershipAfterDrop(dragged, listNotes(doc), clusterIndex(listClusters(doc))), ORIGIN.local);
    expect(drawn(doc)).toEqual({ [K]: [a, b, free].sort() });
  });
});

describe('coverage of stakeholder groups', () => {
  const group = (id: string, order: number, archived = false): StakeholderGroup => ({ id, name: id, color: '#666666', order, archived, createdAt: 0 });

  it('lists the active groups present and missing in legend order, counting notes per group', () => {
    const groups = [group('unions', 3), group('citizens', 1), group('business', 2), group('old', 0, true)];
    const members = [{ groupId: 'unions' }, { groupId: 'citizens' }, { groupId: 'unions' }, { groupId: null }, { groupId: 'old' }, { groupId: 'unknown' }];
    expect(coverageOf(members, groups)).toEqual({
      present: ['citizens', 'unions'],
      missing: ['business'],
      notesByGroup: { unions: 2, citizens: 1, '': 3 },
      ratio: 2 / 3,
    });
  });

  it('is zero without groups, and complete when every active group has spoken', () => {
    expect(coverageOf([{ groupId: null }], [])).toEqual({ present: [], missing: [], notesByGroup: { '': 1 }, ratio: 0 });
    expect(coverageOf([{ groupId: 'a' }], [group('a', 1), group('b', 2, true)]).ratio).toBe(1);
    expect(coverageOf([], [group('a', 1)])).toMatchObject({ present: [], missing: ['a'], ratio: 0 });
  });

  it('on a board: archiving a group takes it out of present and missing', () => {
    const doc = newBoard();
    const g1 = createGroup(doc, { name: 'Burgers', color: '#1b9e77' }, ORIGIN.local);
    const g2 = createGroup(doc, { name: 'Overheid', color: '#d95f02' }, ORIGIN.local);
    const K = createCluster(doc, [note(doc, 0, 0, g1)], '', ORIGIN.local);
    const members = () => listNotes(doc).filter((x) => x.clusterId === K);
    expect(coverageOf(members(), listGroups(doc))).toMatchObject({ present: [g1], missing: [g2], ratio: 0.5 });
    setGroupArchived(doc, g2, true, ORIGIN.local);
    expect(coverageOf(members(), listGroups(doc))).toMatchObject({ present: [g1], missing: [], ratio: 1 });
    expect(activeGroups(listGroups(doc)).map((g) => g.id)).toEqual([g1]);
  });
});

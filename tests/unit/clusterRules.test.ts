/**
 * The pure cluster rules: which cluster an id stands for through merges and merge cycles, the outline
 * drawn around the members, what a drop does to membership, and the stakeholder groups a cluster
 * covers.
 *
 * Why: every device and the server derive clusters from the same merged records with these rules
 * (shared/analysis/clusters.ts), so each must give one answer whatever order the records came in.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  activeGroups,
  CLUSTER_LABEL_HEIGHT,
  CLUSTER_PADDING,
  clusterBounds,
  clusterIndex,
  coverageOf,
  createCluster,
  createGroup,
  listClusters,
  listGroups,
  listNotes,
  membershipAfterDrop,
  ORIGIN,
  readNote,
  resolveCluster,
  setGroupArchived,
  setNotesCluster,
  type Cluster,
  type Note,
  type StakeholderGroup,
} from '../../shared/index.ts';
import { drawn, newBoard, noteAt as note, permutations } from '../helpers/cocreationOps.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000);
});
afterEach(() => vi.useRealTimers());

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
  const n = (id: string, x: number, y: number, clusterId: string | null = null): Note => ({ id, text: '', x, y, w: 100, h: 100, color: '#fff176', authorId: 'a', groupId: null, clusterId, kind: 'note', owner: '', volunteers: [], createdAt: 0 });
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

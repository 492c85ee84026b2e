/**
 * Clusters edited on two or three offline devices: merges both ways round, a three-way merge cycle,
 * notes added to clusters merged or dissolved elsewhere, one note clustered at two tables at once.
 *
 * Why: tables cluster at the same time without seeing each other; once their edits meet, every device
 * must draw the same clusters in every order of arrival, and no note may end up in two.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  clusterIndex,
  createCluster,
  dissolveCluster,
  listClusters,
  mergeClusters,
  ORIGIN,
  readNote,
  resolveCluster,
  setNotesCluster,
} from '../../shared/index.ts';
import { drawn, exchangeAll, forkDoc, mergedInOrder, newBoard, noteAt as note, permutations } from '../helpers/cocreationOps.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000);
});
afterEach(() => vi.useRealTimers());

/** The cluster a note is in now. */
const clusterOf = (doc: Y.Doc, noteId: string) => resolveCluster(readNote(doc, noteId)?.clusterId ?? null, clusterIndex(listClusters(doc)));

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

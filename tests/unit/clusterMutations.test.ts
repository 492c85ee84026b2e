/**
 * Cluster changes on one board: create, rename, move notes in and out, drop, merge, dissolve, and the
 * refusals a person sees.
 *
 * Why: membership is written only on notes and a merge leaves a pointer, so every change must leave
 * each note in at most one drawn cluster, and stances and later additions must follow a merged
 * cluster into the one it went into.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clusterIndex,
  clustersMap,
  createCluster,
  createGroup,
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
  mergeClusters,
  ORIGIN,
  readNote,
  renameCluster,
  resolveCluster,
  setNotesCluster,
  setStance,
  ValidationError,
} from '../../shared/index.ts';
import { drawn, newBoard, noteAt as note } from '../helpers/cocreationOps.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000);
});
afterEach(() => vi.useRealTimers());

describe('cluster mutations', () => {
  it('creates a cluster of the notes given (skipping deleted ones), with a trimmed label', () => {
    const doc = newBoard();
    const [a, b] = [note(doc), note(doc, 200)];
    const id = createCluster(doc, [a, b, 'deleted'], '  Wachtlijsten ', ORIGIN.local);
    expect(listClusters(doc)).toEqual([{ id, label: 'Wachtlijsten', mergedInto: null, mergedAt: null, createdAt: 1_000, createdBy: null }]);
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

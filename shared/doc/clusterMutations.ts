/**
 * Changes to clusters: make one from notes, rename, move notes in and out, merge two, dissolve; each
 * a named function in one `doc.transact` with a typed origin.
 *
 * Why: membership is written only on notes (`clusterId`), so two tables clustering the same notes at
 * once can never put a note in two clusters; merging leaves a `mergedInto` pointer so a note someone
 * else added to the absorbed cluster at the same time still lands in the merged one.
 */
import * as Y from 'yjs';
import { clusterIndex, clusterMembers, resolveCluster } from '../analysis/clusters.ts';
import { clusterLabelSchema } from '../model/cocreation.ts';
import { newRecordId } from '../model/ids.ts';
import { modelError } from '../model/errors.ts';
import { parseOrThrow } from '../model/records.ts';
import { listClusters } from './cocreationQueries.ts';
import type { TxOrigin } from './origins.ts';
import { moveNotes } from './mutations.ts';
import { listNotes } from './queries.ts';
import { CLUSTER, clustersMap, NOTE, notesMap } from './roots.ts';

/**
 * Makes a cluster of the given notes (taking them out of any cluster they were in); returns its id.
 * `createdBy`: the participant id of its maker, who may rename and dissolve it (as may the facilitator).
 */
export function createCluster(doc: Y.Doc, noteIds: readonly string[], label: string, origin: TxOrigin, createdBy?: string): string {
  const clean = parseOrThrow(clusterLabelSchema, label);
  const notes = notesMap(doc);
  const present = noteIds.filter((id) => notes.has(id));
  if (present.length === 0) throw modelError('clusterNeedsNote');
  const id = newRecordId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set(CLUSTER.label, clean);
    m.set(CLUSTER.createdAt, Date.now());
    if (createdBy) m.set(CLUSTER.createdBy, createdBy);
    clustersMap(doc).set(id, m);
    for (const noteId of present) notes.get(noteId)?.set(NOTE.clusterId, id);
  }, origin);
  return id;
}

/** Renames a cluster (nothing happens when the label is unchanged or the cluster is gone). */
export function renameCluster(doc: Y.Doc, id: string, label: string, origin: TxOrigin): void {
  const clean = parseOrThrow(clusterLabelSchema, label);
  const m = clustersMap(doc).get(id);
  if (!m || m.get(CLUSTER.label) === clean) return;
  doc.transact(() => m.set(CLUSTER.label, clean), origin);
}

/** Puts notes into a cluster, or takes them out of theirs with `null`. Deleted notes are skipped. */
export function setNotesCluster(doc: Y.Doc, changes: ReadonlyMap<string, string | null>, origin: TxOrigin): void {
  const index = clusterIndex(listClusters(doc));
  // A cluster merged meanwhile stands for the one it went into: the notes go there.
  const resolved = new Map<string, string | null>();
  for (const [noteId, target] of changes) {
    const root = target === null ? null : resolveCluster(target, index);
    if (target !== null && root === null) throw modelError('clusterGone');
    resolved.set(noteId, root);
  }
  if (resolved.size === 0) return;
  doc.transact(() => {
    const notes = notesMap(doc);
    for (const [noteId, target] of resolved) {
      const yNote = notes.get(noteId);
      if (!yNote) continue;
      if (target === null) yNote.delete(NOTE.clusterId);
      else yNote.set(NOTE.clusterId, target);
    }
  }, origin);
}

/**
 * A drop of notes: their new positions and their cluster changes (from `membershipAfterDrop`) in one
 * transaction. A target cluster dissolved meanwhile (by someone else) is no change, not an error: the
 * move must not be lost because of it.
 */
export function dropNotes(
  doc: Y.Doc,
  moves: ReadonlyArray<{ id: string; x: number; y: number }>,
  changes: ReadonlyMap<string, string | null>,
  origin: TxOrigin,
): void {
  const index = clusterIndex(listClusters(doc));
  doc.transact(() => {
    moveNotes(doc, moves, origin);
    const notes = notesMap(doc);
    for (const [noteId, target] of changes) {
      const root = target === null ? null : resolveCluster(target, index);
      const yNote = notes.get(noteId);
      if (!yNote || (target !== null && root === null)) continue;
      if (root === null) yNote.delete(NOTE.clusterId);
      else yNote.set(NOTE.clusterId, root);
    }
  }, origin);
}

/**
 * Merges cluster `from` into cluster `into`: its notes move over, and it records where it went, so
 * notes, dots, stances and confirmations that arrive for it later count for `into`.
 */
export function mergeClusters(doc: Y.Doc, from: string, into: string, origin: TxOrigin): void {
  const index = clusterIndex(listClusters(doc));
  const src = resolveCluster(from, index);
  const dst = resolveCluster(into, index);
  if (src === null || dst === null) throw modelError('clusterGone');
  if (src === dst) throw modelError('alreadyOneCluster');
  doc.transact(() => {
    const m = clustersMap(doc).get(src);
    m?.set(CLUSTER.mergedInto, dst);
    m?.set(CLUSTER.mergedAt, Date.now());
    const notes = notesMap(doc);
    for (const id of clusterMembers(listNotes(doc), index).get(src) ?? []) notes.get(id)?.set(NOTE.clusterId, dst);
  }, origin);
}

/** Dissolves a cluster: its notes stay where they are, no longer clustered; the outline goes. */
export function dissolveCluster(doc: Y.Doc, id: string, origin: TxOrigin): void {
  const index = clusterIndex(listClusters(doc));
  const root = resolveCluster(id, index);
  if (root === null) return;
  doc.transact(() => {
    const notes = notesMap(doc);
    for (const noteId of clusterMembers(listNotes(doc), index).get(root) ?? []) notes.get(noteId)?.delete(NOTE.clusterId);
    clustersMap(doc).delete(root);
  }, origin);
}

/**
 * What a board came to, read once for every output that leaves it (the report, the notes CSV, the
 * board picture): the notes, the clusters resolved through merges with their members, the common
 * ground lists with the clusters' merge times, and the area each note is in.
 *
 * Why: the report and the CSV are read side by side by the sponsor and by tools. When each derived
 * standings or areas on its own they disagreed (a merged cluster was a disagreement in one and
 * common ground in the other); here there is one derivation, so they cannot.
 */
import type * as Y from 'yjs';
import { clusterIndex, clusterMembers, resolveCluster } from '../analysis/clusters.ts';
import { boardAgreement, itemsById, type AgreementItem, type AgreementLists } from '../analysis/standing.ts';
import type { Cluster, StakeholderGroup } from '../model/cocreation.ts';
import type { Note } from '../model/records.ts';
import type { Area } from '../model/shapes.ts';
import { listClusters, listGroups, listOutcomes, listStances } from '../doc/cocreationQueries.ts';
import { listNotes } from '../doc/queries.ts';
import { isNoteInArea, listAreas } from '../doc/shapeQueries.ts';

/**
 * The area a note is in: the topmost area that contains its centre (the last one in board order, the
 * one drawn on top), or `undefined` when it is in none.
 */
export function noteArea<A extends Pick<Area, 'x' | 'y' | 'w' | 'h'>>(note: Pick<Note, 'x' | 'y' | 'w' | 'h'>, areas: ReadonlyArray<A>): A | undefined {
  for (let i = areas.length - 1; i >= 0; i--) if (isNoteInArea(note, areas[i]!)) return areas[i];
  return undefined;
}

/** A board's notes, clusters, areas and common-ground lists, derived by the shared rules. */
export interface BoardOutcomes {
  readonly notes: Note[];
  readonly noteById: ReadonlyMap<string, Note>;
  readonly groups: StakeholderGroup[];
  /** Areas in board order (bottom first). */
  readonly areas: Area[];
  readonly clusters: ReadonlyMap<string, Cluster>;
  /** Live clusters (with members) -> their member note ids, in note order. */
  readonly members: ReadonlyMap<string, string[]>;
  /** A stored item id (note, or cluster perhaps merged since) -> the item it stands for now, or null. */
  readonly resolve: (itemId: string) => string | null;
  /** The live cluster a note is in, or null. */
  readonly clusterOf: (note: Pick<Note, 'clusterId'>) => string | null;
  /** The three lists and the disagreements, with the clusters' merge times. */
  readonly lists: AgreementLists;
  /** Every item with stances or a confirmation, by id. */
  readonly items: ReadonlyMap<string, AgreementItem>;
  /** The area a note is in (see `noteArea`). */
  readonly areaOf: (note: Note) => Area | undefined;
}

/** Reads what a board came to (see `BoardOutcomes`). */
export function boardOutcomes(doc: Y.Doc): BoardOutcomes {
  const notes = listNotes(doc);
  const noteById = new Map(notes.map((n) => [n.id, n]));
  const groups = listGroups(doc);
  const areas = listAreas(doc);
  const clusters = clusterIndex(listClusters(doc));
  const lists = boardAgreement(listStances(doc), listOutcomes(doc), groups, (id) => noteById.has(id), clusters);
  return {
    notes,
    noteById,
    groups,
    areas,
    clusters,
    members: clusterMembers(notes, clusters),
    resolve: (id) => (noteById.has(id) ? id : resolveCluster(id, clusters)),
    clusterOf: (n) => resolveCluster(n.clusterId, clusters),
    lists,
    items: itemsById(lists),
    areaOf: (n) => noteArea(n, areas),
  };
}

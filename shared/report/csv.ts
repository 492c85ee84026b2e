/**
 * All notes as CSV (text, author group, area, cluster, votes, standing, times): one row per note, for
 * a spreadsheet.
 *
 * Why: organisers analyse the day in a spreadsheet. Cells are quoted as RFC 4180 asks, and a cell
 * starting with `=`, `+`, `-`, `@` (or a tab or carriage return) gets a leading apostrophe, so a note
 * can never run as a formula when the file is opened.
 */
import type * as Y from 'yjs';
import { clusterIndex, resolveCluster } from '../analysis/clusters.ts';
import { agreementLists } from '../analysis/standing.ts';
import { countVote } from '../analysis/votes.ts';
import { listClusters, listDots, listGroups, listOutcomes, listStances, listVotes } from '../doc/cocreationQueries.ts';
import { listNotes } from '../doc/queries.ts';
import { isNoteInArea, listAreas } from '../doc/shapeQueries.ts';

/** One CSV cell: quoted, quotes doubled, formulas defused. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const iso = (ms: number) => (ms > 0 ? new Date(ms).toISOString() : '');

/** The notes of a board as CSV (header row first, CRLF line ends). */
export function notesCsv(doc: Y.Doc): string {
  const notes = listNotes(doc);
  const groups = listGroups(doc);
  const areas = listAreas(doc);
  const index = clusterIndex(listClusters(doc));
  const noteIds = new Set(notes.map((n) => n.id));
  const resolve = (id: string) => (noteIds.has(id) ? id : resolveCluster(id, index));
  const dots = listDots(doc);
  const votes = new Map<string, number>();
  for (const v of listVotes(doc)) {
    for (const [item, n] of Object.entries(countVote(v, dots, resolve).totals)) votes.set(item, (votes.get(item) ?? 0) + n);
  }
  const lists = agreementLists(listStances(doc), listOutcomes(doc), groups, resolve);
  const standing = new Map<string, string>();
  for (const item of [...lists.unconfirmed, ...lists.commonGround, ...lists.potentialProject, ...lists.notAgreed]) {
    standing.set(item.itemId, item.confirmed ?? item.standing);
  }
  const header = ['text', 'group', 'area', 'cluster', 'votes', 'cluster votes', 'standing', 'cluster standing', 'kind', 'owner', 'volunteers', 'created', 'id'];
  const rows = notes.map((n) => {
    const cluster = resolveCluster(n.clusterId, index);
    const area = areas.filter((a) => isNoteInArea(n, a)).at(-1);
    return [
      n.text,
      groups.find((g) => g.id === n.groupId)?.name ?? '',
      area?.name ?? '',
      cluster ? (index.get(cluster)?.label ?? '') : '',
      votes.get(n.id) ?? 0,
      cluster ? (votes.get(cluster) ?? 0) : '',
      standing.get(n.id) ?? '',
      cluster ? (standing.get(cluster) ?? '') : '',
      n.kind,
      n.owner,
      n.volunteers.map((v) => v.name).join('; '),
      iso(n.createdAt),
      n.id,
    ];
  });
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

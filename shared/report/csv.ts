/**
 * All notes as CSV (text, author group, area, cluster, votes, standing, times): one row per note, for
 * a spreadsheet. The standings are words in the chosen language; their codes follow in
 * columns of their own at the end (columns are only ever added, so older sheets keep working).
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
import { areaName } from '../model/shapes.ts';
import { word, type ReportLang } from './words.ts';

/** One CSV cell: quoted, quotes doubled, formulas defused. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const iso = (ms: number) => (ms > 0 ? new Date(ms).toISOString() : '');

/** The word for a standing or confirmed list (`commonGround`, `open`, ...) in `lang`. */
function codeWord(lang: ReportLang, code: string): string {
  const key = CODE_WORDS[code];
  return key ? word(lang, key) : code;
}
const CODE_WORDS: Record<string, Parameters<typeof word>[1]> = {
  commonGround: 'commonGroundOne',
  potentialProject: 'potentialProjectOne',
  notAgreed: 'notAgreedOne',
  open: 'openStanding',
};

/** The notes of a board as CSV (header row first, CRLF line ends), words in `lang`. */
export function notesCsv(doc: Y.Doc, lang: ReportLang = 'en'): string {
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
  const header = ['text', 'group', 'area', 'cluster', 'votes', 'cluster votes', 'standing', 'cluster standing', 'kind', 'owner', 'volunteers', 'created', 'id', 'standing code', 'cluster standing code'];
  const rows = notes.map((n) => {
    const cluster = resolveCluster(n.clusterId, index);
    const area = areas.filter((a) => isNoteInArea(n, a)).at(-1);
    const own = standing.get(n.id) ?? '';
    const ofCluster = cluster ? (standing.get(cluster) ?? '') : '';
    return [
      n.text,
      groups.find((g) => g.id === n.groupId)?.name ?? '',
      area ? areaName(area, lang) : '',
      cluster ? (index.get(cluster)?.label ?? '') : '',
      votes.get(n.id) ?? 0,
      cluster ? (votes.get(cluster) ?? 0) : '',
      own && codeWord(lang, own),
      ofCluster && codeWord(lang, ofCluster),
      n.kind,
      n.owner,
      n.volunteers.map((v) => v.name).join('; '),
      iso(n.createdAt),
      n.id,
      own,
      ofCluster,
    ];
  });
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * All notes as CSV (text, author group, area, cluster, votes, standing, times): one row per note, for
 * a spreadsheet. The standings are words in the chosen language; their codes follow in
 * columns of their own at the end (columns are only ever added, so older sheets keep working). The
 * standings, clusters and areas come from `boardOutcomes`, the derivation the report reads, so a row
 * says what the report says (docs/outputs.md is the contract).
 *
 * Why: organisers analyse the day in a spreadsheet. Cells are quoted as RFC 4180 asks, and a cell
 * starting with `=`, `+`, `-`, `@` (or a tab or carriage return) gets a leading apostrophe, so a note
 * can never run as a formula when the file is opened.
 */
import type * as Y from 'yjs';
import { countVote } from '../analysis/votes.ts';
import { listDots, listVotes } from '../doc/cocreationQueries.ts';
import { areaName } from '../model/shapes.ts';
import { boardOutcomes } from './boardOutcomes.ts';
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
  const board = boardOutcomes(doc);
  const { notes, groups, clusters, resolve } = board;
  const dots = listDots(doc);
  const votes = new Map<string, number>();
  for (const v of listVotes(doc)) {
    for (const [item, n] of Object.entries(countVote(v, dots, resolve).totals)) votes.set(item, (votes.get(item) ?? 0) + n);
  }
  const standing = (id: string) => {
    const item = board.items.get(id);
    return item ? (item.confirmed ?? item.standing) : '';
  };
  const header = ['text', 'group', 'area', 'cluster', 'votes', 'cluster votes', 'standing', 'cluster standing', 'kind', 'owner', 'volunteers', 'created', 'id', 'standing code', 'cluster standing code'];
  const rows = notes.map((n) => {
    const cluster = board.clusterOf(n);
    const area = board.areaOf(n);
    const own = standing(n.id);
    const ofCluster = cluster ? standing(cluster) : '';
    return [
      n.text,
      groups.find((g) => g.id === n.groupId)?.name ?? '',
      area ? areaName(area, lang) : '',
      cluster ? (clusters.get(cluster)?.label ?? '') : '',
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

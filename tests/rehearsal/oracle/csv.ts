/**
 * Checks `notes.csv` (parsed with papaparse) against the log's count: one row per living note, none
 * for a deleted one, and every column as the log says: text, group, area (in the file's language),
 * cluster, votes, cluster votes, standing and cluster standing (words and codes), kind, owner,
 * volunteers.
 *
 * Why: organisers analyse the day in a spreadsheet; a column that disagrees with the report (a
 * standing computed without the merge times, say) misleads them as much as a missing note.
 */
import Papa from 'papaparse';
import { areaName } from '../../../shared/index.ts';
import { REPORT_WORDS, type ReportLang } from '../../../shared/report/index.ts';
import type { BoardLayout, Expected, StandingCode } from './expected.ts';

const STANDING_WORD: Record<StandingCode, keyof (typeof REPORT_WORDS)['en']> = {
  commonGround: 'commonGroundOne',
  potentialProject: 'potentialProjectOne',
  notAgreed: 'notAgreedOne',
  open: 'openStanding',
};

/** A cell as written, with the apostrophe that defuses formulas taken off again. */
const cell = (value: string | undefined) => (value ?? '').replace(/^'(?=[=+\-@\t\r])/, '');

/** Parses the CSV (byte-order mark and all) into rows keyed by the header. */
export function readCsv(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return parsed.data.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cell(v)])));
}

/** Every difference between the CSV rows and the log, one line each, naming the note. */
export function checkCsv(output: string, text: string, expected: Expected, layout: BoardLayout, lang: ReportLang): { differences: string[]; rows: number } {
  const rows = readCsv(text);
  const out: string[] = [];
  const byId = new Map<string, Record<string, string>[]>();
  for (const r of rows) byId.set(r.id ?? '', [...(byId.get(r.id ?? '') ?? []), r]);
  const totalFor = (item: string) => expected.votes.reduce((sum, v) => sum + (v.totals.get(item) ?? 0), 0);
  const standingWords = (item: string | null): [string, string] => {
    const code = item === null ? undefined : expected.standing.get(item);
    return code ? [REPORT_WORDS[lang][STANDING_WORD[code]], code] : ['', ''];
  };

  for (const note of expected.notes.values()) {
    const found = byId.get(note.id) ?? [];
    byId.delete(note.id);
    const name = `note ${note.id} "${note.text.slice(0, 60)}"`;
    if (found.length !== 1) {
      out.push(`${name}: ${found.length ? `${found.length} rows` : 'no row'} in ${output}`);
      continue;
    }
    const row = found[0]!;
    const area = layout.areas.find((a) => a.id === note.areaId);
    const cluster = note.clusterId;
    const [standing, standingCode] = standingWords(note.id);
    const [clusterStanding, clusterCode] = cluster === null ? ['', ''] : standingWords(cluster);
    const want: Record<string, string> = {
      text: note.text,
      group: note.groupId ? (expected.groups.get(note.groupId) ?? '') : '',
      area: area ? areaName(area, lang) : '',
      cluster: cluster === null ? '' : expected.clusterLabel(cluster),
      votes: String(totalFor(note.id)),
      'cluster votes': cluster === null ? '' : String(totalFor(cluster)),
      standing,
      'cluster standing': clusterStanding,
      'standing code': standingCode,
      'cluster standing code': clusterCode,
      kind: note.kind,
      owner: note.owner,
      volunteers: [...note.volunteers].sort().join('; '),
    };
    for (const [column, value] of Object.entries(want)) {
      let have = row[column];
      // Volunteers are listed in participant-id order; the log knows the names, so compare as sets.
      if (column === 'volunteers') have = (have ?? '').split('; ').filter(Boolean).sort().join('; ');
      if (have === undefined) out.push(`${output} has no column "${column}"`);
      else if (have !== value) out.push(`${name}: ${output} column "${column}" says "${have}", the log says "${value}"`);
    }
  }
  for (const [id, found] of byId) {
    const gone = expected.deleted.get(id);
    const text = found[0]?.text ?? '';
    out.push(gone ? `deleted note ${id} "${text.slice(0, 60)}": has a row in ${output}` : `${output} has a row for a note the log never made: ${id} "${text.slice(0, 60)}"`);
  }
  return { differences: [...new Set(out)], rows: rows.length };
}

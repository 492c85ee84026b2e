/**
 * The report as the oracle reads it (the same shape from the Markdown and from the HTML), where each
 * expected note must stand in it, and the comparison of the two that names every note or item that
 * differs.
 *
 * Why: the report's contract (docs/outputs.md) says which one note section lists each note: action
 * cards under Actions, clustered notes under their cluster and group, notes in an agenda task's area
 * under that task and area, every other note under "Elsewhere on the board" by area. Reading both
 * formats into one shape lets one comparison judge both.
 */
import { REPORT_WORDS, type ReportLang } from '../../../shared/report/index.ts';
import { areaName } from '../../../shared/index.ts';
import type { BoardLayout, Expected, ExpectedNote, ListKey } from './expected.ts';

export type NoteSection = 'agenda' | 'clusters' | 'elsewhere' | 'actions';

/** One note as an output lists it. `heading`: "<task no>. <area>" (agenda), the cluster's label,
 * the area or the "not in any area" words (elsewhere), '' (actions). */
export interface Placement {
  readonly section: NoteSection | string;
  readonly heading: string;
  readonly text: string;
  readonly group: string | null;
  /** Known where the output names it (HTML's `data-note-id`). */
  readonly noteId?: string;
}

export interface VoteRow {
  readonly title: string;
  readonly total: number;
  /** Group name to counted dots, as the row says. */
  readonly split: Map<string, number>;
}

export interface ReportView {
  readonly notes: Placement[];
  readonly votes: { title: string; rows: VoteRow[] }[];
  readonly lists: Record<ListKey, string[]>;
  /** Group name to the people listed under it; `''` for the "without a group" line. */
  readonly participants: Map<string, string[]>;
}

/** The section words the report contract adds (not yet among the report's own words). */
export const EXTRA_WORDS = {
  en: { elsewhere: 'Elsewhere on the board', notInArea: 'Not in any area' },
  nl: { elsewhere: 'Elders op het bord', notInArea: 'In geen enkel gebied' },
} as const;

/** Whitespace as one space, trimmed: how every output writes a note's text on one line. */
export const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Where `note` must stand in the report in `lang`. */
export function placementOf(note: ExpectedNote, expected: Expected, layout: BoardLayout, lang: ReportLang): Placement {
  const words = REPORT_WORDS[lang];
  const text = normal(note.text) || words.untitled;
  const groupName = note.groupId ? (expected.groups.get(note.groupId) ?? null) : null;
  if (note.kind === 'action') return { section: 'actions', heading: '', text, group: groupName, noteId: note.id };
  if (note.clusterId !== null) {
    const label = normal(expected.clusterLabel(note.clusterId)) || words.untitled;
    return { section: 'clusters', heading: label, text, group: groupName ?? words.noGroup, noteId: note.id };
  }
  const area = layout.areas.find((a) => a.id === note.areaId);
  const name = area ? normal(areaName(area, lang)) : EXTRA_WORDS[lang].notInArea;
  // An area used by two tasks lists its notes under the first.
  const task = area ? layout.steps.findIndex((s) => s.areaIds.includes(area.id)) : -1;
  if (task >= 0) return { section: 'agenda', heading: `${task + 1}. ${name}`, text, group: groupName, noteId: note.id };
  return { section: 'elsewhere', heading: name, text, group: groupName, noteId: note.id };
}

const where = (p: Placement) => `${p.section}${p.heading ? ` › ${p.heading}` : ''}${p.group ? ` (${p.group})` : ''}`;
const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;

/**
 * Compares where the output lists notes with where they should be. Outputs that name notes by id are
 * matched by id; the others by text, as a multiset, so a note listed twice or missing still shows.
 */
export function compareNotes(output: string, actual: Placement[], expected: Expected, layout: BoardLayout, lang: ReportLang): string[] {
  const want = [...expected.notes.values()].map((n) => placementOf(n, expected, layout, lang));
  const out: string[] = [];
  const named = (p: Placement) => `note ${p.noteId} ${quote(p.text)}`;
  // An action card's line names its owner and volunteers, not necessarily its group; a clustered note
  // of no group is under the "no group" line in Markdown, and has no group span in HTML.
  const noGroup = REPORT_WORDS[lang].noGroup;
  const sameGroup = (a: Placement, e: Placement) =>
    a.group === e.group || e.section === 'actions' || (e.section === 'clusters' && e.group === noGroup && a.group === null);
  const sameSpot = (a: Placement, e: Placement) => a.section === e.section && a.heading.startsWith(e.heading) && sameGroup(a, e);

  if (actual.length > 0 && actual.every((a) => a.noteId)) {
    const byId = new Map<string, Placement[]>();
    for (const a of actual) byId.set(a.noteId!, [...(byId.get(a.noteId!) ?? []), a]);
    for (const e of want) {
      const found = byId.get(e.noteId!) ?? [];
      byId.delete(e.noteId!);
      if (found.length === 0) out.push(`${named(e)}: missing from ${output} (should be under ${where(e)})`);
      else if (found.length > 1) out.push(`${named(e)}: listed ${found.length} times in ${output} (${found.map(where).join('; ')})`);
      else if (!normal(found[0]!.text).startsWith(e.text)) out.push(`${named(e)}: ${output} shows its text as ${quote(found[0]!.text)}`);
      else if (!sameSpot(found[0]!, e)) out.push(`${named(e)}: ${output} lists it under ${where(found[0]!)}, should be ${where(e)}`);
    }
    for (const [id, found] of byId) out.push(strayNote(output, id, found[0]!, expected));
    return out;
  }

  // By text: take away every exact match, then explain what is left over on either side.
  const left = [...actual];
  const unmatched: Placement[] = [];
  for (const e of want) {
    const i = left.findIndex((a) => a.text === e.text && sameSpot(a, e));
    if (i >= 0) left.splice(i, 1);
    else unmatched.push(e);
  }
  for (const e of unmatched) {
    const i = left.findIndex((a) => a.text === e.text);
    if (i >= 0) out.push(`${named(e)}: ${output} lists it under ${where(left.splice(i, 1)[0]!)}, should be ${where(e)}`);
    else out.push(`${named(e)}: missing from ${output} (should be under ${where(e)})`);
  }
  for (const a of left) {
    const twin = want.find((e) => e.text === a.text);
    if (twin) out.push(`${named(twin)}: listed more than once in ${output} (again under ${where(a)})`);
    else out.push(strayNote(output, undefined, a, expected));
  }
  return out;
}

/** A listed note that should not be there: a deleted one, or one the log never made. */
function strayNote(output: string, id: string | undefined, a: Placement, expected: Expected): string {
  const gone = id ? expected.deleted.get(id) : [...expected.deleted.values()].find((d) => normal(d.text) === a.text);
  if (gone) return `deleted note ${gone.id} ${quote(normal(gone.text))}: appears in ${output} under ${where(a)}`;
  return `${output} lists a note the log never made${id ? ` (${id})` : ''} ${quote(a.text)} under ${where(a)}`;
}

/** Compares vote rows, the three lists with the disagreements, and the participants. */
export function compareRest(output: string, view: ReportView, expected: Expected, lang: ReportLang): string[] {
  const words = REPORT_WORDS[lang];
  const out: string[] = [];
  const groupName = (id: string) => (id ? (expected.groups.get(id) ?? words.noGroup) : words.noGroup);
  for (const v of expected.votes) {
    const title = normal(v.vote.title) || words.votes;
    const seen = view.votes.filter((x) => x.title === title || x.title.startsWith(`${title} (`));
    if (seen.length !== 1) {
      out.push(`vote ${v.vote.id} ${quote(title)}: ${output} has ${seen.length} sections for it`);
      continue;
    }
    const rows = [...seen[0]!.rows];
    for (const [item, total] of v.totals) {
      const name = expected.title(item, words.untitled);
      const i = rows.findIndex((r) => r.title === normal(name));
      if (i < 0) {
        out.push(`vote ${quote(title)}, item ${item} ${quote(name)}: no row in ${output} (should be ${total} dots)`);
        continue;
      }
      const row = rows.splice(i, 1)[0]!;
      if (row.total !== total) out.push(`vote ${quote(title)}, item ${item} ${quote(name)}: ${output} says ${row.total} dots, the log counts ${total}`);
      // A split that names the groups without their counts is compared by the names alone.
      const counts = [...row.split.values()].some((x) => !Number.isNaN(x));
      const split = [...(v.byGroup.get(item) ?? [])].map(([g, n]) => (counts ? `${groupName(g)} ${n}` : groupName(g))).sort().join(', ');
      const said = [...row.split].map(([g, n]) => (counts ? `${g} ${n}` : g)).sort().join(', ');
      if (split !== said) out.push(`vote ${quote(title)}, item ${item} ${quote(name)}: ${output} splits it as "${said}", the log as "${split}"`);
    }
    for (const r of rows) out.push(`vote ${quote(title)}: ${output} has a row ${quote(r.title)} (${r.total} dots) that the log does not count`);
  }
  for (const key of ['commonGround', 'potentialProject', 'notAgreed', 'disagreements'] as const) {
    const want = expected.lists[key].map((id) => ({ id, title: normal(expected.title(id, words.untitled)) }));
    const have = [...view.lists[key]];
    for (const w of want) {
      const i = have.indexOf(w.title);
      if (i >= 0) have.splice(i, 1);
      else out.push(`item ${w.id} ${quote(w.title)}: missing from "${words[key]}" in ${output}`);
    }
    for (const t of have) out.push(`${quote(t)}: listed under "${words[key]}" in ${output}, not on the log's list`);
  }
  for (const p of expected.people) {
    const group = p.groupId && expected.groups.has(p.groupId) ? expected.groups.get(p.groupId)! : '';
    if (!(view.participants.get(group) ?? []).includes(normal(p.name))) {
      out.push(`person ${p.id} ${quote(p.name)}: not listed under ${group ? `group "${group}"` : `"${words.withoutGroup}"`} in ${output}'s participants`);
    }
  }
  return out;
}

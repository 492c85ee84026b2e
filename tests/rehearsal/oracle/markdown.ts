/**
 * Reads `report.md` into the oracle's report view: the notes of each note section with their heading
 * and group, the vote rows, the items of each list, and the participants per group.
 *
 * Why: the Markdown is what a facilitator pastes into the minutes; the oracle reads it by its
 * documented line formats (a note line `- <text> — *<group>*`; in Clusters `- **<group>**` with
 * `  - <text>` lines; a vote row `1. <title>: N dots (Group a 2, ...)`; a list item `- **<title>**`),
 * undoing `escapeMarkdown` (which only adds backslashes) to get people's text back.
 */
import { REPORT_WORDS, type ReportLang } from '../../../shared/report/index.ts';
import type { ListKey } from './expected.ts';
import { EXTRA_WORDS, normal, type Placement, type ReportView, type VoteRow } from './reportView.ts';

/** The inverse of `escapeMarkdown`: every backslash escape back to its character. */
export const unescapeMarkdown = (text: string) => normal(text.replace(/\\(.)/g, '$1'));

/** Unescaped-star-free text: `escapeMarkdown` escapes every `*` people type. */
const ESC = String.raw`(?:[^*\\]|\\.)*`;
const NOTE_LINE = new RegExp(String.raw`^- (.*?)(?: — \*(${ESC})\*)?$`);
const BOLD_LINE = new RegExp(String.raw`^- \*\*(${ESC})\*\*(.*)$`);
const HEADING = new RegExp(String.raw`^(?:#{3,5} (.*)|\*\*(${ESC})\*\*|\*(${ESC})\*)$`);
const VOTE_ROW = /^\d+\. (.*): (\d+) [^\s(]+(?: \((.*)\))?$/;

/** The section key of each `## ` heading in `lang`. */
function sectionKeys(lang: ReportLang): Map<string, string> {
  const w = REPORT_WORDS[lang];
  const keys = ['participants', 'agenda', 'clusters', 'votes', 'commonGround', 'potentialProject', 'notAgreed', 'disagreements', 'actions'] as const;
  const map = new Map<string, string>(keys.map((k) => [w[k], k]));
  map.set(EXTRA_WORDS[lang].elsewhere, 'elsewhere');
  return map;
}

/** Parses a vote row's split, "Group a 2, Group b 1", into group name to count. */
export function parseSplit(text: string | undefined): Map<string, number> {
  const split = new Map<string, number>();
  for (const part of (text ?? '').split(', ').filter(Boolean)) {
    const m = /^(.*) (\d+)$/.exec(part.trim());
    if (m) split.set(unescapeMarkdown(m[1]!), (split.get(unescapeMarkdown(m[1]!)) ?? 0) + Number(m[2]));
    else split.set(unescapeMarkdown(part), Number.NaN);
  }
  return split;
}

/** Reads a report in Markdown (in `lang`). */
export function readMarkdown(md: string, lang: ReportLang): ReportView {
  const w = REPORT_WORDS[lang];
  const keys = sectionKeys(lang);
  const view: ReportView = {
    notes: [],
    votes: [],
    lists: { commonGround: [], potentialProject: [], notAgreed: [], disagreements: [] },
    participants: new Map(),
  };
  let section = '';
  let task = '';
  let heading = '';
  let group: string | null = null;
  for (const line of md.split(/\r?\n/)) {
    if (line.startsWith('## ')) {
      const title = line.slice(3).trim();
      section = keys.get(title) ?? `unknown section "${title}"`;
      task = heading = '';
      group = null;
      continue;
    }
    if (!line.trim()) continue;
    const h = HEADING.exec(line);
    if (h && section !== 'participants') {
      const text = unescapeMarkdown(h[1] ?? h[2] ?? h[3] ?? '');
      if (section === 'agenda' && line.startsWith('### ')) task = /^(\d+)\./.exec(text)?.[1] ?? '';
      else if (section === 'agenda') heading = `${task}. ${text}`;
      else if (section === 'votes') view.votes.push({ title: text, rows: [] });
      else heading = text;
      group = null;
      continue;
    }
    if (section === 'participants') readParticipant(line, view.participants, w.withoutGroup);
    else if (section === 'votes') {
      const m = VOTE_ROW.exec(line);
      const row: VoteRow | null = m ? { title: unescapeMarkdown(m[1]!), total: Number(m[2]), split: parseSplit(m[3]) } : null;
      if (row) view.votes.at(-1)?.rows.push(row);
    } else if (section in view.lists) {
      const m = BOLD_LINE.exec(line);
      if (m) view.lists[section as ListKey].push(unescapeMarkdown(m[1]!));
    } else if (section === 'actions') {
      // An action card's line: its text in bold, then owner and volunteers (or a plain note line).
      const m = BOLD_LINE.exec(line) ?? (line.startsWith('- ') ? NOTE_LINE.exec(line) : null);
      if (m) view.notes.push({ section, heading: '', text: unescapeMarkdown(m[1]!), group: null });
    } else if (section === 'clusters') {
      const g = BOLD_LINE.exec(line);
      if (g && !g[2]!.trim()) group = unescapeMarkdown(g[1]!);
      else if (line.startsWith('  - ')) view.notes.push({ section, heading, text: unescapeMarkdown(line.slice(4)), group });
      else if (line.startsWith('- ')) view.notes.push({ section, heading, text: unescapeMarkdown(line.slice(2)), group: null });
    } else if (line.startsWith('- ') || line.startsWith('  - ')) {
      const m = NOTE_LINE.exec(line.trimStart())!;
      const note: Placement = { section, heading, text: unescapeMarkdown(m[1]!), group: m[2] === undefined ? null : unescapeMarkdown(m[2]) };
      view.notes.push(note);
    }
  }
  return view;
}

/** `- **<group>** (N notes): a, b` or `- *<without a group>*: a, b`. */
function readParticipant(line: string, into: Map<string, string[]>, withoutGroup: string): void {
  const grouped = new RegExp(String.raw`^- \*\*(${ESC})\*\* \([^)]*\): (.*)$`).exec(line);
  const without = new RegExp(String.raw`^- \*(${ESC})\*: (.*)$`).exec(line);
  const m = grouped ?? without;
  if (!m) return;
  const key = grouped ? unescapeMarkdown(m[1]!) : unescapeMarkdown(m[1]!) === withoutGroup ? '' : unescapeMarkdown(m[1]!);
  into.set(key, [...(into.get(key) ?? []), ...m[2]!.split(', ').map(unescapeMarkdown)]);
}

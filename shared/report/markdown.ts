/**
 * The conference report as Markdown, every piece of people's text escaped.
 *
 * Why: Markdown is what a facilitator pastes into minutes or a wiki; a note that says
 * `[click](javascript:alert(1))` or `<script>` must arrive there as text, never as a link or markup.
 */
import type { Report, ReportItem } from './buildReport.ts';
import type { ReportNote } from './noteSections.ts';
import { formatDateTime } from './dates.ts';
import { counted, coverageWords, word, type ReportLang } from './words.ts';

/**
 * Escapes text for Markdown as one line: only what a CommonMark or GitHub renderer would read as
 * syntax is backslash-escaped, so "Dr. Sam" and "e-health" stay as written.
 *
 * Inline syntax (emphasis, code, links, images, raw HTML, tables, strikethrough, entities) is escaped
 * wherever it appears; block syntax (headings, lists, quotes, rules, setext underlines) only at the
 * start, where the text may open a line; a heading's closing `#`s at the end. URL schemes that run
 * code are defused (`javascript:` stays text even where a renderer autolinks).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2')
    .replace(/(^|\s)(#+)$/, (_, space: string, hashes: string) => `${space}${hashes.replace(/#/g, '\\#')}`)
    .replace(/\b(javascript|vbscript|data|file)(\s*):/gi, '$1$2\\:');
}


/** The report in Markdown, with its headings in `lang`. */
export function reportMarkdown(report: Report, lang: ReportLang): string {
  const w = (key: Parameters<typeof word>[1], ...args: (string | number)[]) => word(lang, key, ...args);
  const e = escapeMarkdown;
  const date = (ms: number) => formatDateTime(ms, lang, { timeZone: report.timeZone, zoneName: true });
  const out: string[] = [];

  out.push(`# ${e(report.title)}`, '', `${w('report')}. ${w('created')}: ${date(report.createdAt)}. ${w('generated')}: ${date(report.generatedAt)}.`, '');

  out.push(`## ${w('participants')}`, '');
  for (const g of report.groups) {
    out.push(`- **${e(g.name)}** (${counted(lang, 'notes', g.notes)}): ${g.people.length ? g.people.map(e).join(', ') : w('nobody')}`);
  }
  if (report.withoutGroup.length) out.push(`- *${w('withoutGroup')}*: ${report.withoutGroup.map(e).join(', ')}`);
  if (!report.groups.length && !report.withoutGroup.length) out.push(w('none'));
  out.push('');

  if (report.tasks.length) {
    out.push(`## ${w('agenda')}`, '');
    report.tasks.forEach((task, i) => {
      out.push(`### ${i + 1}. ${e(task.title)}${task.current ? ` (${w('current')})` : ''}`, '', e(task.instruction), '');
      for (const area of task.areas) {
        if (area.notes.length) out.push(`**${e(area.name)}**`, '', ...area.notes.map(noteLine), '');
      }
    });
  }

  out.push(`## ${w('clusters')}`, '');
  if (!report.clusters.length) out.push(w('none'), '');
  for (const c of report.clusters) {
    const total = c.present.length + c.missing.length;
    out.push(`### ${e(c.label)}`, '');
    if (total) out.push(`${coverageWords(lang, c.present.length, total)}${c.missing.length ? `. ${w('missing', c.missing.map(e).join(', '))}` : ''}.`, '');
    for (const g of c.byGroup) out.push(`- **${e(g.group)}**`, ...g.notes.map((n) => `  - ${e(n.text)}`));
    if (c.byGroup.length) out.push('');
  }

  out.push(`## ${w('elsewhere')}`, '');
  const { areas, outside } = report.elsewhere;
  if (!areas.length && !outside.length) out.push(w('none'), '');
  else out.push(w('elsewhereIntro'), '');
  for (const area of areas) out.push(`### ${e(area.name)}`, '', ...area.notes.map(noteLine), '');
  if (outside.length) out.push(`### ${w('notInAnyArea')}`, '', ...outside.map(noteLine), '');

  out.push(`## ${w('votes')}`, '');
  if (!report.votes.length) out.push(w('none'), '');
  for (const v of report.votes) {
    out.push(`### ${e(v.title) || w('votes')}${v.open ? ` (${w('stillOpen')})` : ''}`, '');
    if (!v.rows.length) out.push(w('none'));
    v.rows.forEach((r, i) => {
      const split = r.split.map((s) => `${e(s.group)} ${s.count}`).join(', ');
      out.push(`${i + 1}. ${e(r.title)}: ${counted(lang, 'dots', r.total)}${split ? ` (${split})` : ''}`);
    });
    out.push('');
  }

  const items = (key: keyof Report['lists']) => {
    out.push(`## ${w(key)}`, '');
    const entries = report.lists[key];
    if (!entries.length) out.push(w('none'), '');
    for (const item of entries) out.push(...itemLines(item, lang), '');
  };
  items('commonGround');
  items('potentialProject');
  items('notAgreed');
  items('disagreements');

  out.push(`## ${w('actions')}`, '');
  if (!report.actions.length) out.push(w('none'));
  for (const a of report.actions) {
    out.push(`- **${e(a.text)}**. ${w('owner')}: ${e(a.owner) || '—'}. ${w('volunteers')}: ${a.volunteers.length ? a.volunteers.map(e).join(', ') : '—'}.`);
  }
  out.push('');
  return out.join('\n');
}

/** A note in a note section: `- <text> — *<group>*`, or `- <text>` for a note of no group. */
function noteLine(note: ReportNote): string {
  return `- ${escapeMarkdown(note.text)}${note.group ? ` — *${escapeMarkdown(note.group)}*` : ''}`;
}

function itemLines(item: ReportItem, lang: ReportLang): string[] {
  const stance = (s: ReportItem['stances'][number]) => `${escapeMarkdown(s.group)}: ${word(lang, s.stance ?? 'unmarked')}`;
  const lines = [`- **${escapeMarkdown(item.title)}**${item.contested ? ` (${word(lang, 'contested')})` : ''}`];
  if (item.stances.length) lines.push(`  - ${item.stances.map(stance).join('; ')}`);
  for (const n of item.notes) lines.push(`  - ${escapeMarkdown(n)}`);
  return lines;
}

/**
 * Ways to break a board's outputs on purpose, for the tests and the short rehearsal that show the
 * oracle can fail: a report section removed (Markdown and HTML, every language), given to
 * `checkOracle` as its `tamper` option or applied to files before `judgeOutputs`.
 *
 * Why: an oracle that has never been seen to fail proves nothing; these edits are the same ones a
 * wrong report would make (the issue that started the rehearsal was a report without its
 * "Elsewhere on the board" notes), so a passing rehearsal means the check was really made.
 */
import { JSDOM } from 'jsdom';
import { REPORT_WORDS, type ReportLang } from '../../../shared/report/index.ts';
import type { OutputFiles } from './index.ts';
import { EXTRA_WORDS } from './reportView.ts';

/** A report section by its HTML id (and the key of its heading word). */
export type SectionId = 'participants' | 'agenda' | 'clusters' | 'elsewhere' | 'votes' | 'commonGround' | 'potentialProject' | 'notAgreed' | 'disagreements' | 'actions';

/** The heading of a section in the Markdown report in `lang`. */
export function sectionTitle(id: SectionId, lang: ReportLang): string {
  return id === 'elsewhere' ? EXTRA_WORDS[lang].elsewhere : REPORT_WORDS[lang][id];
}

/** The Markdown without one section (from its `## ` heading up to the next, or the end). */
export function markdownWithout(md: string, id: SectionId, lang: ReportLang): string {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${sectionTitle(id, lang)}`);
  if (start < 0) return md;
  const next = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  lines.splice(start, (next < 0 ? lines.length : next) - start);
  return lines.join('\n');
}

/** An HTML page edited through its DOM. */
export function editHtml(html: string, edit: (doc: Document) => void): string {
  const dom = new JSDOM(html);
  edit(dom.window.document);
  return dom.serialize();
}

/** The outputs with one report section removed from every Markdown and HTML file. */
export function withoutSection(files: OutputFiles, id: SectionId): OutputFiles {
  const each = (set: OutputFiles['md'], edit: (text: string, lang: ReportLang) => string) =>
    Object.fromEntries(Object.entries(set).map(([lang, text]) => [lang, edit(text!, lang as ReportLang)]));
  return {
    md: each(files.md, (text, lang) => markdownWithout(text, id, lang)),
    html: each(files.html, (text) => editHtml(text, (doc) => doc.querySelector(`section#${id}`)?.remove())),
    csv: files.csv,
  };
}

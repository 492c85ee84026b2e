/**
 * The conference report from a fixture board with known content: Markdown and HTML compared with
 * golden files (checked by eye once, then kept; rewrite with OLIFANT_UPDATE_GOLDEN=1), and every
 * piece of hostile text escaped.
 *
 * Why: the report is what the sponsor gets; it must say what the board said, and nothing people
 * typed may become markup, a link or a script in it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { createNote, listAreas, listGroups, ORIGIN } from '../../shared/index.ts';
import { boardSvg, buildReport, escapeMarkdown, notesCsv, reportHtml, reportMarkdown, REPORT_WORDS } from '../../shared/report/index.ts';
import { HOSTILE, reportBoard } from '../fixtures/reportBoard.ts';

const GOLDEN = join(import.meta.dirname, '..', 'golden');
const NOW = Date.UTC(2026, 10, 27, 17, 0);
afterEach(() => vi.useRealTimers());

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.OLIFANT_UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** The fixture plus notes no agenda task holds: one in an area of no task, one outside every area. */
function goldenBoard(): Y.Doc {
  const doc = reportBoard();
  const area = listAreas(doc).find((a) => a.name === HOSTILE.area)!;
  const citizens = listGroups(doc).find((g) => g.name === 'Citizens')!.id;
  vi.setSystemTime(Date.UTC(2026, 10, 27, 10, 0));
  createNote(doc, { text: 'More evening hours for home care', x: area.x + 40, y: area.y + 80, authorId: 'p-fien' }, ORIGIN.local);
  vi.setSystemTime(Date.UTC(2026, 10, 27, 10, 1));
  createNote(doc, { text: 'Ask the council about parking', x: -6000, y: -6000, authorId: 'p-ann', groupId: citizens }, ORIGIN.local);
  return doc;
}

const report = (lang: 'en' | 'nl') => buildReport(goldenBoard(), { lang, now: NOW, untitled: REPORT_WORDS[lang].untitled, noGroup: REPORT_WORDS[lang].noGroup });
/** Note ids are random: replaced by a placeholder before comparing. */
const noteIds = (html: string) => html.replace(/data-note-id="[A-Za-z0-9_-]{16}"/g, 'data-note-id="<id>"');

describe('the conference report', () => {
  it('derives what the board says: people per group, clusters with coverage, votes by group, the lists, actions', () => {
    const r = report('en');
    expect(r.groups.map((g) => [g.name, g.people])).toEqual([['Citizens', ['Ann']], ['Care workers', ['Bram']], [HOSTILE.group, ['Chris']]]);
    expect(r.withoutGroup).toEqual(['Fien']);
    expect(r.clusters.find((c) => c.label === 'Waiting lists')).toMatchObject({ present: ['Citizens', 'Care workers'], missing: [HOSTILE.group] });
    expect(r.votes[0]!.rows.map((row) => [row.title, row.total, row.split.map((x) => x.group)])).toEqual([
      ['Waiting lists', 3, ['Citizens', 'Care workers', HOSTILE.group]],
      [HOSTILE.label, 1, ['Care workers']],
    ]);
    expect(r.lists.commonGround.map((i) => i.title)).toEqual(['Waiting lists']);
    expect(r.lists.disagreements.map((i) => i.title)).toEqual([HOSTILE.label]);
    expect(r.actions).toMatchObject([{ text: 'Start a neighbourhood care cooperative', group: 'Citizens', owner: 'Ann', volunteers: ['Bram', HOSTILE.group] }]);
    expect(r.elsewhere).toMatchObject({ areas: [{ name: HOSTILE.area, notes: [{ text: 'More evening hours for home care', group: '' }] }], outside: [{ text: 'Ask the council about parking', group: 'Citizens' }] });
    expect(r.tasks.find((t) => t.current)?.title).toBe('Action planning');
  });

  it('Markdown matches its golden file, in English and in Dutch', () => {
    golden('report.en.md', reportMarkdown(report('en'), 'en'));
    golden('report.nl.md', reportMarkdown(report('nl'), 'nl'));
  });

  it('HTML matches its golden file', () => {
    golden('report.en.html', noteIds(reportHtml(report('en'), 'en')));
  });

  it('the notes CSV matches its golden file', () => {
    // Note ids are random: they are replaced by a placeholder before comparing (an id starting with
    // "-" carries the formula-defusing apostrophe, like any cell).
    const ids = (csv: string) => csv.replace(/,"'?[A-Za-z0-9_-]{16}",/g, ',"<id>",');
    golden('notes.csv', ids(notesCsv(goldenBoard())));
    golden('notes.nl.csv', ids(notesCsv(goldenBoard(), 'nl')));
  });

  it('no hostile text survives as markup: HTML has no tag or attribute from people, Markdown no link or tag', () => {
    const html = reportHtml(report('en'), 'en');
    // The attribute text may show (as text); no tag from people may open.
    expect(html).not.toMatch(/<script|<img|<svg|<a\s/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    const md = reportMarkdown(report('en'), 'en');
    // Every < and [ from people is backslash-escaped: text, not a tag or a link.
    expect(md).not.toMatch(/(?<!\\)<(script|img|svg|a\s)|\]\(javascript:/i);
    const svg = boardSvg(reportBoard());
    expect(svg).not.toMatch(/<script|<img|<a\s|<[^>]*\son\w+=/i);
    expect(svg).toContain('&lt;script&gt;windo'); // people's text, escaped (and cut to the note's width)
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\](javascript\\:alert(1))');
    expect(escapeMarkdown('<b>hi</b>\nnext')).toBe('\\<b\\>hi\\</b\\> next');
  });
});

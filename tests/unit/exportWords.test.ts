/**
 * What leaves a board speaks the reader's language and keeps people's words: Markdown escapes only
 * what Markdown would read as syntax (a property over any text, plus the named cases), the notes CSV
 * says standings in words with the codes in added columns, dates follow the UI's language, template
 * areas are named in each viewer's language until renamed, and the board's picture shows the vote's
 * dots, coverage and standing with every word whole.
 *
 * Why: "Dr\. Sam" in the minutes, `commonGround` in a sponsor's spreadsheet, "12/5/2026" on a Dutch
 * page and "Personeelstek…" on the wall's picture each told the room the tool was not theirs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTemplate, areaName, createNote, initBoard, listAreas, ORIGIN, renameArea } from '../../shared/index.ts';
import { boardSvg, coverageWords, escapeMarkdown, formatDateTime, notesCsv } from '../../shared/report/index.ts';
import { fitText } from '../../shared/report/textFit.ts';
import { formatDate, localeFor } from '../../client/i18n/dates.ts';
import { reportBoard } from '../fixtures/reportBoard.ts';

/** What a CommonMark renderer shows for one escaped line: a backslash before ASCII punctuation vanishes. */
const rendered = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
/** The line with every escaped character taken out: what is left may carry no syntax. */
const unescaped = (md: string) => md.replace(/\\[!-/:-@[-`{-~]/g, '\u0000');
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').trim();

describe('Markdown escaping', () => {
  it('leaves ordinary punctuation alone', () => {
    expect(escapeMarkdown('Dr. Sam')).toBe('Dr. Sam');
    expect(escapeMarkdown('e-health')).toBe('e-health');
    expect(escapeMarkdown('Zorg (thuis) + welzijn! "Ja", 50% #1')).toBe('Zorg (thuis) + welzijn! "Ja", 50% #1');
  });

  it('escapes what would render: emphasis, code, links, tags, tables, and block syntax at the start', () => {
    expect(escapeMarkdown('*really* _new_ `code`')).toBe('\\*really\\* \\_new\\_ \\`code\\`');
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\](javascript\\:alert(1))');
    expect(escapeMarkdown('<b>hi</b>')).toBe('\\<b\\>hi\\</b\\>');
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('# Heading')).toBe('\\# Heading');
    expect(escapeMarkdown('- a list')).toBe('\\- a list');
    expect(escapeMarkdown('+ plus')).toBe('\\+ plus');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('2026) year')).toBe('2026\\) year');
    expect(escapeMarkdown('===')).toBe('\\===');
    expect(escapeMarkdown('Room ##')).toBe('Room \\#\\#');
    expect(escapeMarkdown('&amp; &copy;')).toBe('\\&amp; \\&copy;');
    expect(escapeMarkdown('Tom & Jerry')).toBe('Tom & Jerry');
  });

  it('renders back to the same text, and leaves no syntax unescaped, for any text', () => {
    const text = fc.string({ unit: fc.constantFrom(...'ab 1.-+*_`[]()<>#!|~&;=:\\\n\t"\'é'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(text, (s) => {
        const md = escapeMarkdown(s);
        expect(rendered(md)).toBe(oneLine(s));
        const bare = unescaped(md);
        expect(bare).not.toMatch(/[*_`[\]<>|~\\]|&#?[a-z0-9]+;/i);
        expect(bare).not.toMatch(/^([#+=-]|\d+[.)])|(^|\s)#+$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the notes CSV in the chosen language', () => {
  it('says standings in words, with the codes in added columns at the end', () => {
    const [header, ...rows] = notesCsv(reportBoard(), 'nl').trim().split('\r\n');
    expect(header).toBe('"text","group","area","cluster","votes","cluster votes","standing","cluster standing","kind","owner","volunteers","created","id","standing code","cluster standing code"');
    const row = rows.find((r) => r.startsWith('"Long waiting lists'))!;
    expect(row).toContain('"gemeenschappelijke basis"');
    expect(row).toMatch(/"commonGround"$/);
    expect(notesCsv(reportBoard(), 'en')).toContain('"common ground"');
    expect(notesCsv(reportBoard(), 'en')).toContain('"not agreed"');
    // Words only in the word columns: the old column of codes is gone nowhere else.
    expect(rows.filter((r) => /,"(commonGround|notAgreed|potentialProject)",/.test(r))).toEqual([]);
  });
});

describe('dates in the UI language', () => {
  const at = Date.UTC(2026, 11, 5, 0, 28, 6);
  it('writes a Dutch date the Dutch way and an English one the English way, whatever the browser', () => {
    expect(formatDateTime(at, 'nl', { timeZone: 'UTC' })).toBe('5 december 2026 om 00:28');
    expect(formatDateTime(at, 'en', { timeZone: 'UTC' })).toBe('December 5, 2026 at 12:28 AM');
    expect(formatDateTime(at, 'nl', { timeZone: 'Europe/Amsterdam', zoneName: true })).toBe('5 december 2026 om 01:28 CET');
    expect(localeFor('nl', ['en-US', 'nl-BE'])).toBe('nl-BE');
    expect(localeFor('nl', ['en-US'])).toBe('nl');
    expect(localeFor('en', ['nl-NL', 'en-GB'])).toBe('en-GB');
    expect(localeFor('en', ['en-US@posix'])).toBe('en');
    expect(formatDate('nl', at, 'UTC')).toBe('5 december 2026 om 00:28');
  });

  it('says "1 of 1 group" in the report, not "1 of 1 groups"', () => {
    expect(coverageWords('en', 1, 1)).toBe('Spoken to by 1 of 1 group');
    expect(coverageWords('nl', 1, 1)).toBe('Besproken door 1 van 1 groep');
    expect(coverageWords('nl', 2, 3)).toBe('Besproken door 2 van 3 groepen');
  });
});

describe('template area names in each viewer’s language', () => {
  it('shows the Dutch name of an area laid out in English, until someone renames it', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Zorg' }, ORIGIN.local);
    applyTemplate(doc, 'futureSearch', { lang: 'en', mixedTables: 2, year: 2026 }, ORIGIN.local);
    const areas = listAreas(doc);
    const names = (lang: 'en' | 'nl') => areas.map((a) => areaName(a, lang));
    expect(names('en')).toContain('Mixed table 1');
    expect(names('nl')).toContain('Gemengde tafel 1');
    expect(names('nl')).toContain('Wereld · 1997–2006');
    expect(names('nl')).not.toContain('Mixed table 1');
    const table = areas.find((a) => a.name === 'Mixed table 2')!;
    renameArea(doc, table.id, 'De blauwe tafel', ORIGIN.local);
    const renamed = listAreas(doc).find((a) => a.id === table.id)!;
    expect([areaName(renamed, 'en'), areaName(renamed, 'nl')]).toEqual(['De blauwe tafel', 'De blauwe tafel']);
    // A Dutch picture of the board names the areas in Dutch.
    expect(boardSvg(doc, undefined, undefined, 'nl')).toContain('Gemengde tafel 1');
  });
});

describe('the board’s picture', () => {
  it('shows the vote’s dots with their count, the coverage chips and the standing in words and colour', () => {
    const svg = boardSvg(reportBoard());
    expect(svg.match(/class="dot"/g)?.length).toBe(4); // 3 dots on one cluster, 1 on the other
    expect(svg).toMatch(/class="dot-count"[^>]*>3</);
    expect(svg.match(/class="chip"/g)?.length).toBeGreaterThanOrEqual(3);
    expect(svg).toContain('fill="#1b7f3b"'); // the common-ground cluster's bar
    expect(svg).toContain('Common ground');
    expect(boardSvg(reportBoard(), undefined, undefined, 'nl')).toContain('Gemeenschappelijke basis');
  });

  it('never cuts a word: long words shrink the text, or are hyphenated; a cut ends after a whole word', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Zorg' }, ORIGIN.local);
    createNote(doc, { text: 'Personeelstekort in de thuiszorg', x: 0, y: 0, authorId: 'p' }, ORIGIN.local);
    const svg = boardSvg(doc);
    expect(svg).toContain('>Personeelstekort<');
    expect(svg).not.toContain('…');
    const long = fitText('Arbeidsongeschiktheidsverzekeringsmaatschappij', 136, 136, { max: 28, min: 9 });
    expect(long.lines.join('').replace(/-/g, '')).toBe('Arbeidsongeschiktheidsverzekeringsmaatschappij');
    const cut = fitText(Array.from({ length: 80 }, () => 'zorg').join(' '), 136, 40, { max: 28, min: 9 });
    expect(cut.lines.at(-1)).toMatch(/(^| )zorg …$/);
  });
});

/**
 * The rehearsal's oracle on a small Future Search day made with the shared mutations and logged by
 * hand: its own count follows the documented rules; it holds on right outputs (written from the
 * output contract, and the product's own report and CSV); and it fails, naming the note or item, on
 * outputs broken on purpose.
 *
 * Why: an oracle that cannot fail proves nothing. These tests show that it does fail, for each way
 * the day's result can silently lose or bend what the room made.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildReport, notesCsv, REPORT_WORDS, reportHtml, reportMarkdown, type ReportLang } from '../../shared/report/index.ts';
import { contractCsv, contractHtml, contractMarkdown } from '../fixtures/contractReport.ts';
import { oracleDay } from '../fixtures/oracleDay.ts';
import { viewOf } from '../rehearsal/oracle/board.ts';
import { expectationFor, judgeOutputs, type OutputFiles } from '../rehearsal/oracle/index.ts';
import { EXTRA_WORDS } from '../rehearsal/oracle/reportView.ts';
import { editHtml, withoutSection } from '../rehearsal/oracle/tamper.ts';

const day = oracleDay();
const view = viewOf(day.doc);
const { expected } = expectationFor(day.log, view);
const n = day.notes;
const langs: ReportLang[] = ['en', 'nl'];
const both = (f: (lang: ReportLang) => string) => Object.fromEntries(langs.map((l) => [l, f(l)])) as Record<ReportLang, string>;

/** Every file in both languages. */
type Files = { [K in keyof OutputFiles]: Record<ReportLang, string> };

/** Outputs in the documented format, written in the test from the contract. */
const contract = (): Files => ({ md: both((l) => contractMarkdown(day.doc, l)), html: both((l) => contractHtml(day.doc, l)), csv: both((l) => contractCsv(day.doc, l)) });

/** The product's own report and CSV. */
function product(): Files {
  const report = (l: ReportLang) => buildReport(day.doc, { lang: l, now: Date.now(), untitled: REPORT_WORDS[l].untitled, noGroup: REPORT_WORDS[l].noGroup });
  return { md: both((l) => reportMarkdown(report(l), l)), html: both((l) => reportHtml(report(l), l)), csv: both((l) => notesCsv(day.doc, l)) };
}

/** Applies `edit` to every file of one kind. */
const each = (files: Record<ReportLang, string>, edit: (text: string, lang: ReportLang) => string) => both((l) => edit(files[l], l));
const judge = (files: OutputFiles) => judgeOutputs('the board', expected, view, files);

/** Edits one cell of the CSV row of a note. */
function editCsv(csv: string, noteId: string, column: string, value: string): string {
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  for (const row of rows) if (row.id === noteId) row[column] = value;
  return Papa.unparse(rows, { quotes: true, newline: '\r\n' });
}

describe("the oracle's own count of the day", () => {
  it('counts dots by the documented rules: limits per budget, one per item, deleted items and taken-back dots give nothing', () => {
    const [trends, themes] = expected.votes;
    // Ann's third and fourth dots came from a second device after her two were spent; Bram's dot
    // on a note then deleted gave his dot back for "Coffee corner ideas".
    expect(Object.fromEntries(trends!.totals)).toEqual({ [n.neighbours!]: 1 + 1, [n.internet!]: 1, [n.coffee!]: 1 });
    expect(Object.fromEntries(trends!.byGroup.get(n.neighbours!)!)).toEqual({ [day.log.people.get('p-ann')!.groupId!]: 1, [day.log.people.get('p-bram')!.groupId!]: 1 });
    // A dot on the merged cluster counts for the one it went into; the taken-back dot not at all.
    expect(Object.fromEntries(themes!.totals)).toEqual({ [day.clusters.waiting]: 2 });
  });

  it('follows merges for notes and lists, and lets a disagreement before a merge win over an agreement before it', () => {
    expect(expected.notes.get(n.carers!)!.clusterId).toBe(day.clusters.waiting);
    expect(expected.notes.has(day.notes.gone!)).toBe(false);
    expect(expected.lists).toMatchObject({ commonGround: [n.neighbours], potentialProject: [day.clusters.waiting], notAgreed: [n.coffee] });
    expect(new Set(expected.lists.disagreements)).toEqual(new Set([day.clusters.waiting, day.clusters.transport]));
    // Unconfirmed, the merged family's disagreement is its standing, in the CSV as in the report.
    expect(expected.standing.get(day.clusters.transport)).toBe('notAgreed');
  });
});

describe('notes that tables clustered at the same moment', () => {
  it('accepts any one candidate, judges every output by the one the board holds, and names a note in none', () => {
    const other = oracleDay();
    const { waiting1, waiting2 } = other.notes;
    other.log.clusters.set('ghost-cluster-1', { id: 'ghost-cluster-1', label: 'Ghost', mergedInto: null });
    other.log.clusters.set('ghost-cluster-2', { id: 'ghost-cluster-2', label: 'Ghost too', mergedInto: null });
    other.log.notes.get(waiting1!)!.clusterCandidates = ['ghost-cluster-1', other.clusters.staff];
    other.log.notes.get(waiting2!)!.clusterCandidates = ['ghost-cluster-1', 'ghost-cluster-2'];
    const otherView = viewOf(other.doc);
    const settled = expectationFor(other.log, otherView);
    // The merged cluster the board holds is one of the first note's candidates: it is the one.
    expect(settled.expected.notes.get(waiting1!)!.clusterId).toBe(other.clusters.waiting);
    expect(settled.differences).toEqual([`note ${waiting2} "Waiting lists keep growing": the board has it in cluster ${other.clusters.waiting}, none of the candidates ghost-cluster-1, ghost-cluster-2`]);
    const md = contractMarkdown(other.doc, 'en');
    const judged = judgeOutputs('the board', settled.expected, otherView, { md: { en: md }, html: {}, csv: {} });
    expect(judged.differences.filter((d) => d.includes(waiting1!))).toEqual([]);
    expect(judged.differences.filter((d) => d.includes(waiting2!)).length).toBeGreaterThan(0);
  });
});

describe('the oracle holds on right outputs', () => {
  it('holds on the board and on outputs in the documented format, in English and Dutch', () => {
    const result = judge(contract());
    expect(result.differences).toEqual([]);
    expect(result.checked['the board report.html (nl) notes']).toBe(expected.notes.size);
  });

  it("holds on the product's own report.md, report.html and notes.csv", () => {
    expect(judge(product()).differences).toEqual([]);
  });
});

describe('the oracle can fail: each broken output is named with the notes it concerns', () => {
  const elsewhereNotes = [n.coffee!, n.syntax!, n.lost!, n.empty!];

  it("fails when the report's Elsewhere section is removed (Markdown and HTML)", () => {
    const result = judge(withoutSection(contract(), 'elsewhere'));
    expect(result.ok).toBe(false);
    for (const id of elsewhereNotes) {
      for (const output of ['report.md (en)', 'report.md (nl)', 'report.html (en)', 'report.html (nl)']) {
        expect(result.differences).toContainEqual(expect.stringMatching(new RegExp(`^note ${id} .*missing from the board ${output.replace(/[.()]/g, '\\$&')}`)));
      }
    }
  });

  it("fails when the product's report loses its Elsewhere section", () => {
    const result = judge(withoutSection(product(), 'elsewhere'));
    for (const id of elsewhereNotes) expect(result.differences.filter((d) => d.startsWith(`note ${id} `) && d.includes('missing from'))).toHaveLength(4);
  });

  it('fails when a note is listed twice', () => {
    const files = contract();
    const md = each(files.md, (text) => text.replace(/^- Neighbours help each other — \*Citizens\*$/m, '$&\n$&'));
    const html = each(files.html, (text) =>
      editHtml(text, (doc) => {
        const li = doc.querySelector(`li[data-note-id="${n.neighbours}"]`)!;
        li.after(li.cloneNode(true));
      }),
    );
    const result = judge({ ...files, md, html });
    expect(result.differences).toContainEqual(`note ${n.neighbours} "Neighbours help each other": listed more than once in the board report.md (en) (again under agenda › 2. Trends mind map (Citizens))`);
    expect(result.differences).toContainEqual(expect.stringMatching(new RegExp(`^note ${n.neighbours} "Neighbours help each other": listed 2 times in the board report.html \\(nl\\)`)));
  });

  it('fails when a deleted note appears', () => {
    const files = contract();
    const md = each(files.md, (text, l) => text.replace(`### ${EXTRA_WORDS[l].notInArea}\n\n`, '$&- A note nobody needs — *Care workers*\n'));
    const html = each(files.html, (text) =>
      editHtml(text, (doc) => doc.querySelector('section#elsewhere ul')!.insertAdjacentHTML('beforeend', `<li data-note-id="${n.gone}">A note nobody needs</li>`)),
    );
    const csv = each(files.csv, (text) => `${text}"A note nobody needs","Care workers","","","0","","","","note","","","","${n.gone}","",""\r\n`);
    const result = judge({ md, html, csv });
    for (const output of ['report.md (en)', 'report.md (nl)', 'report.html (en)', 'report.html (nl)', 'notes.csv (en)', 'notes.csv (nl)']) {
      expect(result.differences.some((d) => d.startsWith(`deleted note ${n.gone} "A note nobody needs"`) && d.includes(output))).toBe(true);
    }
  });

  it('fails when a dot total is off by one (report rows and the CSV votes column)', () => {
    const files = contract();
    const md = each(files.md, (text) => text.replace(/^1\. Neighbours help each other: 2 /m, '1. Neighbours help each other: 3 '));
    const html = each(files.html, (text) => text.replace(/(<td>Neighbours help each other<\/td><td>)2/, '$13'));
    const csv = each(files.csv, (text) => editCsv(text, n.neighbours!, 'votes', '3'));
    const result = judge({ md, html, csv });
    expect(result.differences).toContainEqual(`vote "Which trends matter most?", item ${n.neighbours} "Neighbours help each other": the board report.md (en) says 3 dots, the log counts 2`);
    expect(result.differences).toContainEqual(`vote "Which trends matter most?", item ${n.neighbours} "Neighbours help each other": the board report.html (nl) says 3 dots, the log counts 2`);
    expect(result.differences).toContainEqual(`note ${n.neighbours} "Neighbours help each other": the board notes.csv (en) column "votes" says "3", the log says "2"`);
  });

  it("fails when the CSV's standing column disagrees with the lists", () => {
    const files = contract();
    const csv = { en: editCsv(files.csv.en, n.carers!, 'cluster standing', 'open'), nl: editCsv(files.csv.nl, n.neighbours!, 'standing code', 'open') };
    const result = judge({ ...files, csv });
    expect(result.differences).toEqual([
      `note ${n.carers} "Too few carers": the board notes.csv (en) column "cluster standing" says "open", the log says "potential project"`,
      `note ${n.neighbours} "Neighbours help each other": the board notes.csv (nl) column "standing code" says "open", the log says "commonGround"`,
    ]);
  });
});

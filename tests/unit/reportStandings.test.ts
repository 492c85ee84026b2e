/**
 * The notes CSV and the report say the same standing for every item, after a merge too: a cluster
 * that every group agreed with, into which a cluster one group disagrees with is merged, is a
 * disagreement in the report and "not agreed" in the CSV's `cluster standing` (until that group marks
 * the merged cluster again).
 *
 * Why: the sponsor reads the report and an analyst the spreadsheet of the same day; when one read the
 * merge times and the other did not, a disagreement in one was common ground in the other.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createCluster, createGroup, createNote, initBoard, mergeClusters, ORIGIN, setStance } from '../../shared/index.ts';
import { boardOutcomes, buildReport, notesCsv, REPORT_WORDS } from '../../shared/report/index.ts';

const o = ORIGIN.local;
afterEach(() => vi.useRealTimers());

/** The CSV's rows as objects by header (cells are always quoted; quotes doubled). */
function csvRows(csv: string): Record<string, string>[] {
  const [header, ...rows] = csv.trim().split('\r\n').map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
  return rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

/** Two groups; "Care at home" (both agree) with "Less paperwork" (care workers disagree, marked before) merged into it. */
function mergedBoard(): { doc: Y.Doc; care: string } {
  vi.useFakeTimers({ toFake: ['Date'] });
  let now = Date.UTC(2026, 10, 27, 9, 0);
  const tick = () => vi.setSystemTime((now += 60_000));
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Merged', createdAt: now }, ORIGIN.server);
  const citizens = createGroup(doc, { name: 'Citizens', color: '#1b9e77' }, o);
  const care = createGroup(doc, { name: 'Care workers', color: '#d95f02' }, o);
  const home = createCluster(doc, [createNote(doc, { text: 'Care close to home', x: 0, y: 0, authorId: 'p', groupId: citizens }, o)], 'Care at home', o);
  tick();
  const paper = createCluster(doc, [createNote(doc, { text: 'Less paperwork', x: 300, y: 0, authorId: 'p', groupId: care }, o)], 'Less paperwork', o);
  tick();
  setStance(doc, paper, care, 'disagree', 'p', o);
  tick();
  setStance(doc, home, citizens, 'agree', 'p', o);
  setStance(doc, home, care, 'agree', 'p', o);
  tick();
  mergeClusters(doc, paper, home, o);
  tick();
  return { doc, care };
}

describe('the CSV and the report read one derivation of the standings', () => {
  it('after a merge that makes a cluster a disagreement, the CSV says "not agreed" where the report lists it under Disagreements, until the group marks it again', () => {
    const { doc, care } = mergedBoard();
    const report = buildReport(doc, { lang: 'en', now: Date.now(), untitled: '', noGroup: '' });
    expect(report.lists.disagreements.map((i) => i.title)).toEqual(['Care at home']);
    expect(report.lists.commonGround).toEqual([]);

    const rows = csvRows(notesCsv(doc, 'en')).sort((a, b) => (a.text! < b.text! ? -1 : 1));
    expect(rows.map((r) => [r.text, r.cluster, r['cluster standing'], r['cluster standing code']])).toEqual([
      ['Care close to home', 'Care at home', REPORT_WORDS.en.notAgreedOne, 'notAgreed'],
      ['Less paperwork', 'Care at home', REPORT_WORDS.en.notAgreedOne, 'notAgreed'],
    ]);
    // The same in Dutch, in words.
    expect(csvRows(notesCsv(doc, 'nl')).map((r) => r['cluster standing'])).toEqual([REPORT_WORDS.nl.notAgreedOne, REPORT_WORDS.nl.notAgreedOne]);

    // Once the care workers mark the merged cluster again, both say common ground.
    setStance(doc, [...boardOutcomes(doc).members.keys()][0]!, care, 'agree', 'p', o);
    expect(buildReport(doc, { lang: 'en', now: Date.now(), untitled: '', noGroup: '' }).lists.disagreements).toEqual([]);
    expect(csvRows(notesCsv(doc)).map((r) => r['cluster standing code'])).toEqual(['commonGround', 'commonGround']);
  });

  it('every item the report lists has the CSV standing of its list', () => {
    const { doc } = mergedBoard();
    const board = boardOutcomes(doc);
    const rows = csvRows(notesCsv(doc));
    for (const item of board.items.values()) {
      const label = board.clusters.get(item.itemId)?.label;
      for (const row of rows.filter((r) => r.cluster === label)) expect(row['cluster standing code']).toBe(item.confirmed ?? item.standing);
    }
    for (const item of board.lists.disagreements) expect(item.standing).toBe('notAgreed');
  });
});

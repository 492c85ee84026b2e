/**
 * The report holds every note of the board exactly once: a seeded property test over random boards
 * (no agenda, the blank agenda, the Future Search agenda laid out; notes in task areas, in other
 * areas, in areas drawn over task areas, outside every area; some clustered, clusters merged and
 * dissolved; action cards, some of them clustered), read back from `report.md` and `report.html` the
 * way a tool reads them (docs/outputs.md).
 *
 * Why: the report is what the sponsor gets of the day. A note that no section lists drops silently out
 * of the result, and a note listed twice counts twice; both happened with notes outside the task areas
 * and with clustered notes inside them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyTemplate,
  clusterIndex,
  createArea,
  createCluster,
  createGroup,
  createNote,
  dissolveCluster,
  initBoard,
  listAreas,
  listClusters,
  listGroups,
  listNotes,
  mergeClusters,
  ORIGIN,
  readFacilitation,
  resolveCluster,
  setActionCard,
  isNoteInArea,
} from '../../shared/index.ts';
import { buildReport, escapeHtml, escapeMarkdown, notesCsv, reportHtml, reportMarkdown, REPORT_WORDS } from '../../shared/report/index.ts';

const o = ORIGIN.local;
const FAR = -100_000;

/** Where a note goes: a task area, an area of no task, or nowhere; (fx, fy) place it inside. */
const placeArb = fc.record({ where: fc.constantFrom('task', 'other', 'none'), pick: fc.nat(), fx: fc.double({ min: 0.05, max: 0.95, noNaN: true }), fy: fc.double({ min: 0.05, max: 0.95, noNaN: true }) });
const boardArb = fc.record({
  template: fc.constantFrom('none', 'blank', 'futureSearch'),
  otherAreas: fc.integer({ min: 0, max: 3 }),
  /** Draw one area of no task over a task area (it is then the topmost for the notes under it). */
  overTask: fc.boolean(),
  notes: fc.array(fc.record({ place: placeArb, group: fc.nat(2), text: fc.constantFrom<string>('', 'Care', '*bold* [x](y)', '<b>hi</b>', '# Heading', '- dash', 'Zorg — *dichtbij*') }), { minLength: 1, maxLength: 24 }),
  clusters: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { maxLength: 4 }),
  merges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
  dissolve: fc.option(fc.nat(), { nil: null }),
  actions: fc.array(fc.nat(), { maxLength: 3 }),
});
type BoardSpec = typeof boardArb extends fc.Arbitrary<infer T> ? T : never;

function makeBoard(spec: BoardSpec): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Every note', createdAt: 1 }, ORIGIN.server);
  const groups = [createGroup(doc, { name: 'Citizens', color: '#1b9e77' }, o), createGroup(doc, { name: 'Care *workers*', color: '#d95f02' }, o)];
  if (spec.template !== 'none') applyTemplate(doc, spec.template as 'blank' | 'futureSearch', { lang: 'en', mixedTables: 2, year: 2026 }, o);
  const taskIds = new Set(Object.values(readFacilitation(doc).agenda.areas).flat());
  const tasks = listAreas(doc).filter((a) => taskIds.has(a.id));
  for (let i = 0; i < spec.otherAreas; i++) createArea(doc, { name: `Corner ${i}`, x: FAR / 2 + i * 2000, y: FAR / 2, w: 1200, h: 800 }, o);
  if (spec.overTask && tasks.length) {
    const t = tasks[0]!;
    createArea(doc, { name: 'Side table', x: t.x, y: t.y, w: t.w / 2, h: t.h / 2 }, o);
  }
  const others = listAreas(doc).filter((a) => !taskIds.has(a.id));
  const ids = spec.notes.map((n, i) => {
    const pool = n.place.where === 'task' ? tasks : n.place.where === 'other' ? others : [];
    const a = pool[n.place.pick % Math.max(1, pool.length)];
    const [x, y] = a ? [a.x + n.place.fx * a.w - 100, a.y + n.place.fy * a.h - 100] : [FAR + i * 300, FAR];
    // Unique texts (the Markdown is read line by line); hostile ones escaped like any.
    return createNote(doc, { text: n.text ? `${n.text} ${i}` : i === 0 ? '' : `${i}`, x, y, w: 200, h: 200, authorId: 'p', groupId: n.group < 2 ? groups[n.group]! : null }, o);
  });
  const pick = (k: number) => ids[k % ids.length]!;
  const made = spec.clusters.map((c, i) => createCluster(doc, [...new Set(c.map(pick))], `Theme ${i}`, o));
  const cluster = (k: number) => made[k % made.length]!;
  for (const [a, b] of made.length ? spec.merges : []) {
    try {
      mergeClusters(doc, cluster(a), cluster(b), o);
    } catch {
      // A merge the model refuses (the two are one cluster already) changes nothing.
    }
  }
  if (made.length && spec.dissolve !== null) dissolveCluster(doc, cluster(spec.dissolve), o);
  for (const k of spec.actions) setActionCard(doc, pick(k), true, o);
  return doc;
}

/** The section each note belongs in by the documented rules, worked out here on their own, and its area's name ('' for none). */
function expectedSections(doc: Y.Doc): Map<string, { section: string; area: string }> {
  const index = clusterIndex(listClusters(doc));
  const areas = listAreas(doc);
  const agenda = readFacilitation(doc).agenda;
  const taskIds = new Set(Object.values(agenda.areas).flat());
  const out = new Map<string, { section: string; area: string }>();
  for (const n of listNotes(doc)) {
    const top = areas.filter((a) => isNoteInArea(n, a)).at(-1);
    const section = n.kind === 'action' ? 'actions' : resolveCluster(n.clusterId, index) ? 'clusters' : top && taskIds.has(top.id) ? 'agenda' : 'elsewhere';
    out.set(n.id, { section, area: top?.name ?? '' });
  }
  return out;
}

/** The Markdown's level-2 sections by heading. */
function markdownSections(md: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let cur: string[] = [];
  for (const line of md.split('\n')) {
    if (line.startsWith('## ')) out.set(line.slice(3), (cur = []));
    else cur.push(line);
  }
  return out;
}

const NOTE_SECTIONS = { agenda: 'Agenda', clusters: 'Clusters of perspectives', elsewhere: 'Elsewhere on the board', actions: 'Actions' } as const;

function checkBoard(spec: BoardSpec): void {
  const doc = makeBoard(spec);
  const report = buildReport(doc, { lang: 'en', now: 2, untitled: REPORT_WORDS.en.untitled, noGroup: REPORT_WORDS.en.noGroup });
  const md = markdownSections(reportMarkdown(report, 'en'));
  const html = reportHtml(report, 'en');
  const htmlSections = new Map([...html.matchAll(/<section id="(\w+)">([\s\S]*?)<\/section>/g)].map((m) => [m[1]!, m[2]!]));
  const expected = expectedSections(doc);
  const [header, ...rows] = notesCsv(doc).trim().split('\r\n').map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
  const csv = rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
  for (const n of listNotes(doc)) {
    const text = n.text.trim() || REPORT_WORDS.en.untitled;
    // Markdown: the exact lines a note may have in each note section.
    const g = listGroups(doc).find((x) => x.id === n.groupId)?.name ?? '';
    const lines = new Set([`- ${escapeMarkdown(text)}${g ? ` — *${escapeMarkdown(g)}*` : ''}`, `  - ${escapeMarkdown(text)}`]);
    const found: string[] = [];
    for (const [key, heading] of Object.entries(NOTE_SECTIONS)) {
      let under = '';
      for (const line of md.get(heading) ?? []) {
        // The area a line is under: `**<area>**` in Agenda, `### <area>` in Elsewhere.
        if (/^\*\*.*\*\*$/.test(line) || line.startsWith('### ')) under = line.startsWith('### ') ? line.slice(4) : line.slice(2, -2);
        const match = key === 'actions' ? line.startsWith(`- **${escapeMarkdown(text)}**. `) : key === 'clusters' ? line === `  - ${escapeMarkdown(text)}` : lines.has(line);
        if (match) found.push(key);
        if (match && (key === 'agenda' || key === 'elsewhere')) expect(under, `the area of "${text}"`).toBe(escapeMarkdown(expected.get(n.id)!.area) || 'Not in any area');
      }
    }
    expect(found, `Markdown sections of note "${text}"`).toEqual([expected.get(n.id)!.section]);
    // The CSV names the same area (an id starting with "-" carries the formula-defusing apostrophe).
    expect(csv.find((r) => r.id!.replace(/^'/, '') === n.id)?.area).toBe(expected.get(n.id)!.area);
    // HTML: every `data-note-id` in the note sections, and the text it starts with.
    const at: string[] = [];
    for (const key of Object.keys(NOTE_SECTIONS)) {
      for (const m of (htmlSections.get(key) ?? '').matchAll(new RegExp(`<li data-note-id="${n.id}">(?:<strong>)?([^<]*)`, 'g'))) {
        at.push(key);
        expect(m[1]).toBe(escapeHtml(text));
      }
    }
    expect(at, `HTML sections of note "${text}"`).toEqual([expected.get(n.id)!.section]);
  }
  expect(html.match(/data-note-id=/g)).toHaveLength(listNotes(doc).length);
  // The sections, in their documented order.
  const order = [...htmlSections.keys()];
  const all = ['participants', 'agenda', 'clusters', 'elsewhere', 'votes', 'commonGround', 'potentialProject', 'notAgreed', 'disagreements', 'actions'];
  expect(order).toEqual(all.filter((k) => k !== 'agenda' || report.tasks.length));
}

describe('the report lists every note exactly once', () => {
  it('on random boards with and without an agenda, in Markdown and HTML', () => {
    fc.assert(fc.property(boardArb, checkBoard), { seed: 2135, numRuns: 60 });
  });

  it('a note outside every area and a clustered note inside a task area, on the laid-out Future Search board', () => {
    checkBoard({
      template: 'futureSearch',
      otherAreas: 1,
      overTask: true,
      notes: [
        { place: { where: 'none', pick: 0, fx: 0.5, fy: 0.5 }, group: 0, text: 'Outside' },
        { place: { where: 'task', pick: 1, fx: 0.5, fy: 0.5 }, group: 1, text: 'Clustered in a task' },
        { place: { where: 'task', pick: 1, fx: 0.6, fy: 0.6 }, group: 2, text: 'Alone in a task' },
        { place: { where: 'other', pick: 0, fx: 0.5, fy: 0.5 }, group: 0, text: 'In a corner' },
      ],
      clusters: [[1]],
      merges: [],
      dissolve: null,
      actions: [],
    });
  });
});

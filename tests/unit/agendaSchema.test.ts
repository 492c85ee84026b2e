/**
 * The agenda as the board schema documents it for tools: every step id of each template, in order,
 * with its English title, exactly as docs/board-schema.md lists them; `step` an index into that list,
 * read the same way on every screen and in the report when another tool wrote it out of range; the
 * template's areas keyed by step id.
 *
 * Why: a tool that moves the room to a task, or reads which areas belong to one, goes by these ids
 * and this index; the page it reads must say what the code does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaSteps, applyTemplate, createGroup, FACILITATION, facilitationMap, initBoard, ORIGIN, readFacilitation, setAgendaStep, taskFrame, type TemplateId } from '../../shared/index.ts';
import { buildReport } from '../../shared/report/index.ts';

const o = ORIGIN.local;
const TEMPLATES: TemplateId[] = ['futureSearch', 'blank'];

/** The rows of the documented step table: template, index, id, English title. */
function documentedSteps(): { template: TemplateId; step: number; id: string; title: string }[] {
  const page = readFileSync(new URL('../../docs/board-schema.md', import.meta.url), 'utf8');
  const section = page.slice(page.indexOf('### The agenda'), page.indexOf('### People'));
  const rows: { template: TemplateId; step: number; id: string; title: string }[] = [];
  let template: TemplateId | undefined;
  for (const line of section.split('\n')) {
    const m = /^\|\s*(?:`(\w+)`)?\s*\|\s*`(\d+)`\s*\|\s*`(\w+)`\s*\|([^|]+)\|/.exec(line);
    if (!m) continue;
    template = (m[1] as TemplateId | undefined) ?? template;
    rows.push({ template: template!, step: Number(m[2]), id: m[3]!, title: m[4]!.trim() });
  }
  return rows;
}

function board(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Agenda', createdAt: 1 }, ORIGIN.server);
  return doc;
}

describe('the agenda in the board schema', () => {
  it('docs/board-schema.md lists every step id of each template, in order, with its English title', () => {
    const actual = TEMPLATES.flatMap((template) => agendaSteps(template).map((s, step) => ({ template, step, id: s.id, title: s.title.en })));
    expect(documentedSteps()).toEqual(actual);
    expect(actual.map((s) => s.id)).toEqual(['past', 'present', 'prouds', 'future', 'commonGround', 'action', 'open']);
  });

  it('a template keeps its areas by step id: Future Search lays out areas for every task, blank none', () => {
    const doc = board();
    createGroup(doc, { name: 'Citizens', color: '#1b9e77' }, o);
    createGroup(doc, { name: 'Business', color: '#d95f02' }, o);
    applyTemplate(doc, 'futureSearch', { lang: 'en', mixedTables: 5, year: 2026 }, o);
    const { agenda } = readFacilitation(doc);
    expect(agenda).toMatchObject({ template: 'futureSearch', step: 0 });
    expect(Object.fromEntries(Object.entries(agenda.areas).map(([id, areas]) => [id, areas.length]))).toEqual({
      past: 9,
      present: 1,
      prouds: 4,
      future: 5,
      commonGround: 3,
      action: 1,
    });
    const blank = board();
    applyTemplate(blank, 'blank', { lang: 'en', mixedTables: 1, year: 2026, serverNow: 5_000 }, o);
    expect(readFacilitation(blank).agenda).toEqual({ template: 'blank', step: 0, areas: {}, stepStartedAt: 5_000 });
  });

  it('`step` is an index: Olifant writes it inside the agenda; one written out of range reads as the nearest task everywhere', () => {
    const doc = board();
    applyTemplate(doc, 'futureSearch', { lang: 'en', mixedTables: 2, year: 2026 }, o);
    setAgendaStep(doc, 99, 0, o);
    expect(facilitationMap(doc).get(FACILITATION.agenda)).toMatchObject({ step: 5 });
    setAgendaStep(doc, -4, 0, o);
    expect(facilitationMap(doc).get(FACILITATION.agenda)).toMatchObject({ step: 0 });
    const write = (step: unknown) => {
      const { agenda } = readFacilitation(doc);
      facilitationMap(doc).set(FACILITATION.agenda, { ...agenda, step });
      return readFacilitation(doc).agenda.step;
    };
    expect([write(9), write(-2), write(2.7), write('3'), write(null), write(Infinity)]).toEqual([5, 0, 2, 0, 0, 0]);
    write(9);
    const report = buildReport(doc, { lang: 'en', now: 0, untitled: '(untitled)', noGroup: '(no group)' });
    expect(report.tasks.map((t) => t.current)).toEqual([false, false, false, false, false, true]);
    expect(taskFrame(readFacilitation(doc).agenda, {})).toBeNull();
    expect(write(0)).toBe(0);
  });

  it('an unknown template reads as no agenda', () => {
    const doc = board();
    facilitationMap(doc).set(FACILITATION.agenda, { template: 'worldCafe', step: 2, areas: { open: ['a'] } });
    expect(readFacilitation(doc).agenda.template).toBeNull();
    expect(agendaSteps(readFacilitation(doc).agenda.template)).toEqual([]);
  });
});

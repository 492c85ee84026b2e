/**
 * E2E: the projector read from the back of the room. A facilitator lays out the Future Search day;
 * the room writes a few notes in some tasks, fifty in the trends mind map and none in prouds and
 * sorries, two in three of them marked with the writer's stakeholder group; a full-HD projector
 * follows the facilitator through every task and the whole-board view.
 * At each, every note text the projector draws is at least 24 px and every area and cluster name at
 * least 32 px (or it shows a summary whose text is that large), what it frames fills most of the
 * screen and nothing of it is under the join card, and there is no toolbar.
 *
 * Why: a projector is read from 10 m away; text that is fine on a laptop is unreadable on the wall.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { agendaSteps, createCluster, createNote, listAreas, listGroups, openVote, ORIGIN, readFacilitation, setNoteText, type Area } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { nextFrame, openPage, useE2eEnvironment } from './boardPage.ts';
import { openLaidOutDay } from './dayBoard.ts';

const env = useE2eEnvironment('olifant-e2e-projector-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

const TEXTS = [
  'More people live alone',
  'Care moves into the neighbourhood',
  'Shortage of nurses in every region',
  'Families care for their parents again, next to their jobs',
  'Technology at home: sensors, video calls',
  'Budgets decided per municipality',
  'Young people want meaningful work',
  'Volunteers are older and fewer',
  'Housing for the elderly is scarce',
  'Prevention instead of cure',
];

/** Notes per task and area (index into the task's areas): a few, fifty, none, a few, some, three. */
const PLAN: Record<string, number[]> = {
  past: [3, 0, 0, 0, 2, 0, 0, 0, 3],
  present: [50],
  prouds: [],
  future: [4, 3],
  commonGround: [3, 2, 1],
  action: [3],
};

/** The second action, with its group's mark: readable on the whole card, too small in the box above the mark. */
const LONG = 'A care hub in every neighbourhood: nurses, volunteers and families plan together who looks after whom, week by week, in one shared calendar that everyone can read';

/** Puts `n` notes into `area` in rows, as a table would, with a little jitter. */
function notesIn(area: Area, n: number, seed: number): { text: string; x: number; y: number }[] {
  const perRow = Math.max(1, Math.floor((area.w - 80) / 200));
  return Array.from({ length: n }, (_, i) => ({
    text: TEXTS[(i + seed) % TEXTS.length]!,
    x: area.x + 40 + (i % perRow) * 200 + ((i * 37 + seed) % 17),
    y: area.y + 100 + Math.floor(i / perRow) * 200 + ((i * 53 + seed) % 13),
  }));
}

interface Measured {
  screen: { x: number; y: number; w: number; h: number };
  notes: { id: string; px: number; box: Box; marked: boolean }[];
  titles: { text: string; px: number }[];
  summary: null | { box: Box; minText: number; minTitle: number; titles: string[] };
  join: Box | null;
  /** The vote banner, while a vote is open. */
  banner: Box | null;
  toolbar: boolean;
}
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What the projector shows now: drawn note text sizes, names, the summary, the join card, in page px. */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(`(() => {
    const st = window.Konva.stages[0];
    const c = st.container().getBoundingClientRect();
    const screen = { x: c.left, y: c.top, w: c.width, h: c.height };
    // What a person sees of the canvas: the whole of it, or the window the projector leaves open on it.
    const win = document.querySelector('.projector-window');
    const w = win ? win.getBoundingClientRect() : c;
    const v = { x: w.left - c.left, y: w.top - c.top, w: w.width, h: w.height };
    const onScreen = (r) => r.x < v.x + v.w && r.y < v.y + v.h && r.x + r.width > v.x && r.y + r.height > v.y;
    const page = (r) => ({ x: c.left + r.x, y: c.top + r.y, w: r.width, h: r.height });
    const px = (t) => t.fontSize() * t.getAbsoluteScale().y;
    const notes = [];
    for (const g of st.find('.note')) {
      const r = g.getClientRect();
      if (!onScreen(r)) continue;
      // The note's own text is its longest Text node (marks and counts are shorter).
      const texts = g.find('Text').filter((t) => t.text().length > 0);
      const main = texts.sort((a, b) => b.text().length - a.text().length)[0];
      if (main) notes.push({ id: g.id(), px: px(main), box: page(r), marked: g.find('.group-mark').length > 0 });
    }
    const titles = [];
    for (const shape of [...st.find('.area'), ...st.find('.cluster')]) {
      const t = shape.findOne('Text');
      if (t && onScreen(t.getClientRect())) titles.push({ text: t.text(), px: px(t) });
    }
    const sum = document.querySelector('.projector-summary-content');
    let summary = null;
    if (sum) {
      const r = sum.getBoundingClientRect();
      const size = (el) => parseFloat(getComputedStyle(el).fontSize);
      const texty = [...sum.querySelectorAll('*')].filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
      const named = [...sum.querySelectorAll('.projector-section-title, .projector-cluster-label')];
      summary = {
        box: { x: r.left, y: r.top, w: r.width, h: r.height },
        minText: Math.min(...texty.map(size)),
        minTitle: Math.min(...named.map(size)),
        titles: [...sum.querySelectorAll('.projector-section-title')].map((e) => e.textContent),
      };
    }
    const j = document.querySelector('.projector-join');
    const jr = j && j.getBoundingClientRect();
    const b = document.querySelector('.vote-banner');
    const br = b && b.getBoundingClientRect();
    const tb = document.querySelector('.toolbar');
    return {
      screen,
      notes,
      titles,
      summary,
      join: jr ? { x: jr.left, y: jr.top, w: jr.width, h: jr.height } : null,
      banner: br ? { x: br.left, y: br.top, w: br.width, h: br.height } : null,
      toolbar: !!tb && tb.getClientRects().length > 0,
    };
  })()`) as Promise<Measured>;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, b: Box) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.w <= b.x + b.w + 1 && a.y + a.h <= b.y + b.h + 1;
function bounds(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x)), y = Math.min(...boxes.map((b) => b.y));
  return { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y };
}

/**
 * What is wrong with the projector's picture of content `ids` (the task's notes) or, with none, of
 * the empty areas named `areaNames`: [] when it is readable, fills the screen and is clear of the card.
 */
function problems(m: Measured, ids: ReadonlySet<string>, areaNames: readonly string[]): string[] {
  const out: string[] = [];
  if (m.toolbar) out.push('a toolbar is shown');
  if (!m.join) out.push('no join card');
  const fills = (b: Box) => b.w >= 0.6 * m.screen.w || b.h >= 0.6 * m.screen.h;
  if (m.summary) {
    const s = m.summary;
    if (s.minText < 24) out.push(`summary text ${s.minText} px`);
    if (s.minTitle < 32) out.push(`summary names ${s.minTitle} px`);
    if (!fills(s.box)) out.push(`summary ${Math.round(s.box.w)}x${Math.round(s.box.h)} does not fill the screen`);
    if (m.join && overlaps(s.box, m.join)) out.push('summary under the join card');
    if (m.banner && overlaps(s.box, m.banner)) out.push('summary under the vote banner');
    if (areaNames.length && !areaNames.every((n) => s.titles.includes(n))) out.push(`summary of ${s.titles.join(', ')}`);
    return out;
  }
  for (const n of m.notes) if (n.px < 24) out.push(`note text ${n.px.toFixed(1)} px`);
  for (const t of m.titles) if (t.px < 32) out.push(`name "${t.text}" ${t.px.toFixed(1)} px`);
  if (ids.size === 0) {
    for (const name of areaNames) if (!m.titles.some((t) => t.text.startsWith(name))) out.push(`area "${name}" not in view`);
    return out;
  }
  const mine = m.notes.filter((n) => ids.has(n.id));
  if (mine.length !== ids.size) return [...out, `${mine.length} of ${ids.size} notes drawn`];
  const box = bounds(mine.map((n) => n.box));
  if (!inside(box, m.screen)) out.push('content cut off');
  if (!fills(box)) out.push(`content ${Math.round(box.w)}x${Math.round(box.h)} does not fill the screen`);
  if (m.join && overlaps(box, m.join)) out.push('content under the join card');
  if (m.banner && overlaps(box, m.banner)) out.push('content under the vote banner');
  return out;
}

describe('the projector, read from the back of the room (headless Chromium, 1920x1080)', () => {
  it('frames every task and the whole board readably, beside the join card', async () => {
    const { board, fac, room } = await openLaidOutDay(env, errors, 'Future of care 2035');
    // The room writes the notes of the day (through the second connection), and clusters some of them.
    expect(listAreas(room.doc)).toHaveLength(26);
    const agenda = readFacilitation(room.doc).agenda;
    const areas = new Map(listAreas(room.doc).map((a) => [a.id, a]));
    const byStep = new Map<string, Set<string>>();
    // Two notes in three carry a group's mark, whose tag takes room from the note's text.
    const groupIds = [...listGroups(room.doc).map((g) => g.id), null];
    let longId = '';
    expect(groupIds).toHaveLength(3);
    room.doc.transact(() => {
      for (const [step, counts] of Object.entries(PLAN)) {
        const ids = new Set<string>();
        (agenda.areas[step] ?? []).forEach((areaId, i) => {
          notesIn(areas.get(areaId)!, counts[i] ?? 0, i).forEach((n, j) => {
            const long = step === 'action' && j === 1;
            const id = createNote(room.doc, { ...n, text: long ? LONG : n.text, authorId: 'room', groupId: groupIds[(i + j) % 3]! }, ORIGIN.local);
            ids.add(id);
            if (long) longId = id;
          });
        });
        byStep.set(step, ids);
      }
    });
    const trends = [...byStep.get('present')!];
    createCluster(room.doc, trends.slice(0, 6), 'Living alone', ORIGIN.local);
    createCluster(room.doc, trends.slice(12, 18), 'Care at home', ORIGIN.local);
    createCluster(room.doc, [...byStep.get('action')!].slice(0, 2), 'Neighbourhood care', ORIGIN.local);

    const projector = await openPage(env.browser, errors, { viewport: { width: 1920, height: 1080 } });
    await projector.goto(board.links.projector);
    await projector.locator('.status-connected').waitFor();
    await projector.locator('.projector-join svg').waitFor();

    const steps = agendaSteps('futureSearch');
    for (const [i, step] of steps.entries()) {
      await fac.locator('ol.agenda').getByRole('button', { name: step.title.en }).click();
      await projector.locator('.task-title', { hasText: step.title.en }).waitFor();

      const ids = byStep.get(step.id)!;
      const names = (agenda.areas[step.id] ?? []).map((id) => areas.get(id)!.name);
      await expect
        .poll(async () => {
          await nextFrame(projector);
          return problems(await measure(projector), ids, names);
        }, { timeout: 10_000 })
        .toEqual([]);
      await projector.screenshot({ path: artifactPath(`projector-${i + 1}-${step.id}.png`) });
    }

    // The whole board: every note of the day, as a summary by task.
    await fac.getByRole('button', { name: 'the whole board', exact: true }).click();
    const all = new Set([...byStep.values()].flatMap((s) => [...s]));
    const taskTitles = steps.map((s) => s.title.en);
    await expect
      .poll(async () => {
        await nextFrame(projector);
        const m = await measure(projector);
        return [...problems(m, all, []), ...(m.summary && !taskTitles.every((t) => m.summary!.titles.includes(t)) ? ['not every task in the summary'] : [])];
      }, { timeout: 10_000 })
      .toEqual([]);
    await projector.screenshot({ path: artifactPath('projector-7-whole-board.png') });

    // In Dutch, the same summary in the task's Dutch words, as large.
    await projector.getByRole('button', { name: 'Taal: Nederlands' }).click();
    const dutch = steps.map((s) => s.title.nl);
    await expect
      .poll(async () => {
        const m = await measure(projector);
        return [...problems(m, all, []), ...(m.summary && dutch.every((t) => m.summary!.titles.includes(t)) ? [] : ['no Dutch summary'])];
      }, { timeout: 10_000 })
      .toEqual([]);
    await projector.screenshot({ path: artifactPath('projector-8-whole-board-nl.png') });

    // Back to the task, with a vote open: its banner keeps to the corner's column, off the notes.
    await fac.getByRole('button', { name: 'my view', exact: true }).click();
    openVote(room.doc, { title: 'Which actions first?', dots: 3 }, ORIGIN.local);
    const action = steps.at(-1)!;
    await expect
      .poll(async () => {
        const m = await measure(projector);
        return [...problems(m, byStep.get(action.id)!, []), ...(m.banner ? [] : ['no vote banner'])];
      }, { timeout: 10_000 })
      .toEqual([]);
    await projector.screenshot({ path: artifactPath('projector-9-vote-nl.png') });

    // The long marked action is shortened: its task is framed on the canvas again, marks and all,
    // every text (above the marks) still 24 px or more.
    setNoteText(room.doc, longId, 'A care hub in every neighbourhood', ORIGIN.local);
    await expect
      .poll(async () => {
        const m = await measure(projector);
        const framed = m.summary ? [] : m.notes.filter((n) => n.marked && byStep.get(action.id)!.has(n.id));
        return [...problems(m, byStep.get(action.id)!, []), ...(framed.length >= 2 ? [] : ['no marked note framed on the canvas'])];
      }, { timeout: 10_000 })
      .toEqual([]);
    await projector.screenshot({ path: artifactPath('projector-10-marked-nl.png') });
    room.destroy();
  });
});

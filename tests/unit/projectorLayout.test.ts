/**
 * The projector's framing maths and its summary: content fills the screen beside the join card,
 * note text is never drawn under 24 px (a summary instead), names are sized to 32 px, the
 * facilitator's view counts as "showing the task" only when it does, and the summary lists each
 * area's count and its notes with the most dots first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  frameBox,
  freeRegions,
  planProjector,
  projectorTitleSize,
  PROJECTOR_BACK_PX,
  PROJECTOR_TEXT_PX,
  showsStep,
  windowOf,
  type FramedNote,
} from '../../client/canvas/projectorLayout.ts';
import { resetStore, useStore } from '../../client/store/store.ts';
import { sectionCapacity, summarySections } from '../../client/tools/projectorSummary.ts';
import { DEFAULT_FACILITATION, type Area, type Dot, type Note, type Vote } from '../../shared/index.ts';

afterEach(() => resetStore());

/** A full-HD projector's canvas (under its header and task strip) and its join card, bottom right. */
const SCREEN = { w: 1920, h: 900 };
const CARD = { x: 1390, y: 560, w: 522, h: 332 };

const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** `n` notes of 160 board units in rows of `perRow`, 200 apart, at font `font`. */
function grid(n: number, perRow: number, font = 28, x0 = 0, y0 = 0): FramedNote[] {
  return Array.from({ length: n }, (_, i) => ({ x: x0 + (i % perRow) * 200, y: y0 + Math.floor(i / perRow) * 200, w: 160, h: 160, font }));
}

describe('projector framing', () => {
  it('leaves the strips beside and above the join card free, and the whole screen without one', () => {
    expect(freeRegions(SCREEN, [])).toEqual([{ x: 0, y: 0, w: 1920, h: 900 }]);
    const free = freeRegions(SCREEN, [CARD]);
    expect(free).toContainEqual({ x: 0, y: 0, w: 1390, h: 900 });
    expect(free).toContainEqual({ x: 0, y: 0, w: 1920, h: 560 });
    for (const r of free) expect(overlaps(r, CARD)).toBe(false);
  });

  it('fills the free region that allows the largest zoom, never under the card', () => {
    // A wide row of notes goes above the card, across the whole width.
    const wide = frameBox({ x: 0, y: 0, w: 2000, h: 160 }, SCREEN, [CARD]);
    expect(wide.placed.w).toBeCloseTo(1920 - 48, 5);
    expect(overlaps(wide.placed, CARD)).toBe(false);
    // A tall column goes left of the card, over the whole height.
    const tall = frameBox({ x: 500, y: -300, w: 400, h: 2000 }, SCREEN, [CARD]);
    expect(tall.placed.h).toBeCloseTo(900 - 48, 5);
    expect(tall.placed.x + tall.placed.w).toBeLessThanOrEqual(CARD.x);
    // The viewport maps the content's corner to where it was placed.
    expect(tall.x + 500 * tall.scale).toBeCloseTo(tall.placed.x, 6);
    expect(tall.y - 300 * tall.scale).toBeCloseTo(tall.placed.y, 6);
  });

  it('zooms in at most four times on very little content', () => {
    expect(frameBox({ x: 0, y: 0, w: 160, h: 160 }, SCREEN, [CARD]).scale).toBe(4);
  });

  it('frames eight notes on the canvas with text of at least 24 px', () => {
    const notes = grid(8, 4);
    const plan = planProjector({ notes, all: notes, fallback: null, screen: SCREEN, reserved: [CARD] });
    expect(plan?.kind).toBe('canvas');
    if (plan?.kind !== 'canvas') return;
    expect(28 * plan.frame.scale).toBeGreaterThanOrEqual(PROJECTOR_TEXT_PX);
    expect(plan.frame.placed.w >= 0.6 * SCREEN.w || plan.frame.placed.h >= 0.6 * SCREEN.h).toBe(true);
    expect(overlaps(plan.frame.placed, CARD)).toBe(false);
  });

  it('shows a summary for fifty notes spread over a large area', () => {
    const notes = grid(50, 13);
    expect(planProjector({ notes, all: notes, fallback: null, screen: SCREEN, reserved: [CARD] })?.kind).toBe('summary');
  });

  it('counts every note the window shows, a neighbour with long small text too', () => {
    const notes = grid(4, 4);
    const neighbour = { x: 300, y: 120, w: 160, h: 160, font: 9 };
    expect(planProjector({ notes, all: [...notes, neighbour], fallback: null, screen: SCREEN, reserved: [CARD] })?.kind).toBe('summary');
    // Far away it is not in the window, and does not matter.
    const far = { ...neighbour, y: 5000 };
    const plan = planProjector({ notes, all: [...notes, far], fallback: null, screen: SCREEN, reserved: [CARD] });
    expect(plan?.kind).toBe('canvas');
    if (plan?.kind === 'canvas') expect(overlaps(windowOf(plan.frame, SCREEN), CARD)).toBe(false);
  });

  it('goes to the summary below 24 px and back to the canvas only from 26 px, so a growing note does not flip the wall', () => {
    const at = (font: number) => grid(8, 4, font);
    const first = planProjector({ notes: at(28), all: at(28), fallback: null, screen: SCREEN, reserved: [CARD] });
    if (first?.kind !== 'canvas') throw new Error('eight notes are framed');
    const font = (px: number) => px / first.frame.scale;
    const plan = (px: number, was: 'canvas' | 'summary') =>
      planProjector({ notes: at(font(px)), all: at(font(px)), fallback: null, screen: SCREEN, reserved: [CARD], was })?.kind;
    // On the canvas: it stays there down to 24 px, and leaves below.
    expect(plan(25, 'canvas')).toBe('canvas');
    expect(plan(23.5, 'canvas')).toBe('summary');
    // On the summary: 25 px is not enough to go back; 26 px is.
    expect(plan(25, 'summary')).toBe('summary');
    expect(plan(PROJECTOR_BACK_PX, 'summary')).toBe('canvas');
    expect(PROJECTOR_BACK_PX).toBeGreaterThan(PROJECTOR_TEXT_PX);
  });

  it('frames the empty areas of a task without notes', () => {
    const areas = { x: 0, y: 0, w: 3000, h: 900 };
    const plan = planProjector({ notes: [], all: [], fallback: areas, screen: SCREEN, reserved: [CARD] });
    expect(plan?.kind).toBe('canvas');
    expect(planProjector({ notes: [], all: [], fallback: null, screen: SCREEN, reserved: [] })).toBeNull();
  });

  it('sizes names to at least 32 px at any zoom, never below their own size', () => {
    for (const scale of [0.05, 0.3, 0.6, 1, 2, 4]) expect(projectorTitleSize(30, scale) * scale).toBeGreaterThanOrEqual(32);
    expect(projectorTitleSize(30, 2)).toBe(30);
  });

  it('takes the facilitator’s view as showing the task only when it shows the task or more', () => {
    const task = { x: 0, y: 0, w: 3000, h: 1800 };
    expect(showsStep({ x: -50, y: -400, w: 3100, h: 2600 }, task)).toBe(true);
    expect(showsStep({ x: -20000, y: -20000, w: 60000, h: 40000 }, task)).toBe(true);
    expect(showsStep({ x: 1000, y: 600, w: 1200, h: 700 }, task)).toBe(false);
    expect(showsStep({ x: 9000, y: 0, w: 3100, h: 2600 }, task)).toBe(false);
  });
});

describe('projector summary', () => {
  const area = (id: string, name: string, x: number): Area =>
    ({ id, name, x, y: 0, w: 1000, h: 1000, color: '#ffffff', createdAt: 0, locked: false, table: null, tableGroup: null }) as Area;
  const note = (id: string, x: number, text: string, createdAt: number): Note => ({
    id, text, x, y: 100, w: 160, h: 160, color: '#fff176', authorId: 'a', groupId: null, clusterId: null, kind: 'note', owner: '', volunteers: [], createdAt,
  });

  it('lists each area of the task with its count, the notes with most dots first', () => {
    const areas = { a1: area('a1', 'World', 0), a2: area('a2', 'Personal', 2000) };
    const notes = { n1: note('n1', 100, 'first', 1), n2: note('n2', 300, 'second', 2), n3: note('n3', 500, 'third', 3), n4: note('n4', 2100, 'elsewhere', 4) };
    const vote = { id: 'v', title: '', target: 'notes', budget: 'person', dots: 3, onePerItem: false, live: true, open: true, openedAt: 0, closedAt: null } as unknown as Vote;
    const dot = (id: string, itemId: string): Dot => ({ id, voteId: 'v', itemId, voterId: id, groupId: null, at: 0 });
    useStore.setState({
      areas,
      areaIds: ['a1', 'a2'],
      notes,
      noteIds: Object.keys(notes),
      votes: [vote],
      dots: [dot('d1', 'n3'), dot('d2', 'n3'), dot('d3', 'n2')],
      facilitation: { ...DEFAULT_FACILITATION, agenda: { template: 'futureSearch', step: 0, areas: { past: ['a1', 'a2'] } } },
    });
    const sections = summarySections(useStore.getState(), { kind: 'step', stepId: 'past' }, 'en', { w: 1400, h: 900 });
    expect(sections.map((s) => [s.title, s.count])).toEqual([['World', 3], ['Personal', 1]]);
    expect(sections[0]!.top.map((n) => [n.text, n.dots])).toEqual([['third', 2], ['second', 1], ['first', 0]]);
    // The whole board: one section per task, in the task's words.
    const board = summarySections(useStore.getState(), { kind: 'board' }, 'nl', { w: 1400, h: 900 });
    expect(board.map((s) => [s.title, s.count])).toEqual([['Verleden: tijdlijnen', 4]]);
  });

  it('shows fewer notes per section as sections get more and smaller', () => {
    const room = { w: 1400, h: 860 };
    const counts = [1, 2, 4, 9].map((n) => sectionCapacity(n, room).notesAlone);
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeLessThanOrEqual(counts[i - 1]!);
    expect(counts[0]!).toBeGreaterThanOrEqual(8);
    expect(counts[3]!).toBeGreaterThanOrEqual(1);
  });
});

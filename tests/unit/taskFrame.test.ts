/**
 * The frame of an agenda task and how each screen fits it: the box around the task's areas (gone
 * areas left out, none for a task without areas), fitted whole and large on a phone, a portrait and a
 * landscape tablet and a laptop; "bring everyone to this task" stored so a screen that knows only
 * "bring everyone here" shows the same frame; moving forward clears the timer, moving back keeps a
 * countdown that has time left.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  applyTemplate,
  FACILITATION,
  facilitationMap,
  fitFrame,
  listAreas,
  ORIGIN,
  readFacilitation,
  setAgendaStep,
  startTimer,
  summonToTask,
  taskFrame,
  type AgendaState,
  type FrameRect,
} from '../../shared/index.ts';

const o = ORIGIN.local;

const AREAS: Record<string, FrameRect> = {
  a: { x: 100, y: 200, w: 400, h: 300 },
  b: { x: 600, y: 150, w: 200, h: 200 },
  c: { x: -5000, y: -5000, w: 100, h: 100 },
};
const agenda = (step: number, areas: Record<string, string[]>): AgendaState => ({ template: 'futureSearch', step, areas });

describe('the frame of a task', () => {
  it('is the box around the areas of the current task', () => {
    expect(taskFrame(agenda(0, { past: ['a', 'b'], present: ['c'] }), AREAS)).toEqual({ stepId: 'past', rect: { x: 100, y: 150, w: 700, h: 350 } });
    expect(taskFrame(agenda(1, { past: ['a', 'b'], present: ['c'] }), AREAS)?.rect).toEqual(AREAS.c);
  });

  it('of another task when asked, and leaves out areas that are gone', () => {
    expect(taskFrame(agenda(1, { past: ['a', 'gone', 'b'] }), AREAS, 0)?.rect).toEqual({ x: 100, y: 150, w: 700, h: 350 });
  });

  it('is none without an agenda, for a task without areas, or when its areas are all gone', () => {
    expect(taskFrame({ template: null, step: 0, areas: {} }, AREAS)).toBeNull();
    expect(taskFrame(agenda(2, { past: ['a'] }), AREAS)).toBeNull();
    expect(taskFrame(agenda(0, { past: ['gone'] }), AREAS)).toBeNull();
  });
});

describe('each screen fits the frame for its own size', () => {
  const wide: FrameRect = { x: 0, y: 4000, w: 6000, h: 1400 };
  const tall: FrameRect = { x: 0, y: 0, w: 800, h: 2000 };
  const screens = { phone: { w: 390, h: 640 }, portrait: { w: 768, h: 820 }, landscape: { w: 1024, h: 580 }, laptop: { w: 1440, h: 720 } };
  for (const [name, screen] of Object.entries(screens)) {
    it(`shows it whole and filling the screen one way on a ${name}`, () => {
      for (const rect of [wide, tall]) {
        const v = fitFrame(rect, screen);
        const left = rect.x * v.scale + v.x;
        const top = rect.y * v.scale + v.y;
        const w = rect.w * v.scale;
        const h = rect.h * v.scale;
        expect(left).toBeGreaterThanOrEqual(0);
        expect(top).toBeGreaterThanOrEqual(0);
        expect(left + w).toBeLessThanOrEqual(screen.w + 1e-6);
        expect(top + h).toBeLessThanOrEqual(screen.h + 1e-6);
        expect(Math.max(w / screen.w, h / screen.h)).toBeGreaterThan(0.9);
        // Centred.
        expect(Math.abs(left + w / 2 - screen.w / 2)).toBeLessThan(1);
        expect(Math.abs(top + h / 2 - screen.h / 2)).toBeLessThan(1);
      }
    });
  }

  it('does not blow a small task up past the largest zoom', () => {
    expect(fitFrame({ x: 0, y: 0, w: 100, h: 100 }, { w: 1440, h: 720 }, { maxScale: 1.5 }).scale).toBe(1.5);
  });
});

describe('"bring everyone to this task" and a new task, in the document', () => {
  const laidOut = () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'futureSearch', { lang: 'en', mixedTables: 4, year: 2026 }, o);
    return doc;
  };
  const frameOf = (doc: Y.Doc) => taskFrame(readFacilitation(doc).agenda, Object.fromEntries(listAreas(doc).map((a) => [a.id, a])));

  it('stores the task with its frame, which a reader of "bring everyone here" shows as it is', () => {
    const doc = laidOut();
    setAgendaStep(doc, 1, 0, o);
    summonToTask(doc, 5000, o);
    const stored = facilitationMap(doc).get(FACILITATION.summon) as { kind: string; rect: FrameRect; at: number; step: string };
    expect(stored).toEqual({ at: 5000, kind: 'task', rect: frameOf(doc)!.rect, step: 'present' });
    expect(readFacilitation(doc).summon).toEqual({ at: 5000, kind: 'task', rect: frameOf(doc)!.rect, step: 'present' });
    // An older screen reads any kind but "tables" as "view": the same rectangle, so it lands on the task too.
    expect(stored.rect.w).toBeGreaterThan(0);
    expect(stored.rect.h).toBeGreaterThan(0);
  });

  it('refuses a task without areas (the caller sends its own view instead)', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'blank', { lang: 'en', mixedTables: 4, year: 2026 }, o);
    expect(() => summonToTask(doc, 5000, o)).toThrow();
    expect(readFacilitation(doc).summon).toBeNull();
  });

  it('moving forward to a new task clears the timer; staying on the same task keeps it', () => {
    const doc = laidOut();
    startTimer(doc, 60_000, 1000, o);
    setAgendaStep(doc, 0, 2000, o);
    expect(readFacilitation(doc).timer.state).toBe('running');
    setAgendaStep(doc, 1, 2000, o);
    expect(readFacilitation(doc).timer).toEqual({ state: 'stopped', durationMs: 0, endsAt: null, remainingMs: null });
  });

  it('moving back keeps a countdown with time left: "Next" then "Previous" by accident loses nothing', () => {
    const doc = laidOut();
    setAgendaStep(doc, 2, 1000, o);
    startTimer(doc, 600_000, 1000, o);
    setAgendaStep(doc, 1, 5000, o);
    expect(readFacilitation(doc).timer).toEqual({ state: 'running', durationMs: 600_000, endsAt: 601_000, remainingMs: null });
  });

  it('moving back clears a countdown that has run out, so "Time is up" does not follow the room', () => {
    const doc = laidOut();
    setAgendaStep(doc, 2, 1000, o);
    startTimer(doc, 60_000, 1000, o);
    setAgendaStep(doc, 1, 61_000, o);
    expect(readFacilitation(doc).timer.state).toBe('stopped');
  });
});

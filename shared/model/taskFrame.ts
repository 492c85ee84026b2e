/**
 * The frame of an agenda task: the board rectangle around the areas the template laid out for it,
 * and how a screen of a given size fits that rectangle into its own view.
 *
 * Why: "bring everyone to this task", a reload and a late join all land each screen on the task the
 * room is doing, not on whatever the facilitator's screen happens to show nor on the whole board;
 * each device frames it for its own size (a phone and a laptop see the same areas, at their own
 * zoom). Pure values, so the client, the document mutations and the tests share one computation.
 */
import { agendaSteps } from '../templates/agenda.ts';
import type { AgendaState } from './facilitation.ts';

/** A board rectangle. */
export interface FrameRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A view of the board: screen = board * scale + (x, y). */
export interface FrameView {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

/**
 * The frame of task `step` (the current task by default): the bounding box of its areas that still
 * exist, with the task's id. Null without an agenda, for a task with no areas, or when they are gone.
 */
export function taskFrame(
  agenda: AgendaState,
  areas: Readonly<Record<string, FrameRect | undefined>>,
  step: number = agenda.step,
): { stepId: string; rect: FrameRect } | null {
  const steps = agendaSteps(agenda.template);
  const task = steps[Math.min(Math.max(0, step), steps.length - 1)];
  if (!task) return null;
  const boxes = (agenda.areas[task.id] ?? []).map((id) => areas[id]).filter((a): a is FrameRect => a !== undefined && a.w > 0 && a.h > 0);
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((a) => a.x));
  const y = Math.min(...boxes.map((a) => a.y));
  const w = Math.max(...boxes.map((a) => a.x + a.w)) - x;
  const h = Math.max(...boxes.map((a) => a.y + a.h)) - y;
  return Number.isFinite(w + h + x + y) ? { stepId: task.id, rect: { x, y, w, h } } : null;
}

/**
 * The view that shows `rect` whole and centred on a `screen` of CSS pixels, with a `margin` around
 * it that shrinks on small screens (a phone keeps its few pixels for the board), zoomed at most to
 * `maxScale` (a small task is not blown up) and at least to `minScale`.
 */
export function fitFrame(
  rect: FrameRect,
  screen: { readonly w: number; readonly h: number },
  options: { margin?: number; maxScale?: number; minScale?: number } = {},
): FrameView {
  const margin = Math.min(options.margin ?? 24, Math.max(0, Math.min(screen.w, screen.h) * 0.04));
  const fit = Math.min((screen.w - margin * 2) / rect.w, (screen.h - margin * 2) / rect.h);
  const scale = Math.max(options.minScale ?? 0, Math.min(options.maxScale ?? Infinity, fit));
  return { scale, x: screen.w / 2 - (rect.x + rect.w / 2) * scale, y: screen.h / 2 - (rect.y + rect.h / 2) * scale };
}

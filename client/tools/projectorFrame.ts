/**
 * What the projector frames, chosen by content: the notes of the current task's areas while the
 * facilitator's screen shows that task; the whole board's notes in whole-board mode; the
 * facilitator's own view when they zoom in on a part or go elsewhere. When the notes cannot all be
 * drawn readably, the projector shows a summary of them instead (ProjectorSummary). In the common-ground
 * task it frames the whole wall: the three list areas with their cards (WallCards.tsx).
 *
 * Why: the facilitator clicks through the tasks on a laptop whose view shows a task's whole empty
 * areas; framed like that on a wall, notes are 7-12 px and nobody at the back can read them. The
 * projector frames what people wrote, fills its screen with it (never under the join card), and
 * switches to a summary rather than show text too small to read.
 */
import { agendaSteps, isNoteInArea, isPrivateFrom, WALL_PAD, type Area, type Note } from '../../shared/index.ts';
import type { Rect } from '../canvas/geometry.ts';
import { hasGroupMark, noteFontSize } from '../canvas/noteText.ts';
import { boundsOf, frameBox, planProjector, showsStep, windowOf, type FramedNote } from '../canvas/projectorLayout.ts';
import type { ScreenBox } from '../store/projector.ts';
import { clusterOutline } from '../store/cocreationSelectors.ts';
import { clusterView } from '../store/derived.ts';
import { wallCards } from '../store/wallSelectors.ts';
import { setProjectorViewport, showSummary, useProjector, type SummaryOf } from '../store/projector.ts';
import { MAX_SCALE } from '../store/ui.ts';
import type { StoreState, Viewport } from '../store/store.ts';

/** Font size (board units) of the text a private note shows to everyone but its author. */
const PRIVATE_FONT = 16;

/** The projector's target now: a task, the whole board, or the facilitator's own view (or nothing). */
export type ProjectorTarget =
  | { kind: 'step'; stepId: string; areas: Area[] }
  | { kind: 'board' }
  | { kind: 'view'; rect: Rect };

/** The areas the template laid out for the current task (existing ones, in layout order). */
export function currentStepAreas(s: StoreState): { stepId: string; areas: Area[] } | null {
  const agenda = s.facilitation.agenda;
  const steps = agendaSteps(agenda.template);
  const step = steps[Math.min(agenda.step, steps.length - 1)];
  if (!step) return null;
  const areas = (agenda.areas[step.id] ?? []).map((id) => s.areas[id]).filter((a): a is Area => a !== undefined);
  return { stepId: step.id, areas };
}

/**
 * What the projector shows, given the facilitator's shared view (null when no facilitator is here).
 * `fresh`: their view has not moved since the task changed (it is shared a moment after the task).
 */
export function projectorTarget(s: StoreState, view: Rect | null, fresh = false): ProjectorTarget | null {
  if (s.facilitation.projector === 'board') return { kind: 'board' };
  const step = currentStepAreas(s);
  const box = step ? boundsOf(step.areas) : null;
  if (step && box && (!view || fresh || showsStep(view, box))) return { kind: 'step', ...step };
  return view ? { kind: 'view', rect: view } : null;
}

/** The task last seen and the facilitator's view when it changed. */
let stepSeen: { step: string; view: string } | null = null;

/** A note with the font size its text is drawn at on this screen (NoteShape's, group mark and all). */
export function framed(s: StoreState, n: Note): FramedNote {
  const font = isPrivateFrom(n, s.me, s.facilitation.privateWriting) ? PRIVATE_FONT : noteFontSize(n, hasGroupMark(s, n.groupId));
  return { x: n.x, y: n.y, w: n.w, h: n.h, font };
}

/**
 * The boxes that must be in view with `notes`: their clusters' outlines. (Their areas' names need
 * not be: on the projector they stay at the window's top edge, in a band the frame keeps for them.)
 */
function companions(s: StoreState, notes: readonly Note[]): Rect[] {
  const out: Rect[] = [];
  const { noteCluster } = clusterView(s);
  const clusters = new Set(notes.map((n) => noteCluster[n.id]).filter((c): c is string => c !== undefined));
  for (const id of clusters) {
    const box = clusterOutline(s, id);
    if (box) out.push(box);
  }
  return out;
}

/** Where the projector's view goes and whether it shows a summary; null when there is nothing to show. */
export function projectorPlan(s: StoreState, view: Rect | null): { viewport: Viewport; summary: SummaryOf | null; window: ScreenBox | null } | null {
  const stepKey = `${s.facilitation.agenda.template}:${s.facilitation.agenda.step}`;
  const viewKey = view ? `${view.x},${view.y},${view.w},${view.h}` : '';
  if (stepSeen?.step !== stepKey) stepSeen = { step: stepKey, view: viewKey };
  const target = projectorTarget(s, view, stepSeen.view === viewKey);
  if (!target) return null;
  const reserved = useProjector.getState().reserved;
  if (target.kind === 'view') {
    // The facilitator's own view, as they see it, beside the join card.
    const f = frameBox(target.rect, s.screen, reserved, 0, MAX_SCALE);
    return { viewport: { x: f.x, y: f.y, scale: f.scale }, summary: null, window: null };
  }
  const all = Object.values(s.notes);
  const areas = target.kind === 'step' ? target.areas : Object.values(s.areas);
  const notes = target.kind === 'step' ? all.filter((n) => target.areas.some((a) => isNoteInArea(n, a))) : all;
  const of: SummaryOf = target.kind === 'step' ? { kind: 'step', stepId: target.stepId } : { kind: 'board' };
  // A summary of this same content stays until the canvas would be clearly readable (no flip-flop).
  const shown = useProjector.getState().summary;
  // The common-ground wall, once it has cards: its three lists side by side, down to the lowest card
  // (empty lists included; the empty space below the cards is left out, so the cards are framed large).
  // Before the first confirmation the task is framed like any other, by the notes in its areas.
  const wall = target.kind === 'step' && target.stepId === 'commonGround' ? wallCards(s).map((c) => ({ x: c.x, y: c.y, w: c.w, h: c.h, font: c.font })) : [];
  const isWall = wall.length > 0;
  const bottom = Math.max(...wall.map((c) => c.y + c.h));
  const lists = areas.map((a) => ({ ...a, h: Math.max(0, bottom + WALL_PAD - a.y) }));
  const plan = planProjector({
    was: shown && JSON.stringify(shown) === JSON.stringify(of) ? 'summary' : 'canvas',
    notes: [...notes.map((n) => framed(s, n)), ...wall],
    extra: [...companions(s, notes), ...(isWall ? lists : [])],
    // On the wall the cards are what the room reads: a note stuck on it never turns it into a summary.
    all: isWall ? [] : all.map((n) => framed(s, n)),
    fallback: boundsOf(areas),
    screen: s.screen,
    reserved,
  });
  if (!plan) return null;
  if (plan.kind === 'summary') {
    // Behind the summary the canvas still shows the content (as large as it fits), not stale content.
    const f = frameBox(boundsOf(notes) ?? boundsOf(areas)!, s.screen, reserved);
    return { viewport: { x: f.x, y: f.y, scale: f.scale }, summary: of, window: null };
  }
  const f = plan.frame;
  return { viewport: { x: f.x, y: f.y, scale: f.scale }, summary: null, window: windowOf(f, s.screen) };
}

/**
 * Applies the projector's plan to its screen; returns the viewport it set (or null when it set none).
 * Called by the follow behaviour on every change that can move what the projector shows.
 */
export function applyProjectorPlan(s: StoreState, view: Rect | null): Viewport | null {
  const plan = cachedPlan(s, view);
  if (!plan) {
    showSummary(null);
    return null;
  }
  showSummary(plan.summary, plan.window);
  const v = s.viewport;
  const same = Math.abs(v.x - plan.viewport.x) < 0.5 && Math.abs(v.y - plan.viewport.y) < 0.5 && Math.abs(v.scale - plan.viewport.scale) < 1e-4;
  if (!same) setProjectorViewport(plan.viewport);
  return same ? v : plan.viewport;
}

/** The last plan and what it was made of: other people's cursors change the store many times a second. */
let last: { inputs: unknown[]; plan: ReturnType<typeof projectorPlan> } | null = null;

function cachedPlan(s: StoreState, view: Rect | null): ReturnType<typeof projectorPlan> {
  const inputs = [s.notes, s.areas, s.clusters, s.groups, s.facilitation, s.outcomes, s.stances, s.screen, s.me, useProjector.getState().reserved, useProjector.getState().summary, view?.x, view?.y, view?.w, view?.h];
  if (last && last.inputs.every((v, i) => v === inputs[i])) return last.plan;
  last = { inputs, plan: projectorPlan(s, view) };
  return last.plan;
}

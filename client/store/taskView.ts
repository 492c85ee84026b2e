/**
 * This screen's view of the current task: the frame of its areas, fitted to this screen's size.
 *
 * Why: a summon to the task, a reload and a late join all land on the task the room is doing; each
 * device fits the task's board rectangle into its own canvas (a phone and a laptop show the same
 * areas at their own zoom), never the facilitator's view nor the zoomed-out whole board.
 */
import { fitFrame, taskFrame, type FrameRect } from '../../shared/index.ts';
import { useStore, type StoreState } from './store.ts';
import { MAX_SCALE, MIN_SCALE } from './ui.ts';

/** Zoom a task frame is shown at, at most (a task of one small area is not blown up past this). */
const TASK_MAX_SCALE = 1.5;

/** The frame of task `step` (the current task by default) on the board in `s`, or null. */
export function currentTaskFrame(s: StoreState, step?: number): FrameRect | null {
  return taskFrame(s.facilitation.agenda, s.areas, step)?.rect ?? null;
}

/**
 * The ids of the current task's areas, or null when the task has none (no agenda laid out): a seated
 * person's table counts as where they work only during a task that uses it.
 */
export function currentTaskAreaIds(s: StoreState): readonly string[] | null {
  const step = taskFrame(s.facilitation.agenda, s.areas)?.stepId;
  const ids = step ? s.facilitation.agenda.areas[step] : undefined;
  return ids?.length ? ids : null;
}

/** Shows `rect` whole on this screen, framed for its size. */
export function fitTaskRect(rect: FrameRect): void {
  const s = useStore.getState();
  useStore.setState({ viewport: fitFrame(rect, s.screen, { margin: 24, maxScale: Math.min(MAX_SCALE, TASK_MAX_SCALE), minScale: MIN_SCALE }) });
}

/** Shows task `step` (the current one by default) on this screen; false when it has no areas. */
export function fitTaskFrame(step?: number): boolean {
  const rect = currentTaskFrame(useStore.getState(), step);
  if (!rect) return false;
  fitTaskRect(rect);
  return true;
}

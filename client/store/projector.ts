/**
 * The projector's own state: the screen corner its join card takes (kept free of content), and
 * whether it shows the content framed on the canvas or a summary, and of what.
 *
 * Why: only the projector screen has these, so they live apart from the board's store; the card
 * measures itself, the framing decides what is shown, and the summary reads what it must show.
 * Each change is one named function.
 */
import { create } from 'zustand';
import { useStore, type Viewport } from './store.ts';

/** A box on the screen, CSS px. */
export interface ScreenBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What the projector shows a summary of: one task's areas, or the whole board. */
export type SummaryOf = { kind: 'step'; stepId: string } | { kind: 'board' };

export interface ProjectorState {
  /** Screen boxes (CSS px, relative to the canvas) that content must not be placed under. */
  reserved: ScreenBox[];
  /** The summary shown instead of the canvas, or null while the canvas shows the content readably. */
  summary: SummaryOf | null;
  /** The part of the screen that shows the framed content (around it, a plain backdrop), or null for all of it. */
  window: ScreenBox | null;
}

export const useProjector = create<ProjectorState>()(() => ({ reserved: [], summary: null, window: null }));

/** The join card (or anything else fixed on the projector) takes these boxes of the screen. */
export function setReserved(reserved: ScreenBox[]): void {
  const now = useProjector.getState().reserved;
  const same = now.length === reserved.length && now.every((r, i) => sameScreenBox(r, reserved[i]!));
  if (!same) useProjector.setState({ reserved });
}

/** Shows a summary of `of` instead of the canvas, or (null) the canvas again, through `window` (null: all of it). */
export function showSummary(of: SummaryOf | null, window: ScreenBox | null = null): void {
  const now = useProjector.getState();
  const sameWindow = now.window === window || (now.window !== null && window !== null && sameScreenBox(now.window, window));
  if (JSON.stringify(now.summary) !== JSON.stringify(of) || !sameWindow) useProjector.setState({ summary: of, window });
}

/** Moves the projector's view to the frame it chose (the board's viewport). */
export function setProjectorViewport(viewport: Viewport): void {
  useStore.setState({ viewport });
}

function sameScreenBox(a: ScreenBox, b: ScreenBox): boolean {
  return Math.round(a.x) === Math.round(b.x) && Math.round(a.y) === Math.round(b.y) && Math.round(a.w) === Math.round(b.w) && Math.round(a.h) === Math.round(b.h);
}

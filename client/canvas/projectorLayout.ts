/**
 * The projector's framing maths: where on the screen the content of a task (or of the whole board)
 * goes, at what zoom, and whether its notes are readable there from the back of the room.
 *
 * Why: a projector at 1920x1080 is read from 10 m away; note text under 24 px and names under 32 px
 * cannot be read there. The frame is chosen by content (the notes, not the empty area around them),
 * fills the free part of the screen, and never lands under the join card in its corner. When the
 * notes cannot all be shown at a readable size, the projector shows a summary instead. Pure
 * functions of rectangles and font sizes, so they are tested without a browser.
 */
import type { Rect } from './geometry.ts';

/** Smallest note text on the projector, CSS px (readable at 10 m on a 1920x1080 screen). */
export const PROJECTOR_TEXT_PX = 24;
/**
 * Note text a summary needs before the projector goes back to the canvas, CSS px: a little more than
 * PROJECTOR_TEXT_PX, so a note whose text shrinks and grows around 24 px while someone types does not
 * flip the whole wall between canvas and summary.
 */
export const PROJECTOR_BACK_PX = 26;
/** Smallest area and cluster name on the projector, CSS px. */
export const PROJECTOR_TITLE_PX = 32;
/** The projector never zooms in further than this (one note would otherwise fill the wall). */
export const PROJECTOR_MAX_SCALE = 4;
/** Height of the band above framed notes that holds their areas' names, CSS px. */
export const PROJECTOR_TITLE_BAND = 64;
/** Space kept free around the framed content, CSS px. */
export const PROJECTOR_MARGIN = 24;

/** A size on the screen, CSS px. */
export interface Size {
  w: number;
  h: number;
}

/** A viewport: board point (bx, by) is on the screen at (bx * scale + x, by * scale + y). */
export interface Frame {
  x: number;
  y: number;
  scale: number;
  /** Where the content lands on the screen, CSS px. */
  placed: Rect;
}

/** A note to be shown, with its font size in board units (what fitText chose for its box). */
export interface FramedNote extends Rect {
  font: number;
}

/** The smallest box around `boxes`, or null for none. */
export function boundsOf(boxes: Iterable<Rect>): Rect | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * The parts of the screen that `reserved` boxes (the join card, CSS px) leave free: the whole screen
 * without any; else, for each box, the full-height strip left and right of it and the full-width
 * strip above and below it, kept when no reserved box covers them.
 */
export function freeRegions(screen: Size, reserved: readonly Rect[]): Rect[] {
  const whole = { x: 0, y: 0, w: screen.w, h: screen.h };
  const cards = reserved.filter((r) => r.w > 0 && r.h > 0 && overlaps(r, whole));
  if (cards.length === 0) return [whole];
  const out: Rect[] = [];
  for (const r of cards) {
    const left = Math.max(0, r.x), right = Math.min(screen.w, r.x + r.w);
    const top = Math.max(0, r.y), bottom = Math.min(screen.h, r.y + r.h);
    out.push(
      { x: 0, y: 0, w: left, h: screen.h },
      { x: right, y: 0, w: screen.w - right, h: screen.h },
      { x: 0, y: 0, w: screen.w, h: top },
      { x: 0, y: bottom, w: screen.w, h: screen.h - bottom },
    );
  }
  return out.filter((f) => f.w > 0 && f.h > 0 && cards.every((r) => !overlaps(r, f)));
}

/**
 * The largest frame of board box `content` in the free part of the screen: the scale that fits it
 * (within `margin` px, up to `maxScale`), centred in the free region that allows the largest scale.
 */
export function frameBox(content: Rect, screen: Size, reserved: readonly Rect[] = [], margin = PROJECTOR_MARGIN, maxScale = PROJECTOR_MAX_SCALE): Frame {
  let best: { region: Rect; scale: number } | null = null;
  for (const region of freeRegions(screen, reserved)) {
    const scale = Math.min((region.w - 2 * margin) / Math.max(1, content.w), (region.h - 2 * margin) / Math.max(1, content.h), maxScale);
    if (scale > 0 && (!best || scale > best.scale)) best = { region, scale };
  }
  const region = best?.region ?? { x: 0, y: 0, w: screen.w, h: screen.h };
  const scale = best?.scale ?? Math.min(screen.w / Math.max(1, content.w), screen.h / Math.max(1, content.h), maxScale);
  const w = content.w * scale, h = content.h * scale;
  const placed = { x: region.x + (region.w - w) / 2, y: region.y + (region.h - h) / 2, w, h };
  return { scale, x: placed.x - content.x * scale, y: placed.y - content.y * scale, placed };
}

/** The board rectangle a frame shows on a screen of `screen` CSS px. */
export function shownRect(frame: Pick<Frame, 'x' | 'y' | 'scale'>, screen: Size): Rect {
  return { x: -frame.x / frame.scale, y: -frame.y / frame.scale, w: screen.w / frame.scale, h: screen.h / frame.scale };
}

/**
 * The window the projector shows of a frame: the placed content and a margin around it, within the
 * screen. Around it the projector draws a plain backdrop, so the neighbouring areas' notes (which
 * would be too small to read) do not show.
 */
export function windowOf(frame: Frame, screen: Size, margin = PROJECTOR_MARGIN): Rect {
  const x = Math.max(0, frame.placed.x - margin), y = Math.max(0, frame.placed.y - margin);
  return { x, y, w: Math.min(screen.w, frame.placed.x + frame.placed.w + margin) - x, h: Math.min(screen.h, frame.placed.y + frame.placed.h + margin) - y };
}

/** Whether every note the frame's window shows (any note there, not only the framed ones) is readable. */
export function readableIn(frame: Frame, screen: Size, notes: Iterable<FramedNote>, minPx = PROJECTOR_TEXT_PX): boolean {
  const w = windowOf(frame, screen);
  const shown = { x: (w.x - frame.x) / frame.scale, y: (w.y - frame.y) / frame.scale, w: w.w / frame.scale, h: w.h / frame.scale };
  for (const n of notes) if (overlaps(n, shown) && n.font * frame.scale < minPx - 1e-9) return false;
  return true;
}

/** What the projector shows: the content framed on the canvas, or a summary when it is too much. */
export type ProjectorPlan = { kind: 'canvas'; frame: Frame } | { kind: 'summary' };

/**
 * The plan for showing `notes` (the framed content, with `extra` boxes such as cluster outlines that
 * must be in view too, and a band above them for area names) among `all` notes on the board: framed when every note drawn in the frame is
 * readable, else a summary. With no notes, `fallback` (the empty areas) is framed the same way.
 * `was`: what the projector shows of this content now; from a summary it goes back to the canvas only
 * when the text would be PROJECTOR_BACK_PX or more (it leaves the canvas below PROJECTOR_TEXT_PX).
 */
export function planProjector(input: {
  notes: readonly FramedNote[];
  extra?: readonly Rect[];
  all: Iterable<FramedNote>;
  fallback: Rect | null;
  screen: Size;
  reserved: readonly Rect[];
  was?: ProjectorPlan['kind'];
}): ProjectorPlan | null {
  const notes = boundsOf([...input.notes, ...(input.notes.length ? (input.extra ?? []) : [])]);
  const content = notes ?? input.fallback;
  if (!content || input.screen.w <= 0 || input.screen.h <= 0) return null;
  let frame = frameBox(content, input.screen, input.reserved);
  if (notes) {
    // A band above the notes for the names of their areas (which stay at the window's top edge).
    for (let i = 0; i < 3; i++) {
      const band = PROJECTOR_TITLE_BAND / frame.scale;
      frame = frameBox({ ...notes, y: notes.y - band, h: notes.h + band }, input.screen, input.reserved);
    }
  }
  // Notes of neighbouring areas that come into view count too: nothing on the wall may be unreadable.
  const minPx = input.was === 'summary' ? PROJECTOR_BACK_PX : PROJECTOR_TEXT_PX;
  return readableIn(frame, input.screen, input.all, minPx) ? { kind: 'canvas', frame } : { kind: 'summary' };
}

/**
 * Whether the facilitator's view `view` shows the task whose areas span `task`: it contains the
 * task's centre and is about as wide or as tall as the task, or more (their screen went to the task,
 * or looks at the whole board). A view zoomed in on a part of the task, or elsewhere, does not.
 */
export function showsStep(view: Rect, task: Rect): boolean {
  const cx = task.x + task.w / 2, cy = task.y + task.h / 2;
  const inside = cx >= view.x && cx <= view.x + view.w && cy >= view.y && cy <= view.y + view.h;
  return inside && (view.w >= 0.8 * task.w || view.h >= 0.8 * task.h);
}

/** The font size (board units) at which a name is `px` CSS px tall at `scale`, never below `base`. */
export function projectorTitleSize(base: number, scale: number, px = PROJECTOR_TITLE_PX): number {
  return Math.max(base, Math.ceil((px + 2) / Math.max(scale, 1e-6)));
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Whether taps make a double tap, and whether a gesture was a tap at all. A person's double tap is two
 * one-finger taps that land in about the same place, on the same thing, quickly: a double tap opens a
 * note only if that note was under the finger when the first tap began; a gesture in which a second
 * finger came down (a pan or a pinch) is neither a tap nor half of a double tap; and "quickly" is
 * measured between the moments the fingers lifted (the touch events' own time stamps), not between
 * the moments the page got round to handling them. The compatibility mouse events a browser sends
 * after a touch are known here too, so shapes can leave the tap to the touch.
 *
 * Why: Konva counts any two taps within its time window, wherever they land, counts the end of a
 * two-finger pan as a tap, and times its window when each tap is handled. Two people at one tablet,
 * one person tapping in two places, or two quick pans would make an empty note where nobody meant
 * to; a note another table adds under a finger between two taps is theirs; a busy tablet (each tap
 * handled ~700 ms late) would turn every double tap into two single taps; and the compatibility click
 * of a tap can land on the note that tap just made, and vote for it.
 */

/** Most distance between the two taps of a double tap, in CSS pixels (a finger's slop). */
export const DOUBLE_TAP_SLOP = 32;

/** Most time between the ends of a double tap's two taps, in ms (a finger on a busy tablet is slower than a mouse). */
export const DOUBLE_TAP_MS = 500;

/** How long after a touch a mouse event is taken for the browser's compatibility event of that touch, in ms. */
const COMPATIBILITY_MS = 800;

/** A point on the screen, CSS pixels. */
export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

/** One press: where and on what it began, when its tap ended, and whether it ended a double tap. */
interface Press {
  readonly at: ScreenPoint | null;
  readonly noteId: string | null;
  readonly onBoard: boolean;
  endedAt?: number;
  endedDouble?: boolean;
}

/** Remembers the last two presses and the gesture now under way; says which taps make a double tap. */
export class TapPlaces {
  private previous: Press | null = null;
  private last: Press | null = null;
  private severalFingers = false;
  private lastTouchAt = Number.NEGATIVE_INFINITY;

  /**
   * A touch (one finger) or a press began at `p` (on the stage, CSS pixels), on note `noteId` or on
   * none; `onBoard` when it began on the empty board (not on a note, area or other shape).
   */
  touched(p: ScreenPoint | null | undefined, noteId: string | null = null, onBoard = false): void {
    this.severalFingers = false;
    this.previous = this.last;
    this.last = { at: p ?? null, noteId, onBoard };
  }

  /** Another finger came down: this gesture is a pan or a pinch, and the presses before it are forgotten. */
  moreFingers(): void {
    this.severalFingers = true;
    this.previous = null;
    this.last = null;
  }

  /** Whether the gesture that ends now may count as a tap (no second finger came down during it). */
  isTap(): boolean {
    return !this.severalFingers;
  }

  /**
   * The tap of the last press ended at `endedAt` (the touch event's time stamp, ms): returns whether it
   * is the second tap of a double tap (the previous press was a tap that ended less than
   * `DOUBLE_TAP_MS` before, near where this one began, and was not itself the end of a double tap).
   */
  tapped(endedAt: number): boolean {
    const a = this.previous;
    const b = this.last;
    if (!b || this.severalFingers) return false;
    b.endedAt = endedAt;
    const double = a?.endedAt !== undefined && !a.endedDouble && endedAt - a.endedAt < DOUBLE_TAP_MS && this.nearEachOther();
    b.endedDouble = double;
    return double;
  }

  /** Whether the first of the last two touches began on note `id` (a double tap may open it). */
  firstOn(id: string): boolean {
    return this.previous !== null && this.previous.noteId === id;
  }

  /** Whether the first of the last two touches began on the empty board (a double tap there makes a note). */
  firstOnBoard(): boolean {
    return this.previous?.onBoard === true;
  }

  /** Whether the last two touches began within `DOUBLE_TAP_SLOP` of each other. */
  nearEachOther(): boolean {
    const a = this.previous?.at;
    const b = this.last?.at;
    return !!a && !!b && Math.hypot(a.x - b.x, a.y - b.y) <= DOUBLE_TAP_SLOP;
  }

  /** A touch event happened at `at` (its time stamp, ms). */
  touchEvent(at: number): void {
    this.lastTouchAt = at;
  }

  /**
   * Whether `evt` is a mouse event the browser made up for a touch (its compatibility mousedown,
   * mouseup, click or dblclick): the touch's own tap does what the finger meant.
   */
  followsTouch(evt: Event): boolean {
    if (!(evt.type.startsWith('mouse') || evt.type === 'click' || evt.type === 'dblclick')) return false;
    const source = (evt as MouseEvent & { sourceCapabilities?: { firesTouchEvents?: boolean } | null }).sourceCapabilities;
    // Chromium says where a mouse event came from; elsewhere, one soon after a touch is taken for its.
    if (source) return source.firesTouchEvents === true;
    return evt.timeStamp - this.lastTouchAt < COMPATIBILITY_MS;
  }
}

/** The board's taps and presses (one board canvas per page). */
export const boardTaps = new TapPlaces();

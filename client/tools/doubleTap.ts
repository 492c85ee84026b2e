/**
 * Whether two taps make a double tap: Konva counts any two taps within its time window, wherever
 * they land; a person's double tap lands twice in about the same place.
 *
 * Why: two people at one tablet, or one person tapping the board in two places in quick succession,
 * would otherwise make an empty note where neither meant to.
 */

/** Most distance between the two taps of a double tap, in CSS pixels (a finger's slop). */
export const DOUBLE_TAP_SLOP = 32;

/** A point on the screen, CSS pixels. */
export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

/** Remembers where the last two touches began; says whether they were close enough for a double tap. */
export class TapPlaces {
  private previous: ScreenPoint | null = null;
  private last: ScreenPoint | null = null;

  /** A touch began at `p` (on the stage, CSS pixels). */
  touched(p: ScreenPoint | null | undefined): void {
    this.previous = this.last;
    this.last = p ?? null;
  }

  /** Whether the last two touches began within `DOUBLE_TAP_SLOP` of each other. */
  nearEachOther(): boolean {
    const a = this.previous;
    const b = this.last;
    return a !== null && b !== null && Math.hypot(a.x - b.x, a.y - b.y) <= DOUBLE_TAP_SLOP;
  }
}

/**
 * Whether two taps make a double tap: Konva counts any two taps within its time window, wherever
 * they land; a person's double tap lands twice in about the same place, and on the same thing: a
 * double tap opens a note only if that note was under the finger when the first tap began.
 *
 * Why: two people at one tablet, or one person tapping the board in two places in quick succession,
 * would otherwise make an empty note where neither meant to; and a note another table adds (or
 * drags) under a finger between its two taps is theirs, not the one this person meant to open.
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
  private previousNote: string | null = null;
  private lastNote: string | null = null;

  /** A touch (or a press) began at `p` (on the stage, CSS pixels), on note `noteId` or on none. */
  touched(p: ScreenPoint | null | undefined, noteId: string | null = null): void {
    this.previous = this.last;
    this.last = p ?? null;
    this.previousNote = this.lastNote;
    this.lastNote = noteId;
  }

  /** Whether the first of the last two touches began on note `id` (a double tap may open it). */
  firstOn(id: string): boolean {
    return this.previousNote === id;
  }

  /** Whether the last two touches began within `DOUBLE_TAP_SLOP` of each other. */
  nearEachOther(): boolean {
    const a = this.previous;
    const b = this.last;
    return a !== null && b !== null && Math.hypot(a.x - b.x, a.y - b.y) <= DOUBLE_TAP_SLOP;
  }
}

/** The board's taps and presses (one board canvas per page). */
export const boardTaps = new TapPlaces();

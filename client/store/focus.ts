/**
 * Keyboard focus on the board: which note the keyboard is on (the canvas is one element in the page's
 * tab order; the notes inside it are reached with Tab and marked with a ring), and whether the ring
 * shows (the canvas has focus and the person is using the keyboard, not a pointer).
 *
 * Why: the canvas draws notes, not DOM elements, so the browser cannot tell which note has focus; the
 * keyboard tools set it here and the focus ring on the canvas reads it. A store of its own: it changes
 * on every Tab and only the ring and the keyboard tools read it, so the board's store stays as it is.
 */
import { create } from 'zustand';

/** The keyboard's place on the board. */
export interface BoardFocus {
  /** The note the keyboard is on, or null (the canvas itself). */
  readonly noteId: string | null;
  /** The canvas element has focus. */
  readonly canvasFocused: boolean;
  /** The last input was a key (the ring shows), not a pointer (it hides). */
  readonly keyboardUsed: boolean;
}

/** The focus store (read with a selector; change it only with the functions below). */
export const useBoardFocus = create<BoardFocus>(() => ({ noteId: null, canvasFocused: false, keyboardUsed: false }));

/** Puts the keyboard on note `id` (null: on the canvas itself). */
export function focusNote(id: string | null): void {
  if (useBoardFocus.getState().noteId !== id) useBoardFocus.setState({ noteId: id });
}

/** The canvas element gained or lost focus. */
export function setCanvasFocused(focused: boolean): void {
  if (useBoardFocus.getState().canvasFocused !== focused) useBoardFocus.setState({ canvasFocused: focused });
}

/** The last input was a key (true) or a pointer (false). */
export function setKeyboardUsed(used: boolean): void {
  if (useBoardFocus.getState().keyboardUsed !== used) useBoardFocus.setState({ keyboardUsed: used });
}

/**
 * The one short message at a time that offers to take a change back ("3 notes became action cards ·
 * Undo"): what it says, what its button does, how long it stays, and what the screen reader hears.
 *
 * Why: a tap that changes what notes are (action card, delete, dissolve) should be easy to take back
 * without a question asked before every tap; the commands show it, the toast only reads it. The offer
 * is honest: it closes as soon as its step is no longer my last one (a later step, or Undo from the
 * toolbar or the keyboard), says so if its Undo can no longer work, waits while a hand or the focus is
 * on it, and is said once through the page's one live region (with the keyboard's way to undo).
 */
import { create } from 'zustand';
import { languageStore, translate } from '../i18n/i18n.ts';
import { announce } from './announcements.ts';

/** How long the undo toast stays when nobody touches it, ms (counted again after a hover or focus). */
export const UNDO_TOAST_MS = 10_000;

/** The toast shown now. */
export interface UndoToastState {
  /** Changes with every new toast (so a timer of an older one does not close it). */
  readonly id: number;
  /** What happened, in the page's language. */
  readonly message: string;
  /** Takes the change back and says whether it could; `undefined` when there is nothing to take back. */
  readonly undo?: () => boolean | void;
  /** The undo step the toast offers to take back: the toast closes once it is no longer my last step. */
  readonly mark?: unknown;
}

/** The toast's own small store: it is nobody else's state, and nothing else re-renders for it. */
export const useToastStore = create<{ toast: UndoToastState | null; hover: boolean; focus: boolean }>(() => ({ toast: null, hover: false, focus: false }));

let next = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

/** (Re)starts the closing timer of the toast shown now, unless a hand or the focus is on it. */
function arm(): void {
  clearTimeout(timer);
  const { toast, hover, focus } = useToastStore.getState();
  if (!toast || hover || focus) return;
  const id = toast.id;
  timer = setTimeout(() => dismissToast(id), UNDO_TOAST_MS);
}

/** Shows `message`, with an Undo button that runs `undo` (and closes the toast); `mark` is its step. */
export function showToast(message: string, undo?: () => boolean | void, mark?: unknown): void {
  useToastStore.setState({ toast: { id: next++, message, undo, mark }, hover: false, focus: false });
  const lang = languageStore.getState().lang;
  announce(undo ? translate(lang, 'toastAnnounceUndo', message) : message);
  arm();
}

/** Closes the toast (only toast `id` when given: a timer of an older one leaves a newer one). */
export function dismissToast(id?: number): void {
  const { toast } = useToastStore.getState();
  if (!toast || (id !== undefined && toast.id !== id)) return;
  clearTimeout(timer);
  useToastStore.setState({ toast: null, hover: false, focus: false });
}

/** The toast's Undo: takes the change back and closes; if it cannot any more, the toast says so. */
export function takeBackToast(): void {
  const { toast } = useToastStore.getState();
  if (!toast?.undo) return;
  if (toast.undo() !== false) {
    dismissToast(toast.id);
    return;
  }
  const lang = languageStore.getState().lang;
  const message = translate(lang, 'toastCannotUndo');
  useToastStore.setState({ toast: { id: next++, message } });
  announce(message);
  arm();
}

/** A hand (`hover`) or the keyboard focus (`focus`) came onto the toast or left it: it waits meanwhile. */
export function holdToast(how: 'hover' | 'focus', on: boolean): void {
  if (!useToastStore.getState().toast) return;
  useToastStore.setState({ [how]: on });
  arm();
}

/** My undo stack's last step is now `top`: a toast offering an older step (or an undone one) closes. */
export function undoStackMoved(top: unknown): void {
  const { toast } = useToastStore.getState();
  if (toast?.mark !== undefined && toast.mark !== top) dismissToast(toast.id);
}

/**
 * The one short message at a time that offers to take a change back ("3 notes became action cards ·
 * Undo"): what it says and what its button does.
 *
 * Why: a tap that changes what notes are (action card, delete, dissolve) should be easy to take back
 * without a question asked before every tap; the commands show it, the toast only reads it.
 */
import { create } from 'zustand';

/** The toast shown now. */
export interface UndoToastState {
  /** Changes with every new toast (so a timer of an older one does not close it). */
  readonly id: number;
  /** What happened, in the page's language. */
  readonly message: string;
  /** Takes the change back; `undefined` when there is nothing to take back. */
  readonly undo?: () => void;
}

/** The toast's own small store: it is nobody else's state, and nothing else re-renders for it. */
export const useToastStore = create<{ toast: UndoToastState | null }>(() => ({ toast: null }));

let next = 1;

/** Shows `message`, with an Undo button that runs `undo` (and closes the toast). */
export function showToast(message: string, undo?: () => void): void {
  useToastStore.setState({ toast: { id: next++, message, undo } });
}

/** Closes the toast (only toast `id` when given: a timer of an older one leaves a newer one). */
export function dismissToast(id?: number): void {
  useToastStore.setState((s) => (id === undefined || s.toast?.id === id ? { toast: null } : s));
}

/**
 * Changes of what notes are, each followed by the undo toast: notes become action cards (or plain
 * notes again); and the toast offer itself, shared with delete and dissolve.
 *
 * Why: one tap on "Action card" can turn a whole selection into commitments; the person sees what
 * happened and takes it back in one step (the toast's Undo or Ctrl/⌘+Z), without a question first.
 */
import type { Note } from '../../shared/index.ts';
import { translate, type Lang } from '../i18n/i18n.ts';
import type { BoardActions } from '../sync/actions.ts';
import { isLockedForMe } from '../store/locks.ts';
import { useStore, type StoreState } from '../store/store.ts';
import { showToast } from '../store/toast.ts';
import { attempt } from '../store/ui.ts';

/** Shows `message` with an Undo that takes back exactly the step just made (not a later one). */
export function offerUndo(actions: BoardActions, message: string): void {
  const mark = actions.sealStep();
  showToast(message, () => actions.undoStep(mark), mark);
}

/** The notes "Action card" acts on: the selected notes I may change (not those in a locked area). */
export function actionCardNotes(s: StoreState): Note[] {
  return s.selection.filter((id) => id in s.notes && !isLockedForMe(s, id)).map((id) => s.notes[id]!);
}

/** Whether "Action card" shows pressed: every note it acts on already is one (a tap makes them plain). */
export function actionCardsPressed(s: StoreState): boolean {
  const notes = actionCardNotes(s);
  return notes.length > 0 && notes.every((n) => n.kind === 'action');
}

/**
 * "Action card" for the selected notes: makes them all action cards, or, when all already are, plain
 * notes again; then the undo toast says how many changed.
 */
export function toggleActionCards(actions: BoardActions, lang: Lang): void {
  const s = useStore.getState();
  const notes = actionCardNotes(s);
  if (notes.length === 0) return;
  const on = !actionCardsPressed(s);
  const changed = notes.filter((n) => (n.kind === 'action') !== on).map((n) => n.id);
  if (attempt(() => actions.setActionCards(changed, on)) === undefined) return;
  offerUndo(actions, translate(lang, on ? 'toastActionCards' : 'toastPlainNotes', changed.length));
}

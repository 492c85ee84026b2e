/**
 * What a tap (or click) on a note does, and what a double tap does: shared by the note shape and by
 * the overview that draws many notes as one shape when the board is zoomed far out.
 *
 * Why: one gesture, one meaning, whichever way the note happens to be drawn.
 */
import type { BoardActions } from '../sync/actions.ts';
import { useStore } from '../store/store.ts';
import { endConnectAt } from '../store/gestureState.ts';
import { editNote, select, toggleSelected } from '../store/ui.ts';
import { isVoting, voteTap } from './voting.ts';
import { isLockedForMe } from '../store/locks.ts';
import { Konva } from '../canvas/konva.ts';

/** The last tap: on which note, when, and whether on its card in the overview. */
let last = { id: '', at: 0, card: false };

/**
 * A tap on note `id`; `adding` when Shift, Ctrl or Cmd was held (adds to or takes from the selection).
 * `card`: the tap was on the note's card in the overview. A double tap that starts on a card opens the
 * note, whether its second tap lands on the card again or on the note (the first tap selected it, and
 * a selected note is drawn as itself). A double tap on a note drawn as itself is the note's own.
 * `at`: when the tap happened (its event's time stamp), so a busy page's slow handling does not split
 * a double tap.
 */
export function tapNote(id: string, adding: boolean, actions: BoardActions, card = false, at = performance.now()): void {
  const previous = last;
  last = { id, at, card };
  if (previous.card && previous.id === id && last.at - previous.at < Konva.dblClickWindow) {
    openNote(id, isLockedForMe(useStore.getState(), id));
    return;
  }
  const s = useStore.getState();
  if (s.editingNote && s.editingNote !== id) editNote(null);
  if (voteTap(actions, id, 'notes')) return;
  if (s.connectFrom && s.connectFrom !== id) {
    actions.connect(s.connectFrom, id);
    endConnectAt(id);
    return;
  }
  if (adding) toggleSelected(id);
  else if (!s.selection.includes(id) || s.selection.length > 1) select([id]);
}

/** A double tap on note `id`: opens it for typing (unless it is locked for me or a vote takes taps). */
export function openNote(id: string, readOnly: boolean): void {
  if (readOnly || isVoting('notes')) return;
  editNote(id);
}

/** Whether a pointer event asks to add to the selection. */
export const isAdding = (evt: Event): boolean =>
  'shiftKey' in evt && Boolean((evt as MouseEvent).shiftKey || (evt as MouseEvent).metaKey || (evt as MouseEvent).ctrlKey);

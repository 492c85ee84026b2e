/**
 * The board by keyboard alone: the canvas element is one stop in the page's tab order; inside it Tab
 * and Shift+Tab go through the notes in reading order (and leave the canvas past either end), Space or
 * Enter selects the note the keyboard is on, Shift+Space or Ctrl+Space adds it to the selection or
 * takes it out, Enter opens a selected note's editor, arrows move the selection (Shift: bigger
 * steps) or, with nothing selected, pan the view, as Ctrl+arrows always do.
 *
 * Why: a person who cannot use a pointer must be able to do everything a tablet user does; the moves
 * go through the same named mutations as a drag (one undo step per key press), and the view follows
 * the keyboard so the note it is on is always on screen.
 */
import { notesInArea } from '../../shared/index.ts';
import { lensState } from '../store/cocreationSelectors.ts';
import { clusterView } from '../store/derived.ts';
import { focusNote, useBoardFocus } from '../store/focus.ts';
import { isLockedForMe } from '../store/locks.ts';
import { useStore } from '../store/store.ts';
import { attempt, centerOn, editNote, panBy, select, stopFollowing, toggleSelected, visibleBoardRect } from '../store/ui.ts';
import type { BoardActions } from '../sync/actions.ts';
import { nextInOrder, readingOrder } from './readingOrder.ts';

/** A move by arrow key, in board units (Shift: the bigger step). */
export const MOVE_STEP = 20;
export const MOVE_STEP_BIG = 100;
/** A pan by key, in screen pixels (Shift: the bigger step). */
const PAN_STEP = 80;
const PAN_STEP_BIG = 400;

let canvasEl: HTMLElement | null = null;
/** Focus is being put on the canvas by focusCanvas (a panel, dialog or editor gave it back), not by Tab. */
let givingBack = false;

/** The canvas element that takes keyboard focus (null when it goes). */
export function registerCanvas(el: HTMLElement | null): void {
  canvasEl = el;
}

/** Whether the canvas element has focus now. */
export function canvasHasFocus(): boolean {
  return canvasEl !== null && document.activeElement === canvasEl;
}

/** Puts focus on the canvas, on note `id` when given (the editor closed, a dialog was answered). */
export function focusCanvas(id?: string | null): void {
  if (!canvasEl) return;
  if (id !== undefined) focusNote(id);
  givingBack = true;
  try {
    canvasEl.focus({ preventScroll: true });
  } finally {
    givingBack = false;
  }
}

let orderCache: { noteIds: unknown; notes: unknown; areaIds: unknown; areas: unknown; lens: unknown; order: string[] } | null = null;

/**
 * The notes a person can see now, in reading order. Kept until the notes, the areas or the lens
 * change: the keyboard and the screen-reader line ask for it often, and a big board's sort is not free.
 */
export function notesInReadingOrder(): string[] {
  const s = useStore.getState();
  const c = orderCache;
  if (c && c.noteIds === s.noteIds && c.notes === s.notes && c.areaIds === s.areaIds && c.areas === s.areas && c.lens === s.lens) return c.order;
  const notes = s.noteIds.map((id) => s.notes[id]!).filter((n) => n && lensState(s, n.groupId) !== 'hidden');
  const areas = s.areaIds.map((id) => s.areas[id]!).filter(Boolean);
  const order = readingOrder(notes, areas);
  orderCache = { noteIds: s.noteIds, notes: s.notes, areaIds: s.areaIds, areas: s.areas, lens: s.lens, order };
  return order;
}

/** Pans the view, if needed, so note `id` is wholly on screen and clear of the toolbars (centred on it). */
export function revealNote(id: string): void {
  const s = useStore.getState();
  const n = s.notes[id];
  if (!n) return;
  const view = visibleBoardRect();
  const k = 1 / s.viewport.scale;
  // The toolbar and the selection bar float over the bottom of the board: a note under them is hidden.
  const inside =
    n.x >= view.x + 40 * k && n.y >= view.y + 40 * k && n.x + n.w <= view.x + view.w - 40 * k && n.y + n.h <= view.y + view.h - 170 * k;
  if (inside) return;
  stopFollowing();
  centerOn({ x: n.x + n.w / 2, y: n.y + n.h / 2 });
}

/**
 * The canvas got focus: coming back from the next control (Shift+Tab) the keyboard lands on the last
 * note; otherwise on the selected note, or on the canvas itself (the next Tab goes to the first note).
 * Only when the keyboard brought it there: focus given back after a pointer closed a panel, a dialog
 * or the editor never moves the view (nor stops following the facilitator).
 */
export function enterCanvas(from: Element | null): void {
  if (givingBack || !useBoardFocus.getState().keyboardUsed) return;
  const s = useStore.getState();
  const current = useBoardFocus.getState().noteId;
  if (current && s.notes[current]) return;
  const fromAfter = !!from && !!canvasEl && (canvasEl.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const order = notesInReadingOrder();
  const selected = s.selection.find((id) => id in s.notes);
  const start = (fromAfter ? order.at(-1) : selected) ?? null;
  focusNote(start);
  if (start) revealNote(start);
}

/** Moves the selected notes, clusters and areas by (dx, dy) board units: one undo step, as a drag. */
export function moveSelectionBy(actions: BoardActions, dx: number, dy: number): void {
  const s = useStore.getState();
  const view = clusterView(s);
  const notes = new Set<string>();
  const carried = new Set<string>();
  for (const id of s.selection) {
    if (isLockedForMe(s, id)) continue;
    if (id in s.notes) notes.add(id);
    else if (id in s.clusters) for (const n of view.members.get(id) ?? []) if (!isLockedForMe(s, n)) notes.add(n);
    else if (id in s.areas) {
      const ids = notesInArea(Object.values(s.notes), s.areas[id]!);
      for (const n of ids) carried.add(n);
      attempt(() => actions.moveArea(id, { dx, dy }, ids));
    }
  }
  const moves = [...notes].filter((id) => !carried.has(id)).map((id) => ({ id, x: s.notes[id]!.x + dx, y: s.notes[id]!.y + dy }));
  if (moves.length) attempt(() => actions.moveNotes(moves));
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * Arrow keys (with the canvas focused, or nothing else focused): move the selection, or pan. Returns
 * whether the key was used.
 */
export function arrowKey(e: KeyboardEvent, actions: BoardActions): boolean {
  const dir = ARROWS[e.key];
  if (!dir) return false;
  const s = useStore.getState();
  e.preventDefault();
  const moving = !(e.ctrlKey || e.metaKey) && s.selection.length > 0 && !s.readOnly;
  if (moving) {
    // Far out, a step is still a few pixels on screen.
    const k = Math.max(1, Math.round(0.5 / s.viewport.scale));
    const step = (e.shiftKey ? MOVE_STEP_BIG : MOVE_STEP) * k;
    moveSelectionBy(actions, dir[0] * step, dir[1] * step);
    const focused = useBoardFocus.getState().noteId;
    if (focused && s.selection.includes(focused)) revealNote(focused);
  } else {
    stopFollowing();
    const step = e.shiftKey ? PAN_STEP_BIG : PAN_STEP;
    panBy(-dir[0] * step, -dir[1] * step);
  }
  return true;
}

/** Keys while the canvas has focus (Tab, Home, End, Space, Enter, Escape); returns whether the key was used. */
export function canvasKey(e: KeyboardEvent): boolean {
  const s = useStore.getState();
  const focused = useBoardFocus.getState().noteId;
  const current = focused && s.notes[focused] ? focused : null;
  if (e.key === 'Tab' && !e.ctrlKey && !e.metaKey && !e.altKey) {
    const next = nextInOrder(notesInReadingOrder(), current, e.shiftKey ? -1 : 1);
    // Past the last note (or before the first) the browser takes focus on to the next control.
    focusNote(next);
    if (!next) return false;
    e.preventDefault();
    revealNote(next);
    return true;
  }
  if ((e.key === 'Home' || e.key === 'End') && !e.ctrlKey && !e.metaKey) {
    // Straight to the first or last note: from the last, one Tab leaves the board on a big one.
    const order = notesInReadingOrder();
    const to = (e.key === 'Home' ? order[0] : order.at(-1)) ?? null;
    e.preventDefault();
    focusNote(to);
    if (to) revealNote(to);
    return true;
  }
  // After a pointer, Space is the pan key (held while dragging), not a selection.
  if (e.key === ' ' && current && useBoardFocus.getState().keyboardUsed) {
    e.preventDefault();
    if (e.shiftKey || e.ctrlKey || e.metaKey) toggleSelected(current);
    else select([current]);
    return true;
  }
  if (e.key === 'Enter' && current && !e.ctrlKey && !e.metaKey) {
    e.preventDefault();
    if (s.selection.length === 1 && s.selection[0] === current && !s.readOnly) editNote(current);
    else select([current]);
    return true;
  }
  if (e.key === 'Escape' && s.selection.length === 0 && current) {
    focusNote(null);
    return true;
  }
  return false;
}

/**
 * After the note editor, a cluster's label editor or an area's name editor closes (Escape, Enter, a tap elsewhere), focus
 * goes back to the canvas, on the note that was open, instead of dropping to the page. Returns the
 * unsubscribe function.
 */
export function returnFocusAfterEditing(): () => void {
  return useStore.subscribe((s, prev) => {
    const closedNote = prev.editingNote && !s.editingNote ? prev.editingNote : null;
    const closedCluster = prev.editingCluster && !s.editingCluster ? prev.editingCluster : null;
    const closedArea = prev.editingArea && !s.editingArea;
    if (!closedNote && !closedCluster && !closedArea) return;
    // The editor blurs itself as it closes; where focus went is known after this turn.
    setTimeout(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      const st = useStore.getState();
      const noteId = closedNote ?? (closedCluster ? clusterView(st).members.get(closedCluster)?.[0] : undefined) ?? null;
      // Closed by a key: the keyboard goes on from that note. By a pointer: the board has focus (its
      // keys work) but on no note, so Space still pans.
      const keyed = useBoardFocus.getState().keyboardUsed;
      focusCanvas(keyed && noteId && st.notes[noteId] ? noteId : null);
    }, 0);
  });
}

let opener: Element | null = null;

/** What had focus when the side panel last opened (its button, or the canvas for "?"). */
export function panelOpener(): Element | null {
  return opener;
}

/** Remembers what had focus each time a side panel opens. Returns the unsubscribe function. */
export function rememberPanelOpener(): () => void {
  return useStore.subscribe((s, prev) => {
    if (s.panel !== 'none' && s.panel !== prev.panel) opener = document.activeElement;
  });
}

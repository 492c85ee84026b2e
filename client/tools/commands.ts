/**
 * The board's commands, shared by the toolbar, the touch menu and the keyboard shortcuts.
 *
 * Why: "delete" must ask the same question whether it came from a key or a button, and "add note"
 * must land in the same place; one function per command keeps them the same.
 */
import { translate, type Lang } from '../i18n/i18n.ts';
import type { BoardActions } from '../sync/actions.ts';
import { useStore } from '../store/store.ts';
import { isLockedForMe } from '../store/locks.ts';
import { startConnect, stopConnecting } from '../store/gestureState.ts';
import { deselectConnector, editArea, editNote, select, toBoard } from '../store/ui.ts';

/** Sticky-note colours offered in the palette. */
export const PALETTE = ['#fff176', '#ffb74d', '#f48fb1', '#ce93d8', '#90caf9', '#80cbc4', '#a5d6a7', '#e0e0e0'] as const;

function screenCenter() {
  const s = useStore.getState();
  return toBoard(s.viewport, { x: s.screen.w / 2, y: s.screen.h / 2 });
}

/** A new note at the centre of the screen, opened for typing. */
export function addNoteAtCenter(actions: BoardActions): void {
  const c = screenCenter();
  const jitter = () => (Math.random() - 0.5) * 40;
  editNote(actions.addNoteAt({ x: c.x + jitter(), y: c.y + jitter() }));
}

/** A new area at the centre of the screen, with its name ready to type. */
export function addAreaAtCenter(actions: BoardActions, lang: Lang): void {
  const id = actions.addAreaAt(screenCenter(), translate(lang, 'newAreaName'));
  select([id]);
  editArea(id);
}

/**
 * Deletes the selection (or the selected connector). Asks first when an area or more than five
 * items would go, since a whole table's space is a lot to lose by a stray key.
 */
export function deleteSelection(actions: BoardActions, lang: Lang, confirm: (q: string) => boolean = window.confirm): void {
  const s = useStore.getState();
  if (s.selectedConnector) {
    actions.deleteConnector(s.selectedConnector);
    deselectConnector();
    return;
  }
  // What the facilitator locked stays (the rest of the selection goes).
  const selection = s.selection.filter((id) => !isLockedForMe(s, id));
  if (selection.length === 0) return;
  const areas = selection.filter((id) => id in s.areas);
  if (areas.length === 1 && selection.length === 1) {
    const name = s.areas[areas[0]!]!.name || translate(lang, 'untitledArea');
    if (!confirm(translate(lang, 'confirmDeleteArea', name))) return;
  } else if (areas.length > 0 || selection.length > 5) {
    if (!confirm(translate(lang, 'confirmDeleteMany', selection.length))) return;
  }
  actions.deleteItems(selection);
  select([]);
}

/** Duplicates the selected notes and selects the copies. */
export function duplicateSelection(actions: BoardActions): void {
  const copies = actions.duplicate(useStore.getState().selection);
  if (copies.length) select(copies);
}

/** Recolours the selected notes. */
export function recolorSelection(actions: BoardActions, color: string): void {
  const s = useStore.getState();
  const notes = s.selection.filter((id) => id in s.notes);
  if (notes.length) actions.recolor(notes, color);
}

/** Starts connect mode from the single selected note, or leaves it when it is on (or no one note is selected). */
export function toggleConnectMode(): void {
  const s = useStore.getState();
  const from = s.selection.length === 1 && s.selection[0]! in s.notes ? s.selection[0]! : null;
  if (s.connectFrom || !from) stopConnecting();
  else startConnect(from);
}

/**
 * The board's commands, shared by the toolbar, the touch menu and the keyboard shortcuts.
 *
 * Why: "delete" must ask the same question whether it came from a key or a button, and "add note"
 * must land in the same place; one function per command keeps them the same.
 */
import { translate, type Lang } from '../i18n/i18n.ts';
import type { BoardActions } from '../sync/actions.ts';
import { useStore, type StoreState } from '../store/store.ts';
import { isLockedForMe } from '../store/locks.ts';
import { toolOff } from '../store/participantTools.ts';
import { startConnect, stopConnecting } from '../store/gestureState.ts';
import { centerOn, deselectConnector, editArea, editNote, select, stopFollowing, toBoard, visibleBoardRect } from '../store/ui.ts';
import { areaName, DEFAULT_NOTE_SIZE, type Area } from '../../shared/index.ts';
import { currentTaskAreaIds } from '../store/taskView.ts';
import { drawnObstacles } from '../store/drawnObstacles.ts';
import { myTable } from './followAndSummon.ts';
import { placeNewNote } from './notePlacement.ts';
import { offerUndo } from './undoToast.ts';

/** Sticky-note colours offered in the palette. */
export const PALETTE = ['#fff176', '#ffb74d', '#f48fb1', '#ce93d8', '#90caf9', '#80cbc4', '#a5d6a7', '#e0e0e0'] as const;

function screenCenter() {
  const s = useStore.getState();
  return toBoard(s.viewport, { x: s.screen.w / 2, y: s.screen.h / 2 });
}

/** Space kept between a new note and the notes around it, in board units. */
const NOTE_GAP = 16;

/** From this zoom on, a person has gone close to a part of the board on purpose (notes are legible). */
const WORKING_SCALE = 0.6;

/**
 * Where a new note goes: in my table's area when I am seated and the current task uses that table
 * (nearest the view's centre inside that area, below its title bar), unless I have zoomed in on
 * another part of the board, without my table in view; else near the view's centre (during the
 * timelines my stakeholder table is not where the room writes), inside the current task's area there
 * (the nearest one when the centre falls between two). Always in free space when there is
 * any: the nearest place that no note (mine or anyone's) covers, nor a wall card, the mind map's
 * centre topic or a cluster's outline with its name (placeNewNote, drawnObstacles).
 */
export function newNoteSpot(): { x: number; y: number } {
  const s = useStore.getState();
  const table = myTable(s);
  const view = visibleBoardRect();
  const elsewhere = (a: { x: number; y: number; w: number; h: number }) =>
    s.viewport.scale >= WORKING_SCALE && (a.x > view.x + view.w || a.x + a.w < view.x || a.y > view.y + view.h || a.y + a.h < view.y);
  const task = currentTaskAreaIds(s);
  const forThisTask = (id: string) => !task || task.includes(id);
  const near = screenCenter();
  const seat = table && s.areas[table] && forThisTask(table) && !elsewhere(s.areas[table]) ? s.areas[table] : undefined;
  // Not at a table of this task: the task's area under the view's centre, or the nearest one in view
  // (a centre in the gap between two tables would put the note between them, in no table).
  const area = seat ?? taskAreaNear(s, task, near, elsewhere);
  const size = { w: DEFAULT_NOTE_SIZE, h: DEFAULT_NOTE_SIZE };
  const notes = [...Object.values(s.notes), ...drawnObstacles(s)];
  if (!area) return placeNewNote({ near, size, notes, gap: NOTE_GAP });
  // The area below its title bar, with a little margin at the sides.
  const top = Math.min(60, area.h / 4);
  const within = { x: area.x + NOTE_GAP / 2, y: area.y + top, w: area.w - NOTE_GAP, h: area.h - top - NOTE_GAP / 2 };
  return placeNewNote({ near, size, notes, within, gap: NOTE_GAP });
}

/** The area of the current task (`task`) holding `p`, else the nearest one not `elsewhere`, else none. */
function taskAreaNear(s: StoreState, task: readonly string[] | null, p: { x: number; y: number }, elsewhere: (a: Area) => boolean): Area | undefined {
  const areas = (task ?? []).map((id) => s.areas[id]).filter((a): a is Area => a !== undefined);
  const gap = (a: Area) => Math.hypot(Math.max(a.x - p.x, 0, p.x - a.x - a.w), Math.max(a.y - p.y, 0, p.y - a.y - a.h));
  const nearest = areas.sort((a, b) => gap(a) - gap(b))[0];
  return nearest && (gap(nearest) === 0 || !elsewhere(nearest)) ? nearest : undefined;
}

/**
 * A new note where I am working (newNoteSpot), opened for typing; the view moves to it (keeping the
 * zoom) when it would land out of sight. Writing a note is my own work: it stops following the
 * facilitator, whose next pan would otherwise carry the note and its editor off my screen.
 */
export function addNoteAtCenter(actions: BoardActions): void {
  const spot = newNoteSpot();
  const view = visibleBoardRect();
  const seen = spot.x >= view.x && spot.x <= view.x + view.w && spot.y >= view.y && spot.y <= view.y + view.h;
  stopFollowing();
  if (!seen) centerOn(spot);
  editNote(actions.addNoteAt(spot));
}

/** A new area at the centre of the screen, with its name ready to type. */
export function addAreaAtCenter(actions: BoardActions, lang: Lang): void {
  if (toolOff('areas')) return;
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
  // What the facilitator locked stays; only notes and areas go (a selected cluster is dissolved by its
  // own command): the questions and the toast count those.
  const selection = s.selection.filter((id) => !isLockedForMe(s, id) && (id in s.notes || id in s.areas));
  if (selection.length === 0) return;
  const areas = selection.filter((id) => id in s.areas);
  if (areas.length === 1 && selection.length === 1) {
    const name = areaName(s.areas[areas[0]!]!, lang) || translate(lang, 'untitledArea');
    if (!confirm(translate(lang, 'confirmDeleteArea', name))) return;
  } else if (areas.length > 0 || selection.length > 5) {
    if (!confirm(translate(lang, 'confirmDeleteMany', selection.length))) return;
  }
  // Undo is offered only when this made an undo step (else it would take back an older, unrelated one).
  const before = actions.sealStep();
  actions.deleteItems(selection);
  select([]);
  if (actions.sealStep() !== before) offerUndo(actions, translate(lang, 'toastDeleted', selection.length));
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
  if (!s.connectFrom && toolOff('connectors')) return;
  const from = s.selection.length === 1 && s.selection[0]! in s.notes ? s.selection[0]! : null;
  if (s.connectFrom || !from) stopConnecting();
  else startConnect(from);
}

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
import { centerOn, deselectConnector, editArea, editNote, select, stopFollowing, toBoard, visibleBoardRect } from '../store/ui.ts';
import { areaName, DEFAULT_NOTE_SIZE } from '../../shared/index.ts';
import { myTable } from './followAndSummon.ts';

/** Sticky-note colours offered in the palette. */
export const PALETTE = ['#fff176', '#ffb74d', '#f48fb1', '#ce93d8', '#90caf9', '#80cbc4', '#a5d6a7', '#e0e0e0'] as const;

function screenCenter() {
  const s = useStore.getState();
  return toBoard(s.viewport, { x: s.screen.w / 2, y: s.screen.h / 2 });
}

/** Space kept between a new note and the notes around it, in board units. */
const NOTE_GAP = 16;

/** The places around a taken one, in note steps: nearest first, and clockwise from the right. */
const AROUND: [number, number][] = (() => {
  const out: [number, number][] = [];
  for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) if (dx || dy) out.push([dx, dy]);
  const angle = ([dx, dy]: [number, number]) => (Math.atan2(dy, dx) + 2 * Math.PI) % (2 * Math.PI);
  return out.sort((a, b) => a[0] ** 2 + a[1] ** 2 - (b[0] ** 2 + b[1] ** 2) || angle(a) - angle(b));
})();

/** Whether a new note centred at `p` would overlap a note already there. */
function spotTaken(p: { x: number; y: number }): boolean {
  const half = DEFAULT_NOTE_SIZE / 2;
  const [l, t, r, b] = [p.x - half - NOTE_GAP / 2, p.y - half - NOTE_GAP / 2, p.x + half + NOTE_GAP / 2, p.y + half + NOTE_GAP / 2];
  return Object.values(useStore.getState().notes).some((n) => n.x < r && n.x + n.w > l && n.y < b && n.y + n.h > t);
}

/** From this zoom on, a person has gone close to a part of the board on purpose (notes are legible). */
const WORKING_SCALE = 0.6;

/**
 * Where a new note goes: in my table's area when I am seated (where the view's centre is, if it is
 * inside that area, else the area's first free place from the top), unless I have zoomed in on
 * another part of the board, without my table in view; else the view's centre. Never exactly on top
 * of a note already there: the nearest free place, else a step aside.
 */
export function newNoteSpot(): { x: number; y: number } {
  const s = useStore.getState();
  const table = myTable(s);
  const view = visibleBoardRect();
  const elsewhere = (a: { x: number; y: number; w: number; h: number }) =>
    s.viewport.scale >= WORKING_SCALE && (a.x > view.x + view.w || a.x + a.w < view.x || a.y > view.y + view.h || a.y + a.h < view.y);
  const area = table && s.areas[table] && !elsewhere(s.areas[table]) ? s.areas[table] : undefined;
  const centre = screenCenter();
  const step = DEFAULT_NOTE_SIZE + NOTE_GAP;
  const half = DEFAULT_NOTE_SIZE / 2;
  if (area) {
    const inside = (p: { x: number; y: number }) =>
      p.x - half >= area.x && p.x + half <= area.x + area.w && p.y - half >= area.y && p.y + half <= area.y + area.h;
    if (inside(centre) && !spotTaken(centre)) return centre;
    // The area's places row by row, below its title bar.
    const top = area.y + Math.min(60, area.h / 4);
    for (let y = top + half; y + half <= area.y + area.h; y += step) {
      for (let x = area.x + NOTE_GAP + half; x + half <= area.x + area.w; x += step) {
        if (!spotTaken({ x, y })) return { x, y };
      }
    }
    // A full table: a step aside from its centre, still inside it.
    return aside({ x: area.x + area.w / 2, y: area.y + area.h / 2 });
  }
  if (!spotTaken(centre)) return centre;
  // The nearest free place around the centre: to the right first, then below, left and above.
  for (const [dx, dy] of AROUND) {
    const p = { x: centre.x + dx * step, y: centre.y + dy * step };
    if (!spotTaken(p)) return p;
  }
  return aside(centre);
}

/** A place stepped down and right from `p` until no note starts at the same spot. */
function aside(p: { x: number; y: number }): { x: number; y: number } {
  const half = DEFAULT_NOTE_SIZE / 2;
  const notes = Object.values(useStore.getState().notes);
  let q = p;
  for (let i = 0; i < 50 && notes.some((n) => Math.abs(n.x - (q.x - half)) < 12 && Math.abs(n.y - (q.y - half)) < 12); i++) {
    q = { x: q.x + 24, y: q.y + 24 };
  }
  return q;
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
    const name = areaName(s.areas[areas[0]!]!, lang) || translate(lang, 'untitledArea');
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

/**
 * Local UI state changes: viewport (pan, zoom, fit), selection, the in-place editors, the side panel,
 * notices, the lens and the vote tool.
 *
 * Why: gestures and toolbar buttons change the view the same way; these functions are that one way.
 * None of this is shared with others (it is not in the document).
 */
import { ValidationError, type Area, type Note } from '../../shared/index.ts';
import { modelErrorText } from '../i18n/modelErrors.ts';
import { useStore, type StoreState, type Viewport } from './store.ts';

/** The farthest out the view zooms (a whole day's wall on one screen). */
export const MIN_SCALE = 0.05;
/** The closest in the view zooms. */
export const MAX_SCALE = 4;

const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** Converts a screen point (CSS pixels in the canvas) to board units. */
export function toBoard(v: Viewport, p: { x: number; y: number }): { x: number; y: number } {
  return { x: (p.x - v.x) / v.scale, y: (p.y - v.y) / v.scale };
}

/** The canvas was measured: its size on screen, in CSS pixels. */
export function setScreen(w: number, h: number): void {
  useStore.setState({ screen: { w, h } });
}

/** Puts the view's origin at screen point (x, y), keeping the zoom (the board was dragged there). */
export function panTo(x: number, y: number): void {
  useStore.setState((s) => ({ viewport: { ...s.viewport, x, y } }));
}

/** Pans the view by a screen-space delta. */
export function panBy(dx: number, dy: number): void {
  useStore.setState((s) => ({ viewport: { ...s.viewport, x: s.viewport.x + dx, y: s.viewport.y + dy } }));
}

/** Zooms by `factor` keeping the screen point `at` (default: the centre) fixed. */
export function zoomBy(factor: number, at?: { x: number; y: number }): void {
  stopFollowing();
  useStore.setState((s) => {
    const v = s.viewport;
    const p = at ?? { x: s.screen.w / 2, y: s.screen.h / 2 };
    const scale = clampScale(v.scale * factor);
    const k = scale / v.scale;
    return { viewport: { scale, x: p.x - (p.x - v.x) * k, y: p.y - (p.y - v.y) * k } };
  });
}

/** Centres the view on a board point, keeping the zoom. */
export function centerOn(p: { x: number; y: number }): void {
  useStore.setState((s) => ({
    viewport: { ...s.viewport, x: s.screen.w / 2 - p.x * s.viewport.scale, y: s.screen.h / 2 - p.y * s.viewport.scale },
  }));
}

/** The bounding box of everything on the board, or null for an empty board. */
export function contentBounds(notes: Iterable<Note>, areas: Iterable<Area>) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of [...notes, ...areas]) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  }
  return minX === Infinity ? null : { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** Zooms and pans so everything on the board fits the screen (with a margin). */
export function zoomToFit(): void {
  const s = useStore.getState();
  const b = contentBounds(Object.values(s.notes), Object.values(s.areas));
  if (!b) {
    useStore.setState({ viewport: { x: s.screen.w / 2, y: s.screen.h / 2, scale: 1 } });
    return;
  }
  fitRect(b, 60, 1.5);
}

/** Zooms and pans so a board rectangle fills the screen (with a margin, up to `maxScale`). */
export function fitRect(b: { x: number; y: number; w: number; h: number }, margin = 24, maxScale = MAX_SCALE): void {
  const s = useStore.getState();
  const scale = clampScale(Math.min((s.screen.w - margin * 2) / b.w, (s.screen.h - margin * 2) / b.h, maxScale));
  useStore.setState({
    viewport: { scale, x: s.screen.w / 2 - (b.x + b.w / 2) * scale, y: s.screen.h / 2 - (b.y + b.h / 2) * scale },
  });
}

/** The board rectangle on screen now. */
export function visibleBoardRect(): { x: number; y: number; w: number; h: number } {
  const { viewport: v, screen } = useStore.getState();
  return { x: -v.x / v.scale, y: -v.y / v.scale, w: screen.w / v.scale, h: screen.h / v.scale };
}

/** Replaces the selection (clears connector selection and connect mode). */
export function select(ids: string[]): void {
  useStore.setState({ selection: ids, selectedConnector: null });
}

/** Adds or removes one id from the selection. */
export function toggleSelected(id: string): void {
  useStore.setState((s) => ({
    selection: s.selection.includes(id) ? s.selection.filter((x) => x !== id) : [...s.selection, id],
    selectedConnector: null,
  }));
}

/** Selects one connector alone. */
export function selectConnector(id: string | null): void {
  useStore.setState({ selection: [], selectedConnector: id });
}

/** Unselects the selected connector (the rest of the selection stays). */
export function deselectConnector(): void {
  useStore.setState({ selectedConnector: null });
}

// The in-place editors of notes, areas and connectors: opening one closes the others; closing one
// (null) leaves the others alone, so an editor that saves on blur cannot close the one that took the
// focus from it. The cluster label editor is an overlay of its own and is left open.

/** Opens the text editor of a note (selecting it, closing the other editors), or closes it (null). */
export function editNote(id: string | null): void {
  useStore.setState(id ? { editingNote: id, editingArea: null, editingConnector: null, selection: [id] } : { editingNote: null });
}

/** Opens the name editor of an area (closing the other editors), or closes it (null). */
export function editArea(id: string | null): void {
  useStore.setState(id ? { editingArea: id, editingNote: null, editingConnector: null } : { editingArea: null });
}

/** Opens the label editor of a connector (closing the other editors), or closes it (null). */
export function editConnector(id: string | null): void {
  useStore.setState(id ? { editingConnector: id, editingNote: null, editingArea: null } : { editingConnector: null });
}

/** Opens the label editor of a cluster, or closes it (null). */
export function editCluster(id: string | null): void {
  useStore.setState({ editingCluster: id });
}

/** Closes the note and area editors and leaves connect mode (a tap on the empty board). */
export function clearEditing(): void {
  useStore.setState({ connectFrom: null, editingArea: null, editingNote: null });
}

/** Opens a side panel, or closes it when it is already open. */
export function togglePanel(panel: Exclude<StoreState['panel'], 'none'>): void {
  useStore.setState((s) => ({ panel: s.panel === panel ? 'none' : panel }));
}

/** Leaves connect mode and closes the side panel: back to the plain board (Escape). */
export function backToBoard(): void {
  useStore.setState({ connectFrom: null, panel: 'none' });
}

/** Shows a short message (an action that could not be done, and why) until it times out. */
export function notify(message: string): void {
  useStore.setState({ notice: { message, at: Date.now() } });
}

/** Takes `notice` down (its time is up), unless a newer one has replaced it. */
export function clearNotice(notice: StoreState['notice']): void {
  useStore.setState((s) => (s.notice === notice ? { notice: null } : {}));
}

/** Runs a user action; a validation error (bad input, a rule of the board) is told, not thrown. */
export function attempt<R>(action: () => R): R | undefined {
  try {
    return action();
  } catch (err) {
    if (err instanceof ValidationError) {
      notify(modelErrorText(err));
      return undefined;
    }
    throw err;
  }
}

/** Changes the perspective lens; notes it hides leave the selection (nothing is changed unseen). */
export function setLens(patch: Partial<StoreState['lens']>): void {
  useStore.setState((s) => {
    const lens = { ...s.lens, ...patch };
    const hidden = (id: string) => {
      const n = s.notes[id];
      if (!n || lens.mode !== 'filter' || lens.groups.length === 0) return false;
      return n.groupId === null || !lens.groups.includes(n.groupId);
    };
    return { lens, selection: s.selection.filter((id) => !hidden(id)) };
  });
}

/** While a vote is open: what a tap does (place a dot, take one back, or select as usual). */
export function setVoteTool(tool: StoreState['voteTool']): void {
  useStore.setState({ voteTool: tool });
}

/** Adds a group to the lens, or takes it out. */
export function toggleLensGroup(id: string): void {
  const groups = useStore.getState().lens.groups;
  setLens({ groups: groups.includes(id) ? groups.filter((g) => g !== id) : [...groups, id] });
}

/** Stops following the facilitator's view: a person panned or zoomed on their own, so their view is
 * theirs again. The projector keeps following (it shows the facilitator's view by design). */
export function stopFollowing(): void {
  const s = useStore.getState();
  if (s.following && s.me.role !== 'projector') useStore.setState({ following: false });
}

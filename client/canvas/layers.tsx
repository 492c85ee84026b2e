/**
 * The canvas layers' contents: culled notes, areas with connectors and the selection transformer
 * (other people's cursors are in Cursors.tsx).
 *
 * Why: few layers, each drawn on its own canvas, so a change redraws only its layer; each list
 * subscribes to the ids it draws, computed with `useShallow`, so panning re-renders a layer only when
 * the set of visible notes changes.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store/store.ts';
import { AreaShape } from './AreaShape.tsx';
import { ClusterShape } from './ClusterShape.tsx';
import { clusterOutline } from '../store/cocreationSelectors.ts';
import { clusterView } from '../store/derived.ts';
import { ConnectorShape } from './ConnectorShape.tsx';
import { intersects, visibleRect } from './geometry.ts';
import { NoteShape } from './NoteShape.tsx';
import { NotesOverview, OVERVIEW_MIN_NOTES, OVERVIEW_SCALE } from './NotesOverview.tsx';

/**
 * Notes on or near the screen, in drawing order. Far out on a board of many notes, the overview
 * draws them as one shape, and only the selected and edited notes are drawn as themselves.
 */
export function VisibleNotes() {
  const overview = useStore((s) => s.viewport.scale < OVERVIEW_SCALE && s.noteIds.length > OVERVIEW_MIN_NOTES);
  // The overview draws every note (the canvas clips what is off screen), so a pan changes nothing
  // React sees; up close, only notes on or near the screen get a node.
  // (Two selectors: comparing the whole id list item by item on every store change would cost more
  // than it saves; it changes identity only when notes come or go.)
  const all = useStore((s) => (overview ? s.noteIds : null));
  const culled = useStore(
    useShallow((s) => {
      if (overview) return NO_IDS;
      const view = visibleRect(s.viewport, s.screen);
      return s.noteIds.filter((id) => {
        const n = s.notes[id];
        return n !== undefined && (intersects(n, view) || s.selection.includes(id) || s.editingNote === id);
      });
    }),
  );
  const ids = all ?? culled;
  const selection = useStore((s) => s.selection);
  const editing = useStore((s) => s.editingNote);
  const [promoted, own] = useMemo(() => {
    if (!overview) return [NONE, ids];
    const set = new Set(selection);
    if (editing) set.add(editing);
    return [set, ids.filter((id) => set.has(id))];
  }, [overview, ids, selection, editing]);
  return (
    <>
      {overview && <NotesOverview ids={ids} own={promoted} />}
      {own.map((id) => (
        <NoteShape key={id} id={id} />
      ))}
    </>
  );
}

const NONE: ReadonlySet<string> = new Set();
const NO_IDS: string[] = [];

/** Areas on or near the screen. */
export function VisibleAreas() {
  const ids = useStore(
    useShallow((s) => {
      const view = visibleRect(s.viewport, s.screen);
      return s.areaIds.filter((id) => s.areas[id] !== undefined && intersects(s.areas[id], view));
    }),
  );
  return (
    <>
      {ids.map((id) => (
        <AreaShape key={id} id={id} />
      ))}
    </>
  );
}

/** Clusters whose outline is on or near the screen (only clusters with members draw). */
export function VisibleClusters() {
  const ids = useStore(
    useShallow((s) => {
      const view = visibleRect(s.viewport, s.screen);
      return clusterView(s).ids.filter((id) => {
        const box = clusterOutline(s, id);
        return box !== null && intersects(box, view);
      });
    }),
  );
  return (
    <>
      {ids.map((id) => (
        <ClusterShape key={id} id={id} />
      ))}
    </>
  );
}

/** All connectors (each draws only when both notes exist). */
export function Connectors() {
  const ids = useStore((s) => s.connectorIds);
  return (
    <>
      {ids.map((id) => (
        <ConnectorShape key={id} id={id} />
      ))}
    </>
  );
}

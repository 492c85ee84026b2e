/**
 * The canvas layers' contents: culled notes, areas with connectors, the selection transformer, and
 * other people's cursors.
 *
 * Why: few layers (house style, practice 7); each list subscribes to the ids it draws, computed with
 * `useShallow`, so panning re-renders a layer only when the set of visible notes changes.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MIN_NOTE_SIZE, MIN_AREA_SIZE } from '../../shared/index.ts';
import { useActions } from '../sync/sessionContext.ts';
import { useStore } from '../store/store.ts';
import { AreaShape } from './AreaShape.tsx';
import { ClusterShape } from './ClusterShape.tsx';
import { clusterOutline } from '../store/cocreationSelectors.ts';
import { clusterView } from '../store/derived.ts';
import { ConnectorShape } from './ConnectorShape.tsx';
import { FONT_FAMILY } from './fitText.ts';
import { intersects, visibleRect } from './geometry.ts';
import type { Transformer as KonvaTransformer } from 'konva/lib/shapes/Transformer';
import { Group, Label, Line, Tag, Text, Transformer } from './konva.ts';
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
export function Connectors({ onEditLabel }: { onEditLabel: (id: string) => void }) {
  const ids = useStore((s) => s.connectorIds);
  return (
    <>
      {ids.map((id) => (
        <ConnectorShape key={id} id={id} onEditLabel={onEditLabel} />
      ))}
    </>
  );
}

/** Fingers need bigger handles than a mouse. */
const COARSE_POINTER = typeof matchMedia !== 'undefined' && matchMedia('(pointer: coarse)').matches;

/** A note or area smaller than this on screen (CSS px) gets no resize handles. */
const MIN_HANDLES_PX = 48;

/** Resize handles for a single selected note or area; commits the new size on release. */
export function SelectionTransformer() {
  const ref = useRef<KonvaTransformer>(null);
  const single = useStore((s) => {
    const id = s.selection.length === 1 && !s.editingNote && !s.readOnly ? s.selection[0]! : null;
    const rec = id ? (s.notes[id] ?? s.areas[id]) : undefined;
    // Far out, handles would cover the whole note and catch its taps: no resizing there.
    return rec && Math.min(rec.w, rec.h) * s.viewport.scale >= MIN_HANDLES_PX ? id : null;
  });
  const version = useStore((s) => (single ? (s.notes[single] ?? s.areas[single]) : undefined));
  const actions = useActions();
  useEffect(() => {
    const tr = ref.current;
    if (!tr) return;
    const node = single ? tr.getStage()?.findOne(`#${single}`) : undefined;
    tr.nodes(node ? [node] : []);
    tr.getLayer()?.batchDraw();
  }, [single, version]);
  const isArea = single ? single in useStore.getState().areas : false;
  return (
    <Transformer
      ref={ref}
      rotateEnabled={false}
      keepRatio={false}
      ignoreStroke
      anchorSize={COARSE_POINTER ? 24 : 14}
      borderStroke="#1a73e8"
      anchorStroke="#1a73e8"
      boundBoxFunc={(oldBox, newBox) => {
        const min = (isArea ? MIN_AREA_SIZE : MIN_NOTE_SIZE) * (ref.current?.getStage()?.scaleX() ?? 1);
        return newBox.width < min || newBox.height < min ? oldBox : newBox;
      }}
      onTransformEnd={() => {
        const node = ref.current?.nodes()[0];
        if (!node || !single) return;
        const s = useStore.getState();
        const rec = s.notes[single] ?? s.areas[single];
        if (!rec) return;
        const w = rec.w * node.scaleX();
        const h = rec.h * node.scaleY();
        node.scale({ x: 1, y: 1 });
        if (single in s.notes) {
          actions.setNoteBounds(single, { x: node.x(), y: node.y(), w, h });
        } else {
          actions.setAreaBounds(single, { x: node.x(), y: node.y(), w, h });
        }
      }}
    />
  );
}

/** Other people's cursors with their names, kept the same size on screen at any zoom. */
export function Cursors() {
  const peers = useStore(useShallow((s) => Object.values(s.peers).filter((p) => p.cursor)));
  const scale = useStore((s) => s.viewport.scale);
  const k = 1 / scale;
  return (
    <>
      {peers.map((p) => (
        <Group key={p.clientId} x={p.cursor!.x} y={p.cursor!.y} scaleX={k} scaleY={k} listening={false}>
          <Line points={[0, 0, 0, 20, 5, 15, 14, 15]} closed fill={p.color} stroke="#fff" strokeWidth={1.5} />
          <Label x={12} y={18}>
            <Tag fill={p.color} cornerRadius={4} />
            <Text text={p.name} fontSize={14} fontFamily={FONT_FAMILY} fill="#fff" padding={4} fontStyle="bold" />
          </Label>
        </Group>
      ))}
    </>
  );
}

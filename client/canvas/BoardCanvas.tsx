/**
 * The infinite canvas: a Konva Stage that fills its container, with layers for areas and connectors,
 * notes, selection, and other people's cursors.
 *
 * Why: dragging empty space pans (the Stage is draggable), the wheel and two fingers zoom, and a
 * double-click or double-tap on empty space makes a note there and opens it for typing.
 */
import type { KonvaEventObject, Node as KonvaNode } from 'konva/lib/Node';
import type { Rect as KonvaRect } from 'konva/lib/shapes/Rect';
import { lazy, Suspense, useLayoutEffect, useRef, useState } from 'react';
import { useActions } from '../sync/sessionContext.ts';
import { useT } from '../i18n/i18n.ts';
import { useStore } from '../store/store.ts';
import { clearEditing, editNote, panTo, select, setScreen, stopFollowing, toBoard } from '../store/ui.ts';
import { isPointLockedForMe } from '../store/locks.ts';
import {
  beginMarquee,
  endMarquee,
  isMarqueeActive,
  moveMarquee,
  onPinchEnd,
  onPinchMove,
  onWheel,
  trackCursor,
} from '../tools/stageGestures.ts';
import { Layer, Rect, Stage } from './konva.ts';
import { Cursors } from './Cursors.tsx';
import { CrowdCounts } from './CrowdCounts.tsx';
import { Connectors, VisibleAreas, VisibleClusters, VisibleNotes } from './layers.tsx';
import { MindMapCentre, WallCardsLayer } from './WallCards.tsx';
import { pressBegan } from '../tools/carryDrag.ts';
import { boardTaps } from '../tools/doubleTap.ts';
import { enterCanvas, registerCanvas } from '../tools/keyboardFocus.ts';
import { setCanvasFocused } from '../store/focus.ts';
import { FocusRing } from './FocusRing.tsx';
import { FocusAnnouncer } from './FocusAnnouncer.tsx';

// The resize handles load after the first picture (nothing is selected before it), then stay.
const SelectionTransformer = lazy(() => import('./SelectionTransformer.tsx').then((m) => ({ default: m.SelectionTransformer })));

/** The board's Stage, sized to its container once measured. */
export function BoardCanvas() {
  const container = useRef<HTMLDivElement>(null);
  const marqueeRect = useRef<KonvaRect>(null);
  const viewport = useStore((s) => s.viewport);
  const screen = useStore((s) => s.screen);
  const noteCount = useStore((s) => s.noteIds.length);
  const actions = useActions();
  const t = useT();

  // The stage is made once the container's size is known: resizing it later reallocates every
  // layer's canvases (tens of ms on a tablet, on the way to the first picture).
  const [measured, setMeasured] = useState(false);
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const measure = () => setScreen(el.clientWidth, el.clientHeight);
    measure();
    setMeasured(true);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    registerCanvas(el);
    return () => {
      observer.disconnect();
      registerCanvas(null);
    };
  }, []);

  const onEmpty = (e: KonvaEventObject<Event>) => e.target === e.target.getStage();

  // After a touch, browsers also send emulated mouse events (click, dblclick) for the same tap:
  // those are ignored, or a double-tap would make two notes and its own click would end editing.
  const taps = useRef(boardTaps);
  const emulated = (e: KonvaEventObject<Event>) => taps.current.followsTouch(e.evt);
  const lastCreated = useRef({ at: 0, type: '' });
  // A double-click (Konva's dblclick), or the second tap of a double tap (tools/doubleTap.ts decides).
  const newNoteAtPointer = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    const last = lastCreated.current;
    if (!onEmpty(e) || emulated(e) || useStore.getState().readOnly || (e.type !== last.type && performance.now() - last.at < 500)) return;
    lastCreated.current = { at: performance.now(), type: e.type };
    const p = e.target.getStage()?.getPointerPosition();
    if (!p) return;
    const at = toBoard(useStore.getState().viewport, p);
    if (isPointLockedForMe(useStore.getState(), at)) return;
    editNote(actions.addNoteAt(at));
  };

  return (
    <div
      ref={container}
      className="canvas"
      data-testid="canvas"
      role="application"
      aria-label={t('canvasLabel', noteCount)}
      // One stop in the tab order; the notes inside are reached with Tab (tools/keyboardFocus.ts).
      tabIndex={0}
      aria-describedby="canvas-keys"
      onFocus={(e) => {
        if (e.target !== e.currentTarget) return;
        setCanvasFocused(true);
        enterCanvas(e.relatedTarget);
      }}
      onBlur={(e) => {
        if (e.target === e.currentTarget) setCanvasFocused(false);
      }}
      // Pressing the board never moves keyboard focus: the note editor keeps it (a tap's emulated
      // mouse events would otherwise close it right after a double-tap opened it). Taps on the
      // board end editing explicitly instead.
      onMouseDown={(e) => e.preventDefault()}
    >
      <p id="canvas-keys" className="visually-hidden">{t('canvasKeys')}</p>
      <FocusAnnouncer />
      {measured && (
      <Stage
        width={screen.w}
        height={screen.h}
        x={viewport.x}
        y={viewport.y}
        scaleX={viewport.scale}
        scaleY={viewport.scale}
        draggable
        onDragStart={(e) => {
          if (e.target === e.target.getStage()) stopFollowing();
        }}
        onDragMove={(e) => {
          if (e.target !== e.target.getStage()) return;
          panTo(e.target.x(), e.target.y());
        }}
        onWheel={(e) => {
          stopFollowing();
          onWheel(e);
        }}
        onMouseDown={(e) => {
          if (!emulated(e)) pressBegan(0);
          // A mouse's double-click opens a note the first press was on, as a double tap does.
          if (!emulated(e)) taps.current.touched(e.target.getStage()?.getPointerPosition(), noteUnder(e.target), onEmpty(e));
          if (onEmpty(e) && e.evt.shiftKey && e.evt.button === 0) beginMarquee(e.target.getStage()!, marqueeRect.current);
        }}
        onMouseMove={(e) => {
          const stage = e.target.getStage()!;
          if (isMarqueeActive()) moveMarquee(stage);
          trackCursor(stage, actions);
        }}
        onMouseUp={(e) => endMarquee(e.target.getStage()!)}
        onMouseLeave={() => actions.setCursor(null)}
        onTouchMove={(e) => {
          if (onPinchMove(e)) stopFollowing();
          else trackCursor(e.target.getStage()!, actions);
        }}
        onTouchEnd={(e) => {
          taps.current.touchEvent(e.evt.timeStamp);
          onPinchEnd(e);
          if (e.evt.touches.length === 0) actions.setCursor(null);
        }}
        onTouchStart={(e) => {
          taps.current.touchEvent(e.evt.timeStamp);
          pressBegan(e.evt.touches.length);
          // A second finger makes the gesture a pan or a pinch: neither a tap nor half a double tap.
          if (e.evt.touches.length === 1) taps.current.touched(e.target.getStage()?.getPointerPosition(), noteUnder(e.target), onEmpty(e));
          else taps.current.moreFingers();
        }}
        onClick={(e) => {
          if (!onEmpty(e) || e.evt.shiftKey || emulated(e)) return;
          select([]);
          clearEditing();
        }}
        onTap={(e) => {
          // Timed by the touches' own time stamps, so a busy page keeps its double taps.
          if (!taps.current.isTap()) return;
          const double = taps.current.tapped(e.evt.timeStamp);
          if (!onEmpty(e)) return;
          select([]);
          clearEditing();
          if (double && taps.current.firstOnBoard()) newNoteAtPointer(e);
        }}
        onDblClick={newNoteAtPointer}
      >
        <Layer name="areas-layer">
          <VisibleAreas />
          <MindMapCentre />
          <WallCardsLayer />
          <VisibleClusters />
          <Connectors />
        </Layer>
        <Layer name="notes-layer">
          <VisibleNotes />
        </Layer>
        <Layer name="selection-layer">
          <Suspense fallback={null}>
            <SelectionTransformer />
          </Suspense>
          <FocusRing />
          <Rect ref={marqueeRect} visible={false} fill="rgba(26,115,232,0.12)" stroke="#1a73e8" strokeWidth={1} listening={false} />
        </Layer>
        <Layer name="presence-layer" listening={false}>
          <Cursors />
          <CrowdCounts />
        </Layer>
      </Stage>
      )}
    </div>
  );
}

/** The note a press began on (the note shape containing `target`), or null. */
function noteUnder(target: KonvaNode): string | null {
  return target.findAncestor('.note', true)?.id() || null;
}

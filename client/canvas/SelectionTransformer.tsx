/**
 * Resize handles for a single selected note or area; commits the new size on release.
 *
 * Why a module of its own: Konva's Transformer is the largest shape it has, and a board is drawn
 * before anything is selected; the canvas loads this after its first picture (see BoardCanvas).
 */
import 'konva/lib/shapes/Transformer';
import type { Transformer as KonvaTransformer } from 'konva/lib/shapes/Transformer';
import { useEffect, useRef } from 'react';
import { Transformer } from 'react-konva/lib/ReactKonvaCore';
import { MIN_AREA_SIZE, MIN_NOTE_SIZE } from '../../shared/index.ts';
import { mayUse } from '../store/participantTools.ts';
import { useStore } from '../store/store.ts';
import { useActions } from '../sync/sessionContext.ts';

/** Fingers need bigger handles than a mouse. */
const COARSE_POINTER = typeof matchMedia !== 'undefined' && matchMedia('(pointer: coarse)').matches;

/** A note or area smaller than this on screen (CSS px) gets no resize handles. */
const MIN_HANDLES_PX = 48;

/** Resize handles on the one selected note or area, when it is large enough on screen to hold them. */
export function SelectionTransformer() {
  const ref = useRef<KonvaTransformer>(null);
  const single = useStore((s) => {
    const id = s.selection.length === 1 && !s.editingNote && !s.readOnly ? s.selection[0]! : null;
    // An area is resized only where areas are a tool this person may use.
    const rec = id ? (s.notes[id] ?? (mayUse(s, 'areas') ? s.areas[id] : undefined)) : undefined;
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


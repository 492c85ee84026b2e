/**
 * How an area's name is drawn on the projector: at least 32 px at any zoom, wrapped whole (never cut
 * short), in a title bar as tall as it needs, and kept at the top-left edge of the window the
 * projector shows when the area's own top edge is above it.
 *
 * Why: the projector frames the notes, not the empty area around them, so an area's top edge is often
 * out of view; the room must still read which table or column the notes are in, from 10 m away.
 * Elsewhere (every other screen) names are drawn as they always are.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Text as KonvaText } from 'konva/lib/shapes/Text';
import type { Area } from '../../shared/index.ts';
import { useProjector } from '../store/projector.ts';
import { useStore } from '../store/store.ts';
import { projectorTitleSize } from './projectorLayout.ts';

/** The area's name as drawn: font size, wrapping, bar height and where name and bar sit in the area. */
export interface AreaTitle {
  ref: RefObject<KonvaText | null>;
  size: number;
  wrap: 'word' | 'none';
  bar: number;
  /** The bar's top in the area. */
  dy: number;
  /** The name's top-left in the area, and its width. */
  x: number;
  y: number;
  width: number;
}

/** Largest name on the projector, CSS px (it must fit the band the frame keeps above the notes). */
const MAX_TITLE_PX = 44;

/** The name of `area` (font `base`, bar `baseBar` board units), as this screen draws it. */
export function useAreaTitle(area: Area | undefined, base: number, baseBar: number): AreaTitle {
  const projector = useStore((s) => s.me.role === 'projector');
  const viewport = useStore((s) => (s.me.role === 'projector' ? s.viewport : null));
  const shown = useProjector((p) => p.window);
  const screen = useStore((s) => s.screen);
  const ref = useRef<KonvaText>(null);
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const h = projector ? (ref.current?.height() ?? 0) : 0;
    if (Math.abs(h - height) > 1) setHeight(h);
  });
  if (!projector || !viewport || !area) {
    return { ref, size: base, wrap: 'none', bar: baseBar, dy: 0, x: 16, y: 12, width: Math.max(0, (area?.w ?? 0) - 32) };
  }
  const k = viewport.scale;
  // Sizes in screen pixels: a name is 34-44 px tall at any zoom.
  const size = Math.min(Math.max(base, projectorTitleSize(base, k)), MAX_TITLE_PX / k);
  const padX = 14 / k, padY = 8 / k;
  const bar = Math.max(height + 2 * padY, size + 2 * padY);
  // The window's corners on the board: the name stays inside the window.
  const win = shown ?? { x: 0, y: 0, w: screen.w, h: screen.h };
  const top = (win.y - viewport.y) / k;
  const left = (win.x - viewport.x) / k;
  const right = (win.x + win.w - viewport.x) / k;
  const dy = clamp(top - area.y, 0, Math.max(0, area.h - bar));
  const dx = clamp(left - area.x, 0, Math.max(0, area.w - 12 * size));
  const width = Math.max(0, Math.min(area.w - dx - 2 * padX, right - area.x - dx - 2 * padX));
  return { ref, size, wrap: 'word', bar, dy, x: dx + padX, y: dy + padY, width };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

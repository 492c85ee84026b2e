/**
 * The overview map: every area and note as a small rectangle, the visible part as a frame; a click
 * or tap moves the view there.
 *
 * Why: on an infinite canvas with many tables at once, people need to see where they are, and the
 * whole board before any one part of it. A plain 2D canvas redrawn at most once per frame; the
 * content is drawn only when it changes.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n.ts';
import { useStore, type StoreState } from '../store/store.ts';
import { centerOn, contentBounds } from '../store/ui.ts';

const W = 200;
const H = 130;

type Bounds = { x: number; y: number; w: number; h: number };

interface Map2D {
  k: number;
  ox: number;
  oy: number;
}

/** How a part of the board fits the map (centred, aspect kept). */
function mapOf(bounds: Bounds): Map2D {
  const k = Math.min(W / bounds.w, H / bounds.h);
  return { k, ox: bounds.x - (W / k - bounds.w) / 2, oy: bounds.y - (H / k - bounds.h) / 2 };
}

/**
 * The areas and notes drawn once into a canvas of their own, again only when they change: a pan
 * then costs one image copy and a frame, not a rectangle per note (20,000 of them on a big board).
 */
let drawn: { notes: StoreState['notes']; areas: StoreState['areas']; bounds: Bounds | null; map: Map2D | null; layer: HTMLCanvasElement } | null = null;

function contentLayer(s: StoreState): { bounds: Bounds | null; map: Map2D | null; layer: HTMLCanvasElement } {
  if (drawn && drawn.notes === s.notes && drawn.areas === s.areas) return drawn;
  const layer = drawn?.layer ?? Object.assign(document.createElement('canvas'), { width: W, height: H });
  const bounds = contentBounds(Object.values(s.notes), Object.values(s.areas));
  const map = bounds ? mapOf(bounds) : null;
  const c = layer.getContext('2d')!;
  c.clearRect(0, 0, W, H);
  if (map) {
    const { k, ox, oy } = map;
    c.globalAlpha = 0.5;
    for (const id of s.areaIds) {
      const a = s.areas[id]!;
      c.fillStyle = a.color;
      c.fillRect((a.x - ox) * k, (a.y - oy) * k, a.w * k, a.h * k);
    }
    c.globalAlpha = 1;
    for (const id of s.noteIds) {
      const n = s.notes[id]!;
      c.fillStyle = n.color;
      c.fillRect((n.x - ox) * k, (n.y - oy) * k, Math.max(1.5, n.w * k), Math.max(1.5, n.h * k));
    }
  }
  drawn = { notes: s.notes, areas: s.areas, bounds, map, layer };
  return drawn;
}

function viewOf(s: StoreState) {
  const v = s.viewport;
  return { x: -v.x / v.scale, y: -v.y / v.scale, w: s.screen.w / v.scale, h: s.screen.h / v.scale };
}

/** The map now: the board's content and the view together (the view's frame always shows). */
function layout(s: StoreState): Map2D {
  const view = viewOf(s);
  const bounds = contentLayer(s).bounds ?? view;
  const x = Math.min(bounds.x, view.x);
  const y = Math.min(bounds.y, view.y);
  return mapOf({ x, y, w: Math.max(bounds.x + bounds.w, view.x + view.w) - x, h: Math.max(bounds.y + bounds.h, view.y + view.h) - y });
}

function draw(canvas: HTMLCanvasElement, s: StoreState): void {
  const c = canvas.getContext('2d');
  if (!c) return;
  const { layer, map: drawnAt } = contentLayer(s);
  const { k, ox, oy } = layout(s);
  const view = viewOf(s);
  c.clearRect(0, 0, W, H);
  // The cached content, placed (and scaled) where the current map puts it.
  if (drawnAt) c.drawImage(layer, (drawnAt.ox - ox) * k, (drawnAt.oy - oy) * k, (W * k) / drawnAt.k, (H * k) / drawnAt.k);
  c.strokeStyle = '#1a73e8';
  c.lineWidth = 2;
  c.strokeRect((view.x - ox) * k, (view.y - oy) * k, view.w * k, view.h * k);
}

/** The overview map in a corner of the board. */
export function Minimap() {
  const ref = useRef<HTMLCanvasElement>(null);
  const t = useT();
  useEffect(() => {
    let frame = 0;
    const redraw = () => {
      frame = 0;
      if (ref.current) draw(ref.current, useStore.getState());
    };
    redraw();
    const unsubscribe = useStore.subscribe(() => {
      if (!frame) frame = requestAnimationFrame(redraw);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, []);
  return (
    <canvas
      ref={ref}
      className="minimap"
      width={W}
      height={H}
      role="img"
      aria-label={t('overview')}
      title={t('overview')}
      onPointerDown={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        const { k, ox, oy } = layout(useStore.getState());
        centerOn({ x: (e.clientX - box.left) / k + ox, y: (e.clientY - box.top) / k + oy });
      }}
    />
  );
}

/**
 * The overview map: every area and note as a small rectangle, the visible part as a frame; a click
 * or tap moves the view there.
 *
 * Why: on an infinite canvas with many tables at once, people need to see where they are (principle 2:
 * the whole elephant). A plain 2D canvas redrawn at most once per frame costs next to nothing.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n.ts';
import { useStore, type StoreState } from '../store/store.ts';
import { centerOn, contentBounds } from '../store/ui.ts';

const W = 200;
const H = 130;

function layout(s: StoreState) {
  const v = s.viewport;
  const view = { x: -v.x / v.scale, y: -v.y / v.scale, w: s.screen.w / v.scale, h: s.screen.h / v.scale };
  const content = contentBounds(Object.values(s.notes), Object.values(s.areas)) ?? view;
  const minX = Math.min(content.x, view.x);
  const minY = Math.min(content.y, view.y);
  const maxX = Math.max(content.x + content.w, view.x + view.w);
  const maxY = Math.max(content.y + content.h, view.y + view.h);
  const k = Math.min(W / (maxX - minX), H / (maxY - minY));
  return { k, ox: minX - (W / k - (maxX - minX)) / 2, oy: minY - (H / k - (maxY - minY)) / 2, view };
}

function draw(canvas: HTMLCanvasElement, s: StoreState): void {
  const c = canvas.getContext('2d');
  if (!c) return;
  const { k, ox, oy, view } = layout(s);
  c.clearRect(0, 0, W, H);
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
  c.strokeStyle = '#1a73e8';
  c.lineWidth = 2;
  c.strokeRect((view.x - ox) * k, (view.y - oy) * k, view.w * k, view.h * k);
}

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

/**
 * Head counts on the canvas while the board is a crowd: a badge "12 people" at the top right of each
 * area with people in it, the same size on screen at any zoom.
 *
 * Why: in a crowd a screen draws cursors only for the facilitator and the people at its own area; the
 * rest of the room is one number per area (from the server's summary), so a tablet shows where people
 * are working without a swarm of 300 cursors.
 */
import { useLayoutEffect, useRef } from 'react';
import type KonvaTypes from 'konva';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n/i18n.ts';
import { useStore } from '../store/store.ts';
import { FONT_FAMILY } from './fitText.ts';
import { Label, Tag, Text } from './konva.ts';

/** Each area's head count, while the board is a crowd. */
export function CrowdCounts() {
  const counts = useStore(
    useShallow((s) => {
      if (!s.crowd) return [] as string[];
      return Object.entries(s.crowd.counts)
        .filter(([id, n]) => id && n > 0 && s.areas[id])
        .map(([id, n]) => `${id}:${n}`);
    }),
  );
  const scale = useStore((s) => s.viewport.scale);
  return (
    <>
      {counts.map((entry) => {
        const at = entry.lastIndexOf(':');
        return <HeadCount key={entry.slice(0, at)} areaId={entry.slice(0, at)} count={Number(entry.slice(at + 1))} scale={scale} />;
      })}
    </>
  );
}

/** Below this width on screen (px) an area's badge is just the number, smaller. */
const NARROW_AREA_PX = 150;

function HeadCount({ areaId, count, scale }: { areaId: string; count: number; scale: number }) {
  const t = useT();
  const area = useStore((s) => s.areas[areaId]);
  const ref = useRef<KonvaTypes.Label>(null);
  const narrow = (area?.w ?? 0) * scale < NARROW_AREA_PX;
  const text = narrow ? String(count) : t('crowdHeadCount', count);
  const k = 1 / scale;
  // Right-aligned inside the area's top right corner: the offset is the badge's own width.
  useLayoutEffect(() => {
    ref.current?.offsetX(ref.current.width() + (narrow ? 3 : 8));
  }, [text, narrow]);
  if (!area) return null;
  return (
    <Label ref={ref} name="head-count" x={area.x + area.w} y={area.y} offsetY={narrow ? -3 : -8} scaleX={k} scaleY={k} listening={false}>
      <Tag fill="#1f2d3d" opacity={0.88} cornerRadius={narrow ? 8 : 12} />
      <Text text={text} fontSize={narrow ? 12 : 16} fontFamily={FONT_FAMILY} fill="#fff" padding={narrow ? 3 : 6} fontStyle="bold" />
    </Label>
  );
}

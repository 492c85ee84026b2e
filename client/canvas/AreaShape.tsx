/**
 * One area: a named rectangle behind the notes. Its title bar is the handle: drag it to move the area
 * with the notes inside it, tap it to select (resize handles), double-click or double-tap to rename.
 * The body lets pointer events through to the board, so panning and making notes work inside areas.
 *
 * Why: areas are the tables, lanes and columns of a workshop; people move a whole table's work at
 * once, but on a tablet an area covering the screen must not swallow every pan.
 */
import type { KonvaEventObject } from 'konva/lib/Node';
import { memo, useRef } from 'react';
import { notesInArea } from '../../shared/index.ts';
import { useActions } from '../sync/sessionContext.ts';
import { useArea, useBusyColor, useIsSelected } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { editArea, select, toggleSelected } from '../store/ui.ts';
import { isLockedForMe } from '../store/locks.ts';
import { useT } from '../i18n/i18n.ts';
import { FONT_FAMILY } from './fitText.ts';
import { Group, Rect, Text, type Konva } from './konva.ts';

export const AREA_TITLE_SIZE = 30;
/** Height of the title bar (the area's handle), in board units. */
export const AREA_BAR = 56;

export const AreaShape = memo(function AreaShape({ id }: { id: string }) {
  const t = useT();
  const area = useArea(id);
  const selected = useIsSelected(id);
  const busyColor = useBusyColor(id);
  const spaceHeld = useStore((s) => s.spaceHeld);
  const readOnly = useStore((s) => isLockedForMe(s, id));
  const actions = useActions();
  const carried = useRef<{ ids: string[]; start: Map<string, { x: number; y: number }>; origin: { x: number; y: number } } | null>(null);
  if (!area) return null;

  const onSelect = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    e.cancelBubble = true;
    if (useStore.getState().editingNote) useStore.setState({ editingNote: null });
    if ('shiftKey' in e.evt && e.evt.shiftKey) toggleSelected(id);
    else select([id]);
  };

  return (
    <Group
      id={id}
      name="area"
      x={area.x}
      y={area.y}
      draggable={!spaceHeld && !readOnly}
      onClick={onSelect}
      onTap={onSelect}
      onDblClick={(e) => {
        e.cancelBubble = true;
        if (!readOnly) editArea(id);
      }}
      onDblTap={(e) => {
        e.cancelBubble = true;
        if (!readOnly) editArea(id);
      }}
      onDragStart={(e: KonvaEventObject<DragEvent>) => {
        const node = e.currentTarget as unknown as Konva.Group;
        const s = useStore.getState();
        const ids = notesInArea(Object.values(s.notes), area);
        carried.current = { ids, start: new Map(ids.map((n) => [n, { x: s.notes[n]!.x, y: s.notes[n]!.y }])), origin: { x: node.x(), y: node.y() } };
        select([id]);
        actions.setBusy([id, ...ids]);
      }}
      onDragMove={(e: KonvaEventObject<DragEvent>) => {
        const c = carried.current;
        const node = e.currentTarget as unknown as Konva.Group;
        if (!c) return;
        const dx = node.x() - c.origin.x;
        const dy = node.y() - c.origin.y;
        const notesLayer = node.getStage()?.findOne('.notes-layer') as Konva.Layer | undefined;
        for (const n of c.ids) {
          const s = c.start.get(n)!;
          notesLayer?.findOne(`#${n}`)?.position({ x: s.x + dx, y: s.y + dy });
        }
        useStore.setState({ drag: { ids: c.ids, dx, dy } });
      }}
      onDragEnd={(e: KonvaEventObject<DragEvent>) => {
        const c = carried.current;
        const node = e.currentTarget as unknown as Konva.Group;
        carried.current = null;
        if (!c) return;
        const dx = node.x() - c.origin.x;
        const dy = node.y() - c.origin.y;
        actions.moveArea(id, { dx, dy }, c.ids);
        // New positions into the store at once, with the drag offset cleared (no flash back).
        useStore.setState((s) => {
          const notes = { ...s.notes };
          for (const n of c.ids) if (notes[n]) notes[n] = { ...notes[n]!, x: c.start.get(n)!.x + dx, y: c.start.get(n)!.y + dy };
          const a = s.areas[id];
          return { notes, areas: a ? { ...s.areas, [id]: { ...a, x: a.x + dx, y: a.y + dy } } : s.areas, drag: null };
        });
        actions.setBusy([]);
      }}
    >
      <Rect width={area.w} height={area.h} fill={area.color} opacity={0.45} cornerRadius={10} listening={false} perfectDrawEnabled={false} />
      <Rect width={area.w} height={AREA_BAR} fill={area.color} opacity={0.9} cornerRadius={[10, 10, 0, 0]} perfectDrawEnabled={false} />
      <Rect
        width={area.w}
        height={area.h}
        cornerRadius={10}
        stroke={selected ? '#1a73e8' : (busyColor ?? '#7d8b99')}
        strokeWidth={selected || busyColor ? 4 : 2}
        dash={selected ? undefined : [12, 8]}
        listening={false}
      />
      <Text
        text={area.locked ? `${area.name} · ${t('lockedMark')}` : area.name}
        x={16}
        y={12}
        width={Math.max(0, area.w - 32)}
        fontSize={AREA_TITLE_SIZE}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill="#2b3a4a"
        wrap="none"
        ellipsis
        listening={false}
      />
    </Group>
  );
});

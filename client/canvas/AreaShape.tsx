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
import { areaName, notesInArea } from '../../shared/index.ts';
import { useActions } from '../sync/sessionContext.ts';
import { useArea, useBusyColor, useIsSelected } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { editArea, editNote, select, toggleSelected } from '../store/ui.ts';
import { isLockedForMe } from '../store/locks.ts';
import { mayUse } from '../store/participantTools.ts';
import { beginCarry, endCarry, moveCarry, type Carry } from '../tools/carryDrag.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { FONT_FAMILY } from './fitText.ts';
import { useAreaTitle } from './projectorTitles.ts';
import { Group, Rect, Text, type Konva } from './konva.ts';
import { directionProps } from './textDirection.ts';

/** Font size of an area's name, in board units. */
export const AREA_TITLE_SIZE = 30;
/** Height of the title bar (the area's handle), in board units. */
export const AREA_BAR = 56;

/** Area `id`, drawn when it is on or near the screen. */
export const AreaShape = memo(function AreaShape({ id }: { id: string }) {
  const t = useT();
  const lang = useLangValue();
  const area = useArea(id);
  const selected = useIsSelected(id);
  const busyColor = useBusyColor(id);
  const spaceHeld = useStore((s) => s.spaceHeld);
  const readOnly = useStore((s) => isLockedForMe(s, id) || !mayUse(s, 'areas'));
  const actions = useActions();
  const carried = useRef<Carry | null>(null);
  // On the projector the name is large, whole, and stays in view (projectorTitles.ts).
  const title = useAreaTitle(area, AREA_TITLE_SIZE, AREA_BAR);
  if (!area) return null;

  const onSelect = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    e.cancelBubble = true;
    if (useStore.getState().editingNote) editNote(null);
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
        const s = useStore.getState();
        carried.current = beginCarry(e.currentTarget as unknown as Konva.Group, notesInArea(Object.values(s.notes), area));
        select([id]);
        actions.setBusy([id, ...carried.current.ids]);
      }}
      onDragMove={(e: KonvaEventObject<DragEvent>) => {
        if (carried.current) moveCarry(carried.current, e.currentTarget as unknown as Konva.Group);
      }}
      onDragEnd={(e: KonvaEventObject<DragEvent>) => {
        const c = carried.current;
        carried.current = null;
        if (!c) return;
        endCarry(c, e.currentTarget as unknown as Konva.Group, ({ dx, dy }) => actions.moveArea(id, { dx, dy }, c.ids));
        actions.setBusy([]);
      }}
    >
      <Rect width={area.w} height={area.h} fill={area.color} opacity={0.45} cornerRadius={10} listening={false} perfectDrawEnabled={false} />
      <Rect y={title.dy} width={area.w} height={Math.min(title.bar, area.h)} fill={area.color} opacity={0.9} cornerRadius={[10, 10, 0, 0]} perfectDrawEnabled={false} />
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
        ref={title.ref}
        text={area.locked ? `${areaName(area, lang)} · ${t('lockedMark')}` : areaName(area, lang)}
        x={title.x}
        y={title.y}
        width={title.width}
        fontSize={title.size}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill="#2b3a4a"
        wrap={title.wrap}
        ellipsis={title.wrap === 'none'}
        {...directionProps(areaName(area, lang))}
        listening={false}
      />
    </Group>
  );
});

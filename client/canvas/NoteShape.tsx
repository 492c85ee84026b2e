/**
 * One sticky note on the canvas: drag (mouse, finger, pen), tap/click to select, double-click or
 * double-tap to edit, long-press to add to the selection.
 *
 * Why: each note subscribes to its own record only, so one edit re-renders one note. Konva nodes
 * move during a drag; the model is written once, on drop.
 */
import type { KonvaEventObject } from 'konva/lib/Node';
import { memo, useEffect, useRef } from 'react';
import { useActions } from '../sync/sessionContext.ts';
import { useBusyColor, useIsSelected, useNote } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { toggleSelected } from '../store/ui.ts';
import { FONT_FAMILY, NOTE_PADDING } from './fitText.ts';
import { groupMarkLabel, tint } from './groupMarks.ts';
import { Group, Rect, Text, type Konva } from './konva.ts';
import { beginNoteDrag, endNoteDrag, moveNoteDrag } from '../tools/noteDrag.ts';
import { isAdding, openNote, tapNote } from '../tools/noteTap.ts';
import { boardTaps } from '../tools/doubleTap.ts';
import { useNoteDecor } from '../store/cocreationSelectors.ts';
import { useDotMarks } from '../store/groupMarkSelectors.ts';
import { isLockedForMe } from '../store/locks.ts';
import { isPrivateFrom } from '../../shared/index.ts';
import { useT } from '../i18n/i18n.ts';
import { DotRow } from './DotRow.tsx';
import { GroupMark, GroupStrip, markWidth } from './GroupMark.tsx';
import { ACTION_BAND, markBottom, noteFontSize, noteTextHeight } from './noteText.ts';
import { directionProps } from './textDirection.ts';

const LONG_PRESS_MS = 500;
/** Below this zoom, note text is not drawn (it would be under 4 px tall). */
export const TEXT_MIN_SCALE = 0.2;
/** Below this zoom, notes are drawn without shadows. */
export const SHADOW_MIN_SCALE = 0.5;

/** Note `id`: its card, text, dots and marks, draggable unless it is locked for me. */
export const NoteShape = memo(function NoteShape({ id }: { id: string }) {
  const note = useNote(id);
  const selected = useIsSelected(id);
  const busyColor = useBusyColor(id);
  const editing = useStore((s) => s.editingNote === id);
  const spaceHeld = useStore((s) => s.spaceHeld);
  const readOnly = useStore((s) => isLockedForMe(s, id));
  // Level of detail: far out, text is unreadable and shadows cost; each note re-renders only when
  // the zoom crosses these thresholds, not on every zoom step.
  const showText = useStore((s) => s.viewport.scale >= TEXT_MIN_SCALE);
  const showShadow = useStore((s) => s.viewport.scale >= SHADOW_MIN_SCALE);
  const { strip, groupFill, lens, dots } = useNoteDecor(id, note?.groupId ?? null);
  // Each dot's group label, read from the group itself (two groups may share a colour).
  const dotMarks = useDotMarks(id);
  const markLabel = useStore((s) => groupMarkLabel(s.groups, note?.groupId));
  // Private writing: someone else's new note shows as a blank card until the reveal.
  const hidden = useStore((s) => (note ? isPrivateFrom(note, s.me, s.facilitation.privateWriting) : false));
  const actions = useActions();
  const pressTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const longPressed = useRef(false);
  useEffect(() => () => clearTimeout(pressTimer.current), []);
  if (!note || lens === 'hidden') return null;
  if (hidden) return <PrivateNote x={note.x} y={note.y} w={note.w} h={note.h} />;

  // A group's tag takes the note's lower right corner (above an action card's band): the text box
  // ends above it.
  const mark = strip && markLabel ? { color: strip, label: markLabel } : null;
  const textHeight = noteTextHeight(note, mark !== null);
  const fontSize = noteFontSize(note, mark !== null);

  const onSelect = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    e.cancelBubble = true;
    if (!longPressed.current) tapNote(id, isAdding(e.evt), actions, false, e.evt.timeStamp);
  };
  // The click a browser makes up after a touch may land on a note that touch just made (and vote for
  // it): the touch's own tap acts instead. A mouse click still does.
  const onClick = (e: KonvaEventObject<MouseEvent>) => {
    if (boardTaps.followsTouch(e.evt)) e.cancelBubble = true;
    else onSelect(e);
  };
  // A tap ends a pan or pinch of two fingers: it is none. Two taps close in time (their own time
  // stamps, however long the page took to handle them) and place make a double tap.
  const onTap = (e: KonvaEventObject<TouchEvent>) => {
    e.cancelBubble = true;
    if (!boardTaps.isTap()) return;
    const double = boardTaps.tapped(e.evt.timeStamp);
    onSelect(e);
    if (double) onOpen(e);
  };
  const onOpen = (e: KonvaEventObject<Event>) => {
    e.cancelBubble = true;
    // Only a note that was under the finger when the double tap began (not one that arrived since).
    if (!boardTaps.firstOn(id)) return;
    openNote(id, readOnly);
  };

  const onTouchStart = () => {
    longPressed.current = false;
    pressTimer.current = setTimeout(() => {
      longPressed.current = true;
      toggleSelected(id);
      navigator.vibrate?.(20);
    }, LONG_PRESS_MS);
  };
  const cancelPress = () => clearTimeout(pressTimer.current);

  return (
    <Group
      id={id}
      name="note"
      x={note.x}
      y={note.y}
      opacity={lens === 'dim' ? 0.22 : 1}
      draggable={!spaceHeld && !editing && !readOnly}
      onClick={onClick}
      onTap={onTap}
      onDblClick={onOpen}
      onTouchStart={onTouchStart}
      onTouchEnd={cancelPress}
      onDragStart={(e: KonvaEventObject<DragEvent>) => {
        cancelPress();
        if (longPressed.current) {
          e.target.stopDrag();
          return;
        }
        beginNoteDrag(id, e.currentTarget as unknown as Konva.Group, actions);
      }}
      onDragMove={(e: KonvaEventObject<DragEvent>) => moveNoteDrag(e.currentTarget as unknown as Konva.Group)}
      onDragEnd={(e: KonvaEventObject<DragEvent>) => endNoteDrag(e.currentTarget as unknown as Konva.Group, actions)}
    >
      <Rect
        width={note.w}
        height={note.h}
        fill={groupFill ? tint(groupFill) : note.color}
        cornerRadius={3}
        shadowEnabled={showShadow}
        shadowColor="#000"
        shadowOpacity={0.18}
        shadowBlur={6}
        shadowOffsetY={2}
        shadowForStrokeEnabled={false}
        perfectDrawEnabled={false}
        stroke={selected ? '#1a73e8' : busyColor}
        strokeWidth={selected ? 3 : busyColor ? 4 : 0}
      />
      {strip && <GroupStrip color={strip} width={note.w} />}
      {!editing && showText && (
        <Text
          text={note.text}
          width={note.w}
          height={textHeight}
          padding={NOTE_PADDING}
          {...directionProps(note.text)}
          fontSize={fontSize}
          fontFamily={FONT_FAMILY}
          lineHeight={1.2}
          fill="#1d232b"
          wrap="word"
          ellipsis
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {note.kind === 'action' && showText && <ActionMarks w={note.w} h={note.h} owner={note.owner} volunteers={note.volunteers.length} />}
      {mark && showText && <GroupMark color={mark.color} label={mark.label} right={note.w - 6} bottom={markBottom(note)} />}
      {dots.length > 0 && <DotRow {...(dotMarks.length === dots.length ? { colors: dotMarks.map((d) => d.color), labels: dotMarks.map((d) => d.label) } : { colors: dots })} x={6} y={note.h - 26} width={note.w - 12 - (mark ? markWidth(mark.label) + 6 : 0)} />}
    </Group>
  );
});

/** An action card's band at the bottom: "ACTION · Owner: … · n volunteers". */
function ActionMarks({ w, h, owner, volunteers }: { w: number; h: number; owner: string; volunteers: number }) {
  const t = useT();
  return (
    <>
      <Rect y={h - ACTION_BAND} width={w} height={ACTION_BAND} fill="#1d232b" cornerRadius={[0, 0, 3, 3]} listening={false} />
      <Text
        x={8}
        y={h - 36}
        width={w - 16}
        height={34}
        lineHeight={1.1}
        verticalAlign="middle"
        text={`${t('actionLabel')} · ${t('actionFooter', owner || t('actionNoOwner'), volunteers)}`}
        fontSize={13}
        fontStyle="bold"
        fill="#ffffff"
        fontFamily={FONT_FAMILY}
        ellipsis
        listening={false}
      />
    </>
  );
}

/** A note someone is writing in private: its place and size, not its text. */
function PrivateNote({ x, y, w, h }: { x: number; y: number; w: number; h: number }) {
  const t = useT();
  return (
    <Group x={x} y={y} name="private-note" listening={false}>
      <Rect width={w} height={h} fill="#e9e6df" cornerRadius={3} stroke="#c9c3b6" strokeWidth={2} dash={[8, 6]} />
      <Text text={t('privateNote')} width={w} height={h} align="center" verticalAlign="middle" fontSize={16} fontFamily={FONT_FAMILY} fill="#6b6457" />
    </Group>
  );
}

/** A light tint of a group colour, so note text stays readable on it. */
export { tint } from './groupMarks.ts';

/**
 * One connector: an arrow from note to note, following both notes (also while they are dragged),
 * with an optional label. Click or tap selects it; double-click edits its label.
 *
 * Why: the trends mind map of a Future Search is notes joined by arrows; an arrow must never point at
 * where a note used to be.
 */
import { memo } from 'react';
import { mayUse } from '../store/participantTools.ts';
import { useStore } from '../store/store.ts';
import { editConnector, selectConnector } from '../store/ui.ts';
import { FONT_FAMILY } from './fitText.ts';
import { arrowPoints } from './geometry.ts';
import { Arrow, Group, Label, Tag, Text } from './konva.ts';

const NO_OFFSET = { dx: 0, dy: 0 };

/** The arrow of connector `id`; a double-click or double-tap opens its label editor. */
export const ConnectorShape = memo(function ConnectorShape({ id }: { id: string }) {
  const c = useStore((s) => s.connectors[id]);
  const from = useStore((s) => (c ? s.notes[c.from] : undefined));
  const to = useStore((s) => (c ? s.notes[c.to] : undefined));
  const offFrom = useStore((s) => (c && s.drag?.ids.includes(c.from) ? s.drag : NO_OFFSET));
  const offTo = useStore((s) => (c && s.drag?.ids.includes(c.to) ? s.drag : NO_OFFSET));
  const selected = useStore((s) => s.selectedConnector === id);
  if (!c || !from || !to) return null;
  const pts = arrowPoints(from, to, offFrom, offTo);
  const mid = { x: (pts[0]! + pts[2]!) / 2, y: (pts[1]! + pts[3]!) / 2 };
  const pick = (e: { cancelBubble: boolean }) => {
    e.cancelBubble = true;
    selectConnector(id);
  };
  const edit = (e: { cancelBubble: boolean }) => {
    e.cancelBubble = true;
    if (mayUse(useStore.getState(), 'connectors')) editConnector(id);
  };
  return (
    <Group onClick={pick} onTap={pick} onDblClick={edit} onDblTap={edit}>
      <Arrow
        points={pts}
        stroke={selected ? '#1a73e8' : '#44505c'}
        fill={selected ? '#1a73e8' : '#44505c'}
        strokeWidth={selected ? 5 : 3}
        pointerLength={16}
        pointerWidth={16}
        hitStrokeWidth={24}
      />
      {c.label && (
        <Label x={mid.x} y={mid.y} offsetX={(c.label.length * 18 * 0.55 + 10) / 2} offsetY={14} listening={false}>
          <Tag fill="#fffdf8" stroke="#44505c" strokeWidth={1} cornerRadius={6} pointerDirection="none" />
          <Text text={c.label} fontSize={18} fontFamily={FONT_FAMILY} fill="#1d232b" padding={5} />
        </Label>
      )}
    </Group>
  );
});

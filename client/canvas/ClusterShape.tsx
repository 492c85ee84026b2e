/**
 * One cluster of perspectives: a labelled outline around its notes that grows with them. The label
 * bar is the handle: drag it to move the cluster with its notes, tap to select (or to vote during a
 * cluster vote), double-click or double-tap to rename. It shows coverage (a filled circle for each
 * stakeholder group that has spoken, a hollow one for each that has not), the dots, and the standing.
 *
 * Why: principle 1 made visible on the wall itself: a glance shows which voices a theme is missing.
 */
import type { KonvaEventObject } from 'konva/lib/Node';
import { memo, useRef } from 'react';
import { CLUSTER_LABEL_HEIGHT } from '../../shared/index.ts';
import { useT } from '../i18n/i18n.ts';
import { useClusterCoverage, useClusterOutline, useDotColors, useStanding } from '../store/cocreationSelectors.ts';
import { clusterView } from '../store/derived.ts';
import { useIsSelected } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { select, toggleSelected } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';
import { isVoting, voteTap } from '../tools/voting.ts';
import { DotRow } from './DotRow.tsx';
import { FONT_FAMILY } from './fitText.ts';
import { Circle, Group, Rect, Text, type Konva } from './konva.ts';

const STANDING_COLOR = { commonGround: '#1b7f3b', notAgreed: '#b3261e', open: '' } as const;

export const ClusterShape = memo(function ClusterShape({ id }: { id: string }) {
  const t = useT();
  const box = useClusterOutline(id);
  const label = useStore((s) => s.clusters[id]?.label ?? '');
  const selected = useIsSelected(id);
  const readOnly = useStore((s) => s.readOnly);
  const spaceHeld = useStore((s) => s.spaceHeld);
  const coverage = useClusterCoverage(id);
  const dots = useDotColors(id);
  const standing = useStanding(id);
  const actions = useActions();
  const carried = useRef<{ ids: string[]; start: Map<string, { x: number; y: number }>; origin: { x: number; y: number } } | null>(null);
  if (!box) return null;

  const onTap = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    e.cancelBubble = true;
    if (voteTap(actions, id, 'clusters')) return;
    if ('shiftKey' in e.evt && e.evt.shiftKey) toggleSelected(id);
    else select([id]);
  };
  const rename = (e: KonvaEventObject<Event>) => {
    e.cancelBubble = true;
    if (!readOnly && !isVoting('clusters')) useStore.setState({ editingCluster: id });
  };
  const chips = [...coverage.present.map((c) => ({ c, on: true })), ...coverage.missing.map((c) => ({ c, on: false }))];
  // The coverage circles take at most a third of the bar, getting smaller with many groups; the
  // label keeps the rest.
  const step = chips.length ? Math.max(8, Math.min(22, box.w / 3 / chips.length)) : 0;
  const radius = Math.min(7, step / 2 - 1);
  const chipsWidth = chips.length * step;
  const badge = standing === 'open' ? '' : t(`standing_${standing}`);
  const barColor = STANDING_COLOR[standing] || '#37474f';

  return (
    <Group
      id={id}
      name="cluster"
      x={box.x}
      y={box.y}
      draggable={!readOnly && !spaceHeld}
      onClick={onTap}
      onTap={onTap}
      onDblClick={rename}
      onDblTap={rename}
      onDragStart={(e: KonvaEventObject<DragEvent>) => {
        const node = e.currentTarget as unknown as Konva.Group;
        const s = useStore.getState();
        const ids = clusterView(s).members.get(id) ?? [];
        carried.current = { ids, start: new Map(ids.map((n) => [n, { x: s.notes[n]!.x, y: s.notes[n]!.y }])), origin: { x: node.x(), y: node.y() } };
        select([id]);
        actions.setBusy(ids);
      }}
      onDragMove={(e: KonvaEventObject<DragEvent>) => {
        const c = carried.current;
        const node = e.currentTarget as unknown as Konva.Group;
        if (!c) return;
        const dx = node.x() - c.origin.x;
        const dy = node.y() - c.origin.y;
        const notesLayer = node.getStage()?.findOne('.notes-layer') as Konva.Layer | undefined;
        for (const n of c.ids) notesLayer?.findOne(`#${n}`)?.position({ x: c.start.get(n)!.x + dx, y: c.start.get(n)!.y + dy });
      }}
      onDragEnd={(e: KonvaEventObject<DragEvent>) => {
        const c = carried.current;
        const node = e.currentTarget as unknown as Konva.Group;
        carried.current = null;
        if (!c) return;
        const dx = node.x() - c.origin.x;
        const dy = node.y() - c.origin.y;
        if (dx !== 0 || dy !== 0) actions.moveCluster(c.ids.map((n) => ({ id: n, x: c.start.get(n)!.x + dx, y: c.start.get(n)!.y + dy })));
        useStore.setState((s) => {
          const notes = { ...s.notes };
          for (const n of c.ids) if (notes[n]) notes[n] = { ...notes[n]!, x: c.start.get(n)!.x + dx, y: c.start.get(n)!.y + dy };
          return { notes };
        });
        actions.setBusy([]);
      }}
    >
      <Rect
        width={box.w}
        height={box.h}
        cornerRadius={14}
        fill="#37474f"
        opacity={0.06}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Rect
        width={box.w}
        height={box.h}
        cornerRadius={14}
        stroke={selected ? '#1a73e8' : barColor}
        strokeWidth={selected ? 4 : 3}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Rect name="cluster-bar" width={box.w} height={CLUSTER_LABEL_HEIGHT} fill={barColor} cornerRadius={[14, 14, 0, 0]} perfectDrawEnabled={false} />
      <Text
        text={`${label || t('clusterDefault')}${badge ? ` · ${badge}` : ''}`}
        x={14}
        y={9}
        width={Math.max(0, box.w - 28 - chipsWidth)}
        fontSize={22}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill="#ffffff"
        wrap="none"
        ellipsis
        listening={false}
      />
      {chips.length > 0 && (
        <Rect x={box.w - chipsWidth - 10} y={8} width={chipsWidth + 8} height={CLUSTER_LABEL_HEIGHT - 16} fill="#ffffff" cornerRadius={12} listening={false} />
      )}
      {chips.map((chip, i) => (
        <Circle
          key={i}
          x={box.w - chipsWidth - 4 + i * step + step / 2}
          y={CLUSTER_LABEL_HEIGHT / 2}
          radius={radius}
          fill={chip.on ? chip.c : '#ffffff'}
          stroke={chip.c}
          strokeWidth={chip.on ? 0 : Math.max(1.5, radius / 2.8)}
          listening={false}
        />
      ))}
      <DotRow colors={dots} x={10} y={box.h - 30} width={box.w - 20} />
    </Group>
  );
});

/**
 * One cluster of perspectives: a labelled outline around its notes that grows with them. The label
 * bar is the handle: drag it to move the cluster with its notes, tap to select (or to vote during a
 * cluster vote), double-click or double-tap to rename. It shows coverage (a chip with each
 * stakeholder group's label: filled in the group's colour with a solid outline for a group that has
 * spoken, white with a dashed outline for one that has not), the dots, and the standing.
 *
 * Why: the whole system is in the room, and the wall itself shows it: a glance tells which
 * stakeholder groups have spoken on a theme and which voices it is missing. The label and the
 * outline's style say it without colour, for people who do not see the groups' colours apart.
 */
import type { KonvaEventObject } from 'konva/lib/Node';
import { memo, useRef } from 'react';
import { CLUSTER_LABEL_HEIGHT } from '../../shared/index.ts';
import { useT } from '../i18n/i18n.ts';
import { useClusterOutline, useStanding } from '../store/cocreationSelectors.ts';
import { useClusterCoverageMarks, useDotMarks } from '../store/groupMarkSelectors.ts';
import { clusterView } from '../store/derived.ts';
import { useIsSelected } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { editCluster, select, toggleSelected } from '../store/ui.ts';
import { mayChangeCluster } from '../store/clusterRights.ts';
import { mayUse } from '../store/participantTools.ts';
import { useActions } from '../sync/sessionContext.ts';
import { isVoting, voteTap } from '../tools/voting.ts';
import { boardTaps } from '../tools/doubleTap.ts';
import { beginCarry, endCarry, moveCarry, type Carry } from '../tools/carryDrag.ts';
import { BAR_COLOR } from './clusterColors.ts';
import { CoverageChips, coverageChipsWidth } from './CoverageChips.tsx';
import { DotRow } from './DotRow.tsx';
import { FONT_FAMILY } from './fitText.ts';
import { projectorTitleSize } from './projectorLayout.ts';
import { Group, Rect, Text, type Konva } from './konva.ts';
import { directionProps } from './textDirection.ts';

/** Font size of a cluster's label, in board units. */
const LABEL_SIZE = 22;

/** Cluster `id`, drawn around its members when it has any. */
export const ClusterShape = memo(function ClusterShape({ id }: { id: string }) {
  const t = useT();
  const box = useClusterOutline(id);
  const label = useStore((s) => s.clusters[id]?.label ?? '');
  const selected = useIsSelected(id);
  const readOnly = useStore((s) => s.readOnly);
  const spaceHeld = useStore((s) => s.spaceHeld);
  const coverage = useClusterCoverageMarks(id);
  const dots = useDotMarks(id);
  const standing = useStanding(id);
  const actions = useActions();
  const carried = useRef<Carry | null>(null);
  // On the projector the label stays readable from the back of the room at any zoom.
  const labelSize = useStore((s) => (s.me.role === 'projector' ? projectorTitleSize(LABEL_SIZE, s.viewport.scale) : LABEL_SIZE));
  const bar = Math.max(CLUSTER_LABEL_HEIGHT, labelSize + 14);
  if (!box) return null;

  const onTap = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    e.cancelBubble = true;
    // Not the end of a two-finger pan, nor the click a browser makes up after a touch (it could vote).
    if (!boardTaps.isTap() || boardTaps.followsTouch(e.evt)) return;
    if (voteTap(actions, id, 'clusters')) return;
    if ('shiftKey' in e.evt && e.evt.shiftKey) toggleSelected(id);
    else select([id]);
  };
  const rename = (e: KonvaEventObject<Event>) => {
    e.cancelBubble = true;
    if (!readOnly && !isVoting('clusters') && mayChangeCluster(useStore.getState(), id) && mayUse(useStore.getState(), 'clusters')) editCluster(id);
  };
  const chips = [...coverage.present.map((m) => ({ ...m, on: true })), ...coverage.missing.map((m) => ({ ...m, on: false }))];
  // The coverage chips take at most a third of the bar, getting smaller with many groups; the label
  // keeps the rest.
  const chipsWidth = coverageChipsWidth(chips, box.w / 3);
  const badge = standing === 'open' ? '' : t(`standing_${standing}`);
  const barColor = BAR_COLOR[standing];

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
        carried.current = beginCarry(e.currentTarget as unknown as Konva.Group, clusterView(useStore.getState()).members.get(id) ?? []);
        select([id]);
        actions.setBusy(carried.current.ids);
      }}
      onDragMove={(e: KonvaEventObject<DragEvent>) => {
        if (carried.current) moveCarry(carried.current, e.currentTarget as unknown as Konva.Group);
      }}
      onDragEnd={(e: KonvaEventObject<DragEvent>) => {
        const c = carried.current;
        carried.current = null;
        if (!c) return;
        endCarry(c, e.currentTarget as unknown as Konva.Group, ({ dx, dy, moves }) => {
          if (dx !== 0 || dy !== 0) actions.moveCluster(moves);
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
      <Rect name="cluster-bar" width={box.w} height={bar} fill={barColor} cornerRadius={[14, 14, 0, 0]} perfectDrawEnabled={false} />
      <Text
        text={`${label || t('clusterDefault')}${badge ? ` · ${badge}` : ''}`}
        x={14}
        y={bar === CLUSTER_LABEL_HEIGHT ? 9 : 7}
        width={Math.max(0, box.w - 28 - chipsWidth)}
        fontSize={labelSize}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill="#ffffff"
        wrap="none"
        ellipsis
        {...directionProps(label || t('clusterDefault'))}
        listening={false}
      />
      <CoverageChips chips={chips} right={box.w - 6} maxWidth={box.w / 3} />
      <DotRow colors={dots.map((d) => d.color)} labels={dots.map((d) => d.label)} x={10} y={box.h - 30} width={box.w - 20} />
    </Group>
  );
});

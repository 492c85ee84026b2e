/**
 * A cluster's coverage chips, in its label bar: one small tag per stakeholder group with the group's
 * label (the same as on its notes). A group with notes in the cluster is filled in its colour with a
 * solid dark outline; a group without is white with a dashed dark outline. All on a white pill.
 *
 * Why: coloured rings alone said which groups have spoken by colour only; the label names the group
 * and the solid or dashed outline says whether it has spoken, without colour. The white pill keeps
 * the chips at 3:1 against the dark bar, and each chip's outline at 3:1 against the pill.
 */
import { CLUSTER_LABEL_HEIGHT } from '../../shared/index.ts';
import { CHIPS_GROUND } from './clusterColors.ts';
import { FONT_FAMILY } from './fitText.ts';
import { markStyle, MARK_OUTLINE } from './groupMarks.ts';
import { Group, Rect, Text } from './konva.ts';

const H = 22;
const GAP = 4;
const PAD = 5;
const FONT = 14;

export interface CoverageChip {
  color: string;
  label: string;
  /** The group has notes in the cluster. */
  on: boolean;
}

/** One chip's width (board units, before any shrinking): room for its label's letters. */
export function chipWidth(label: string): number {
  return Math.max(H, 10 + Array.from(label).length * 9);
}

/** The chips' natural width and the scale that fits them in `maxWidth`. */
function layout(chips: readonly CoverageChip[], maxWidth: number): { natural: number; scale: number } {
  const natural = chips.reduce((w, c) => w + chipWidth(c.label) + GAP, 2 * PAD - GAP);
  return { natural, scale: Math.min(1, Math.max(0.35, maxWidth / natural)) };
}

/** The width the chips' pill takes in the bar (0 without chips). */
export function coverageChipsWidth(chips: readonly CoverageChip[], maxWidth: number): number {
  if (!chips.length) return 0;
  const { natural, scale } = layout(chips, maxWidth);
  return natural * scale;
}

/** The chips on their pill, its right edge at `right`, centred in the bar's first 40 units. */
export function CoverageChips({ chips, right, maxWidth }: { chips: readonly CoverageChip[]; right: number; maxWidth: number }) {
  if (!chips.length) return null;
  const { natural, scale } = layout(chips, maxWidth);
  const h = H + 2 * 3;
  let x = PAD;
  return (
    <Group name="coverage-chips" x={right - natural * scale} y={CLUSTER_LABEL_HEIGHT / 2 - (h * scale) / 2} scaleX={scale} scaleY={scale} listening={false}>
      <Rect width={natural} height={h} fill={CHIPS_GROUND} cornerRadius={h / 2} perfectDrawEnabled={false} />
      {chips.map((c, i) => {
        const w = chipWidth(c.label);
        const { ink } = markStyle(c.color);
        const at = x;
        x += w + GAP;
        return (
          <Group key={i} name="coverage-chip" x={at} y={3}>
            <Rect
              name="coverage-chip-box"
              width={w}
              height={H}
              cornerRadius={6}
              fill={c.on ? c.color : CHIPS_GROUND}
              stroke={MARK_OUTLINE}
              strokeWidth={c.on ? 2 : 1.5}
              dash={c.on ? [] : [3, 2]}
              perfectDrawEnabled={false}
            />
            <Text
              name="coverage-chip-label"
              text={c.label}
              width={w}
              height={H}
              align="center"
              verticalAlign="middle"
              fontSize={FONT}
              fontStyle="bold"
              fontFamily={FONT_FAMILY}
              fill={c.on ? ink : MARK_OUTLINE}
              wrap="none"
              perfectDrawEnabled={false}
            />
          </Group>
        );
      })}
    </Group>
  );
}

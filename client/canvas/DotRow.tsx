/**
 * The dots of the current vote on a note or cluster, counted by group: for each group its mark (a
 * circle in the group colour with the group's label inside) and the number of its dots beside it,
 * then the total when more than one group voted. Zoomed out, the row grows so it still reads.
 *
 * Why: in a Future Search the dots on the mind map are the result; they must read from across the
 * room and on a tablet without hovering. A dark outline keeps a light group colour visible on the
 * row's white ground, and the label (the same as on the group's notes) tells the groups apart
 * without colour; the numbers say the split by group that a tooltip used to hide.
 */
import { useStore } from '../store/store.ts';
import { tallyDots, tallyGrowth } from './dotTally.ts';
import { FONT_FAMILY } from './fitText.ts';
import { groupMarkLabels, markStyle, MARK_OUTLINE } from './groupMarks.ts';
import { Circle, Group, Rect, Text } from './konva.ts';

const R = 9;
const GAP = 4;
const FONT = 15;
const ROW_H = 2 * R + 2 * GAP;
/** The smallest on-screen dot (CSS pixels across) whose label can be read. */
export const MIN_LABELLED_DOT_PX = 15;

/** The font size (board units) of a dot's label: smaller for longer labels, so it fits the dot. */
export function dotLabelSize(label: string): number {
  const n = Array.from(label).length;
  return n <= 1 ? 13 : n === 2 ? 10 : 8;
}

/** The width (board units) of a number drawn in the row's font. */
const numberWidth = (n: number) => String(n).length * FONT * 0.62;
/** The width of one group's mark and number, with the gap after it. */
const tallyWidth = (count: number) => 2 * R + 2 + numberWidth(count) + GAP + 2;

/** Each colour's group label where exactly one active group has that colour (else ''). */
function useLabelsOfColors(colors: string[], given: string[] | undefined): string[] {
  const groups = useStore((s) => (given ? null : s.groups));
  if (given) return given;
  if (!groups) return colors.map(() => '');
  const labels = groupMarkLabels(groups);
  const byColor = new Map<string, string | null>();
  for (const g of groups.filter((x) => !x.archived)) byColor.set(g.color, byColor.has(g.color) ? null : (labels[g.id] ?? ''));
  return colors.map((c) => byColor.get(c) ?? '');
}

/** The dots in the given colours (with their groups' labels) counted by group, in a row `width`
 * wide at (x, y); groups that do not fit show as "+n". Without `labels`, a colour names the one
 * active group of that colour. */
export function DotRow({ colors, labels, x, y, width }: { colors: string[]; labels?: string[]; x: number; y: number; width: number }) {
  const named = useLabelsOfColors(colors, labels);
  const scale = useStore((s) => s.viewport.scale);
  if (colors.length === 0) return null;
  const tallies = tallyDots(colors, named);
  const total = colors.length;
  const totalText = tallies.length > 1 ? `= ${total}` : '';
  const totalW = totalText ? numberWidth(total) + FONT * 1.1 + GAP : 0;
  // As many groups as fit, the rest as "+n" (their dots).
  let used = GAP + totalW;
  let shownCount = 0;
  for (const tally of tallies) {
    const w = tallyWidth(tally.count);
    if (used + w > width && shownCount > 0) break;
    used += w;
    shownCount += 1;
  }
  const shown = tallies.slice(0, shownCount);
  const more = tallies.slice(shownCount).reduce((n, tl) => n + tl.count, 0);
  const moreW = more ? numberWidth(more) + FONT * 0.7 + GAP : 0;
  const w = used + moreW;
  const k = tallyGrowth(ROW_H, scale, width / w);
  const readable = 2 * R * scale * k >= MIN_LABELLED_DOT_PX;
  let cursor = GAP;
  return (
    <Group x={x} y={y + ROW_H * (1 - k)} scaleX={k} scaleY={k} listening={false} name="dots">
      <Rect width={w} height={ROW_H} fill="#ffffff" opacity={0.9} cornerRadius={R + GAP} stroke={MARK_OUTLINE} strokeWidth={0.5} />
      {shown.map((tally, i) => {
        const label = readable ? tally.label : '';
        const cx = cursor + R;
        cursor += tallyWidth(tally.count);
        return (
          <Group key={i} name="dot-group">
            <Circle x={cx} y={R + GAP} radius={R} fill={tally.color} stroke={MARK_OUTLINE} strokeWidth={1.5} perfectDrawEnabled={false} />
            {label && (
              <Text name="dot-label" text={label} x={cx - R} y={GAP} width={2 * R} height={2 * R} align="center" verticalAlign="middle"
                fontSize={dotLabelSize(label)} fontStyle="bold" fontFamily={FONT_FAMILY} fill={markStyle(tally.color).ink} wrap="none" perfectDrawEnabled={false} />
            )}
            <Text name="dot-count" text={String(tally.count)} x={cx + R + 2} y={GAP + 1} fontSize={FONT} fontStyle="bold" fontFamily={FONT_FAMILY} fill="#1d232b" wrap="none" perfectDrawEnabled={false} />
          </Group>
        );
      })}
      {more > 0 && <Text name="dot-more" x={cursor} y={GAP + 1} text={`+${more}`} fontSize={FONT} fontStyle="bold" fontFamily={FONT_FAMILY} fill="#1d232b" wrap="none" />}
      {totalText && <Text name="dot-total" x={cursor + moreW} y={GAP + 1} text={totalText} fontSize={FONT} fontStyle="bold" fontFamily={FONT_FAMILY} fill="#1d232b" wrap="none" />}
    </Group>
  );
}

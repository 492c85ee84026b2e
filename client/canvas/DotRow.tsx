/**
 * The dots of the current vote on a note or cluster: a row of coloured circles (the voters' group
 * colours), each with its group's label inside when the dot is drawn large enough to read it, and
 * "+n" when they do not fit.
 *
 * Why: in a Future Search the dots on the mind map are the result; they must read from across the
 * room, so each dot is drawn, not only a number; a dark outline keeps a light group colour visible
 * on the row's white ground, and the label (the same as on the group's notes) tells the groups apart
 * without colour, also on touch screens where no tooltip shows.
 */
import { useStore } from '../store/store.ts';
import { FONT_FAMILY } from './fitText.ts';
import { groupMarkLabels, markStyle, MARK_OUTLINE } from './groupMarks.ts';
import { Circle, Group, Rect, Text } from './konva.ts';

const R = 9;
const GAP = 4;
/** The smallest on-screen dot (CSS pixels across) whose label can be read. */
export const MIN_LABELLED_DOT_PX = 15;

/** The font size (board units) of a dot's label: smaller for longer labels, so it fits the dot. */
export function dotLabelSize(label: string): number {
  const n = Array.from(label).length;
  return n <= 1 ? 13 : n === 2 ? 10 : 8;
}

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

/** A row of dots in the given colours (with their groups' labels), `width` wide at (x, y); what does
 * not fit shows as "+n". Without `labels`, a colour names the one active group of that colour. */
export function DotRow({ colors, labels, x, y, width }: { colors: string[]; labels?: string[]; x: number; y: number; width: number }) {
  const named = useLabelsOfColors(colors, labels);
  const readable = useStore((s) => 2 * R * s.viewport.scale >= MIN_LABELLED_DOT_PX);
  if (colors.length === 0) return null;
  const fit = Math.max(1, Math.floor((width - 36) / (2 * R + GAP)));
  const shown = colors.length > fit ? colors.slice(0, fit - 1) : colors;
  const more = colors.length - shown.length;
  const w = shown.length * (2 * R + GAP) + (more ? 34 : 0) + GAP;
  return (
    <Group x={x} y={y} listening={false} name="dots">
      <Rect width={w} height={2 * R + 2 * GAP} fill="#ffffff" opacity={0.85} cornerRadius={R + GAP} />
      {shown.map((c, i) => {
        const label = readable ? (named[i] ?? '') : '';
        const cx = GAP + R + i * (2 * R + GAP);
        return (
          <Group key={i} name="dot">
            <Circle x={cx} y={R + GAP} radius={R} fill={c} stroke={MARK_OUTLINE} strokeWidth={1.5} perfectDrawEnabled={false} />
            {label && (
              <Text
                name="dot-label"
                text={label}
                x={cx - R}
                y={GAP}
                width={2 * R}
                height={2 * R}
                align="center"
                verticalAlign="middle"
                fontSize={dotLabelSize(label)}
                fontStyle="bold"
                fontFamily={FONT_FAMILY}
                fill={markStyle(c).ink}
                wrap="none"
                perfectDrawEnabled={false}
              />
            )}
          </Group>
        );
      })}
      {more > 0 && <Text x={shown.length * (2 * R + GAP) + GAP} y={GAP + 2} text={`+${more}`} fontSize={15} fontStyle="bold" fontFamily={FONT_FAMILY} fill="#1d232b" />}
    </Group>
  );
}

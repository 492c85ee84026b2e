/**
 * The dots of the current vote on a note or cluster: a row of coloured circles (the voters' group
 * colours), with "+n" when they do not fit.
 *
 * Why: in a Future Search the dots on the mind map are the result; they must read from across the
 * room, so each dot is drawn, not only a number; a dark outline keeps a light group colour visible
 * on the row's white ground.
 */
import { FONT_FAMILY } from './fitText.ts';
import { MARK_OUTLINE } from './groupMarks.ts';
import { Circle, Group, Rect, Text } from './konva.ts';

const R = 9;
const GAP = 4;

/** A row of dots in the given colours, `width` wide at (x, y); what does not fit shows as "+n". */
export function DotRow({ colors, x, y, width }: { colors: string[]; x: number; y: number; width: number }) {
  if (colors.length === 0) return null;
  const fit = Math.max(1, Math.floor((width - 36) / (2 * R + GAP)));
  const shown = colors.length > fit ? colors.slice(0, fit - 1) : colors;
  const more = colors.length - shown.length;
  const w = shown.length * (2 * R + GAP) + (more ? 34 : 0) + GAP;
  return (
    <Group x={x} y={y} listening={false} name="dots">
      <Rect width={w} height={2 * R + 2 * GAP} fill="#ffffff" opacity={0.85} cornerRadius={R + GAP} />
      {shown.map((c, i) => (
        <Circle key={i} x={GAP + R + i * (2 * R + GAP)} y={R + GAP} radius={R} fill={c} stroke={MARK_OUTLINE} strokeWidth={1.5} />
      ))}
      {more > 0 && <Text x={shown.length * (2 * R + GAP) + GAP} y={GAP + 2} text={`+${more}`} fontSize={15} fontStyle="bold" fontFamily={FONT_FAMILY} fill="#1d232b" />}
    </Group>
  );
}

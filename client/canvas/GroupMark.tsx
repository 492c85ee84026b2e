/**
 * A note's group mark on the canvas: a small tag in the group's colour with a dark outline and the
 * group's label (its initial, or as many letters as tell the groups apart), at the note's lower right.
 *
 * Why: the coloured strip alone said the group by colour only, and faintly (1.8:1 on a yellow note).
 * The tag's outline stands out from every note colour and its label reads without colour; the group
 * legend shows the same tag. It sits where the note's text does not go (the text box ends above it).
 */
import { FONT_FAMILY } from './fitText.ts';
import { MARK_H, markWidth } from '../../shared/analysis/groupMarks.ts';
import { markStyle, MARK_OUTLINE } from './groupMarks.ts';
import { Group, Rect, Text } from './konva.ts';

/** The tag's height and width (board units), the same in the exported picture. */
export { MARK_H, markWidth };

/** The group tag of colour `color` and text `label`, its lower right corner at (right, bottom). */
export function GroupMark({ color, label, right, bottom }: { color: string; label: string; right: number; bottom: number }) {
  const { fill, outline, ink } = markStyle(color);
  const w = markWidth(label);
  return (
    <Group x={right - w} y={bottom - MARK_H} name="group-mark" listening={false}>
      <Rect width={w} height={MARK_H} fill={fill} stroke={outline} strokeWidth={2} cornerRadius={6} perfectDrawEnabled={false} />
      <Text
        name="group-mark-label"
        text={label}
        width={w}
        height={MARK_H}
        align="center"
        verticalAlign="middle"
        fontSize={18}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill={ink}
        perfectDrawEnabled={false}
      />
    </Group>
  );
}

/** The coloured strip along a marked note's top, edged below in the outline colour. */
export function GroupStrip({ color, width }: { color: string; width: number }) {
  return (
    <>
      <Rect width={width} height={8} fill={color} cornerRadius={[3, 3, 0, 0]} listening={false} perfectDrawEnabled={false} />
      <Rect y={8} width={width} height={2} fill={MARK_OUTLINE} listening={false} perfectDrawEnabled={false} />
    </>
  );
}

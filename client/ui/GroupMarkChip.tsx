/**
 * A group's mark in the page (the legend): the same tag as on its notes, in the group's colour with
 * a dark outline and the group's label.
 *
 * Why: the legend must show what people look for on the canvas; a colour dot alone said nothing to
 * someone who does not see that colour, and two groups' colours can look alike.
 */
import type { CSSProperties } from 'react';
import { groupMarkLabel, markStyle } from '../canvas/groupMarks.ts';
import { useStore } from '../store/store.ts';

/** The mark of group `id` in colour `color`; hidden from screen readers (the group's name is beside it). */
export function GroupMarkChip({ id, color }: { id: string; color: string }) {
  const label = useStore((s) => groupMarkLabel(s.groups, id));
  const { fill, outline, ink } = markStyle(color);
  const style: CSSProperties = {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flex: 'none',
    minWidth: '1.7em',
    height: '1.5em',
    padding: '0 0.3em',
    boxSizing: 'border-box',
    borderRadius: '0.35em',
    border: `2px solid ${outline}`,
    background: fill,
    color: ink,
    fontWeight: 700,
    fontSize: '0.85em',
    lineHeight: 1,
  };
  return (
    <span className="group-mark" aria-hidden="true" style={style}>
      {label}
    </span>
  );
}

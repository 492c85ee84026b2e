/**
 * How a note shows its stakeholder group: the colours of the mark (its fill, a dark outline, the ink
 * of its label) and each group's short label (its initial, or as many letters as tell it apart).
 *
 * Why: a group shown by colour alone cannot be told apart by people who see colours differently, and
 * a group colour on a pastel note is faint (1.8:1 on yellow). The mark's dark outline stands out from
 * every note colour, its label names the group without colour, and the legend shows the same mark.
 * Pure functions, shared by the canvas and the legend; the labels and colours themselves come from
 * `shared/` so the exported picture says the same.
 */
import type { StakeholderGroup } from '../../shared/index.ts';
import { groupMarkLabels, markInk, MARK_OUTLINE } from '../../shared/analysis/groupMarks.ts';

export { groupMarkLabels, MARK_OUTLINE };

/** The colours of a group's mark: fill in the group colour, a dark outline, the label's ink. */
export function markStyle(groupColor: string): { fill: string; outline: string; ink: string } {
  return { fill: groupColor, outline: MARK_OUTLINE, ink: markInk(groupColor) };
}

/** A light tint of a group colour, so note text stays readable on it (the lens "colour by group"). */
export function tint(hex: string): string {
  const mix = (i: number) => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.35 + 255 * 0.65).toString(16).padStart(2, '0');
  return `#${mix(1)}${mix(3)}${mix(5)}`;
}

const cache = new WeakMap<readonly StakeholderGroup[], Record<string, string>>();

/** The label of group `groupId` among `groups` ('' for none), computed once per list of groups. */
export function groupMarkLabel(groups: readonly StakeholderGroup[], groupId: string | null | undefined): string {
  if (!groupId) return '';
  let labels = cache.get(groups);
  if (!labels) cache.set(groups, (labels = groupMarkLabels(groups)));
  return labels[groupId] ?? '';
}

/**
 * How a note shows its stakeholder group: the colours of the mark (its fill, a dark outline, the ink
 * of its label) and each group's short label (its initial, or as many letters as tell it apart).
 *
 * Why: a group shown by colour alone cannot be told apart by people who see colours differently, and
 * a group colour on a pastel note is faint (1.8:1 on yellow). The mark's dark outline stands out from
 * every note colour, its label names the group without colour, and the legend shows the same mark.
 * Pure functions, shared by the canvas and the legend.
 */
import type { StakeholderGroup } from '../../shared/index.ts';
import { bestInk } from './contrast.ts';

/** The outline of every group mark (the text colour of notes): dark enough on every note colour. */
export const MARK_OUTLINE = '#1d232b';
const INKS = ['#ffffff', '#000000'] as const;

/** The colours of a group's mark: fill in the group colour, a dark outline, the label's ink. */
export function markStyle(groupColor: string): { fill: string; outline: string; ink: string } {
  return { fill: groupColor, outline: MARK_OUTLINE, ink: bestInk(groupColor, INKS) };
}

/** A light tint of a group colour, so note text stays readable on it (the lens "colour by group"). */
export function tint(hex: string): string {
  const mix = (i: number) => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.35 + 255 * 0.65).toString(16).padStart(2, '0');
  return `#${mix(1)}${mix(3)}${mix(5)}`;
}

/**
 * Each group's label, by id: its initial where that is unique, else the initials of its first two
 * words, else its first two or three letters, else its initial numbered among the groups that share it. Groups in
 * the legend's order (archived ones too, so their notes keep their label).
 */
export function groupMarkLabels(groups: readonly StakeholderGroup[]): Record<string, string> {
  const sorted = [...groups].sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const choices = sorted.map((g) => candidates(g.name));
  const out: Record<string, string> = {};
  const used = new Set<string>();
  sorted.forEach((g, i) => {
    const mine = choices[i]!;
    const unique = mine.find((label, level) => label !== '' && !used.has(label) && choices.every((other, j) => j === i || other[level] !== label));
    // Names that differ only late (Zorg, Zorgverzekeraars): the initial numbered among its namesakes.
    const same = choices.filter((other, j) => j <= i && other[0] === mine[0]).length;
    const label = unique ?? `${mine[0] || '#'}${same}`;
    used.add(label);
    out[g.id] = label;
  });
  return out;
}

/** A name's candidate labels, shortest first: initial, initials of two words, two and three letters. */
function candidates(name: string): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = Array.from(words.join(''));
  const upper = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
  const initial = (w: string) => Array.from(w)[0] ?? '';
  return [
    upper(initial(words[0] ?? '')),
    words.length > 1 ? (initial(words[0]!) + initial(words[1]!)).toLocaleUpperCase() : '',
    upper(letters.slice(0, 2).join('')),
    upper(letters.slice(0, 3).join('')),
  ];
}

const cache = new WeakMap<readonly StakeholderGroup[], Record<string, string>>();

/** The label of group `groupId` among `groups` ('' for none), computed once per list of groups. */
export function groupMarkLabel(groups: readonly StakeholderGroup[], groupId: string | null | undefined): string {
  if (!groupId) return '';
  let labels = cache.get(groups);
  if (!labels) cache.set(groups, (labels = groupMarkLabels(groups)));
  return labels[groupId] ?? '';
}

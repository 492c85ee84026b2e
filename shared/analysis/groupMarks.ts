/**
 * How a stakeholder group is marked wherever it shows (a note's tag, a cluster's coverage chips, a
 * vote dot, the exported picture): each group's short label, the mark's dark outline, the ink of its
 * label, and the WCAG contrast maths that choose that ink.
 *
 * Why: a group shown by colour alone cannot be told apart by people who see colours differently, and
 * a group colour on a pastel note is faint. The canvas and the server's pictures must say the same
 * label, so the labels and colours live here, pure (no DOM), for both.
 */
import type { StakeholderGroup, Standing } from '../model/cocreation.ts';

/** The outline of every group mark (the text colour of notes): dark enough on every note colour. */
export const MARK_OUTLINE = '#1d232b';

/** A cluster's standing colour (its label bar on the canvas, its bar and outline in pictures). */
export const STANDING_COLOR: Readonly<Record<Standing, string>> = { commonGround: '#1b7f3b', notAgreed: '#b3261e', open: '#37474f' };

const INKS = ['#ffffff', '#000000'] as const;

/** A note's group tag's height, board units. */
export const MARK_H = 28;

/** A note's group tag's width for `label` (board units): room for up to three bold letters. */
export function markWidth(label: string): number {
  return Math.max(MARK_H + 4, 14 + Array.from(label).length * 12);
}

/** The relative luminance (0 black to 1 white) of a `#rrggbb` colour, as WCAG 2 defines it. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two `#rrggbb` colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Of `inks`, the one with the highest contrast on `background`. */
export function bestInk(background: string, inks: readonly string[]): string {
  return inks.reduce((best, ink) => (contrastRatio(ink, background) > contrastRatio(best, background) ? ink : best));
}

/** The ink (white or black) of a label on a mark filled with `groupColor`: at least 4.5:1. */
export function markInk(groupColor: string): string {
  return bestInk(groupColor, INKS);
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

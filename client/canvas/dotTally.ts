/**
 * The dots on one item counted by group, and how large the count is drawn so it reads on screen.
 *
 * Why: a row of single dots showed the result only as many small circles, cut to "+n" on a narrow
 * note, and the split by group was left to a hover tooltip that touch screens and the projector never
 * show. Counted per group (the group's mark with a number beside it) the result reads at a glance;
 * grown when the board is zoomed out, it stays readable on a tablet and across the room.
 */

/** One group's dots on an item: its colour, its label ('' for no group) and how many. */
export interface DotTally {
  color: string;
  label: string;
  count: number;
}

/** The dots (colour and label each) counted per group: most dots first, ties by label (no group
 * last, then colour), so every screen draws the same row whatever order the dots arrived in. */
export function tallyDots(colors: readonly string[], labels: readonly string[]): DotTally[] {
  const out: DotTally[] = [];
  const at = new Map<string, DotTally>();
  colors.forEach((color, i) => {
    const label = labels[i] ?? '';
    const key = `${color}\u0001${label}`;
    const seen = at.get(key);
    if (seen) seen.count += 1;
    else {
      const entry = { color, label, count: 1 };
      at.set(key, entry);
      out.push(entry);
    }
  });
  return out.sort((a, b) => b.count - a.count || Number(a.label === '') - Number(b.label === '') || a.label.localeCompare(b.label) || a.color.localeCompare(b.color));
}

/** The smallest on-screen height (CSS pixels) of a group's mark and its number. */
export const MIN_TALLY_PX = 28;
/** The most the row grows beyond its board size when zoomed out (it must still sit on its note). */
export const MAX_TALLY_GROWTH = 2.5;

/**
 * How much to grow a row `rowHeight` board units high at zoom `scale` so it is at least
 * MIN_TALLY_PX on screen, never shrinking it, never past MAX_TALLY_GROWTH nor past `room`
 * (how many times the row's natural width fits the space it has).
 */
export function tallyGrowth(rowHeight: number, scale: number, room: number): number {
  const wanted = MIN_TALLY_PX / Math.max(1e-6, rowHeight * scale);
  return Math.max(1, Math.min(wanted, MAX_TALLY_GROWTH, room));
}

/**
 * Where a new note fits: the free place nearest to a point, found by spiralling outwards, never on
 * a note already there, and inside a given area (a person's table) when there is one.
 *
 * Why: "+ Add note" pressed by ten people at once, or many times by one, must give notes that can
 * all be read; a note that lands on another hides it (and the next tap then edits the wrong one).
 * Pure, so it is tested on its own with any board.
 */

/** A rectangle in board units (top-left corner and size). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** What placing one note needs to know. */
export interface PlacementInput {
  /** Where the note would best go (its centre): the view's centre, say. */
  readonly near: { readonly x: number; readonly y: number };
  /** The new note's size. */
  readonly size: { readonly w: number; readonly h: number };
  /** The notes already on the board (anyone's). */
  readonly notes: ReadonlyArray<Box>;
  /** When set, the note must lie wholly inside it (my table's area). */
  readonly within?: Box;
  /** Space kept between the new note and the others. */
  readonly gap?: number;
  /** How many rings of places to try when there is no `within` (each half a note's step). */
  readonly maxRings?: number;
}

/** Whether a note of `size` centred at `p` overlaps (or comes within `gap` of) one of `notes`. */
export function spotTaken(p: { x: number; y: number }, size: { w: number; h: number }, notes: ReadonlyArray<Box>, gap = 0): boolean {
  const l = p.x - size.w / 2 - gap / 2;
  const t = p.y - size.h / 2 - gap / 2;
  const r = p.x + size.w / 2 + gap / 2;
  const b = p.y + size.h / 2 + gap / 2;
  return notes.some((n) => n.x < r && n.x + n.w > l && n.y < b && n.y + n.h > t);
}

/** The places of ring `k` around (0, 0) in steps: nearest first, then clockwise from the right. */
function ring(k: number): [number, number][] {
  if (k === 0) return [[0, 0]];
  const out: [number, number][] = [];
  for (let i = -k; i <= k; i++) out.push([i, -k], [i, k]);
  for (let i = -k + 1; i <= k - 1; i++) out.push([-k, i], [k, i]);
  const angle = ([dx, dy]: [number, number]) => (Math.atan2(dy, dx) + 2 * Math.PI) % (2 * Math.PI);
  return out.sort((a, b) => a[0] ** 2 + a[1] ** 2 - (b[0] ** 2 + b[1] ** 2) || angle(a) - angle(b));
}

/**
 * The centre for a new note: `near` itself when free, else the nearest free place on rings of half
 * a note's step around it (right first, then clockwise), kept inside `within` when given (the place
 * nearest `near` inside it is the start). When nothing is free (a full table), the least crowded
 * place found: the one overlapping the fewest notes.
 */
export function placeNewNote(input: PlacementInput): { x: number; y: number } {
  const { size, notes, within } = input;
  const gap = input.gap ?? 16;
  const stepX = (size.w + gap) / 2;
  const stepY = (size.h + gap) / 2;
  let near = { ...input.near };
  let rings = input.maxRings ?? 60;
  const fits = (p: { x: number; y: number }) =>
    !within || (p.x - size.w / 2 >= within.x && p.x + size.w / 2 <= within.x + within.w && p.y - size.h / 2 >= within.y && p.y + size.h / 2 <= within.y + within.h);
  if (within) {
    // Start at the place in the area nearest `near`; look as far as the area reaches.
    const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));
    near = {
      x: clamp(near.x, within.x + size.w / 2, within.x + within.w - size.w / 2),
      y: clamp(near.y, within.y + size.h / 2, within.y + within.h - size.h / 2),
    };
    rings = Math.ceil(Math.max(within.w / stepX, within.h / stepY)) + 1;
  }
  let best: { p: { x: number; y: number }; crowd: number } | null = null;
  for (let k = 0; k <= rings; k++) {
    for (const [dx, dy] of ring(k)) {
      const p = { x: near.x + dx * stepX, y: near.y + dy * stepY };
      if (!fits(p)) continue;
      if (!spotTaken(p, size, notes, gap)) return p;
      const crowd = notes.filter((n) => spotTaken(p, size, [n], 0)).length;
      if (!best || crowd < best.crowd) best = { p, crowd };
    }
  }
  return best?.p ?? near;
}

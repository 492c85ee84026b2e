/**
 * Suggested clusters as proposals a table can edit: the shared `suggestClusters` grouping, a
 * readable label for each group (its most shared words), and the grid a new cluster's notes gather
 * in (gatherNotes.ts chooses where on the board).
 *
 * Why: the grouping rule is the shared, tested one; what is added here is only presentation: a
 * label a person can keep or change, and a tidy grid so an accepted cluster is not spread across
 * the whole board.
 */
import { suggestClusters, topicWordsOf, type KnownCluster, type Note } from '../../shared/index.ts';

/** A suggested cluster: the notes it would hold and the label it proposes. */
export interface Proposal {
  readonly key: string;
  readonly noteIds: string[];
  readonly label: string;
}

/**
 * Proposals for the given notes (groups of two or more), largest first; `clusters` are the ones
 * already on the board, whose vocabulary pulls notes that share it together.
 */
export function proposalsFor(notes: ReadonlyArray<Pick<Note, 'id' | 'text'>>, clusters: readonly KnownCluster[] = []): Proposal[] {
  const byId = new Map(notes.map((n) => [n.id, n]));
  return suggestClusters(notes.map((n) => ({ id: n.id, text: n.text })), { clusters })
    .filter((g) => g.length >= 2)
    .sort((a, b) => b.length - a.length)
    .map((ids) => ({ key: ids.join(','), noteIds: ids, label: labelFor(ids.map((id) => byId.get(id)?.text ?? '')) }));
}

/**
 * The two words most notes of a group share (in the form most written), e.g. "waiting · lists"; a
 * word naming a theme most of the notes are about (in either language) comes first on a tie.
 */
export function labelFor(texts: readonly string[]): string {
  const notesWith = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  const conceptsOfKey = new Map<string, string[]>();
  const notesOnConcept = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    const seenConcepts = new Set<string>();
    for (const { form, key, concepts } of topicWordsOf(text)) {
      const f = forms.get(key) ?? new Map<string, number>();
      f.set(form, (f.get(form) ?? 0) + 1);
      forms.set(key, f);
      conceptsOfKey.set(key, concepts);
      if (!seen.has(key)) notesWith.set(key, (notesWith.get(key) ?? 0) + 1);
      seen.add(key);
      for (const c of concepts) seenConcepts.add(c);
    }
    for (const c of seenConcepts) notesOnConcept.set(c, (notesOnConcept.get(c) ?? 0) + 1);
  }
  const themeOf = (key: string) => Math.max(0, ...(conceptsOfKey.get(key) ?? []).map((c) => notesOnConcept.get(c) ?? 0));
  return [...notesWith]
    .sort((a, b) => b[1] - a[1] || themeOf(b[0]) - themeOf(a[0]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, 2)
    .map(([key]) => [...forms.get(key)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0])
    .join(' · ');
}

type Box = { x: number; y: number; w: number; h: number };

/**
 * New positions that gather notes into a grid, so an accepted cluster's outline stays small: at the
 * first note's place if that is free, or else at the nearest free place around it (no other note or
 * cluster is covered); inside `within` (the table the first note is at) when the grid fits there.
 */
export function gatherInGrid(
  notes: ReadonlyArray<Pick<Note, 'id' | 'x' | 'y' | 'w' | 'h'>>,
  obstacles: ReadonlyArray<Box> = [],
  gap = 16,
  within?: Box,
): { id: string; x: number; y: number }[] {
  if (notes.length === 0) return [];
  const cols = Math.ceil(Math.sqrt(notes.length));
  const rows = Math.ceil(notes.length / cols);
  const cellW = Math.max(...notes.map((n) => n.w)) + gap;
  const cellH = Math.max(...notes.map((n) => n.h)) + gap;
  const margin = 80; // room for the outline and its label bar
  const size = { w: cols * cellW - gap, h: rows * cellH - gap };
  const near = { x: notes[0]!.x, y: notes[0]!.y };
  const inArea = within && size.w <= within.w && size.h <= within.h ? freeSpot(near, size, obstacles, margin, within) : null;
  const at = inArea ?? freeSpot(near, { w: cols * cellW, h: rows * cellH }, obstacles, margin);
  return notes.map((n, i) => ({ id: n.id, x: at.x + (i % cols) * cellW, y: at.y + Math.floor(i / cols) * cellH }));
}

/**
 * The nearest top-left corner to `near` (scanning rings outwards) where a box of `size` overlaps
 * nothing; with `within`, only corners that keep the box inside it (null when there is none).
 */
export function freeSpot(near: { x: number; y: number }, size: { w: number; h: number }, obstacles: ReadonlyArray<Box>, margin: number): { x: number; y: number };
export function freeSpot(near: { x: number; y: number }, size: { w: number; h: number }, obstacles: ReadonlyArray<Box>, margin: number, within: Box): { x: number; y: number } | null;
export function freeSpot(near: { x: number; y: number }, size: { w: number; h: number }, obstacles: ReadonlyArray<Box>, margin: number, within?: Box): { x: number; y: number } | null {
  if (within) {
    // Start at the corner in the area nearest `near`.
    near = { x: Math.min(Math.max(near.x, within.x), within.x + within.w - size.w), y: Math.min(Math.max(near.y, within.y), within.y + within.h - size.h) };
  }
  const inside = (x: number, y: number) => !within || (x >= within.x && y >= within.y && x + size.w <= within.x + within.w && y + size.h <= within.y + within.h);
  const free = (x: number, y: number) =>
    inside(x, y) && obstacles.every((o) => x + size.w + margin <= o.x || o.x + o.w + margin <= x || y + size.h + margin <= o.y || o.y + o.h + margin <= y);
  // In an area, small steps: the free corners there may be few and between notes.
  const stepX = within ? 40 : size.w / 2 + margin;
  const stepY = within ? 40 : size.h / 2 + margin;
  const rings = within ? Math.ceil(Math.max(within.w, within.h) / 40) + 1 : 40;
  for (let ring = 0; ring < rings; ring++) {
    for (let i = -ring; i <= ring; i++) {
      for (const [dx, dy] of [[i, -ring], [i, ring], [-ring, i], [ring, i]] as const) {
        const x = near.x + dx * stepX;
        const y = near.y + dy * stepY;
        if (free(x, y)) return { x, y };
      }
    }
  }
  return within ? null : near;
}

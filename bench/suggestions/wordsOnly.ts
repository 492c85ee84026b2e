/**
 * The earlier suggested-clusters method, words only (kept for the benchmark's comparison): groups of
 * notes that talk about the same thing, by shared words.
 *
 * Why: with hundreds of notes on the wall, a table needs a first proposal to accept, edit or reject
 * on their own. TF-IDF vectors with cosine similarity and average-linkage agglomerative clustering: a
 * pure function of the notes, deterministic (ties broken by input order of ids), offline, the same on
 * every device and on the server.
 */
import { tokenize } from '../../shared/analysis/text.ts';

export interface SuggestOptions {
  /** Two groups merge while their average similarity is at least this (0-1). */
  readonly threshold?: number;
  /** Largest group proposed. */
  readonly maxGroupSize?: number;
}

const DEFAULT_THRESHOLD = 0.2;
const DEFAULT_MAX_GROUP = 25;

/** Unit-length TF-IDF vectors, one per note (sparse: term -> weight). */
function vectors(docs: string[][]): Map<string, number>[] {
  const df = new Map<string, number>();
  for (const terms of docs) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return docs.map((terms) => {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of tf) {
      const w = (c / terms.length) * (Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}

/**
 * Proposes groups of note ids whose texts are similar. Notes that fit nowhere are left out; groups
 * have at least two notes and come largest first.
 */
export function suggestByWords(notes: { id: string; text: string }[], options: SuggestOptions = {}): string[][] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const maxGroup = options.maxGroupSize ?? DEFAULT_MAX_GROUP;
  // Deterministic whatever the input order: work in id order.
  const items = [...notes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const docs = items.map((n) => tokenize(n.text));
  const usable = items.map((_, i) => i).filter((i) => docs[i]!.length > 0);
  const vecs = vectors(usable.map((i) => docs[i]!));
  const m = usable.length;
  // Pairwise similarities, then average linkage: sim(A∪B, C) = (|A|·sim(A,C) + |B|·sim(B,C)) / (|A|+|B|).
  const sim: number[][] = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) sim[i]![j] = sim[j]![i] = cosine(vecs[i]!, vecs[j]!);
  const members: (number[] | null)[] = usable.map((_, i) => [i]);
  for (;;) {
    let best = -1;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < m; i++) {
      const a = members[i];
      if (!a) continue;
      for (let j = i + 1; j < m; j++) {
        const b = members[j];
        if (!b || a.length + b.length > maxGroup) continue;
        const s = sim[i]![j]!;
        if (s > best) [best, bi, bj] = [s, i, j];
      }
    }
    if (bi < 0 || best < threshold) break;
    const a = members[bi]!;
    const b = members[bj]!;
    for (let k = 0; k < m; k++) {
      if (k === bi || k === bj || !members[k]) continue;
      const merged = (a.length * sim[bi]![k]! + b.length * sim[bj]![k]!) / (a.length + b.length);
      sim[bi]![k] = sim[k]![bi] = merged;
    }
    members[bi] = [...a, ...b];
    members[bj] = null;
  }
  return members
    .filter((g): g is number[] => g !== null && g.length >= 2)
    .map((g) => g.map((k) => items[usable[k]!]!.id).sort())
    .sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
}

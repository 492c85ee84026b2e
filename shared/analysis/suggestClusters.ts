/**
 * Suggested clusters: groups of notes that talk about the same thing, in Dutch or in English.
 *
 * Why: with hundreds of notes on the wall, a table needs a first proposal to accept, edit or reject
 * on their own. Each note becomes weighted features (stemmed words, compound parts, bilingual
 * concepts: see noteTerms.ts), weighted by how rare they are on this board (TF-IDF), and compared by
 * cosine similarity; average-linkage agglomerative clustering groups them. Two notes are only
 * compared when they share a concept or at least two words: one common word ("fast") never joins
 * them. Clusters people already made on the board teach it: notes that fit one of them (by words
 * and concepts) share a mark that pulls them together. A pure function of its input, deterministic (work in id order), offline, the
 * same on every device and on the server.
 */
import { featuresOf, vocabularyOf } from './noteTerms.ts';

export { topicWordsOf } from './noteTerms.ts';

/** A cluster people already made on this board: what its notes say, and its name. */
export interface KnownCluster {
  readonly id: string;
  readonly label: string;
  readonly texts: readonly string[];
}

export interface SuggestOptions {
  /** Two groups merge while their average similarity is at least this (0-1). */
  readonly threshold?: number;
  /** Largest group proposed. */
  readonly maxGroupSize?: number;
  /** Clusters already on the board, whose vocabulary pulls notes that share it together. */
  readonly clusters?: readonly KnownCluster[];
}

const DEFAULT_THRESHOLD = 0.2;
const DEFAULT_MAX_GROUP = 25;
/** Weight of the feature "fits known cluster k" at full strength: more than a concept, as people chose it. */
const KNOWN_CLUSTER_WEIGHT = 4;
/** A note fits a known cluster from this similarity on, fully from LEARN_FULL. */
const LEARN_MIN = 0.15;
const LEARN_FULL = 0.3;

type Features = Map<string, number>;

/** Weighs each feature by its rarity on the board (smoothed IDF) and scales each vector to length 1. */
function weigh(docs: readonly Features[]): { vecs: Features[]; idf: Map<string, number> } {
  const df = new Map<string, number>();
  for (const f of docs) for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [k, c] of df) idf.set(k, Math.log((n + 1) / (c + 1)) + 1);
  const vecs = docs.map((f) => {
    const v: Features = new Map();
    let norm = 0;
    for (const [k, w] of f) {
      const x = w * idf.get(k)!;
      v.set(k, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, x] of v) v.set(k, x / norm);
    return v;
  });
  return { vecs, idf };
}

/**
 * Cosine similarity, or 0 when the two notes share too little to be about the same thing: they
 * need a concept (or the fit to one known cluster) in common, or two words (a compound's parts count
 * as words). Domains alone never do.
 */
function similarity(a: Features, b: Features): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  let words = 0;
  let concept = false;
  for (const [k, w] of small) {
    const o = large.get(k);
    if (o === undefined) continue;
    dot += w * o;
    if (k.startsWith('w:')) words++;
    else if (k.startsWith('c:') || k.startsWith('k:')) concept = true;
  }
  return concept || words >= 2 ? dot : 0;
}

/**
 * `similarity` for every pair at once (m x m, row-major), through an index from each feature to the
 * notes that have it, so only pairs that share something cost anything.
 */
function similarityMatrix(vecs: readonly Features[]): Float64Array {
  const m = vecs.length;
  const postings = new Map<string, { notes: number[]; weights: number[] }>();
  vecs.forEach((v, i) => {
    for (const [k, w] of v) {
      const p = postings.get(k) ?? { notes: [], weights: [] };
      p.notes.push(i);
      p.weights.push(w);
      postings.set(k, p);
    }
  });
  const dot = new Float64Array(m * m);
  const words = new Uint8Array(m * m);
  const concept = new Uint8Array(m * m);
  for (const [k, { notes, weights }] of postings) {
    const kind = k.startsWith('w:') ? words : k.startsWith('c:') || k.startsWith('k:') ? concept : null;
    for (let x = 0; x < notes.length; x++) {
      const row = notes[x]! * m;
      for (let y = x + 1; y < notes.length; y++) {
        const cell = row + notes[y]!;
        dot[cell] = dot[cell]! + weights[x]! * weights[y]!;
        if (kind && kind[cell]! < 255) kind[cell] = kind[cell]! + 1;
      }
    }
  }
  const sim = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const cell = i * m + j;
      if (concept[cell]! > 0 || words[cell]! >= 2) sim[cell] = sim[j * m + i] = dot[cell]!;
    }
  }
  return sim;
}

/**
 * Adds `k:<id>` to each note that would fit a known cluster: the cluster's notes and name, summed
 * into one vector, compared with the note under the same rule as two notes (a shared concept or two
 * words). Only the best-fitting cluster counts, so notes the room would put in the same cluster share
 * the feature and are pulled together.
 */
function learnFromClusters(notes: Features[], clusters: readonly KnownCluster[], vocab: ReturnType<typeof vocabularyOf>): void {
  const docs = clusters.map((c) => [c.label, ...c.texts].filter((t) => t.trim() !== '').map((t) => featuresOf(t, vocab)));
  const { vecs } = weigh([...notes, ...docs.flat()]);
  let at = notes.length;
  const centroids = docs.map((d) => {
    const sum: Features = new Map();
    for (const v of vecs.slice(at, at + d.length)) for (const [k, x] of v) if (!k.startsWith('d:')) sum.set(k, (sum.get(k) ?? 0) + x);
    at += d.length;
    const norm = Math.sqrt([...sum.values()].reduce((s, x) => s + x * x, 0)) || 1;
    for (const [k, x] of sum) sum.set(k, x / norm);
    return sum;
  });
  notes.forEach((f, j) => {
    let best = -1;
    let fit = LEARN_MIN;
    centroids.forEach((c, i) => {
      const s = similarity(vecs[j]!, c);
      if (s >= fit) [best, fit] = [i, s];
    });
    if (best >= 0) f.set(`k:${clusters[best]!.id}`, KNOWN_CLUSTER_WEIGHT * Math.min(1, fit / LEARN_FULL));
  });
}

/**
 * Average-linkage agglomerative clustering over a similarity matrix (m x m, row-major): merge the most
 * similar pair of groups (the first in row order on a tie) while it reaches the threshold. Each row
 * keeps its best partner to the right, so a merge rescans only the rows it touched.
 */
function agglomerate(sim: Float64Array, m: number, threshold: number, maxGroup: number): number[][] {
  const members: (number[] | null)[] = Array.from({ length: m }, (_, i) => [i]);
  const bestOf = new Int32Array(m).fill(-1);
  const valueOf = new Float64Array(m).fill(-1);
  const fits = (i: number, j: number) => members[j] !== null && members[i]!.length + members[j]!.length <= maxGroup;
  const rescan = (i: number) => {
    bestOf[i] = -1;
    valueOf[i] = -1;
    for (let j = i + 1; j < m; j++) {
      const v = sim[i * m + j]!;
      if (v > valueOf[i]! && fits(i, j)) [bestOf[i], valueOf[i]] = [j, v];
    }
  };
  for (let i = 0; i < m; i++) rescan(i);
  for (;;) {
    let bi = -1;
    for (let i = 0; i < m; i++) if (members[i] && bestOf[i]! >= 0 && (bi < 0 || valueOf[i]! > valueOf[bi]!)) bi = i;
    if (bi < 0 || valueOf[bi]! < threshold) break;
    const bj = bestOf[bi]!;
    const a = members[bi]!;
    const b = members[bj]!;
    for (let k = 0; k < m; k++) {
      if (k === bi || k === bj || !members[k]) continue;
      const merged = (a.length * sim[bi * m + k]! + b.length * sim[bj * m + k]!) / (a.length + b.length);
      sim[bi * m + k] = sim[k * m + bi] = merged;
    }
    members[bi] = [...a, ...b];
    members[bj] = null;
    rescan(bi);
    for (let k = 0; k < m; k++) {
      if (k === bi || !members[k]) continue;
      if (bestOf[k] === bi || bestOf[k] === bj) rescan(k);
      else if (k < bi) {
        const v = sim[k * m + bi]!;
        if ((v > valueOf[k]! || (v === valueOf[k]! && bi < bestOf[k]!)) && fits(k, bi)) [bestOf[k], valueOf[k]] = [bi, v];
      }
    }
  }
  return members.filter((g): g is number[] => g !== null);
}

/**
 * Proposes groups of note ids whose texts are about the same thing. Notes that fit nowhere are left
 * out; groups have at least two notes and come largest first.
 */
export function suggestClusters(notes: { id: string; text: string }[], options: SuggestOptions = {}): string[][] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const maxGroup = options.maxGroupSize ?? DEFAULT_MAX_GROUP;
  const known = [...(options.clusters ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Deterministic whatever the input order: work in id order.
  const items = [...notes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const vocab = vocabularyOf([...items.map((n) => n.text), ...known.flatMap((c) => [c.label, ...c.texts])]);
  const all = items.map((n) => featuresOf(n.text, vocab));
  const usable = items.map((_, i) => i).filter((i) => all[i]!.size > 0);
  const features = usable.map((i) => all[i]!);
  learnFromClusters(features, known, vocab);
  const { vecs } = weigh(features);
  const m = usable.length;
  return agglomerate(similarityMatrix(vecs), m, threshold, maxGroup)
    .filter((g) => g.length >= 2)
    .map((g) => g.map((k) => items[usable[k]!]!.id).sort())
    .sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
}

/**
 * How close a grouping of notes is to a hand-made one: the adjusted Rand index (ARI) and pairwise
 * precision, recall and F1.
 *
 * Why: suggested clusters are judged against what a facilitator would group by hand, with the two
 * scores clustering papers use, so that the figures in the docs mean what a reader expects. A note a
 * method leaves out of every group counts as a group of its own.
 */

/** The scores of a grouping against the truth. */
export interface ClusterScores {
  /** Adjusted Rand index: 1 for the same grouping, about 0 for a random one (can go below 0). */
  readonly ari: number;
  /** Of the pairs put together, the share that belong together. */
  readonly precision: number;
  /** Of the pairs that belong together, the share put together. */
  readonly recall: number;
  /** Harmonic mean of pairwise precision and recall. */
  readonly f1: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

/**
 * Scores `groups` (lists of ids; ids in no group are singletons) against `truth` (id -> label, for
 * every id that counts). Ids not in `truth` are ignored.
 */
export function scoreClusters(groups: readonly (readonly string[])[], truth: ReadonlyMap<string, string>): ClusterScores {
  const predicted = new Map<string, string>();
  groups.forEach((g, i) => g.forEach((id) => truth.has(id) && predicted.set(id, `g${i}`)));
  for (const id of truth.keys()) if (!predicted.has(id)) predicted.set(id, `alone:${id}`);
  // Contingency table: (predicted, true) -> count, with its row and column sums.
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (const [id, label] of truth) {
    const p = predicted.get(id)!;
    cells.set(`${p}\u0000${label}`, (cells.get(`${p}\u0000${label}`) ?? 0) + 1);
    rows.set(p, (rows.get(p) ?? 0) + 1);
    cols.set(label, (cols.get(label) ?? 0) + 1);
  }
  const sumCells = [...cells.values()].reduce((s, c) => s + pairs(c), 0);
  const sumRows = [...rows.values()].reduce((s, c) => s + pairs(c), 0);
  const sumCols = [...cols.values()].reduce((s, c) => s + pairs(c), 0);
  const total = pairs(truth.size);
  const expected = total === 0 ? 0 : (sumRows * sumCols) / total;
  const max = (sumRows + sumCols) / 2;
  const ari = max === expected ? (sumCells === expected ? 1 : 0) : (sumCells - expected) / (max - expected);
  const precision = sumRows === 0 ? 0 : sumCells / sumRows;
  const recall = sumCols === 0 ? 0 : sumCells / sumCols;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ari, precision, recall, f1 };
}

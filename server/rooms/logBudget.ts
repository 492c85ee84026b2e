/**
 * When a board's update log is compacted into its state (after `compactEvery` updates, or once the
 * log outweighs the state, at least COMPACT_FLOOR_BYTES; at most once per interval), and the
 * compaction itself (`compactBoard`).
 *
 * Why: the log is what makes an update durable before it is broadcast, but replaying a long one slows
 * a board's load and fills the disk. Compacting when the log passes the state's size keeps what a
 * board takes on disk under twice its compacted state (plus the floor, plus what arrives within one
 * interval) however long the day, at an amortized cost of one state write per state's worth of
 * updates. A compaction rewrites the whole board, so a burst of updates (everyone catching up after a
 * restart, a large offline merge) must not trigger one per update: a compaction that falls due within
 * the interval after the last one (or after the board's load) waits for the interval's end, and then
 * covers the whole burst.
 */

import * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { LeaseLostError, type BoardStore, type Fence } from '../persistence/store.ts';

/** A log smaller than this is not compacted for its size alone (small boards would compact at every edit). */
export const COMPACT_FLOOR_BYTES = 16 * 1024;

/** What the store holds for a board: its compacted state's bytes and the log after it. */
export interface StoredSizes {
  readonly stateBytes: number;
  readonly logBytes: number;
  readonly logCount: number;
}

/** Shortest time between two compactions of a board when none is set (OLIFANT_COMPACT_MIN_INTERVAL_MS's default). */
export const COMPACT_MIN_INTERVAL_MS = 5000;

/** What a board's log holds since its last compaction, and whether (and when) to compact. */
export class LogBudget {
  private count: number;
  private bytes: number;
  private stateBytes: number;
  /** Whether a threshold was passed since the last compaction. */
  private due = false;
  /** When the board was last compacted, or loaded (ms, on `now`'s clock). */
  private lastAt: number;

  constructor(
    private readonly compactEvery: number,
    stored: StoredSizes = { stateBytes: 0, logBytes: 0, logCount: 0 },
    /** Shortest time from one compaction (or the load) to the next, ms; 0 compacts as soon as due. */
    private readonly minIntervalMs = 0,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.count = stored.logCount;
    this.bytes = stored.logBytes;
    this.stateBytes = stored.stateBytes;
    this.lastAt = now();
  }

  /** Counts one appended update; returns whether a compaction is due (see `waitMs` for when it may run). */
  appended(bytes: number): boolean {
    this.count++;
    this.bytes += bytes;
    if (this.count >= this.compactEvery || this.bytes > Math.max(this.stateBytes, COMPACT_FLOOR_BYTES)) this.due = true;
    return this.due;
  }

  /** Whether a threshold was passed since the last compaction. */
  get isDue(): boolean {
    return this.due;
  }

  /** How long a due compaction must still wait, ms: 0 once the interval since the last compaction (or the load) is over. */
  waitMs(): number {
    return Math.max(0, this.lastAt + this.minIntervalMs - this.now());
  }

  /** Whether anything was appended since the last compaction. */
  get pending(): boolean {
    return this.count > 0;
  }

  /**
   * A compaction failed (the log is intact): try again only at the next threshold, after as many
   * updates again or once the log doubles, not at every update.
   */
  postponed(): void {
    this.count = 0;
    this.due = false;
    this.lastAt = this.now();
    this.stateBytes = Math.max(this.stateBytes, this.bytes);
  }

  /** The log was folded into a state of `stateBytes`. */
  compacted(stateBytes: number): void {
    this.count = 0;
    this.due = false;
    this.lastAt = this.now();
    this.bytes = 0;
    this.stateBytes = stateBytes;
  }
}

/**
 * Writes `doc` as the board's state (covering the log up to `lastSeq`) and drops the log it replaces,
 * if `budget` has anything pending. The caller makes sure nothing is appended meanwhile (the room runs
 * it between turns). A failure leaves the log intact, so nothing is lost: it is logged, counted, and
 * tried again at the next threshold. A compaction refused because another process took the board
 * over rejects with `LeaseLostError`: this process must stop serving the board.
 */
export async function compactBoard(
  deps: { readonly store: BoardStore; readonly metrics: Metrics; readonly log: Logger },
  boardId: string,
  doc: Y.Doc,
  lastSeq: number,
  budget: LogBudget,
  fence?: Fence,
): Promise<void> {
  if (!budget.pending) return;
  const started = performance.now();
  try {
    const state = Y.encodeStateAsUpdate(doc);
    await deps.store.compact(boardId, state, lastSeq, fence);
    budget.compacted(state.byteLength);
    deps.metrics.persistWrite.observe({ op: 'compact' }, (performance.now() - started) / 1000);
  } catch (err) {
    if (err instanceof LeaseLostError) throw err;
    budget.postponed();
    deps.metrics.errors.inc({ kind: 'compaction' });
    deps.log.error({ err, board: boardId }, '[room] compaction failed');
  }
}

/**
 * Test helper: a real SQLite store whose appends, loads and compactions can be held at a gate by the
 * test, made to fail, and counted.
 *
 * Why: the room's turn promises that nothing is broadcast or answered before it is stored, and that a
 * write in flight gathers what arrives meanwhile. A store on a local file answers too fast to see
 * either; holding its writes open (every write still goes to the real file once let through) shows
 * what clients receive while one is pending. It is a test store, not a stand-in for a running engine.
 */
import { openSqliteStore } from '../../server/persistence/sqliteStore.ts';
import type { BoardStore } from '../../server/persistence/store.ts';

/** A gate: while closed, calls wait at it; `open()` lets them (and later ones) through. */
export class Gate {
  private waiting: (() => void)[] = [];
  private closed = false;
  /** How many calls are waiting at it now. */
  get held(): number {
    return this.waiting.length;
  }
  close(): void {
    this.closed = true;
  }
  open(): void {
    this.closed = false;
    for (const go of this.waiting.splice(0)) go();
  }
  /** Lets the calls waiting now through; later ones wait again. */
  releaseWaiting(): void {
    for (const go of this.waiting.splice(0)) go();
  }
  pass(): Promise<void> {
    return this.closed ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }
}

/** The SQLite store in `dataDir`, with gates, counts and failures the test sets. */
export interface GatedStore extends BoardStore {
  readonly appendGate: Gate;
  readonly loadGate: Gate;
  readonly compactGate: Gate;
  /** Each `appendUpdates` call: how many updates it carried. */
  readonly appends: number[];
  /** How many times a board was loaded. */
  loads: number;
  /** How many compactions were stored. */
  compactions: number;
  /** Set to make the next append reject with it (after its gate). */
  failNextAppend: Error | undefined;
  /** Set to make the next compaction reject with it. */
  failNextCompact: Error | undefined;
  /** Whether `close` was called, and when, relative to appends (the number of appends stored by then). */
  closedAfterAppends: number | undefined;
}

/** Opens the test store (see above). */
export function openGatedStore(dataDir: string): GatedStore {
  const real = openSqliteStore(dataDir);
  let stored = 0;
  const gated: GatedStore = {
    ...real,
    engine: real.engine,
    isPersonKnownBound: (id) => real.isPersonKnownBound(id),
    appendGate: new Gate(),
    loadGate: new Gate(),
    compactGate: new Gate(),
    appends: [],
    loads: 0,
    compactions: 0,
    failNextAppend: undefined,
    failNextCompact: undefined,
    closedAfterAppends: undefined,
    async appendUpdates(id, updates, fence, writers) {
      gated.appends.push(updates.length);
      await gated.appendGate.pass();
      const failure = gated.failNextAppend;
      gated.failNextAppend = undefined;
      if (failure) throw failure;
      const seq = await real.appendUpdates(id, updates, fence, writers);
      stored++;
      return seq;
    },
    async loadDocument(id) {
      gated.loads++;
      await gated.loadGate.pass();
      return real.loadDocument(id);
    },
    async compact(id, state, uptoSeq, fence) {
      await gated.compactGate.pass();
      const failure = gated.failNextCompact;
      gated.failNextCompact = undefined;
      if (failure) throw failure;
      await real.compact(id, state, uptoSeq, fence);
      gated.compactions++;
    },
    async close() {
      gated.closedAfterAppends = stored;
      await real.close();
    },
  };
  return gated;
}

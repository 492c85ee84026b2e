/**
 * What a room sends to everyone, gathered into batches: document updates (stored one by one as they
 * arrive, broadcast merged) and awareness changes (cursors, presence, broadcast as one message).
 *
 * Why: the fan-out is changes x connections. With 300 people each moving a note once a second and a
 * cursor five times a second, one message per change to every tablet would be 90,000 update and
 * 450,000 awareness messages a second, and every tablet would run a Yjs transaction 300 times a second.
 * Batched, each tablet handles a few dozen messages, and its awareness states are capped at
 * `AWARENESS_STATES_PER_SECOND` in a room of up to 600 (beyond, the window stays at its longest): on
 * venue Wi-Fi 300 tablets each taking 1,500 cursor states a second would be tens of megabytes a second
 * of cursors. A small room adds no delay to updates (their batch closes at the end of the current
 * turn), and 40 ms to cursors.
 */
import * as Y from 'yjs';
import type * as awarenessProtocol from 'y-protocols/awareness';
import { awarenessMessage, updateMessage } from './messages.ts';

/** From this many connections on, a room gathers updates for `LARGE_ROOM_WINDOW_MS` before sending. */
export const LARGE_ROOM = 100;
/** How long a large room gathers updates, ms. */
export const LARGE_ROOM_WINDOW_MS = 25;
/** How long awareness changes are gathered in a small room, ms. */
export const AWARENESS_BATCH_MS = 40;
/** How many awareness states a second each connection is sent at most, in a room of up to 600. */
export const AWARENESS_STATES_PER_SECOND = 600;
/** The longest awareness window, ms (a room of 600 or more: each cursor moves once a second). */
export const AWARENESS_MAX_MS = 1000;

/** The awareness window for a room of `size` connections: each sees everyone at most 1000 / window times a second. */
export function awarenessWindowMs(size: number): number {
  return Math.min(AWARENESS_MAX_MS, Math.max(AWARENESS_BATCH_MS, Math.round((size * 1000) / AWARENESS_STATES_PER_SECOND)));
}

/** Closes a batch once: after a window, or at the end of this turn of the event loop (window 0). */
class BatchTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private immediate: ReturnType<typeof setImmediate> | undefined;

  constructor(private readonly close: () => void) {}

  /** Starts the window unless one is already running. */
  start(windowMs: number): void {
    if (this.timer !== undefined || this.immediate !== undefined) return;
    if (windowMs > 0) this.timer = setTimeout(this.close, windowMs);
    else this.immediate = setImmediate(this.close);
  }

  stop(): void {
    clearTimeout(this.timer);
    clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
  }
}

/** Stored document updates of a room, broadcast merged when the batch closes. */
export class UpdateBatch<Origin> {
  private updates: Uint8Array[] = [];
  private readonly origins = new Set<Origin | undefined>();
  private readonly timer = new BatchTimer(() => this.flush());

  constructor(
    /** Sends `message` to every connection but `except` (when only one connection sent the batch). */
    private readonly broadcast: (message: Uint8Array, except: Origin | undefined) => void,
    /** How many connections the room has now (picks the window). */
    private readonly roomSize: () => number,
    /** Told when sending failed (this runs from a timer: nothing above it would catch). */
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Adds an update that is already applied and stored; it goes out when the batch closes. */
  add(update: Uint8Array, origin: Origin | undefined): void {
    this.updates.push(update);
    this.origins.add(origin);
    this.timer.start(this.roomSize() >= LARGE_ROOM ? LARGE_ROOM_WINDOW_MS : 0);
  }

  /**
   * Sends what is pending now. One update goes as it is; several are merged into one (or, should
   * merging fail, go one by one). With several senders, each also gets its own changes back, which
   * Yjs ignores as already known.
   */
  flush(): void {
    this.timer.stop();
    if (this.updates.length === 0) return;
    const updates = this.updates;
    const except = this.origins.size === 1 ? [...this.origins][0] : undefined;
    this.updates = [];
    this.origins.clear();
    try {
      let merged: Uint8Array[];
      try {
        merged = [updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)];
      } catch (err) {
        this.onError(err);
        merged = updates;
      }
      for (const update of merged) this.broadcast(updateMessage(update), except);
    } catch (err) {
      this.onError(err); // clients that missed it get it from the store when they sync
    }
  }

  /** Drops what is pending (the room is gone; what was stored reaches clients when they sync). */
  destroy(): void {
    this.timer.stop();
    this.updates = [];
    this.origins.clear();
  }
}

/** Awareness changes of a room: the latest state of each changed client, encoded once for everyone. */
export class AwarenessBatch {
  private readonly pending = new Set<number>();
  private readonly timer = new BatchTimer(() => this.flush());

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    /** Sends the changed states (`message`, encoded once) of `ids` to the room's connections. */
    private readonly broadcast: (message: Uint8Array, ids: readonly number[]) => void,
    /** How many connections the room has now (picks the window). */
    private readonly roomSize: () => number,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Notes changed client ids; the batch goes out when the window closes. */
  add(ids: readonly number[]): void {
    for (const id of ids) this.pending.add(id);
    if (this.pending.size > 0) this.timer.start(awarenessWindowMs(this.roomSize()));
  }

  private flush(): void {
    this.timer.stop();
    if (this.pending.size === 0) return;
    const ids = [...this.pending];
    this.pending.clear();
    try {
      this.broadcast(awarenessMessage(this.awareness, ids), ids);
    } catch (err) {
      this.onError(err);
    }
  }

  destroy(): void {
    this.timer.stop();
    this.pending.clear();
  }
}

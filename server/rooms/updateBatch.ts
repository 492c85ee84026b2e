/**
 * Document updates of a room, stored one by one as they arrive but broadcast together: whatever
 * arrived in the same turn of the event loop goes out as one merged update, and in a large room
 * whatever arrived within a short window does.
 *
 * Why: the fan-out is updates x connections. With 300 people each moving a note once a second, one
 * message per update to every tablet would be 90,000 messages a second, and every tablet would run a
 * Yjs transaction 300 times a second. Merged per window, each tablet handles a few dozen. A small room
 * adds no delay: its batch closes at the end of the current turn.
 */
import * as Y from 'yjs';
import { updateMessage } from './messages.ts';

/** From this many connections on, a room gathers updates for `LARGE_ROOM_WINDOW_MS` before sending. */
export const LARGE_ROOM = 100;
/** How long a large room gathers updates, ms (the awareness batch is 40 ms). */
export const LARGE_ROOM_WINDOW_MS = 25;

export class UpdateBatch<Origin> {
  private updates: Uint8Array[] = [];
  private readonly origins = new Set<Origin | undefined>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private immediate: ReturnType<typeof setImmediate> | undefined;

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
    if (this.timer !== undefined || this.immediate !== undefined) return;
    if (this.roomSize() >= LARGE_ROOM) this.timer = setTimeout(this.flush, LARGE_ROOM_WINDOW_MS);
    else this.immediate = setImmediate(this.flush);
  }

  /**
   * Sends what is pending now. One update goes as it is; several are merged into one (or, should
   * merging fail, go one by one). With several senders, each also gets its own changes back, which
   * Yjs ignores as already known.
   */
  readonly flush = (): void => {
    clearTimeout(this.timer);
    clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
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
  };

  /** Drops what is pending (the room is gone; what was stored reaches clients when they sync). */
  destroy(): void {
    clearTimeout(this.timer);
    clearImmediate(this.immediate);
    this.updates = [];
    this.origins.clear();
  }
}

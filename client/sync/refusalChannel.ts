/**
 * The channel on which the tabs of one board on this device tell each other that the server refused
 * a change from their shared copy.
 *
 * Why: a change refused in one tab is held by this board's other tabs too, and the tabs hand each
 * other changes directly (y-websocket's BroadcastChannel). A projector tab's writes are dropped by the
 * server without a word, so it would never learn of the refusal and would hand the change back to the
 * tab that started again; told of it, the projector keeps out of the tabs' channel from then on.
 */

/** One session's end of the channel. */
export interface RefusalChannel {
  /** Tells this board's other tabs that the server refused a change from this copy. */
  tell(reason: string): void;
  /** Whether another tab has told of a refusal (only when listening). */
  readonly heard: boolean;
  /** Leaves the channel (the session ends). */
  close(): void;
}

/**
 * Joins board `boardId`'s refusal channel; with `onHeard`, listens too and calls it when another tab
 * tells of a refusal. Where the browser has no BroadcastChannel, nothing is told or heard.
 */
export function openRefusalChannel(boardId: string, onHeard?: () => void): RefusalChannel {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`olifant.refused.${boardId}`) : null;
  let heard = false;
  if (channel && onHeard) {
    channel.onmessage = () => {
      heard = true;
      onHeard();
    };
  }
  return {
    tell: (reason) => channel?.postMessage(reason),
    get heard() {
      return heard;
    },
    close: () => channel?.close(),
  };
}

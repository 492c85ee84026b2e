/**
 * When to connect again after the server closed the connection, and after how long.
 *
 * Why: reconnects use capped exponential backoff with full jitter (a random wait up to the step), so
 * a room of tablets does not reconnect in lockstep when the venue Wi-Fi comes back. The provider's own
 * schedule is turned off. Close codes 4400-4499 mean retrying cannot help: a revoked link, or a
 * change from this device that the server refused (sent again, it would be refused again).
 */
import { refusesAChange } from '../../shared/index.ts';

/** Reconnect backoff: the first step, and the longest wait. */
export const RECONNECT_BASE_MS = 250;
export const RECONNECT_CAP_MS = 5000;

/** What the session does when a close says that retrying cannot help. */
export interface ReconnectOutcomes {
  /** The server refused a change from this device (`reason`: its close reason). */
  refusedChange(reason: string): void;
  /** The link is not, or no longer, valid. */
  linkRefused(): void;
}

/** The reconnect policy of one session. */
export interface ReconnectPolicy {
  /**
   * The provider's `shouldReconnect`: always false, as the provider's own schedule is off. Schedules
   * the next attempt, or reports why there is none.
   */
  onClose(event: CloseEvent): boolean;
  /** A sync completed: the next drop starts again from the shortest wait. */
  reset(): void;
  /** The session ends: an attempt still waiting is dropped. */
  stop(): void;
}

/** The policy that calls `connect` again after a backoff, or tells `outcomes` why not. */
export function createReconnectPolicy(connect: () => void, outcomes: ReconnectOutcomes): ReconnectPolicy {
  let retries = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    onClose(event) {
      if (refusesAChange(event.code)) {
        outcomes.refusedChange(event.reason);
        return false;
      }
      if (event.code >= 4400 && event.code < 4500) {
        outcomes.linkRefused();
        return false;
      }
      const step = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** retries++);
      clearTimeout(timer);
      timer = setTimeout(connect, Math.random() * step);
      return false;
    },
    reset() {
      retries = 0;
    },
    stop() {
      clearTimeout(timer);
    },
  };
}

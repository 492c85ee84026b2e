/**
 * One client's websocket on one board: its role, its awareness client ids, and safe sending.
 *
 * Why: the room should not care about socket states or close codes; a connection knows whether it may
 * write, sends only while open, counts its traffic, and closes with a named code.
 */
import type { WebSocket } from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import { CLOSE, type CloseKind, type Role } from '../../shared/index.ts';
import type { Metrics } from '../metrics/metrics.ts';

let nextConnectionId = 1;

export class Connection {
  /** A process-unique number, for logs. */
  readonly id = nextConnectionId++;
  /** Awareness client ids this connection has announced (removed when it closes). */
  readonly awarenessIds = new Set<number>();
  /** Whether the client answered the last ping. */
  alive = true;

  constructor(
    readonly ws: WebSocket,
    readonly role: Role,
    private readonly metrics: Metrics,
    /** The key version of the link it was opened with (a rotation closes older ones). */
    readonly keyVersion = 1,
    /** Most bytes that may wait to be sent to this client before it counts as not reading. */
    private readonly maxBufferedBytes = Number.POSITIVE_INFINITY,
  ) {}

  /** Projector connections may read everything but change nothing. */
  get readOnly(): boolean {
    return this.role === 'projector';
  }

  /**
   * Sends a binary message if the socket is open; a failed send closes the socket. A client that
   * stopped reading (what waits for it would pass `maxBufferedBytes`) is cut off: what the server
   * holds for it stays bounded, and when it comes back it reconnects and syncs what it missed.
   */
  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount + message.byteLength > this.maxBufferedBytes) {
      this.metrics.errors.inc({ kind: 'slow_reader' });
      this.ws.terminate();
      return;
    }
    this.metrics.messages.inc({ direction: 'out' });
    this.metrics.bytes.inc({ direction: 'out' }, message.byteLength);
    this.ws.send(message, (err) => {
      if (err) this.ws.terminate();
    });
  }

  /**
   * Stamps this connection's role on the awareness states it announced (`ids`), in the state the
   * server holds before broadcasting: others see the role of the link, not what the client claims, so
   * a participant cannot pose as the facilitator whose view the projector follows.
   */
  stampRole(awareness: Awareness, ids: readonly number[]): void {
    const states = awareness.getStates();
    for (const id of ids) {
      const state = states.get(id) as { user?: unknown } | undefined;
      if (!state || typeof state.user !== 'object' || state.user === null) continue;
      const user = state.user as Record<string, unknown>;
      if (user.role !== this.role) state.user = { ...user, role: this.role };
    }
  }

  /** Closes the socket with a named code and reason. */
  close(kind: CloseKind, detail?: string): void {
    const { code, reason } = CLOSE[kind];
    if (this.ws.readyState === this.ws.CLOSED || this.ws.readyState === this.ws.CLOSING) return;
    // A close reason must fit in 123 bytes.
    this.ws.close(code, (detail ? `${reason}: ${detail}` : reason).slice(0, 120));
  }
}

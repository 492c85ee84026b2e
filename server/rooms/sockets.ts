/**
 * What becomes of a board socket once its upgrade is accepted: its `Connection`, its room, and the
 * handlers of its messages, pongs, errors and close; and the heartbeat over every open socket.
 *
 * Why: after the upgrade, every handler catches: a bad frame closes that socket with a named code,
 * counts a metric and logs a line; other clients and boards carry on. A socket that stops answering
 * pings is dropped, so its room does not keep sending to no one. A board may take a while to load:
 * the socket is listened to at once, what its client sends meanwhile waits in order, and a socket
 * that closes before its board is loaded is never added to it.
 */
import type { WebSocket } from 'ws';
import type { Role } from '../../shared/index.ts';
import type { JoinIdentity } from '../auth/personProof.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { Connection, type ConnectionLimits } from './connection.ts';
import { NotOwnerError } from './ownership.ts';
import { ProtocolError } from './protocolError.ts';
import type { RoomRegistry } from './registry.ts';
import type { Room } from './room.ts';

/** What wiring a socket needs from the server. */
export interface SocketDeps {
  readonly registry: RoomRegistry;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly limits: ConnectionLimits;
}

/** Who an accepted socket is: its board, the role and key version of its link, who it proved to be. */
export interface SocketIdentity extends JoinIdentity {
  readonly boardId: string;
  readonly role: Role;
  readonly keyVersion: number;
}

/** The open board sockets of one server. */
export class BoardSockets {
  private readonly connections = new Map<WebSocket, Connection>();

  constructor(private readonly deps: SocketDeps) {}

  /** Joins an accepted socket to its board's room (a board that cannot be loaded closes it, 4501). */
  attach(ws: WebSocket, who: SocketIdentity): void {
    const { metrics, log, registry } = this.deps;
    const conn = new Connection(ws, who.role, metrics, who.keyVersion, this.deps.limits, who.personId, who);
    metrics.connections.inc({ role: who.role });
    this.connections.set(ws, conn);
    const joined = this.listen(ws, conn, who);
    registry.acquire(who.boardId).then(
      (room) => {
        if (ws.readyState !== ws.OPEN) return registry.release(room);
        joined(room);
      },
      (err: unknown) => {
        // The board moved to another process between the routing and the load: reconnect to reach it.
        if (err instanceof NotOwnerError) return conn.close('leaseLost');
        metrics.errors.inc({ kind: 'load' });
        log.error({ err, board: who.boardId }, '[upgrade] board could not be loaded');
        conn.close('loadFailure');
      },
    );
  }

  /** Pings every socket; one that did not answer the previous ping is terminated. */
  heartbeat(): void {
    for (const [ws, conn] of this.connections) {
      if (!conn.alive) {
        ws.terminate();
        continue;
      }
      conn.alive = false;
      ws.ping();
    }
  }

  /** Listens to the socket at once; returns how to join it to its room once loaded (messages wait till then). */
  private listen(ws: WebSocket, conn: Connection, who: SocketIdentity): (room: Room) => void {
    const { metrics, log } = this.deps;
    let room: Room | undefined;
    let early: { data: Buffer; isBinary: boolean }[] = [];
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      // Once the server is closing this socket (a bad message earlier in the same read), what the
      // client sent after it is not handled: it may build on what was refused.
      if (ws.readyState !== ws.OPEN) return;
      metrics.traffic.in.messages++;
      metrics.traffic.in.bytes += data.byteLength;
      if (room === undefined) return void early.push({ data, isBinary });
      const to = room;
      conn.admit(data.byteLength, () => this.handle(conn, to, who, data, isBinary));
    });
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('error', (err: Error & { code?: string }) => {
      // ws closes the socket itself (1009 for maxPayload, 1002 for bad frames); count and log it.
      const kind = err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'message_too_big' : 'bad_frame';
      metrics.errors.inc({ kind });
      log.warn({ board: who.boardId, conn: conn.id, kind, reason: err.message }, '[socket] websocket error');
    });
    ws.on('close', () => {
      this.connections.delete(ws);
      metrics.connections.dec({ role: who.role });
      early = [];
      room?.remove(conn);
    });
    return (loaded) => {
      room = loaded;
      loaded.add(conn);
      const waiting = early;
      early = [];
      for (const { data, isBinary } of waiting) conn.admit(data.byteLength, () => this.handle(conn, loaded, who, data, isBinary));
    };
  }

  /** Hands one message to the room (queued for its next turn); whatever it refuses closes this socket alone. */
  private handle(conn: Connection, room: Room, who: SocketIdentity, data: Buffer, isBinary: boolean): void {
    if (!isBinary) return this.reject(conn, who, new ProtocolError('textFrame', 'text frame'));
    room.receive(conn, new Uint8Array(data.buffer, data.byteOffset, data.byteLength), (err) => this.reject(conn, who, err));
  }

  private reject(conn: Connection, who: SocketIdentity, err: unknown): void {
    const protocolError = err instanceof ProtocolError;
    const kind = protocolError ? err.kind : 'internalError';
    this.deps.metrics.errors.inc({ kind: snakeCase(kind) });
    this.deps.log[protocolError ? 'warn' : 'error']({ err, board: who.boardId, conn: conn.id, role: who.role, kind }, '[socket] closing connection');
    conn.close(kind);
  }
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

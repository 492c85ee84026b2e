/**
 * The board websocket endpoint, `/ws/<boardId>?token=<token>`: checks the capability at the HTTP
 * upgrade, then wires the socket to its room.
 *
 * Why: a missing, forged or other board's token, a revoked link or an unknown board is refused with a
 * plain HTTP status before the upgrade, so no board byte ever reaches an unauthorised socket. After
 * the upgrade, every handler catches: a bad frame closes that socket with a named code, counts a
 * metric and logs a line; other clients and boards carry on.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { isId, type Role } from '../../shared/index.ts';
import { authorize } from '../auth/authorize.ts';
import { NEW_PEOPLE_PER_HOUR } from '../auth/newPeople.ts';
import { HourlyBudget } from '../limits/budgets.ts';
import { redactUrl, type Logger } from '../log.ts';
import { AddressCounter, clientAddress } from './clientAddress.ts';
import { originAllowed, type AllowedOrigins } from './origin.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { BoardStore } from '../persistence/store.ts';
import { Connection, type ConnectionLimits } from '../rooms/connection.ts';
import { ProtocolError } from '../rooms/protocolError.ts';
import type { RoomRegistry } from '../rooms/registry.ts';

export interface UpgradeDeps {
  readonly wss: WebSocketServer;
  readonly registry: RoomRegistry;
  readonly store: BoardStore;
  readonly secret: Uint8Array;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly allowedOrigins: AllowedOrigins;
  readonly publicUrl: string | undefined;
  readonly limits: ConnectionLimits;
  /** Most board sockets one client address may hold (open or being opened). */
  readonly maxConnectionsPerAddress: number;
  /** Proxies whose X-Forwarded-For names the client (OLIFANT_TRUSTED_PROXIES). */
  readonly trustedProxies: readonly string[];
  /** New participant ids bound to device keys per hour, across everyone (OLIFANT_NEW_PEOPLE_PER_HOUR). */
  readonly newPeoplePerHour?: number;
}

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** Returns the `upgrade` listener for the HTTP server. */
export function createUpgradeHandler(deps: UpgradeDeps) {
  const { wss, store, secret, metrics, log } = deps;
  const connections = new Map<WebSocket, Connection>();
  const perAddress = new AddressCounter(deps.maxConnectionsPerAddress);
  const newPeople = new HourlyBudget(deps.newPeoplePerHour ?? NEW_PEOPLE_PER_HOUR);

  function refuse(req: IncomingMessage, socket: Duplex, status: number, reason: string): void {
    metrics.errors.inc({ kind: 'refused_upgrade' });
    log.info({ path: redactUrl(req.url), status, reason }, '[upgrade] refused');
    const body = `${reason}\n`;
    // End, then close for good once the answer is out: a client that never closes its side must not
    // keep the socket (and its place under the per-address cap) open.
    socket.once('finish', () => socket.destroy());
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\n` +
        `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }

  async function check(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      // Its error would carry the whole target, token included: nothing of it is logged.
      return refuse(req, socket, 400, 'bad request target; use /ws/<board id>?token=...');
    }
    const match = /^\/ws\/([^/]+)\/?$/.exec(url.pathname);
    if (!match || !isId(match[1]!)) return refuse(req, socket, 404, 'no such board endpoint; use /ws/<board id>');
    const boardId = match[1]!;
    if (!originAllowed(req.headers.origin, req.headers.host, deps.allowedOrigins, deps.publicUrl)) {
      return refuse(req, socket, 403, 'a page on another site may not open this board; the server allows its own site and OLIFANT_ALLOWED_ORIGINS');
    }
    const auth = await authorize(store, secret, boardId, url.searchParams.get('token'));
    // The server may have begun shutting down while the token was checked: this socket is no one's.
    if (stopped) return void socket.destroy();
    if (!auth.ok) return refuse(req, socket, auth.status, auth.reason);
    if (!deps.registry.makeRoomFor(boardId)) {
      return refuse(req, socket, 503, 'this server has as many boards open as it may (OLIFANT_MAX_LOADED_BOARDS); try again in a minute');
    }
    const personId = auth.claims.role === 'projector' ? undefined : provenPerson(url.searchParams);
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, boardId, auth.claims.role, auth.claims.keyVersion, personId));
  }

  /**
   * The participant id the request proves with `person` and `key` (join data): the first device key
   * used with an id on this server binds it (on every board: a device's id is the same everywhere, so
   * seeing it on one board must not let anyone claim it on another). A wrong key, or none, joins without an id (the board still
   * works; others just do not see this connection as that person). So does a new id once this hour's
   * budget of new ids is spent.
   */
  function provenPerson(params: URLSearchParams): string | undefined {
    const person = params.get('person');
    const key = params.get('key');
    if (!person || !isId(person) || !key || key.length < 16 || key.length > 200) return undefined;
    // Older clients without storage all called themselves this: nobody may own it.
    if (person === 'anonymous') return undefined;
    if (!store.isPersonBound(person) && !newPeople.take()) {
      metrics.errors.inc({ kind: 'new_people_budget' });
      return undefined;
    }
    const proven = store.claimPerson(person, createHash('sha256').update(key).digest('base64url'));
    if (!proven) metrics.errors.inc({ kind: 'unproven_person' });
    return proven ? person : undefined;
  }

  function attach(ws: WebSocket, boardId: string, role: Role, keyVersion: number, personId: string | undefined): void {
    const conn = new Connection(ws, role, metrics, keyVersion, deps.limits, personId);
    let room;
    try {
      room = deps.registry.acquire(boardId);
    } catch (err) {
      metrics.errors.inc({ kind: 'load' });
      log.error({ err, board: boardId }, '[upgrade] board could not be loaded');
      conn.close('loadFailure');
      return;
    }
    metrics.connections.inc({ role });
    const handle = (data: Buffer, isBinary: boolean) => {
      try {
        if (!isBinary) throw new ProtocolError('textFrame', 'text frame');
        room.handleMessage(conn, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      } catch (err) {
        const protocolError = err instanceof ProtocolError;
        const kind = protocolError ? err.kind : 'internalError';
        metrics.errors.inc({ kind: snakeCase(kind) });
        log[protocolError ? 'warn' : 'error']({ err, board: boardId, conn: conn.id, role, kind }, '[socket] closing connection');
        conn.close(kind);
      }
    };
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      // Once the server is closing this socket (a bad message earlier in the same read), what the
      // client sent after it is not handled: it may build on what was refused.
      if (ws.readyState !== ws.OPEN) return;
      metrics.traffic.in.messages++;
      metrics.traffic.in.bytes += data.byteLength;
      conn.admit(data.byteLength, () => handle(data, isBinary));
    });
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('error', (err: Error & { code?: string }) => {
      // ws closes the socket itself (1009 for maxPayload, 1002 for bad frames); count and log it.
      const kind = err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'message_too_big' : 'bad_frame';
      metrics.errors.inc({ kind });
      log.warn({ board: boardId, conn: conn.id, kind, reason: err.message }, '[socket] websocket error');
    });
    ws.on('close', () => {
      connections.delete(ws);
      metrics.connections.dec({ role });
      room.remove(conn);
    });
    connections.set(ws, conn);
    room.add(conn);
  }

  /** Pings every socket; one that did not answer the previous ping is terminated. */
  function heartbeat(): void {
    for (const [ws, conn] of connections) {
      if (!conn.alive) {
        ws.terminate();
        continue;
      }
      conn.alive = false;
      ws.ping();
    }
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const address = clientAddress(req, deps.trustedProxies);
    if (!watch(socket, address)) {
      return refuse(req, socket, 429, 'this address has as many board connections open as it may (OLIFANT_MAX_CONNECTIONS_PER_IP); close some tabs or try again later');
    }
    const path = redactUrl(req.url);
    check(req, socket, head).catch((err: unknown) => {
      metrics.errors.inc({ kind: 'upgrade' });
      log.error({ err, path }, '[upgrade] failed');
      socket.destroy();
    });
  }

  /**
   * Counts the socket under its address (false past the cap) and frees its place when it closes,
   * whether refused, destroyed, or a websocket that ends. Its listeners live as long as the socket,
   * so they are made here, where the upgrade request is not in scope for them to keep alive.
   */
  function watch(socket: Duplex, address: string): boolean {
    socket.on('error', () => socket.destroy());
    if (!perAddress.take(address)) return false;
    socket.once('close', () => perAddress.release(address));
    return true;
  }

  let stopped = false;
  /** Refuses upgrades from now on (shutdown), also those whose token is being checked. */
  function stop(): void {
    stopped = true;
  }

  return { onUpgrade, heartbeat, stop };
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * The board websocket endpoint, `/ws/<boardId>?token=<token>`: the HTTP upgrade. It reads the
 * request target and its join data (`person`, `key`), checks the page's Origin, the capability token,
 * the per-address socket cap and the server's room for one more board, then hands the accepted socket
 * to `BoardSockets`.
 *
 * Why: a missing, forged or other board's token, a revoked link or an unknown board is refused with a
 * plain HTTP status before the upgrade, so no board byte ever reaches an unauthorised socket; malformed
 * join data too, with the rule it breaks, so a tool is told rather than silently joined unproven.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { isId } from '../../shared/index.ts';
import { authorize } from '../auth/authorize.ts';
import { joinDataProblem, NOBODY, PersonProof } from '../auth/personProof.ts';
import { redactUrl, type Logger } from '../log.ts';
import { AddressCounter, clientAddress } from './clientAddress.ts';
import { originAllowed, type AllowedOrigins } from './origin.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { BoardStore } from '../persistence/store.ts';
import type { ConnectionLimits } from '../rooms/connection.ts';
import type { RoomRegistry } from '../rooms/registry.ts';
import { BoardSockets } from '../rooms/sockets.ts';
import type { BoardRouter } from '../cluster/router.ts';
import { signTunnel, TUNNEL_HEADER, tunnelUpgrade, verifyTunnel } from '../cluster/tunnel.ts';
import type { Gauge } from 'prom-client';

/** What the upgrade handler needs from the server. */
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
  /** With several processes: where each board is served (see server/cluster/router.ts). */
  readonly cluster?: UpgradeCluster;
}

/** What the upgrade needs of the cluster: routing, this node's id, and the count of open tunnels. */
export interface UpgradeCluster {
  readonly router: BoardRouter;
  readonly nodeId: string;
  readonly tunnels: Gauge;
  /** New participant ids per hour, one budget across the cluster. */
  readonly newPeople: { take(): Promise<boolean> };
  /** Board sockets per client address, counted across the cluster. */
  readonly sockets: { take(address: string): Promise<boolean>; release(address: string): Promise<void> };
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** Returns the `upgrade` listener for the HTTP server. */
export function createUpgradeHandler(deps: UpgradeDeps) {
  const { wss, store, secret, metrics, log } = deps;
  const sockets = new BoardSockets(deps);
  const perAddress = new AddressCounter(deps.maxConnectionsPerAddress);
  const people = new PersonProof(store, metrics, deps.newPeoplePerHour, deps.cluster?.newPeople);
  /** Set at shutdown: upgrades are refused from then on, also those whose token is being checked. */
  let stopped = false;

  const refuse = (req: IncomingMessage, socket: Duplex, status: number, reason: string) => refuseUpgrade(deps, req, socket, status, reason);

  async function check(req: IncomingMessage, socket: Duplex, head: Buffer, address: string, tunnelled: boolean): Promise<void> {
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
    const joinProblem = joinDataProblem(url.searchParams);
    if (joinProblem) return refuse(req, socket, 400, joinProblem);
    if (!originAllowed(req.headers.origin, req.headers.host, deps.allowedOrigins, deps.publicUrl)) {
      return refuse(req, socket, 403, 'a page on another site may not open this board; the server allows its own site and OLIFANT_ALLOWED_ORIGINS');
    }
    const auth = await authorize(store, secret, boardId, url.searchParams.get('token'));
    // The server may have begun shutting down while the token was checked: this socket is no one's.
    if (stopped) return void socket.destroy();
    if (!auth.ok) return refuse(req, socket, auth.status, auth.reason);
    if (deps.cluster && !(await servedHere(req, socket, head, boardId, address, tunnelled, deps.cluster))) return;
    if (stopped) return void socket.destroy();
    const { role, keyVersion } = auth.claims;
    const who = role === 'projector' ? NOBODY : await people.proveJoin(url.searchParams);
    if (stopped) return void socket.destroy();
    if (!deps.registry.makeRoomFor(boardId)) {
      return refuse(req, socket, 503, 'this server has as many boards open as it may (OLIFANT_MAX_LOADED_BOARDS); try again in a minute');
    }
    wss.handleUpgrade(req, socket, head, (ws) => sockets.attach(ws, { boardId, role, keyVersion, ...who }));
  }

  /**
   * With several processes: whether the board is served here; if not, the socket was tunnelled to its
   * owner, or answered with a "try again".
   */
  async function servedHere(req: IncomingMessage, socket: Duplex, head: Buffer, boardId: string, address: string, tunnelled: boolean, cluster: UpgradeCluster): Promise<boolean> {
    const route = await cluster.router.route(boardId, tunnelled);
    if (route.kind === 'here') return true;
    if (route.kind === 'retry') {
      refuse(req, socket, 503, `${route.reason}; try again in a moment`);
      return false;
    }
    const outcome = await tunnelUpgrade(req, socket, head, new URL(route.nodeUrl), signTunnel(secret, cluster.nodeId, address));
    if (!outcome.ok) {
      log.warn({ board: boardId, owner: route.nodeId, reason: outcome.reason }, '[upgrade] the board\'s server did not answer');
      refuse(req, socket, 503, 'the server that holds this board did not answer; try again in a moment');
      return false;
    }
    cluster.tunnels.inc();
    socket.once('close', () => cluster.tunnels.dec());
    return false;
  }

  const TOO_MANY = 'this address has as many board connections open as it may (OLIFANT_MAX_CONNECTIONS_PER_IP); close some tabs or try again later';

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // A socket another process of the cluster passed on: the client was counted there, and the signed
    // header says who it is.
    const from = deps.cluster ? verifyTunnel(req.headers[TUNNEL_HEADER], secret) : undefined;
    const address = from?.clientAddress ?? clientAddress(req, deps.trustedProxies);
    const path = redactUrl(req.url);
    const failed = (err: unknown) => {
      metrics.errors.inc({ kind: 'upgrade' });
      log.error({ err, path }, '[upgrade] failed');
      socket.destroy();
    };
    if (from) {
      socket.on('error', () => socket.destroy());
      return void check(req, socket, head, address, true).catch(failed);
    }
    if (deps.cluster) {
      const counted = countAcrossCluster(deps.cluster, socket, address);
      return void counted.then((ok) => (ok ? check(req, socket, head, address, false) : refuse(req, socket, 429, TOO_MANY))).catch(failed);
    }
    if (!countUnder(perAddress, socket, address)) return refuse(req, socket, 429, TOO_MANY);
    check(req, socket, head, address, false).catch(failed);
  }

  /** Refuses upgrades from now on (shutdown), also those whose token is being checked. */
  function stop(): void {
    stopped = true;
  }

  return { onUpgrade, heartbeat: () => sockets.heartbeat(), stop };
}

/** Answers an upgrade with a plain HTTP status and reason, counted and logged (without the token). */
function refuseUpgrade(deps: Pick<UpgradeDeps, 'metrics' | 'log'>, req: IncomingMessage, socket: Duplex, status: number, reason: string): void {
  deps.metrics.errors.inc({ kind: 'refused_upgrade' });
  deps.log.info({ path: redactUrl(req.url), status, reason }, '[upgrade] refused');
  const body = `${reason}\n`;
  // End, then close for good once the answer is out: a client that never closes its side must not
  // keep the socket (and its place under the per-address cap) open.
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** As `countUnder`, with the count shared by every process of the cluster (see server/cluster/sharedSockets.ts). */
async function countAcrossCluster(cluster: UpgradeCluster, socket: Duplex, address: string): Promise<boolean> {
  socket.on('error', () => socket.destroy());
  if (!(await cluster.sockets.take(address))) return false;
  if (socket.destroyed) void cluster.sockets.release(address);
  else socket.once('close', () => void cluster.sockets.release(address));
  return !socket.destroyed;
}

/**
 * Counts the socket under its address (false past the cap) and frees its place when it closes,
 * whether refused, destroyed, or a websocket that ends. Its listeners live as long as the socket,
 * so they are made here, where the upgrade request is not in scope for them to keep alive.
 */
function countUnder(perAddress: AddressCounter, socket: Duplex, address: string): boolean {
  socket.on('error', () => socket.destroy());
  if (!perAddress.take(address)) return false;
  socket.once('close', () => perAddress.release(address));
  return true;
}

/**
 * Assembles one Olifant server: store, rooms, HTTP and websocket on one port.
 *
 * Why: the entry point and the tests start exactly the same thing; `close()` is the clean shutdown
 * (stop accepting, close sockets, compact and flush every board, close the database).
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { loadSecret } from './auth/secret.ts';
import { isClusterMode, type ServerConfig } from './config.ts';
import { createRequestHandler } from './http/app.ts';
import { NEW_BOARDS_PER_HOUR, NewBoardsBudget } from './http/newBoards.ts';
import { createUpgradeHandler } from './http/upgrade.ts';
import { createLogger, type Logger } from './log.ts';
import { createMetrics } from './metrics/metrics.ts';
import { openStore } from './persistence/openStore.ts';
import { isLeaseStore, type BoardStore } from './persistence/store.ts';
import { ownerCounts } from './cluster/ownerCounts.ts';
import { RoomRegistry } from './rooms/registry.ts';
import { startCluster, type Cluster } from './cluster/cluster.ts';
import type { Role } from '../shared/index.ts';
import { health } from './cluster/health.ts';

/** How often every socket is pinged; one that misses a ping is dropped at the next. */
export const HEARTBEAT_MS = 30_000;

/** A started server: where it listens, its rooms, and how to stop it. */
export interface RunningServer {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  /** `http://127.0.0.1:<port>` for local callers. */
  readonly localUrl: string;
  readonly log: Logger;
  readonly registry: RoomRegistry;
  /** Shuts down cleanly; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts a server with `config`; resolves once it is listening. It opens its store from `config`
 * unless given one (`store`, which it then owns and closes).
 */
export async function startServer(config: ServerConfig, log: Logger = createLogger(config.logLevel), given?: BoardStore): Promise<RunningServer> {
  const store = given ?? (await openStore(config, { onError: (err) => log.warn({ err }, '[storage] a background database call failed (a dropped connection or a refresh); the store goes on') }));
  const secret = loadSecret(config.dataDir, config.secret);
  const metrics = createMetrics();
  // With several processes: leases, routing and Redis (the registry, made next, is what they act on).
  const cluster: Cluster | undefined = isClusterMode(config)
    ? await startCluster({
        config,
        store,
        log,
        metrics,
        surrender: (id: string): void => registry.surrender(id),
        closeRevoked: (id: string, role: Role, version: number): number => registry.closeRevoked(id, role, version),
      }).catch(async (err: unknown) => {
        await store.close();
        throw err;
      })
    : undefined;
  const registry: RoomRegistry = new RoomRegistry({
    store,
    metrics,
    log,
    unloadGraceMs: config.unloadGraceMs,
    compactEvery: config.compactEvery,
    compactMinIntervalMs: config.compactMinIntervalMs,
    snapshotEveryMs: config.snapshotEveryMs,
    maxLoadedBoards: config.maxLoadedBoards,
    ownership: cluster?.ownership,
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes });
  const http = createServer(
    createRequestHandler({
      store,
      secret,
      publicUrl: config.publicUrl,
      readMeta: (id) => registry.readMeta(id),
      readBoard: (id, read) => registry.read(id, read),
      snapshotBoard: (id, reason) => registry.snapshot(id, reason),
      closeRevoked(id, role, version) {
        cluster?.linkRotated(id, role, version);
        return registry.closeRevoked(id, role, version);
      },
      connectionCounts: async (id, token) =>
        cluster && isLeaseStore(store)
          ? ownerCounts(store, cluster.nodeId, id, token, (board) => registry.peek(board)?.connectionCounts())
          : registry.connectionCounts(id),
      newBoards: cluster ? { take: (address) => cluster.node.newBoards.takeForAddress(address) } : new NewBoardsBudget(config.newBoardsPerHour ?? NEW_BOARDS_PER_HOUR),
      health: () => health(store, cluster),
      trustedProxies: config.trustedProxies,
      metrics,
      log,
      clientDir: config.clientDir,
    }),
  );
  const upgrades = createUpgradeHandler({
    wss,
    registry,
    store,
    secret,
    metrics,
    log,
    allowedOrigins: config.allowedOrigins,
    publicUrl: config.publicUrl,
    limits: { maxBufferedBytes: config.maxBufferedBytes, messagesPerSecond: config.maxMessagesPerSecond },
    maxConnectionsPerAddress: config.maxConnectionsPerIp,
    trustedProxies: config.trustedProxies,
    newPeoplePerHour: config.newPeoplePerHour,
    cluster: cluster && { router: cluster.router, nodeId: cluster.nodeId, tunnels: metrics.tunnels, newPeople: cluster.node.newPeople, sockets: cluster.node.sockets },
  });
  const { onUpgrade, heartbeat } = upgrades;
  http.on('upgrade', onUpgrade);
  // Every raw socket, so that close() can end the ones nothing else tracks: a socket whose upgrade
  // is still being authorized belongs neither to the HTTP server nor to the websocket server, and
  // would keep close() waiting forever.
  const sockets = new Set<Socket>();
  http.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // A request Node cannot parse (an oversized header, bad framing) gets a status saying so, not a reset.
  http.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // Not into a response already under way on this connection (keep-alive): its bytes would mix.
    const underWay = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (err.code === 'ECONNRESET' || !socket.writable || underWay) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  const heartbeatTimer = setInterval(heartbeat, HEARTBEAT_MS);
  heartbeatTimer.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    closing ??= (async () => {
      clearInterval(heartbeatTimer);
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      upgrades.stop();
      // Sockets are closed first; each board then finishes its writes, compacts, and only then is the
      // store closed.
      const rooms = registry.closeAll();
      for (const ws of wss.clients) ws.terminate();
      http.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await stopped;
      wss.close();
      await rooms;
      // Leases go once every board is stored, so the next owner reads all of it.
      await cluster?.stop();
      await store.close();
      log.info('[server] stopped');
    })();
    return closing;
  }

  return { port, localUrl: `http://127.0.0.1:${port}`, log, registry, close };
}

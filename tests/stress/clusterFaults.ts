/**
 * The other faults of a multi-server deployment, each while stock clients edit one board through the
 * balancer: a tunnelling process killed, the owner frozen (SIGSTOP) past its lease and thawed, the
 * owner's lease taken while it was paused for a moment, Redis killed and started again, PostgreSQL
 * stopped at once and started again. Each returns its figures: items lost, seconds until the board is
 * served again, seconds until every client has converged.
 *
 * Why: each fault has its own promise. A tunnel is only a pipe, so its death costs a reconnect and
 * nothing else. A frozen owner is not dead: when it wakes it must write nothing for a board another
 * process took over (its appends carry a lease number that is no longer the board's). Redis holds no
 * board data, so boards go on being served without it. PostgreSQL keeps what it committed across an
 * immediate stop, and the clients resync by themselves when it is back.
 */
import * as Y from 'yjs';
import { createNote, ORIGIN } from '../../shared/index.ts';
import { waitFor } from '../helpers/clients.ts';
import type { ClusterNode, TestCluster } from '../helpers/cluster.ts';
import { connectMany, converged, holdings, inspectDatabase, missingItems, newBoard, ownerOf, startEditing, storedVector, timeUntil, timeUntilServed } from '../helpers/clusterBoards.ts';
import { openRaw, updateMessage, type RawClient } from '../helpers/rawSocket.ts';
import { tokenOf } from '../helpers/server.ts';
import { onCluster, type ClusterRunOptions } from './cluster.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (cluster: TestCluster) => cluster.nodes.every((n) => n.server()?.process.exitCode === null);

/** A board with `n` synced clients through the balancer, its owner, and a store to read it with. */
async function busyBoard(cluster: TestCluster, title: string, n: number) {
  const store = await inspectDatabase(cluster.databaseUrl);
  const board = await newBoard(cluster.url, title);
  const token = tokenOf(board.links.participant);
  const clients = connectMany(cluster.url, board.id, token, n);
  const closeCodes = new Set<number>();
  for (const c of clients) c.provider.on('connection-close', (e: CloseEvent | null) => e && closeCodes.add(e.code));
  await waitFor(() => clients.every((c) => c.provider.synced), 'every client to sync', 60_000);
  const owner = await ownerOf(cluster, store, board.id);
  if (!owner) throw new Error('nobody owns the board its clients are on');
  const done = async () => {
    for (const c of clients) c.destroy();
    await store.close();
  };
  return { store, board, token, clients, owner, closeCodes, done };
}

/** A note from a raw socket: a Yjs item of a client ID of its own, easy to look for in the database. */
function markerUpdate(): { frame: Uint8Array; clientId: number } {
  const doc = new Y.Doc();
  createNote(doc, { text: 'sent to a paused owner', x: 1, y: 1, authorId: 'marker' }, ORIGIN.local);
  return { frame: updateMessage(Y.encodeStateAsUpdate(doc)), clientId: doc.clientID };
}

export interface FaultFigures {
  /** Items some client held that PostgreSQL lacked once all converged. */
  readonly lostItems: number;
  /** From the fault (or its end) to every client converged (ms; undefined: not within 30 s). */
  readonly convergedMs: number | undefined;
  /** Every process still running at the end. */
  readonly processesAlive: boolean;
}

/** A process that only tunnels clients to the owner is killed mid-burst. */
export async function runTunnelKill(options: ClusterRunOptions & { readonly clients: number }): Promise<FaultFigures & { readonly ownerKept: boolean }> {
  return onCluster(options, async (cluster) => {
    const b = await busyBoard(cluster, 'Tunnel killed', options.clients);
    const tunnel = cluster.nodes.find((n) => n !== b.owner)!;
    try {
      const editing = startEditing(b.clients, 'tunnel');
      await sleep(1_000);
      await tunnel.kill9();
      await sleep(1_500);
      editing.stop();
      const convergedMs = await timeUntil(() => converged(b.clients), 30_000);
      const lostItems = missingItems(holdings(b.clients), await storedVector(b.store, b.board.id), true);
      const ownerKept = (await ownerOf(cluster, b.store, b.board.id)) === b.owner;
      await tunnel.start();
      options.progress?.(`tunnel killed: converged in ${convergedMs?.toFixed(0) ?? 'never'} ms, lost ${lostItems}, owner kept ${ownerKept}`);
      return { lostItems, convergedMs, ownerKept, processesAlive: alive(cluster) };
    } finally {
      if (!tunnel.server()) await tunnel.start();
      await b.done();
    }
  });
}

export interface FrozenOwnerFigures extends FaultFigures {
  /** From the freeze to a client on another process being served the board (ms). */
  readonly servedMs: number | undefined;
  /** The frozen process, and the one that held the board's lease at the end of the freeze. */
  readonly frozenOwner: string;
  /** It still owned the board, and the socket it was sent a note on was open, when it was frozen. */
  readonly stillOwner: boolean;
  readonly newOwner: string | undefined;
  /** Items of a note sent to the frozen owner's socket that reached PostgreSQL after the thaw (must be 0). */
  readonly writtenByOldOwner: number;
  /** How the frozen owner closed that socket after the thaw. */
  readonly oldOwnerClose: number | undefined;
}

/** The owner is frozen (SIGSTOP) for `freezeMs` (past its lease), another process takes over, then SIGCONT. */
export async function runFrozenOwner(options: ClusterRunOptions & { readonly clients: number; readonly freezeMs: number }): Promise<FrozenOwnerFigures> {
  return onCluster(options, async (cluster) => {
    const b = await busyBoard(cluster, 'Owner frozen', options.clients);
    const other = cluster.nodes.find((n) => n !== b.owner)!;
    let frozen = false;
    try {
      const raw = await openRaw(`${b.owner.url.replace(/^http/, 'ws')}/ws/${b.board.id}?token=${b.token}`);
      const editing = startEditing(b.clients, 'frozen');
      await sleep(1_000);
      // The board must still be where it was (a lease lost under load alone would make this run prove nothing).
      const stillOwner = (await ownerOf(cluster, b.store, b.board.id)) === b.owner && raw.ws.readyState === raw.ws.OPEN;
      b.owner.freeze();
      frozen = true;
      const frozenAt = performance.now();
      const marker = markerUpdate();
      raw.ws.send(marker.frame);
      const served = await timeUntilServed(other.url, b.board.id, b.token, options.freezeMs + 10_000);
      const servedMs = served === undefined ? undefined : performance.now() - frozenAt;
      await sleep(Math.max(0, options.freezeMs - (performance.now() - frozenAt)));
      const newOwner = (await ownerOf(cluster, b.store, b.board.id))?.id;
      b.owner.thaw();
      frozen = false;
      const oldOwnerClose = await Promise.race([raw.closed.then((c) => c.code), sleep(10_000).then(() => undefined)]);
      await sleep(1_000);
      editing.stop();
      const convergedMs = await timeUntil(() => converged(b.clients), 30_000);
      const stored = await storedVector(b.store, b.board.id);
      const lostItems = missingItems(holdings(b.clients), stored, true);
      const writtenByOldOwner = stored.get(marker.clientId) ?? 0;
      raw.ws.close();
      options.progress?.(`owner frozen (${stillOwner ? 'the owner' : 'NO LONGER the owner'}): ${newOwner ?? 'nobody'} served after ${servedMs?.toFixed(0) ?? 'never'} ms; after the thaw the old owner wrote ${writtenByOldOwner} items, closed with ${oldOwnerClose}; converged ${convergedMs?.toFixed(0) ?? 'never'} ms after; lost ${lostItems}`);
      return { lostItems, convergedMs, processesAlive: alive(cluster), servedMs, frozenOwner: b.owner.id, stillOwner, newOwner, writtenByOldOwner, oldOwnerClose };
    } finally {
      if (frozen) b.owner.thaw();
      await b.done();
    }
  });
}

export interface FencedFigures {
  /** Items of the note the paused owner was sent that reached PostgreSQL (must be 0). */
  readonly written: number;
  /** How it closed the socket that sent it. */
  readonly closeCode: number | undefined;
  /** A fresh client was served the board afterwards, with the note absent. */
  readonly servedAfter: boolean;
}

/**
 * The owner is paused for a moment (well within its lease) while its lease is taken from it in the
 * database, as a process that believed it dead would; a note reaches it as it wakes. Its append
 * carries a lease number that is no longer the board's: nothing may be written.
 */
export async function runFencedWrite(options: ClusterRunOptions): Promise<FencedFigures> {
  return onCluster(options, async (cluster) => {
    const store = await inspectDatabase(cluster.databaseUrl);
    const owner: ClusterNode = cluster.nodes[0]!;
    const board = await newBoard(owner.url, 'Fenced');
    const token = tokenOf(board.links.participant);
    let raw: RawClient | undefined;
    let frozen = false;
    try {
      raw = await openRaw(`${owner.url.replace(/^http/, 'ws')}/ws/${board.id}?token=${token}`);
      await waitFor(() => raw!.received.length > 0, 'the owner to answer');
      if ((await ownerOf(cluster, store, board.id)) !== owner) throw new Error(`${owner.id} should own the board it was first asked for`);
      owner.freeze();
      frozen = true;
      const taken = await store.takeLeaseFrom(board.id, owner.id, 'a-process-that-took-over', 'http://127.0.0.1:9', 1);
      if (!taken.taken) throw new Error('the test could not take the lease from the paused owner');
      const marker = markerUpdate();
      raw.ws.send(marker.frame);
      await sleep(200);
      owner.thaw();
      frozen = false;
      const closeCode = await Promise.race([raw.closed.then((c) => c.code), sleep(10_000).then(() => undefined)]);
      const servedAfter = (await timeUntilServed(cluster.url, board.id, token, 15_000)) !== undefined;
      const written = (await storedVector(store, board.id)).get(marker.clientId) ?? 0;
      options.progress?.(`fenced write: ${written} items written, socket closed with ${closeCode}`);
      return { written, closeCode, servedAfter };
    } finally {
      if (frozen) owner.thaw();
      raw?.ws.close();
      await store.close();
    }
  });
}

export interface RedisFigures extends FaultFigures {
  /** With Redis down: per process, ms until a fresh client reaching it directly was served. */
  readonly servedWhileDownMs: readonly (number | undefined)[];
  /** With Redis down: a new board was made through the balancer and served. */
  readonly newBoardWhileDown: boolean;
  /** With Redis down: the clients converged (ms). */
  readonly convergedWhileDownMs: number | undefined;
}

/** Redis is killed (SIGKILL) mid-burst, the board goes on; Redis starts again (empty) and editing goes on. */
export async function runRedisKill(options: ClusterRunOptions & { readonly clients: number }): Promise<RedisFigures> {
  return onCluster(options, async (cluster) => {
    const b = await busyBoard(cluster, 'Redis killed', options.clients);
    try {
      let editing = startEditing(b.clients, 'redis');
      await sleep(1_000);
      await cluster.redis.kill9();
      await sleep(1_500);
      editing.stop();
      const convergedWhileDownMs = await timeUntil(() => converged(b.clients), 30_000);
      const servedWhileDownMs: (number | undefined)[] = [];
      for (const n of cluster.nodes) servedWhileDownMs.push(await timeUntilServed(n.url, b.board.id, b.token, 15_000));
      const fresh = await newBoard(cluster.url, 'Made while Redis is down').catch(() => undefined);
      const newBoardWhileDown = fresh !== undefined && (await timeUntilServed(cluster.url, fresh.id, tokenOf(fresh.links.participant), 15_000)) !== undefined;
      cluster.redis.start();
      editing = startEditing(b.clients, 'redis back');
      await sleep(1_500);
      editing.stop();
      const convergedMs = await timeUntil(() => converged(b.clients), 30_000);
      const lostItems = missingItems(holdings(b.clients), await storedVector(b.store, b.board.id), true);
      options.progress?.(`redis killed: served by every process (${servedWhileDownMs.map((m) => m?.toFixed(0) ?? 'never').join(', ')} ms), new board ${newBoardWhileDown}; converged ${convergedWhileDownMs?.toFixed(0) ?? 'never'} ms while down, ${convergedMs?.toFixed(0) ?? 'never'} ms after; lost ${lostItems}`);
      return { lostItems, convergedMs, processesAlive: alive(cluster), servedWhileDownMs, newBoardWhileDown, convergedWhileDownMs };
    } finally {
      if (cluster.redis.pid() === undefined) cluster.redis.start();
      await b.done();
    }
  });
}

export interface PostgresFigures extends FaultFigures {
  /** Items some client had received from others that PostgreSQL lacked once started, before anyone reconnected. */
  readonly lostReceived: number;
  /** Close codes the clients saw (the rooms close their sockets on a storage failure). */
  readonly closeCodes: readonly number[];
}

/** PostgreSQL is stopped (`immediate`: no checkpoint, as a crash) mid-burst, then started again. */
export async function runPostgresRestart(options: ClusterRunOptions & { readonly clients: number; readonly downMs?: number }): Promise<PostgresFigures> {
  return onCluster(options, async (cluster) => {
    const b = await busyBoard(cluster, 'PostgreSQL restarted', options.clients);
    try {
      const editing = startEditing(b.clients, 'postgres');
      await sleep(1_500);
      cluster.postgres.stop('immediate');
      await sleep(options.downMs ?? 2_000);
      // One tick: everyone cut off (they were retrying), what each holds recorded, then PostgreSQL
      // started and read before anyone reconnects: all a client had received from others is there.
      editing.stop();
      for (const c of b.clients) c.provider.disconnect();
      const held = holdings(b.clients);
      cluster.postgres.start();
      const startedAt = performance.now();
      const lostReceived = missingItems(held, await storedVector(b.store, b.board.id), false);
      for (const c of b.clients) c.provider.connect();
      const together = await timeUntil(() => converged(b.clients), 30_000);
      const convergedMs = together === undefined ? undefined : performance.now() - startedAt;
      const lostItems = missingItems(held, await storedVector(b.store, b.board.id), true);
      options.progress?.(`postgres restarted: resynced ${convergedMs?.toFixed(0) ?? 'never'} ms after the start; lost ${lostReceived}/${lostItems}; clients saw ${[...b.closeCodes].join(', ')}`);
      return { lostItems, lostReceived, convergedMs, processesAlive: alive(cluster), closeCodes: [...b.closeCodes] };
    } finally {
      if (cluster.postgres.pid() === undefined) cluster.postgres.start();
      await b.done();
    }
  });
}

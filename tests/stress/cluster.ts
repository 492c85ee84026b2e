/**
 * Several servers serving one board: many stock clients spread over three processes by a round-robin
 * balancer converge; the board lock holds for a participant on another process than the facilitator;
 * and the owner of the board is killed with SIGKILL mid-burst, again and again.
 *
 * Why: with one owner per board, a client on any other process is tunnelled to it, so the write guard
 * must judge tunnelled sockets exactly as direct ones, and a dead owner must cost nothing that anyone
 * had seen: at each kill every client is cut off in the same tick and what it holds is recorded, then
 * PostgreSQL is read directly, before anyone reconnects. Then the time until another process serves
 * the board, and until every client has converged after that, is measured.
 */
import * as Y from 'yjs';
import { createNote, listNotes, ORIGIN, readFacilitation, setBoardLocked } from '../../shared/index.ts';
import type { TestPostgres } from '../engines/postgres.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts';
import { startCluster, type TestCluster } from '../helpers/cluster.ts';
import { connectMany, converged, holdings, inspectDatabase, missingItems, newBoard, ownerOf, startEditing, storedDoc, storedVector, timeUntil, timeUntilServed } from '../helpers/clusterBoards.ts';
import { openRaw, updateMessage } from '../helpers/rawSocket.ts';
import { tokenOf } from '../helpers/server.ts';

/** Where a run happens: a cluster given by the caller (left whole), or one of its own. */
export interface ClusterRunOptions {
  readonly cluster?: TestCluster;
  /** A PostgreSQL to share when the run starts its own cluster. */
  readonly postgres?: TestPostgres;
  readonly progress?: (line: string) => void;
}

/** Runs `body` on the given cluster, or on one started (and closed) for it. */
export async function onCluster<T>(options: ClusterRunOptions, body: (cluster: TestCluster) => Promise<T>, nodes = 3): Promise<T> {
  if (options.cluster) return body(options.cluster);
  const cluster = await startCluster({ nodes, postgres: options.postgres, env: { OLIFANT_TRUSTED_PROXIES: '127.0.0.1' } });
  try {
    return await body(cluster);
  } finally {
    await cluster.close();
  }
}

export interface ConvergenceFigures {
  readonly clients: number;
  readonly edits: number;
  /** Sockets the balancer sent to each process. */
  readonly perNode: readonly number[];
  /** From the last edit to every client holding the same document (undefined: not within 30 s). */
  readonly convergeMs: number | undefined;
  /** Items some client held that PostgreSQL lacks once all converged. */
  readonly lostItems: number;
  /** The lock suite across servers, unless `lock: false`. */
  readonly lock: LockFigures | undefined;
}

/** `clients` stock clients on one board through the balancer edit at random for a few seconds; then the lock suite (unless `lock: false`). */
export async function runClusterConvergence(
  options: ClusterRunOptions & { readonly clients: number; readonly nodes?: number; readonly editMs?: number; readonly lock?: boolean },
): Promise<ConvergenceFigures> {
  return onCluster(options, async (cluster) => {
    const store = await inspectDatabase(cluster.databaseUrl);
    const board = await newBoard(cluster.url, 'Many through three');
    const before = cluster.nodes.map((n) => cluster.balancer.sent.get(n.port) ?? 0);
    const clients = connectMany(cluster.url, board.id, tokenOf(board.links.participant), options.clients);
    try {
      await waitFor(() => clients.every((c) => c.provider.synced), 'every client to sync', 60_000);
      const editing = startEditing(clients, 'converge');
      await new Promise((r) => setTimeout(r, options.editMs ?? 5_000));
      editing.stop();
      const convergeMs = await timeUntil(() => converged(clients), 30_000);
      const lostItems = missingItems(holdings(clients), await storedVector(store, board.id), true);
      options.progress?.(`cluster convergence: ${clients.length} clients, ${editing.edits()} edits, converged in ${convergeMs?.toFixed(0) ?? 'never'} ms`);
      const lock = options.lock === false ? undefined : await runLockAcrossNodes({ ...options, cluster });
      return {
        clients: clients.length,
        edits: editing.edits(),
        perNode: cluster.nodes.map((n, i) => (cluster.balancer.sent.get(n.port) ?? 0) - before[i]!),
        convergeMs,
        lostItems,
        lock,
      };
    } finally {
      for (const c of clients) c.destroy();
      await store.close();
    }
  }, options.nodes);
}

export interface LockFigures {
  /** Writes sent under the lock (stock and raw participants, a projector, frame changes) through non-owners. */
  readonly attempts: number;
  /** Of them, what reached PostgreSQL or the facilitator while the lock held. */
  readonly applied: number;
  /** Raw notes (never re-sent) found anywhere after the lift. */
  readonly appliedAfterLift: number;
  /** The stock participant's held-back note arrived after the lift. */
  readonly heldBackArrived: boolean;
  /** The close codes of the participants who tried to lock the board before the facilitator did (4403 each; 0: left open). */
  readonly frameCloses: readonly number[];
}

/**
 * The board is owned by the first process; participants through the second try to lock it themselves
 * (each is disconnected); the facilitator locks it through the third; participants through the second
 * write notes under the lock (a stock client, raw sockets), a projector writes, a participant tries to
 * lift the lock: nothing is applied, anywhere.
 */
export async function runLockAcrossNodes(options: ClusterRunOptions & { readonly rawWrites?: number }): Promise<LockFigures> {
  return onCluster(options, async (cluster) => {
    const [first, second, third] = [cluster.nodes[0]!, cluster.nodes[1]!, cluster.nodes[2] ?? cluster.nodes[1]!];
    const store = await inspectDatabase(cluster.databaseUrl);
    const board = await newBoard(first.url, 'Locked across servers');
    const participant = tokenOf(board.links.participant);
    const opened: TestClient[] = [];
    try {
      const watcher = connectClient(first.url, board.id, participant);
      opened.push(watcher);
      await waitFor(() => watcher.provider.synced, 'the watcher on the first server');
      const owner = await ownerOf(cluster, store, board.id);
      if (owner !== first) throw new Error(`the board should be owned by ${first.id}, the first server to serve it, not ${owner?.id}`);
      const facilitator = connectClient(third.url, board.id, tokenOf(board.links.facilitator));
      const table = connectClient(second.url, board.id, participant);
      opened.push(facilitator, table);
      await waitFor(() => facilitator.provider.synced && table.provider.synced, 'the facilitator and the table');
      const ws = `${second.url.replace(/^http/, 'ws')}/ws/${board.id}?token=`;
      const frameUpdate = (locked: boolean) => {
        const d = new Y.Doc();
        setBoardLocked(d, locked, ORIGIN.local);
        return updateMessage(Y.encodeStateAsUpdate(d));
      };
      const noteFrame = (text: string) => {
        const d = new Y.Doc();
        createNote(d, { text, x: 0, y: 0, authorId: 'raw' }, ORIGIN.local);
        return updateMessage(Y.encodeStateAsUpdate(d));
      };
      // Participants through the second server try to lock the board themselves: each is disconnected.
      let attempts = 0;
      let applied = 0;
      const frameCloses: number[] = [];
      for (let i = 0; i < 3; i++, attempts++) {
        const raw = await openRaw(ws + participant);
        raw.ws.send(frameUpdate(true));
        frameCloses.push(await Promise.race([raw.closed.then((c) => c.code), new Promise<number>((r) => setTimeout(() => r(0), 10_000))]));
        raw.ws.terminate();
      }
      if (readFacilitation(watcher.doc).boardLocked || readFacilitation(await storedDoc(store, board.id)).boardLocked) applied++;

      setBoardLocked(facilitator.doc, true, ORIGIN.local);
      await waitFor(() => readFacilitation(table.doc).boardLocked && readFacilitation(watcher.doc).boardLocked, 'the lock to reach the table and the watcher');
      createNote(table.doc, { text: 'under the lock, held back', x: 0, y: 0, authorId: 'table' }, ORIGIN.local);
      attempts++;
      const raws = await Promise.all([openRaw(ws + participant), openRaw(ws + tokenOf(board.links.projector))]);
      for (const raw of raws) for (let i = 0; i < (options.rawWrites ?? 50); i++, attempts++) raw.ws.send(noteFrame(`under the lock, raw ${i}`));
      // And one tries to lift it (under the lock a participant's update is held back, not judged).
      raws[0]!.ws.send(frameUpdate(false));
      attempts++;
      await new Promise((r) => setTimeout(r, 1_000));
      const underLock = (doc: Y.Doc) => listNotes(doc).filter((n) => n.text.startsWith('under the lock')).length;
      const stored = await storedDoc(store, board.id);
      applied += underLock(stored) + underLock(facilitator.doc) + underLock(watcher.doc);
      if (!readFacilitation(stored).boardLocked || !readFacilitation(watcher.doc).boardLocked) applied++;
      for (const raw of raws) raw.ws.close();

      setBoardLocked(facilitator.doc, false, ORIGIN.local);
      const heldBackArrived = (await timeUntil(() => listNotes(watcher.doc).some((n) => n.text === 'under the lock, held back'), 10_000)) !== undefined;
      await new Promise((r) => setTimeout(r, 500));
      const rawNotes = (doc: Y.Doc) => listNotes(doc).filter((n) => n.text.startsWith('under the lock, raw')).length;
      const appliedAfterLift = rawNotes(await storedDoc(store, board.id)) + rawNotes(watcher.doc);
      options.progress?.(`lock across servers: ${attempts} attempts, ${applied} applied, ${appliedAfterLift} raw notes after the lift`);
      return { attempts, applied, appliedAfterLift, heldBackArrived, frameCloses };
    } finally {
      for (const c of opened) c.destroy();
      await store.close();
    }
  });
}

export interface OwnerKillFigures {
  readonly trials: number;
  /** Items some client had received from others that PostgreSQL lacked right after the kill. */
  readonly lostBeforeReconnect: number;
  /** Items some client held at the kill that PostgreSQL lacked once all converged. */
  readonly lostAfter: number;
  /** Per trial: from the kill to a fresh client being served by another process (ms; undefined: not within 30 s). */
  readonly servedMs: readonly (number | undefined)[];
  /** Per trial: from being served again to every client converged (ms; undefined: not within 30 s). */
  readonly convergedMs: readonly (number | undefined)[];
  /** Trials after which the board was owned by the killed process again or by nobody. */
  readonly notTakenOver: number;
  readonly editsPerTrial: number;
}

/** `trials` kills of the board's owner while `clients` clients (through the balancer) edit. */
export async function runOwnerKillTrials(options: ClusterRunOptions & { readonly trials: number; readonly clients: number }): Promise<OwnerKillFigures> {
  return onCluster(options, async (cluster) => {
    const store = await inspectDatabase(cluster.databaseUrl);
    const board = await newBoard(cluster.url, 'Owner killed');
    const token = tokenOf(board.links.participant);
    const clients = connectMany(cluster.url, board.id, token, options.clients);
    const servedMs: (number | undefined)[] = [];
    const convergedMs: (number | undefined)[] = [];
    let lostBeforeReconnect = 0;
    let lostAfter = 0;
    let notTakenOver = 0;
    let edits = 0;
    // The process killed in a trial starts again during the next one's burst.
    let restarting: Promise<void> = Promise.resolve();
    try {
      await waitFor(() => clients.every((c) => c.provider.synced), 'every client to sync', 60_000);
      for (let trial = 1; trial <= options.trials; trial++) {
        const owner = await ownerOf(cluster, store, board.id);
        if (!owner) throw new Error(`trial ${trial}: nobody owns the board`);
        const editing = startEditing(clients, `trial ${trial}`);
        await Promise.all([restarting, new Promise((r) => setTimeout(r, 1_000 + Math.random() * 1_000))]);
        // One tick: kill the owner, cut everyone off, record what each holds.
        const gone = owner.kill9();
        editing.stop();
        for (const c of clients) c.provider.disconnect();
        const held = holdings(clients);
        const killedAt = performance.now();
        edits += editing.edits();
        await gone;
        lostBeforeReconnect += missingItems(held, await storedVector(store, board.id), false);

        for (const c of clients) c.provider.connect();
        const served = await timeUntilServed(cluster.url, board.id, token, 30_000);
        const servedAt = performance.now();
        servedMs.push(served === undefined ? undefined : servedAt - killedAt);
        const together = await timeUntil(() => converged(clients), 30_000);
        convergedMs.push(together);
        lostAfter += missingItems(held, await storedVector(store, board.id), true);
        const next = await ownerOf(cluster, store, board.id);
        if (!next || next === owner) notTakenOver++;
        options.progress?.(
          `owner kill ${trial}: ${owner.id} killed, served again by ${next?.id ?? 'nobody'} in ${served === undefined ? 'never' : (servedAt - killedAt).toFixed(0)} ms, converged ${together?.toFixed(0) ?? 'never'} ms later; lost ${lostBeforeReconnect}/${lostAfter} so far`,
        );
        restarting = owner.start();
      }
      await restarting;
      return { trials: options.trials, lostBeforeReconnect, lostAfter, servedMs, convergedMs, notTakenOver, editsPerTrial: edits / options.trials };
    } finally {
      for (const c of clients) c.destroy();
      await store.close();
      // A caller's cluster is left whole, even after a failed trial.
      await restarting.catch(() => {});
      for (const n of cluster.nodes) if (!n.server()) await n.start();
    }
  });
}

/**
 * Seeded convergence through the real server: 8 clients on one board (one facilitator, seven
 * participants) make random creates, moves, text edits, deletes, clusters, dots and stances, drop off
 * and come back, while the server restarts now and then; at the end every client and a fresh client
 * must hold the identical document (same state vector and delete set), with every note that was made
 * and not deleted present.
 *
 * Why: the in-memory sync tests prove the model; this proves the wire, the write guard, the store and
 * the restarts together. A seed fixes every choice (not the network's timing), so a failing seed is
 * printed and can be run again and kept as a test.
 */
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import {
  clearStance,
  createCluster,
  createGroup,
  createNote,
  deleteNotes,
  dissolveCluster,
  GROUP_PALETTE,
  listClusters,
  listNotes,
  listVotes,
  moveNotes,
  openVote,
  ORIGIN,
  placeDot,
  setNotesCluster,
  setNoteText,
  setStance,
  spliceNoteText,
  takeBackDot,
  ValidationError,
} from '../../shared/index.ts';
import type { CreatedBoard } from '../../shared/index.ts';
import type { RunningServer } from '../../server/server.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts';
import { startForwarder, type Forwarder } from '../helpers/proxy.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

/** The server under test, behind a forwarder so that it can restart on another port. */
export interface ServerHandle {
  readonly server: () => RunningServer;
  readonly front: Forwarder;
  /** Restarts the server (all seeds running share it); resolves when it listens again. */
  restart(): Promise<void>;
  /** Creates a board, between restarts. */
  createBoard(title: string): Promise<CreatedBoard>;
}

/** Starts a server in-process on a temporary data dir, behind a forwarder. */
export async function startConvergenceServer(): Promise<ServerHandle & { close(): Promise<void> }> {
  const dir = tempDir('olifant-converge-');
  let server = await startTestServer(dir.path);
  const front = await startForwarder(server.port);
  let restarting: Promise<void> | undefined;
  return {
    server: () => server,
    front,
    restart() {
      restarting ??= (async () => {
        await server.close();
        server = await startTestServer(dir.path);
        front.retarget(server.port);
      })().finally(() => (restarting = undefined));
      return restarting;
    },
    async createBoard(title) {
      for (let attempt = 1; ; attempt++) {
        await restarting;
        try {
          return await createBoard(server.localUrl, title);
        } catch (err) {
          if (attempt === 5) throw err;
        }
      }
    },
    async close() {
      await restarting;
      await front.close();
      await server.close();
      dir.cleanup();
    },
  };
}

export interface SeedResult {
  readonly seed: number;
  readonly identical: boolean;
  readonly problem?: string;
  readonly restarts: number;
  readonly disconnects: number;
  readonly edits: number;
}

const snapshotOf = (doc: Y.Doc) => Y.encodeSnapshot(Y.snapshot(doc));
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/** One seed: `ops` random operations by `clientCount` clients; restarts with probability `restartChance`. */
export async function runSeed(handle: ServerHandle, seed: number, ops = 200, clientCount = 8, restartChance = 0.005): Promise<SeedResult> {
  const gen = prng.create(seed);
  const board = await handle.createBoard(`Seed ${seed}`);
  const facilitatorToken = tokenOf(board.links.facilitator);
  const participantToken = tokenOf(board.links.participant);
  const clients: TestClient[] = [];
  for (let i = 0; i < clientCount; i++) {
    const doc = new Y.Doc();
    doc.clientID = (seed % 100_000) * 100 + i + 1; // ties break by client id: fixed ones replay alike
    clients.push(connectClient(handle.front.url, board.id, i === 0 ? facilitatorToken : participantToken, doc));
  }
  let restarts = 0;
  let disconnects = 0;
  let edits = 0;
  const created = new Set<string>();
  const deleted = new Set<string>();
  try {
    await waitFor(() => clients.every((c) => c.provider.synced), 'clients to sync', 20_000);
    const facilitator = clients[0]!.doc;
    const groups = [0, 1, 2].map((i) => createGroup(facilitator, { name: `Group ${i}`, color: GROUP_PALETTE[i]! }, ORIGIN.local));
    const vote = openVote(facilitator, { title: 'Priorities', dots: 3 }, ORIGIN.local);
    await waitFor(() => clients.every((c) => listVotes(c.doc).some((v) => v.id === vote)), 'the vote to reach everyone', 20_000);

    for (let n = 0; n < ops; n++) {
      const index = prng.uint32(gen, 0, clientCount - 1);
      const c = clients[index]!;
      const doc = c.doc;
      const notes = listNotes(doc);
      const pick = () => prng.oneOf(gen, notes).id;
      const roll = notes.length === 0 ? 0 : prng.uint32(gen, 0, 99);
      try {
        if (roll < 20) created.add(createNote(doc, { text: prng.word(gen, 0, 8), x: prng.int31(gen, -900, 900), y: prng.int31(gen, -900, 900), authorId: `c${index}` }, ORIGIN.local));
        else if (roll < 32) moveNotes(doc, [{ id: pick(), x: prng.int31(gen, -900, 900), y: prng.int31(gen, -900, 900) }], ORIGIN.local);
        else if (roll < 40) setNoteText(doc, pick(), prng.word(gen, 0, 12), ORIGIN.local);
        else if (roll < 48) spliceNoteText(doc, pick(), { index: 0, remove: prng.uint32(gen, 0, 2), insert: prng.word(gen, 0, 3) }, ORIGIN.local);
        else if (roll < 54) {
          const id = pick();
          deleteNotes(doc, [id], ORIGIN.local);
          deleted.add(id);
        } else if (roll < 62) createCluster(doc, [pick(), pick()], prng.word(gen, 0, 6), ORIGIN.local, `c${index}`);
        else if (roll < 67) {
          const clusters = listClusters(doc);
          if (clusters.length) setNotesCluster(doc, new Map([[pick(), prng.bool(gen) ? prng.oneOf(gen, clusters).id : null]]), ORIGIN.local);
        } else if (roll < 70) {
          // A participant dissolves only a cluster they made (the server refuses the rest); the facilitator any.
          const clusters = listClusters(doc).filter((k) => index === 0 || k.createdBy === `c${index}`);
          if (clusters.length) dissolveCluster(doc, prng.oneOf(gen, clusters).id, ORIGIN.local);
        } else if (roll < 78) placeDot(doc, { voteId: vote, itemId: pick(), voterId: `c${index}`, groupId: groups[index % 3]! }, ORIGIN.local);
        else if (roll < 81) takeBackDot(doc, { voteId: vote, itemId: pick(), voterId: `c${index}`, groupId: groups[index % 3]! }, ORIGIN.local);
        else if (roll < 86) setStance(doc, pick(), groups[index % 3]!, prng.oneOf(gen, ['agree', 'disagree', 'unsure'] as const), `c${index}`, ORIGIN.local);
        else if (roll < 88) clearStance(doc, pick(), groups[index % 3]!, ORIGIN.local);
        else if (roll < 94) {
          if (c.provider.wsconnected || c.provider.wsconnecting) {
            c.provider.disconnect();
            disconnects++;
          } else c.provider.connect();
        } else c.provider.connect();
        edits++;
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
      }
      if (prng.uint32(gen, 0, 9999) < restartChance * 10_000) {
        await handle.restart();
        restarts++;
      }
      await new Promise((r) => setTimeout(r, prng.uint32(gen, 0, 3)));
    }

    for (const c of clients) c.provider.connect();
    const expected = [...created].filter((id) => !deleted.has(id)).sort().join();
    const everyoneSame = () =>
      clients.every((c) => c.provider.wsconnected && c.provider.synced) &&
      clients.every((c) => same(snapshotOf(c.doc), snapshotOf(clients[0]!.doc)));
    const settled = await waitFor(everyoneSame, 'every client to hold the same document', 30_000).then(() => true, () => false);
    if (!settled) return { seed, identical: false, problem: 'the clients did not converge within 30 s', restarts, disconnects, edits };
    const ids = listNotes(clients[0]!.doc).map((note) => note.id).sort().join();
    if (ids !== expected) return { seed, identical: false, problem: `notes differ from what was made and not deleted: ${ids} vs ${expected}`, restarts, disconnects, edits };
    const fresh = connectClient(handle.front.url, board.id, participantToken);
    clients.push(fresh);
    const freshSame = await waitFor(() => fresh.provider.synced && same(snapshotOf(fresh.doc), snapshotOf(clients[0]!.doc)), 'a fresh client to hold the same document', 20_000).then(() => true, () => false);
    if (!freshSame) return { seed, identical: false, problem: 'a fresh client got another document from the server', restarts, disconnects, edits };
    return { seed, identical: true, restarts, disconnects, edits };
  } finally {
    for (const c of clients) c.destroy();
  }
}

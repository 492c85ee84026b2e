/**
 * Crash durability: the server (a child process) is killed with SIGKILL again and again while many
 * clients edit one board. At each kill every client is cut off in the same tick and what it holds is
 * recorded; after the restart, before anyone reconnects, the server must have everything any client
 * had received from others (persist, then broadcast). Each client then makes one change offline, as
 * a tablet does while the server is away; then everyone reconnects, and the time until all hold the
 * same document is measured.
 *
 * Why: a conference day's board lives through power cuts and killed laptops. With a large board and a
 * compaction due at every update, compaction (a full rewrite of the board) takes a good share of the
 * server's time, so kills land in it too; the share is reported. The restarted server's catch-up
 * (every client's missing updates at once) is a burst: its compactions are counted, to show they
 * coalesce to at most one per OLIFANT_COMPACT_MIN_INTERVAL_MS.
 */
import * as Y from 'yjs';
import { createNote, listNotes, moveNotes, ORIGIN, setNoteText } from '../../shared/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts';
import { startForwarder } from '../helpers/proxy.ts';
import { createBoard, freePort, spawnServer, tempDir, tokenOf, type ChildServer } from '../helpers/server.ts';
import { readMetrics } from '../../bench/stats.ts';
import { COMPACT_MIN_INTERVAL_MS } from '../../server/rooms/logBudget.ts';

export interface CrashOptions {
  readonly trials: number;
  readonly clients: number;
  /** Notes on the board before the first trial (a big board makes compaction long). */
  readonly boardNotes: number;
  readonly compactEvery: number;
  /** OLIFANT_COMPACT_MIN_INTERVAL_MS for the server (its default when unset). */
  readonly compactMinIntervalMs?: number;
  /**
   * With a compaction due at every update: kill just after the interval that follows a compaction's
   * end, as the next one starts, instead of at a random moment.
   */
  readonly killAsCompactionStarts?: boolean;
  readonly progress?: (line: string) => void;
}

export interface CrashFigures {
  readonly trials: number;
  /**
   * Over all trials: what some client had received from another that the restarted server lacked,
   * in Yjs items (clock units: an edit is one or a few).
   */
  readonly lostItems: number;
  /** Trials after which the clients did not all converge within 10 s. */
  readonly notConverged: number;
  /** Slowest time from restart to every client holding the same document (ms). */
  readonly maxConvergeMs: number;
  /** Share of the editing time (when the kills come) the server spent compacting: how often a kill lands in one. */
  readonly compactionShare: number;
  readonly editsPerTrial: number;
  /** Per trial: what the restarted server stored and compacted from its start until every client converged. */
  readonly catchUps: readonly CatchUp[];
}

/** A restarted server's catch-up, from its start until every client held the same document. */
export interface CatchUp {
  /** Turns that stored updates (each one a compaction when they do not coalesce). */
  readonly appends: number;
  readonly compactions: number;
  /** The most compactions allowed: one per interval since the board loaded, plus one. */
  readonly allowed: number;
}

const stateVector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (at most 5 s) for a compaction to end, then for the interval after it: the next one, due all along, is starting. */
async function untilCompactionStarts(url: string, intervalMs: number): Promise<void> {
  const count = async () => (await readMetrics(url).catch(() => new Map<string, number>())).get('olifant_persistence_write_seconds_count{op="compact"}') ?? 0;
  const before = await count();
  const deadline = performance.now() + 5000;
  while ((await count()) === before && performance.now() < deadline) await sleep(5);
  await sleep(intervalMs + 20);
}

export async function runCrashTrials(options: CrashOptions): Promise<CrashFigures> {
  const dir = tempDir('olifant-crash-');
  const env: Record<string, string> = { OLIFANT_COMPACT_EVERY: String(options.compactEvery), OLIFANT_LOG_LEVEL: 'error' };
  if (options.compactMinIntervalMs !== undefined) env.OLIFANT_COMPACT_MIN_INTERVAL_MS = String(options.compactMinIntervalMs);
  const intervalMs = options.compactMinIntervalMs ?? COMPACT_MIN_INTERVAL_MS;
  let server: ChildServer = await spawnServer(dir.path, await freePort(), env);
  const front = await startForwarder(server.port);
  const board = await createBoard(server.url, 'Crash trials');
  const token = tokenOf(board.links.participant);
  const clients: TestClient[] = [];
  let lostItems = 0;
  let notConverged = 0;
  let maxConvergeMs = 0;
  let compactSeconds = 0;
  let editingSeconds = 0;
  let edits = 0;
  const catchUps: CatchUp[] = [];
  try {
    // The board's starting content, in one update from one client.
    const seedClient = connectClient(front.url, board.id, token);
    await waitFor(() => seedClient.provider.synced, 'the seeding client');
    seedClient.doc.transact(() => {
      for (let i = 0; i < options.boardNotes; i++) createNote(seedClient.doc, { text: `note ${i}`, x: (i % 100) * 120, y: Math.floor(i / 100) * 120, authorId: 'seed' }, ORIGIN.local);
    });
    await waitFor(() => seedClient.provider.synced && seedClient.provider.wsconnected, 'the seed notes');
    for (let i = 0; i < options.clients; i++) clients.push(connectClient(front.url, board.id, token));
    await waitFor(() => clients.every((c) => c.provider.synced && listNotes(c.doc).length >= options.boardNotes), 'every client to sync', 60_000);
    seedClient.destroy();

    const compactedSoFar = async () => (await readMetrics(server.url).catch(() => new Map<string, number>())).get('olifant_persistence_write_seconds_sum{op="compact"}') ?? 0;
    for (let trial = 1; trial <= options.trials; trial++) {
      const started = performance.now();
      const compactedBefore = await compactedSoFar();
      // Everyone edits, each about three times a second: new notes, moves, text.
      const editing = setInterval(() => {
        for (const c of clients) {
          if (Math.random() > 0.3) continue;
          const notes = listNotes(c.doc);
          const roll = Math.random();
          const target = notes[Math.floor(Math.random() * notes.length)];
          if (roll < 0.4 || !target) createNote(c.doc, { text: `t${trial}`, x: Math.random() * 5000, y: Math.random() * 5000, authorId: 'crash' }, ORIGIN.local);
          else if (roll < 0.8) moveNotes(c.doc, [{ id: target.id, x: Math.random() * 5000, y: Math.random() * 5000 }], ORIGIN.local);
          else setNoteText(c.doc, target.id, `edited in trial ${trial}`, ORIGIN.local);
          edits++;
        }
      }, 100);
      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
      compactSeconds += (await compactedSoFar()) - compactedBefore;
      editingSeconds += (performance.now() - started) / 1000;
      if (options.killAsCompactionStarts) await untilCompactionStarts(server.url, intervalMs);

      // One tick: kill, cut everyone off, record what each holds.
      server.process.kill('SIGKILL');
      clearInterval(editing);
      for (const c of clients) c.provider.disconnect();
      const held = clients.map((c) => ({ own: c.doc.clientID, sv: stateVector(c.doc) }));
      // One change each while the server is away: the restart's catch-up is a burst of one update per client.
      for (const c of clients) createNote(c.doc, { text: `offline ${trial}`, x: Math.random() * 5000, y: Math.random() * 5000, authorId: 'crash' }, ORIGIN.local);
      await server.exited;

      server = await spawnServer(dir.path, await freePort(), env);
      front.retarget(server.port);
      const loaded = performance.now(); // the board loads for the observer: no one else is connected
      const observer = connectClient(front.url, board.id, token);
      await waitFor(() => observer.provider.synced, 'the observer to sync', 30_000);
      const onServer = stateVector(observer.doc);
      observer.destroy();
      for (const { own, sv } of held) {
        for (const [client, clock] of sv) if (client !== own && (onServer.get(client) ?? 0) < clock) lostItems += clock - (onServer.get(client) ?? 0);
      }

      const restarted = performance.now();
      for (const c of clients) c.provider.connect();
      const snapshot = (doc: Y.Doc) => Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64');
      const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
      // Snapshots (with the delete sets) are compared only once the cheaper state vectors agree.
      const converged = await waitFor(
        () => clients.every((c) => c.provider.synced && c.provider.wsconnected) && new Set(clients.map((c) => vector(c.doc))).size === 1 && new Set(clients.map((c) => snapshot(c.doc))).size === 1,
        'every client to converge',
        10_000,
      ).then(() => true, () => false);
      const convergeMs = performance.now() - restarted;
      if (!converged) notConverged++;
      maxConvergeMs = Math.max(maxConvergeMs, convergeMs);
      const caughtUp = await readMetrics(server.url);
      const catchUp = {
        appends: caughtUp.get('olifant_persistence_write_seconds_count{op="append"}') ?? 0,
        compactions: caughtUp.get('olifant_persistence_write_seconds_count{op="compact"}') ?? 0,
        allowed: 1 + Math.floor((performance.now() - loaded) / Math.max(intervalMs, 1)),
      };
      catchUps.push(catchUp);
      options.progress?.(`crash trial ${trial}: lost ${lostItems} so far, converged in ${convergeMs.toFixed(0)} ms; the catch-up stored ${catchUp.appends} turns and compacted ${catchUp.compactions} times`);
    }
    return {
      trials: options.trials,
      lostItems,
      notConverged,
      maxConvergeMs,
      compactionShare: editingSeconds > 0 ? compactSeconds / editingSeconds : 0,
      editsPerTrial: edits / options.trials,
      catchUps,
    };
  } finally {
    for (const c of clients) c.destroy();
    server.process.kill('SIGKILL');
    await server.exited;
    await front.close();
    dir.cleanup();
  }
}

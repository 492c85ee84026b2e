/**
 * Crash durability: the server (a child process) is killed with SIGKILL again and again while many
 * clients edit one board. At each kill every client is cut off in the same tick and what it holds is
 * recorded; after the restart, before anyone reconnects, the server must have everything any client
 * had received from others (persist, then broadcast). Then everyone reconnects, and the time until
 * all hold the same document is measured.
 *
 * Why: a conference day's board lives through power cuts and killed laptops. With a large board and a
 * short compaction interval, compaction (a full rewrite of the board) takes a good share of the
 * server's time, so kills land in it too; the share is reported.
 */
import * as Y from 'yjs';
import { createNote, listNotes, moveNotes, ORIGIN, setNoteText } from '../../shared/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts';
import { startForwarder } from '../helpers/proxy.ts';
import { createBoard, freePort, spawnServer, tempDir, tokenOf, type ChildServer } from '../helpers/server.ts';
import { readMetrics } from '../../bench/stats.ts';

export interface CrashOptions {
  readonly trials: number;
  readonly clients: number;
  /** Notes on the board before the first trial (a big board makes compaction long). */
  readonly boardNotes: number;
  readonly compactEvery: number;
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
  /** Share of the server's time spent compacting (how often a kill lands in one). */
  readonly compactionShare: number;
  readonly editsPerTrial: number;
}

const stateVector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

export async function runCrashTrials(options: CrashOptions): Promise<CrashFigures> {
  const dir = tempDir('olifant-crash-');
  const env = { OLIFANT_COMPACT_EVERY: String(options.compactEvery), OLIFANT_LOG_LEVEL: 'error' };
  let server: ChildServer = await spawnServer(dir.path, await freePort(), env);
  const front = await startForwarder(server.port);
  const board = await createBoard(server.url, 'Crash trials');
  const token = tokenOf(board.links.participant);
  const clients: TestClient[] = [];
  let lostItems = 0;
  let notConverged = 0;
  let maxConvergeMs = 0;
  let compactSeconds = 0;
  let aliveSeconds = 0;
  let edits = 0;
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

    for (let trial = 1; trial <= options.trials; trial++) {
      const started = performance.now();
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
      const metrics = await readMetrics(server.url).catch(() => new Map<string, number>());
      compactSeconds += metrics.get('olifant_persistence_write_seconds_sum{op="compact"}') ?? 0;
      aliveSeconds += (performance.now() - started) / 1000;

      // One tick: kill, cut everyone off, record what each holds.
      server.process.kill('SIGKILL');
      clearInterval(editing);
      for (const c of clients) c.provider.disconnect();
      const held = clients.map((c) => ({ own: c.doc.clientID, sv: stateVector(c.doc) }));
      await server.exited;

      server = await spawnServer(dir.path, await freePort(), env);
      front.retarget(server.port);
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
      const converged = await waitFor(
        () => clients.every((c) => c.provider.synced && c.provider.wsconnected) && new Set(clients.map((c) => snapshot(c.doc))).size === 1,
        'every client to converge',
        10_000,
      ).then(() => true, () => false);
      const convergeMs = performance.now() - restarted;
      if (!converged) notConverged++;
      maxConvergeMs = Math.max(maxConvergeMs, convergeMs);
      options.progress?.(`crash trial ${trial}: lost ${lostItems} so far, converged in ${convergeMs.toFixed(0)} ms`);
    }
    return {
      trials: options.trials,
      lostItems,
      notConverged,
      maxConvergeMs,
      compactionShare: aliveSeconds > 0 ? compactSeconds / aliveSeconds : 0,
      editsPerTrial: edits / options.trials,
    };
  } finally {
    for (const c of clients) c.destroy();
    server.process.kill('SIGKILL');
    await server.exited;
    await front.close();
    dir.cleanup();
  }
}

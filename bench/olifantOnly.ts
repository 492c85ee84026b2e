/**
 * The budgets of `npm run bench` that have no peer to compare with: a cold join of a 5,000-note board
 * from disk (one client, then 64 at once), and the offline merge of 64 tablets x 100 edits into a
 * 5,000-note board along the server's own path (decode, write guard, apply, append to SQLite), beside
 * a bare `Y.applyUpdate` loop.
 *
 * Why: the reference server keeps nothing on disk, so a cold join from disk is Olifant's alone; the
 * merge figure shows what the server adds to Yjs's own work.
 */
import { availableParallelism } from 'node:os';
import * as Y from 'yjs';
import { createNote, initBoard, listNotes, moveNotes, notesMap, ORIGIN, setNoteText } from '../shared/index.ts';
import { openSqliteStore } from '../server/persistence/sqliteStore.ts';
import { participantVerdict } from '../server/rooms/writeGuard.ts';
import { connectClient, sleep, waitFor, waitSynced } from '../tests/helpers/clients.ts';
import { tempDir } from '../tests/helpers/server.ts';
import { startOlifant } from './peers.ts';
import { loadProcess } from './loadProcess.ts';
import { percentile } from './stats.ts';

const GRACE_MS = 300;
/** Clients joining the cold board at once (a Future Search room after a break). */
const JOINS = 64;
/** Load processes the simultaneous joins come from (each holds its clients' copies of the board). */
const JOIN_PROCESSES = Number(process.env.BENCH_JOIN_PROCESSES ?? 4);
if (JOINS % JOIN_PROCESSES !== 0) throw new Error(`BENCH_JOIN_PROCESSES must divide ${JOINS} (got ${JOIN_PROCESSES})`);

function fill(doc: Y.Doc, n: number): void {
  for (let i = 0; i < n; i++) {
    createNote(doc, { text: `Perspective ${i}: more trust between citizens and services`, x: (i % 100) * 180, y: Math.floor(i / 100) * 180, authorId: `t${i % 8}` }, ORIGIN.local);
  }
}

/** Cold joins of a 5,000-note board loaded from disk: p50 of 5 single joins, and 64 joining at once. */
export async function coldJoins(): Promise<{ p50: number; all64Ms: number; decodeMs: number; floorMs: number }> {
  const server = await startOlifant({ OLIFANT_UNLOAD_GRACE_MS: String(GRACE_MS) }, true);
  try {
    const room = await server.room('Cold join');
    const base = room.url.replace(/^ws/, 'http').replace(/\/ws$/, '');
    const writer = connectClient(base, room.room, room.params.token!);
    await waitSynced(writer);
    fill(writer.doc, 5000);
    const check = connectClient(base, room.room, room.params.token!);
    await waitFor(() => notesMap(check.doc).size === 5000, 'the server to hold 5000 notes', 60_000);
    const boardState = Y.encodeStateAsUpdate(check.doc);
    writer.destroy();
    check.destroy();
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      await sleep(GRACE_MS + 400); // unloaded (compacted to disk) before each join
      const t = performance.now();
      const c = connectClient(base, room.room, room.params.token!);
      await waitSynced(c, 60_000);
      times.push(performance.now() - t);
      c.destroy();
    }
    await sleep(GRACE_MS + 400);
    // 64 at once, from JOIN_PROCESSES load processes (the clients' own decoding is spread as tablets' is).
    const startAt = Date.now() + 8000; // every load process has started by then
    const joins = await Promise.all(
      Array.from({ length: JOIN_PROCESSES }, () => loadProcess({ rooms: [room], clientsPerRoom: JOINS / JOIN_PROCESSES, seconds: 0, cursorHz: 0, joinOnly: true, startAt })),
    );
    const all64Ms = Math.max(...joins.map((j) => j.connectMs!));
    return { p50: percentile(times, 50), all64Ms, ...decodeFloor(boardState) };
  } finally {
    await server.stop();
  }
}

/**
 * What 64 joins cost the clients alone: the median time one client takes to apply the whole board as
 * a stock provider does (with an update listener, so Yjs encodes it again), and 64 of those spread
 * over this machine's cores, a floor under "64 at once" that no server can lower here.
 */
function decodeFloor(state: Uint8Array): { decodeMs: number; floorMs: number } {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const doc = new Y.Doc();
    doc.on('update', () => undefined);
    const t = performance.now();
    Y.applyUpdate(doc, state);
    times.push(performance.now() - t);
    doc.destroy();
  }
  const decodeMs = percentile(times, 50);
  return { decodeMs, floorMs: (JOINS * decodeMs) / availableParallelism() };
}

/** 64 tablets x 100 offline edits merged into a 5,000-note board: the server's path vs a bare loop. */
export async function offlineMerge(): Promise<{ olifantMs: number; bareMs: number; updates: number; runs: number }> {
  const base = new Y.Doc();
  initBoard(base, { title: 'Merge', createdAt: 1 }, ORIGIN.server);
  fill(base, 5000);
  const start = Y.encodeStateAsUpdate(base);
  const ids = listNotes(base).map((n) => n.id);
  const updates = Array.from({ length: 64 }, (_, t) => {
    const tablet = new Y.Doc();
    Y.applyUpdate(tablet, start);
    for (let e = 0; e < 100; e++) {
      const id = ids[(t * 100 + e * 7) % ids.length]!;
      if (e % 3 === 0) setNoteText(tablet, id, `Edited offline by table ${t}, edit ${e}`, ORIGIN.local);
      else moveNotes(tablet, [{ id, x: e * 10, y: t * 10 }], ORIGIN.local);
    }
    return Y.encodeStateAsUpdate(tablet, Y.encodeStateVectorFromUpdate(start));
  });

  /** One bare merge: a fresh copy of the board, every tablet's update applied. */
  const bareRun = () => {
    const bare = new Y.Doc();
    Y.applyUpdate(bare, start);
    const t = performance.now();
    for (const u of updates) Y.applyUpdate(bare, u);
    return { ms: performance.now() - t, doc: bare };
  };

  const dir = tempDir('olifant-merge-');
  const store = openSqliteStore(dir.path);
  try {
    /** One merge along the server's path, into a board of its own in the store. */
    const olifantRun = async (run: number) => {
      const id = `merge-${run}`;
      await store.createBoard({ id, title: 'Merge', createdAt: 1, keyVersions: { facilitator: 1, participant: 1, projector: 1 } }, start);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, start);
      // As in a room's turn: every update applied, then all of them stored in one write.
      const applied: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => applied.push(u));
      const t = performance.now();
      for (const u of updates) {
        const decoded = Y.decodeUpdate(u);
        if (participantVerdict(doc, decoded) !== 'ok') throw new Error('an honest update was refused');
        Y.applyUpdate(doc, u);
      }
      await store.appendUpdates(id, applied);
      return { ms: performance.now() - t, doc };
    };
    // Alternating runs, medians: the first runs of either are slower (the JIT warms up).
    const bareMs: number[] = [];
    const olifantMs: number[] = [];
    for (let run = 0; run < MERGE_RUNS; run++) {
      const bare = bareRun();
      const olifant = await olifantRun(run);
      if (JSON.stringify(listNotes(olifant.doc)) !== JSON.stringify(listNotes(bare.doc))) throw new Error('the merges differ');
      bareMs.push(bare.ms);
      olifantMs.push(olifant.ms);
    }
    return { olifantMs: percentile(olifantMs, 50), bareMs: percentile(bareMs, 50), updates: updates.length, runs: MERGE_RUNS };
  } finally {
    await store.close();
    dir.cleanup();
  }
}

/** Merges measured, each way (the median is reported). */
const MERGE_RUNS = 7;

/** A metric of the server's `/metrics`, or NaN. */
async function metric(base: string, name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const m = new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text);
  return m ? Number(m[1]) : Number.NaN;
}

/** Boards opened and closed before the churn's start is measured. */
const WARM_UP = 300;

/**
 * Room churn: `count` boards opened (one client, one note) and closed one after another; after the
 * grace period no board may stay in memory, and the heap must come back near where it started.
 */
export async function roomChurn(count: number): Promise<{ boards: number; leftLoaded: number; heapStartMiB: number; heapEndMiB: number; seconds: number }> {
  const server = await startOlifant({ OLIFANT_UNLOAD_GRACE_MS: String(GRACE_MS) }, true);
  try {
    const first = await server.room('Churn warm-up');
    const base = first.url.replace(/^ws/, 'http').replace(/\/ws$/, '');
    const heap = () => metric(base, 'olifant_process_nodejs_heap_size_used_bytes');
    /** Opens a new board, writes a note, leaves. */
    const cycle = async (name: string) => {
      const room = await server.room(name);
      const c = connectClient(base, room.room, room.params.token!);
      await waitSynced(c);
      createNote(c.doc, { text: name, x: 0, y: 0, authorId: 'churn' }, ORIGIN.local);
      await sleep(1);
      c.destroy();
    };
    // The start is a server that has served some boards, read after a full collection, as the end
    // is: what is kept, not what is not collected yet. (Heap snapshots of a colder start showed the
    // growth to be V8's optimized code for hot functions, about 1.5 MiB, not boards' data.)
    for (let i = 0; i < WARM_UP; i++) await cycle(`Warm-up ${i}`);
    await sleep(GRACE_MS + 1000);
    await server.collectGarbage!();
    const heapStart = await heap();
    const t = performance.now();
    for (let i = 0; i < count; i++) await cycle(`Board ${i}`);
    const seconds = (performance.now() - t) / 1000;
    await sleep(GRACE_MS + 3000);
    await server.collectGarbage!();
    return {
      boards: count,
      leftLoaded: await metric(base, 'olifant_boards_loaded'),
      heapStartMiB: Math.round((heapStart / 2 ** 20) * 10) / 10,
      heapEndMiB: Math.round(((await heap()) / 2 ** 20) * 10) / 10,
      seconds: Math.round(seconds),
    };
  } finally {
    await server.stop();
  }
}

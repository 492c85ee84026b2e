/**
 * `npm run bench:server`: the foundation's server figures, printed as a table and written as JSON.
 *
 * Why: speed and memory goals are met in benchmarks that print figures, never in timed tests. The
 * server runs as its own process (the real entry point, real SQLite file); all clients are stock
 * y-websocket providers in this process.
 *  1. memory per loaded board: server RSS before and after loading boards of 100 notes, one client
 *     each (run first, while the server's heap has seen nothing larger);
 *  2. broadcast latency: 64 clients in one board, each moving its note once a second; every move
 *     carries its send time, every other client records the delay until it sees it;
 *  3. cold join: connect-to-synced for a 5,000-note board loaded from disk (median of 7 joins, the
 *     board unloaded and compacted before each).
 * Settings: BENCH_SECONDS (latency run, default 20), BENCH_BOARDS (memory run, default 100).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { createNote, listNotes, moveNotes, notesMap, ORIGIN } from '../shared/index.ts';
import { connectClient, sleep, waitFor, waitSynced, type TestClient } from '../tests/helpers/clients.ts';
import { createBoard, freePort, spawnServer, tempDir, tokenOf, type ChildServer } from '../tests/helpers/server.ts';
import { percentile, rssOf, summarize } from './stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BOARDS = Number(process.env.BENCH_BOARDS ?? 100);
const GRACE_MS = 300;

async function coldJoin(server: ChildServer): Promise<Record<string, number>> {
  const board = await createBoard(server.url, 'Cold join, 5000 notes');
  const token = tokenOf(board.links.participant);
  const writer = connectClient(server.url, board.id, token);
  await waitSynced(writer);
  for (let i = 0; i < 5000; i++) {
    createNote(writer.doc, { text: `Perspective ${i}: more trust between citizens and services`, x: (i % 100) * 180, y: Math.floor(i / 100) * 180, authorId: `table${i % 8}` }, ORIGIN.local);
  }
  const check = connectClient(server.url, board.id, token);
  await waitFor(() => notesMap(check.doc).size === 5000, 'the server to hold 5000 notes', 60_000);
  const bytes = Y.encodeStateAsUpdate(check.doc).byteLength;
  writer.destroy();
  check.destroy();
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    await sleep(GRACE_MS + 400); // the board unloads (compacted to disk) before each join
    const started = performance.now();
    const c = connectClient(server.url, board.id, token);
    await waitSynced(c, 60_000);
    times.push(performance.now() - started);
    if (listNotes(c.doc).length !== 5000) throw new Error('cold join did not receive 5000 notes');
    c.destroy();
  }
  return { notes: 5000, stateBytes: bytes, medianMs: percentile(times, 50), minMs: Math.min(...times), maxMs: Math.max(...times) };
}

async function broadcast(server: ChildServer): Promise<Record<string, number>> {
  const board = await createBoard(server.url, '64 clients');
  const token = tokenOf(board.links.participant);
  const clients: TestClient[] = [];
  for (let i = 0; i < 64; i++) {
    const c = connectClient(server.url, board.id, token);
    clients.push(c);
    await waitSynced(c);
  }
  const ids = clients.map((c, i) => createNote(c.doc, { text: `table ${i}`, x: 0, y: 0, authorId: `c${i}` }, ORIGIN.local));
  await waitFor(() => clients.every((c) => notesMap(c.doc).size === 64), 'every client to hold 64 notes', 30_000);

  // x carries the send time (one clock: every client is in this process); y the sequence number.
  const latencies: number[] = [];
  const seen = clients.map(() => new Map<string, number>());
  let expected = 0;
  clients.forEach((c, ci) => {
    notesMap(c.doc).observeDeep((events, tr) => {
      if (tr.local) return;
      const now = performance.now();
      for (const e of events) {
        const id = e.path[0] as string | undefined;
        if (!id || !(e.target instanceof Y.Map)) continue;
        const x = e.target.get('x') as number;
        const seq = e.target.get('y') as number;
        if (seq > (seen[ci]!.get(id) ?? 0)) {
          seen[ci]!.set(id, seq);
          latencies.push(now - x);
        }
      }
    });
  });
  const timers = clients.map((c, i) =>
    setTimeout(() => {
      let seq = 0;
      const t = setInterval(() => {
        seq++;
        expected += 63;
        moveNotes(c.doc, [{ id: ids[i]!, x: performance.now(), y: seq }], ORIGIN.local);
      }, 1000);
      timers.push(t as unknown as NodeJS.Timeout);
    }, (1000 * i) / 64),
  );
  const cpuStart = await cpuSeconds(server);
  await sleep(SECONDS * 1000);
  timers.forEach((t) => clearInterval(t));
  const cpuEnd = await cpuSeconds(server);
  await sleep(1000); // let the last moves arrive
  const received = latencies.length;
  clients.forEach((c) => c.destroy());
  return {
    clients: 64,
    seconds: SECONDS,
    moves: expected / 63,
    deliveriesExpected: expected,
    deliveriesReceived: received,
    ...summarize(latencies),
    serverCpuPercent: Math.round(((cpuEnd - cpuStart) / SECONDS) * 1000) / 10,
  };
}

async function memory(server: ChildServer): Promise<Record<string, number>> {
  const before = await rssOf(server);
  const clients: TestClient[] = [];
  for (let b = 0; b < BOARDS; b++) {
    const board = await createBoard(server.url, `Table ${b}`);
    const c = connectClient(server.url, board.id, tokenOf(board.links.participant));
    clients.push(c);
    await waitSynced(c);
    for (let i = 0; i < 100; i++) createNote(c.doc, { text: `Note ${i} of table ${b}`, x: i * 10, y: 0, authorId: 'm' }, ORIGIN.local);
  }
  await sleep(1500);
  const after = await rssOf(server);
  clients.forEach((c) => c.destroy());
  return { boards: BOARDS, notesPerBoard: 100, rssBeforeMiB: before / 2 ** 20, rssAfterMiB: after / 2 ** 20, perBoardKiB: (after - before) / BOARDS / 1024 };
}

async function cpuSeconds(server: ChildServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const m = /^olifant_process_process_cpu_seconds_total ([0-9.e+-]+)/m.exec(text);
  return m ? Number(m[1]) : Number.NaN;
}

process.setMaxListeners(0); // each Node provider adds an exit listener
const dir = tempDir('olifant-bench-');
const server = await spawnServer(dir.path, await freePort(), { OLIFANT_UNLOAD_GRACE_MS: String(GRACE_MS) });
try {
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    // Memory first, while the server's heap has seen nothing larger.
    memory: await memory(server),
    broadcast64: await broadcast(server),
    coldJoin: await coldJoin(server),
  };
  console.log('\nOlifant server benchmark');
  for (const [name, figures] of Object.entries(results)) {
    if (typeof figures !== 'object') continue;
    console.log(`\n${name}`);
    console.table(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v * 100) / 100])));
  }
  const out = resolve(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'server.json'), JSON.stringify(results, null, 2));
  console.log(`\nwritten to ${join(out, 'server.json')}`);
} finally {
  server.process.kill('SIGTERM');
  await server.exited;
  dir.cleanup();
}

/**
 * `npm run bench`: Olifant beside the reference `@y/websocket-server`, in one run, on this machine.
 * Each server scenario starts a fresh server process and a separate load process (bench/loadWorker.ts)
 * and reads the server's CPU and memory from /proc; then Olifant-only budgets (cold join, offline
 * merge, the client's JavaScript). Prints every goal with its figure, the ratio where there is one,
 * and whether it holds; writes bench/results/bench.json.
 *
 * Why: absolute times on a shared 2-core machine are noise; ratios measured side by side are not.
 * Settings: BENCH_SECONDS (load time per scenario, default 20), BENCH_LARGE (clients in the large room,
 * default 300), BENCH_ROOMS (rooms in the many-rooms scenario, default 500), BENCH_CHURN (boards opened
 * and closed in the churn scenario, default 10,000).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpuSecondsOf, rssBytesOf, startOlifant, startReference, type BenchServer } from './peers.ts';
import { coldJoins, offlineMerge, roomChurn } from './olifantOnly.ts';
import { loadProcess } from './loadProcess.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const LARGE = Number(process.env.BENCH_LARGE ?? 300);
const ROOMS = Number(process.env.BENCH_ROOMS ?? 500);
const CHURN = Number(process.env.BENCH_CHURN ?? 10_000);
const ROOT = resolve(import.meta.dirname, '..');

interface Load {
  clients: number;
  drops: number;
  p50: number;
  p99: number;
  max: number;
  connectMs: number;
  cpuPercent: number;
  rssMiB: number;
}

/**
 * Runs the load against `server`: `rooms` rooms of `perRoom` clients. A big room is spread over
 * `workers` load processes (one Node process cannot run 300 clients' decoding alone).
 */
async function runLoad(server: BenchServer, rooms: number, perRoom: number, cursorHz: number, workers = 1): Promise<Load> {
  const list: Awaited<ReturnType<BenchServer["room"]>>[] = [];
  for (let r = 0; r < rooms; r++) list.push(await server.room(`Bench room ${r}`));
  const chunk = Math.ceil(perRoom / workers);
  const cpu0 = cpuSecondsOf(server.pid);
  const t0 = performance.now();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytesOf(server.pid))), 500);
  const results = await Promise.all(
    Array.from({ length: workers }, (_, w) =>
      loadProcess({ rooms: list, clientsPerRoom: Math.min(chunk, perRoom - w * chunk), roomSize: perRoom, firstClient: w * chunk, seconds: SECONDS, cursorHz }),
    ),
  ).finally(() => clearInterval(sampler));
  const cpu = cpuSecondsOf(server.pid) - cpu0;
  const wall = (performance.now() - t0) / 1000;
  const sum = (k: string) => results.reduce((n, r) => n + r[k]!, 0);
  const p50s = results.map((r) => r.p50!).sort((a, b) => a - b);
  return {
    clients: sum('clients'),
    drops: sum('expected') - sum('received'),
    p50: p50s[Math.floor(p50s.length / 2)]!,
    p99: Math.max(...results.map((r) => r.p99!)), // the worst load process's p99
    max: Math.max(...results.map((r) => r.max!)),
    connectMs: Math.max(...results.map((r) => r.connectMs!)),
    cpuPercent: Math.round((cpu / wall) * 1000) / 10,
    rssMiB: Math.round(peak / 2 ** 20),
  };
}

async function side<T>(start: () => Promise<BenchServer>, run: (s: BenchServer) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

/** Both servers, one after the other, under the same load. */
async function scenario(rooms: number, perRoom: number, cursorHz: number, workers = 1): Promise<{ olifant: Load; reference: Load }> {
  const olifant = await side(() => startOlifant(), (s) => runLoad(s, rooms, perRoom, cursorHz, workers));
  const reference = await side(startReference, (s) => runLoad(s, rooms, perRoom, cursorHz, workers));
  return { olifant, reference };
}

/**
 * Gzipped size of the JavaScript a board page loads before it can draw: the app shell (the entry and
 * what it imports statically) and the board chunk with everything it imports statically; chunks
 * loaded on demand (panels, QR codes, the CSV parser) are not counted.
 */
function initialJsKiB(): { shell: number; board: number } {
  execFileSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'server/scripts/ensureClient.ts')], { stdio: 'ignore' });
  const assets = join(ROOT, 'dist/client/assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const source = (f: string) => readFileSync(join(assets, f), 'utf8');
  /** `f` and every chunk it imports statically (not `import(...)`), transitively. */
  const closure = (f: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(f)) return seen;
    seen.add(f);
    for (const m of source(f).matchAll(/(?<!import\()["']\.\/([\w.-]+\.js)["']/g)) {
      const dep = m[1]!;
      if (files.includes(dep) && !new RegExp(`import\\(\\s*["']\\./${dep.replace(/[.]/g, '\\.')}["']`).test(source(f))) closure(dep, seen);
    }
    return seen;
  };
  const gz = (set: Set<string>) => [...set].reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).byteLength, 0) / 1024;
  const entry = files.find((f) => f.startsWith('index-'))!;
  const shell = closure(entry);
  const board = closure(files.find((f) => f.startsWith('BoardPage-'))!);
  for (const f of shell) board.delete(f);
  return { shell: Math.round(gz(shell)), board: Math.round(gz(board)) };
}

process.setMaxListeners(0);
console.log(`Olifant vs @y/websocket-server, ${SECONDS} s per scenario, ${new Date().toISOString()}, Node ${process.version}`);
const fsRoom = await scenario(1, 64, 5);
console.log('Future Search room done');
const large = await scenario(1, LARGE, 5, LARGE > 100 ? 4 : 1);
console.log('large room done');
const many = await scenario(ROOMS, 3, 5);
console.log('many rooms done');
const cold = await coldJoins();
const churn = await roomChurn(CHURN);
const merge = offlineMerge();
const js = initialJsKiB();

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const goals = [
  { goal: 'Future Search room (64): p99 ≤ 50 ms', figure: `${fsRoom.olifant.p99.toFixed(1)} ms`, ratio: '', holds: fsRoom.olifant.p99 <= 50 },
  { goal: 'Future Search room: p99 ≤ 1.0× reference', figure: `${fsRoom.olifant.p99.toFixed(1)} vs ${fsRoom.reference.p99.toFixed(1)} ms`, ratio: ratio(fsRoom.olifant.p99, fsRoom.reference.p99), holds: fsRoom.olifant.p99 <= fsRoom.reference.p99 },
  { goal: 'Future Search room: 0 drops', figure: `${fsRoom.olifant.drops} (reference ${fsRoom.reference.drops})`, ratio: '', holds: fsRoom.olifant.drops === 0 },
  { goal: `Large room (${LARGE}): p99 ≤ 100 ms`, figure: `${large.olifant.p99.toFixed(1)} ms (reference ${large.reference.p99.toFixed(1)})`, ratio: '', holds: large.olifant.p99 <= 100 },
  { goal: 'Large room: server CPU ≤ 0.5× reference', figure: `${large.olifant.cpuPercent} vs ${large.reference.cpuPercent} %`, ratio: ratio(large.olifant.cpuPercent, large.reference.cpuPercent), holds: large.olifant.cpuPercent <= 0.5 * large.reference.cpuPercent },
  { goal: `Many rooms (${ROOMS} × 3): RSS ≤ 1.0× reference`, figure: `${many.olifant.rssMiB} vs ${many.reference.rssMiB} MiB`, ratio: ratio(many.olifant.rssMiB, many.reference.rssMiB), holds: many.olifant.rssMiB <= many.reference.rssMiB },
  { goal: 'Cold join, 5,000 notes from disk: p50 ≤ 300 ms', figure: `${cold.p50.toFixed(0)} ms`, ratio: '', holds: cold.p50 <= 300 },
  { goal: 'Cold join: 64 at once all synced ≤ 3 s', figure: `${cold.all64Ms.toFixed(0)} ms`, ratio: '', holds: cold.all64Ms <= 3000 },
  { goal: `Room churn (${CHURN} boards): none left in memory`, figure: `${churn.leftLoaded} loaded`, ratio: '', holds: churn.leftLoaded === 0 },
  { goal: 'Room churn: heap back within 10 %', figure: `${churn.heapStartMiB} → ${churn.heapEndMiB} MiB`, ratio: ratio(churn.heapEndMiB, churn.heapStartMiB), holds: churn.heapEndMiB <= 1.1 * churn.heapStartMiB },
  { goal: 'Offline merge 64 × 100 edits: ≤ 250 ms', figure: `${merge.olifantMs.toFixed(0)} ms`, ratio: '', holds: merge.olifantMs <= 250 },
  { goal: 'Offline merge: ≤ 1.1× bare Y.applyUpdate', figure: `${merge.olifantMs.toFixed(0)} vs ${merge.bareMs.toFixed(0)} ms`, ratio: ratio(merge.olifantMs, merge.bareMs), holds: merge.olifantMs <= 1.1 * merge.bareMs },
  { goal: 'Initial JavaScript ≤ 250 KB gzipped', figure: `${js.shell + js.board} KiB (shell ${js.shell} + board ${js.board})`, ratio: '', holds: js.shell + js.board <= 250 },
];
console.log('\nServer scenarios (load from a separate process; CPU and RSS of the server process)');
console.table({
  'FS room, Olifant': fsRoom.olifant,
  'FS room, reference': fsRoom.reference,
  'large room, Olifant': large.olifant,
  'large room, reference': large.reference,
  'many rooms, Olifant': many.olifant,
  'many rooms, reference': many.reference,
});
console.log('\nGoals');
console.table(goals.map((g) => ({ ...g, holds: g.holds ? 'yes' : 'NO' })));
const out = resolve(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'bench.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, fsRoom, large, many, cold, churn, merge, js, goals }, null, 2));
console.log(`\nwritten to ${join(out, 'bench.json')}`);

/**
 * `npm run bench`: Olifant beside the reference `@y/websocket-server` and Hocuspocus, in one run, on
 * this machine.
 * Each server scenario starts a fresh server process and a separate load process (bench/loadWorker.ts)
 * and reads the server's CPU and memory from /proc; then Olifant-only budgets (cold join, offline
 * merge, the client's JavaScript). Prints every goal with its figure, the ratio where there is one,
 * and whether it holds; writes bench/results/bench.json.
 *
 * Why: absolute times on a shared 2-core machine are noise; ratios measured side by side are not.
 * Settings: BENCH_SECONDS (load time per scenario, default 20), BENCH_LARGE (clients in the large room,
 * default 300), BENCH_ROOMS (rooms in the many-rooms scenario, default 500), BENCH_CHURN (boards opened
 * and closed in the churn scenario, default 10,000), BENCH_JOIN_PROCESSES (load processes of the 64 simultaneous joins, default 4), BENCH_SIZES (client boards, default
 * 1000,5000,20000), BENCH_ONLY (a comma list of fs, large, many, cold, churn, merge, js, client, crowd, cluster).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { gzipSync } from 'node:zlib';
import { cpuSecondsOf, rssBytesOf, startHocuspocus, startOlifant, startReference, type BenchServer } from './peers.ts';
import { coldJoins, offlineMerge, roomChurn } from './olifantOnly.ts';
import { loadProcess } from './loadProcess.ts';
import { clientTable, runClientBench, worstP95 } from './client.ts';
import { CROWD_DEFAULTS, crowdGoals, runCrowdScenarios, sideBySide } from './probe/scenarios.ts';

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
  /** The load processes' own CPU, summed (percent of one core; this machine has two). */
  loadCpuPercent: number;
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
    loadCpuPercent: Math.round(sum('cpuPercent')),
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

/** The three servers, one after the other, under the same load. */
async function scenario(rooms: number, perRoom: number, cursorHz: number, workers = 1): Promise<{ olifant: Load; reference: Load; hocuspocus: Load }> {
  const olifant = await side(() => startOlifant(), (s) => runLoad(s, rooms, perRoom, cursorHz, workers));
  const reference = await side(startReference, (s) => runLoad(s, rooms, perRoom, cursorHz, workers));
  const hocuspocus = await side(startHocuspocus, (s) => runLoad(s, rooms, perRoom, cursorHz, workers));
  return { olifant, reference, hocuspocus };
}

/**
 * Gzipped size of the JavaScript a board page loads before it can draw: the app shell (the entry and
 * what it imports statically) and the board chunk with everything it imports statically; chunks
 * loaded on demand (panels, QR codes, the CSV parser) are not counted.
 */
function initialJs(): { shell: number; board: number } {
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
  const gz = (set: Set<string>) => [...set].reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).byteLength, 0);
  const entry = files.find((f) => f.startsWith('index-'))!;
  const shell = closure(entry);
  const board = closure(files.find((f) => f.startsWith('BoardPage-'))!);
  for (const f of shell) board.delete(f);
  return { shell: gz(shell), board: gz(board) };
}

process.setMaxListeners(0);
const ONLY = process.env.BENCH_ONLY?.split(',');
const want = (name: string) => !ONLY || ONLY.includes(name);
/** Runs `fn` if its scenario is wanted, and says when it is done. */
async function step<T>(name: string, fn: () => T | Promise<T>): Promise<T | undefined> {
  if (!want(name)) return undefined;
  const result = await fn();
  console.log(`${name} done`);
  return result;
}
console.log(`Olifant vs @y/websocket-server and Hocuspocus, ${SECONDS} s per scenario, ${new Date().toISOString()}, Node ${process.version}`);
const fsRoom = await step('fs', () => scenario(1, 64, 5));
const large = await step('large', () => scenario(1, LARGE, 5, LARGE > 100 ? 4 : 1));
const many = await step('many', () => scenario(ROOMS, 3, 5));
const cold = await step('cold', coldJoins);
const churn = await step('churn', () => roomChurn(CHURN));
const merge = await step('merge', offlineMerge);
const js = await step('js', initialJs);
const client = await step('client', () => runClientBench());
const crowd = await step('crowd', () => runCrowdScenarios(CROWD_DEFAULTS));
await step('cluster', () => import('./cluster.ts')); // one process vs three: prints its own goals, writes bench/results/cluster.json

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const ms = (x: number) => `${x.toFixed(1)} ms`;
type Goal = { goal: string; figure: string; ratio: number | ''; holds: boolean };
const goals: Goal[] = [];
const goal = (g: string, figure: string, holds: boolean, r: number | '' = '') => goals.push({ goal: g, figure, ratio: r, holds });
if (fsRoom) {
  const { olifant: o, reference: r, hocuspocus: h } = fsRoom;
  goal('Future Search room (64): p99 ≤ 50 ms', ms(o.p99), o.p99 <= 50);
  goal('Future Search room: p99 ≤ 1.0× reference', `${o.p99.toFixed(1)} vs ${r.p99.toFixed(1)} ms (Hocuspocus ${h.p99.toFixed(1)})`, o.p99 <= r.p99, ratio(o.p99, r.p99));
  goal('Future Search room: 0 drops', `${o.drops} (reference ${r.drops}, Hocuspocus ${h.drops})`, o.drops === 0);
}
if (large) {
  const { olifant: o, reference: r, hocuspocus: h } = large;
  goal(`Large room (${LARGE}): p99 ≤ 100 ms`, `${ms(o.p99)} (reference ${ms(r.p99)}, Hocuspocus ${ms(h.p99)})`, o.p99 <= 100);
  goal('Large room: server CPU ≤ 0.5× reference', `${o.cpuPercent} vs ${r.cpuPercent} % (Hocuspocus ${h.cpuPercent})`, o.cpuPercent <= 0.5 * r.cpuPercent, ratio(o.cpuPercent, r.cpuPercent));
}
if (many) goal(`Many rooms (${ROOMS} × 3): RSS ≤ 1.0× reference`, `${many.olifant.rssMiB} vs ${many.reference.rssMiB} MiB (Hocuspocus ${many.hocuspocus.rssMiB})`, many.olifant.rssMiB <= many.reference.rssMiB, ratio(many.olifant.rssMiB, many.reference.rssMiB));
if (cold) {
  goal('Cold join, 5,000 notes from disk: p50 ≤ 300 ms', `${cold.p50.toFixed(0)} ms`, cold.p50 <= 300);
  goal('Cold join: 64 at once all synced ≤ 3 s', `${cold.all64Ms.toFixed(0)} ms (the clients' own decoding alone: 64 × ${cold.decodeMs.toFixed(0)} ms over ${availableParallelism()} cores = ${cold.floorMs.toFixed(0)} ms)`, cold.all64Ms <= 3000);
}
if (churn) {
  goal(`Room churn (${CHURN} boards): none left in memory`, `${churn.leftLoaded} loaded`, churn.leftLoaded === 0);
  goal('Room churn: heap back within 10 %', `${churn.heapStartMiB} → ${churn.heapEndMiB} MiB`, churn.heapEndMiB <= 1.1 * churn.heapStartMiB, ratio(churn.heapEndMiB, churn.heapStartMiB));
}
if (merge) {
  goal('Offline merge 64 × 100 edits: ≤ 250 ms', `${merge.olifantMs.toFixed(0)} ms`, merge.olifantMs <= 250);
  goal('Offline merge: ≤ 1.1× bare Y.applyUpdate', `${merge.olifantMs.toFixed(0)} vs ${merge.bareMs.toFixed(0)} ms`, merge.olifantMs <= 1.1 * merge.bareMs, ratio(merge.olifantMs, merge.bareMs));
}
if (js) {
  const kb = (b: number) => (b / 1000).toFixed(1);
  goal('Initial JavaScript ≤ 250 KB gzipped', `${kb(js.shell + js.board)} KB (shell ${kb(js.shell)} + board ${kb(js.board)})`, js.shell + js.board <= 250_000);
}
if (client) {
  const five = client[5000];
  if (five) {
    const { olifant: o, bare: b } = five;
    goal('Client: first render of 5,000 notes ≤ 1.5 s', `${o.firstRenderMs.toFixed(0)} ms`, o.firstRenderMs <= 1500);
    goal('Client: first render ≤ 1.5× bare Konva', `${o.firstRenderMs.toFixed(0)} vs ${b.firstRenderMs.toFixed(0)} ms`, o.firstRenderMs <= 1.5 * b.firstRenderMs, ratio(o.firstRenderMs, b.firstRenderMs));
    goal('Client: p95 frame at 5,000 notes ≤ 20 ms', `${ms(worstP95(o))} (bare ${ms(worstP95(b))})`, worstP95(o) <= 20, ratio(worstP95(o), worstP95(b)));
  }
  const twenty = client[20000];
  if (twenty) goal('Client: p95 frame at 20,000 notes ≤ 33 ms', `${ms(worstP95(twenty.olifant))} (bare ${ms(worstP95(twenty.bare))})`, worstP95(twenty.olifant) <= 33, ratio(worstP95(twenty.olifant), worstP95(twenty.bare)));
}
const loads = Object.fromEntries(
  Object.entries({ 'FS room': fsRoom, 'large room': large, 'many rooms': many }).flatMap(([name, pair]) =>
    pair ? [[`${name}, Olifant`, pair.olifant], [`${name}, reference`, pair.reference], [`${name}, Hocuspocus`, pair.hocuspocus]] : [],
  ),
);
if (Object.keys(loads).length) {
  console.log('\nServer scenarios (load from a separate process; CPU and RSS of the server process)');
  console.table(loads);
}
if (client) {
  console.log('\nClient scenarios (headless Chromium, software rendering; ms; pan and zoom with the whole board in view, drag at about 1:1)');
  console.table(clientTable(client));
}
if (crowd) {
  console.log('\nCrowd scenarios (probe clients; the harness\'s ceiling beside each goal: bench/probe/scenarios.ts)');
  console.table(sideBySide(crowd));
  console.table(crowdGoals(crowd, CROWD_DEFAULTS));
}
console.log('\nGoals');
console.table(goals.map((g) => ({ ...g, holds: g.holds ? 'yes' : 'NO' })));
const out = resolve(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'bench.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, fsRoom, large, many, cold, churn, merge, js, client, crowd, goals }, null, 2));
console.log(`\nwritten to ${join(out, 'bench.json')}`);

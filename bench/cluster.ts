/**
 * `npm run bench:cluster`: the Future Search room (64 clients in one board, each moving its note once
 * a second, cursors at 5 Hz; bench/loadWorker.ts) against one Olifant on SQLite, one on PostgreSQL
 * (reached directly, then behind the balancer alone), and three Olifant processes on PostgreSQL and
 * Redis behind a round-robin balancer, side by side in one run on this machine. The setups run in
 * turn, `BENCH_ROUNDS` times, the order reversed every other round. Prints every goal with its figure and whether it holds; writes
 * bench/results/cluster.json.
 *
 * Why: three processes add a hop for most clients (a process that does not own the board tunnels
 * their socket to the one that does) and the database's round trip to every turn; the only fair
 * measure of that cost is the same load on the same machine against one process, in one run.
 * CPU is read from /proc for every server process (summed over the three), for PostgreSQL's processes,
 * for Redis and for the balancer (which runs in this process).
 * Settings: BENCH_SECONDS (load time per setup, default 20), BENCH_ROUNDS (default 2).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { startPostgres, type TestPostgres } from '../tests/engines/postgres.ts';
import { startRedis } from '../tests/engines/redis.ts';
import { startBalancer } from '../tests/helpers/proxy.ts';
import { createBoard, freePort, spawnServer, tempDir, tokenOf, type ChildServer } from '../tests/helpers/server.ts';
import { loadProcess } from './loadProcess.ts';
import { cpuSecondsOf, startOlifant } from './peers.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CLIENTS = 64;
const ROOT = resolve(import.meta.dirname, '..');
/** As bench/peers.ts runs Olifant: every load client comes from 127.0.0.1, where a venue would be many devices. */
const BENCH_ENV = { OLIFANT_LOG_LEVEL: 'warn', OLIFANT_MAX_CONNECTIONS_PER_IP: '100000', OLIFANT_NEW_BOARDS_PER_HOUR: '1000000' };

/** A setup under load: where clients go, and which processes' CPU is the servers'. */
interface Setup {
  url: string;
  /** The servers' URLs, when clients connect to them in turn without a balancer. */
  spread?: string[];
  serverPids(): number[];
  /** Other processes the setup runs on (PostgreSQL, Redis), counted apart. */
  enginePids(): number[];
  /** What the servers logged so far (warnings and errors: the bench runs them at `warn`). */
  logs(): string[];
  stop(): Promise<void>;
}

interface Figures {
  setup: string;
  round: number;
  clients: number;
  drops: number;
  p50: number;
  p99: number;
  max: number;
  connectMs: number;
  /** Olifant's processes, summed: percent of one core (this machine may have several). */
  serverCpu: number;
  engineCpu: number;
  /** This process: the balancer in front of the three, idle otherwise. */
  balancerCpu: number;
  loadCpu: number;
  load1: number;
  /** Distinct messages the servers logged during the run, with how often: a closed socket shows here. */
  logged: string;
}

/** The `msg` of each JSON log line in `text` (pino's), or the line itself. */
function messages(text: string): string[] {
  return text.split('\n').filter((l) => l.trim()).map((l) => {
    try {
      return String((JSON.parse(l) as { msg?: unknown }).msg ?? l);
    } catch {
      return l;
    }
  });
}

/** PostgreSQL's postmaster and every process it started (one per connection, plus its workers). */
function postgresPids(pg: TestPostgres): number[] {
  const root = pg.pid();
  if (root === undefined) return [];
  const children = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === root;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [root, ...children];
}

/** CPU seconds of each of `pids` now (a process that is gone counts as 0). */
function cpuOf(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      out.set(pid, cpuSecondsOf(pid));
    } catch {
      // Exited meanwhile.
    }
  }
  return out;
}

/** CPU used between two readings, summed; a process started in between counts from 0. */
const cpuSpent = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((n, [pid, s]) => n + s - (before.get(pid) ?? 0), 0);

/**
 * One process, as `npm run bench` starts it; `balanced`: behind the same balancer as the three, so
 * the balancer's hop and the tunnel's can be told apart.
 */
async function single(pg?: TestPostgres, balanced = false): Promise<Setup> {
  const env: Record<string, string> = pg ? { OLIFANT_DATABASE_URL: await pg.createDatabase() } : {};
  const server = await startOlifant(env);
  const direct = (await server.room('probe')).url.replace(/^ws/, 'http').replace(/\/ws$/, '');
  const balancer = balanced ? await startBalancer([Number(new URL(direct).port)]) : undefined;
  return {
    url: balancer?.url ?? direct,
    serverPids: () => [server.pid],
    enginePids: () => (pg ? postgresPids(pg) : []),
    logs: () => [], // startOlifant keeps no output
    async stop() {
      await balancer?.close();
      await server.stop();
    },
  };
}

/** Three processes as the deployment guide runs them (tests/helpers/cluster.ts's settings), behind a round-robin balancer. */
async function three(pg: TestPostgres, balanced = true): Promise<Setup> {
  const redis = await startRedis();
  const databaseUrl = await pg.createDatabase();
  const dir = tempDir('olifant-bench-cluster-');
  const entry = ['--enable-source-maps', resolve(ROOT, 'dist/server/index.mjs')];
  const nodes: ChildServer[] = [];
  for (let i = 1; i <= 3; i++) {
    const port = await freePort();
    const env = {
      ...BENCH_ENV,
      OLIFANT_DATABASE_URL: databaseUrl,
      OLIFANT_REDIS_URL: redis.url,
      OLIFANT_NODE_ID: `bench-${i}`,
      OLIFANT_NODE_URL: `http://127.0.0.1:${port}`,
      OLIFANT_SECRET: 'the-benchmark-secret-shared-by-every-node-0123456789',
      OLIFANT_LEASE_MS: '10000',
    };
    nodes.push(await spawnServer(join(dir.path, `node-${i}`), port, env, entry));
  }
  const balancer = balanced ? await startBalancer(nodes.map((n) => Number(new URL(n.url).port))) : undefined;
  return {
    url: balancer?.url ?? nodes[0]!.url,
    spread: balanced ? undefined : nodes.map((n) => n.url),
    serverPids: () => nodes.map((n) => n.process.pid!),
    enginePids: () => [...postgresPids(pg), ...(redis.pid() ? [redis.pid()!] : [])],
    logs: () => nodes.flatMap((n, i) => messages(n.output()).map((m) => `node ${i + 1}: ${m}`)),
    async stop() {
      await balancer?.close();
      for (const n of nodes) n.process.kill('SIGTERM');
      await Promise.all(nodes.map((n) => n.exited));
      await redis.destroy();
      dir.cleanup();
    },
  };
}

/** The Future Search room's load against `setup`, from one load process, as `npm run bench` runs it. */
async function measure(name: string, round: number, setup: Setup): Promise<Figures> {
  const board = await createBoard(setup.url, 'Cluster bench room');
  const ws = (url: string) => `${url.replace(/^http/, 'ws')}/ws`;
  const room = { url: ws(setup.url), spread: setup.spread?.map(ws), room: board.id, params: { token: tokenOf(board.links.participant) } };
  const counts = new Map<string, number>();
  for (const m of setup.logs()) counts.set(m, (counts.get(m) ?? 0) - 1); // what start-up logged is not the run's
  const servers0 = cpuOf(setup.serverPids());
  const engines0 = cpuOf(setup.enginePids());
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(loadavg()[0]!), 2000);
  const r = await loadProcess({ rooms: [room], clientsPerRoom: CLIENTS, roomSize: CLIENTS, seconds: SECONDS, cursorHz: 5 }).finally(() => clearInterval(sampler));
  const wall = (performance.now() - t0) / 1000;
  const own = process.cpuUsage(own0);
  for (const m of setup.logs()) counts.set(m, (counts.get(m) ?? 0) + 1);
  const pct = (s: number) => Math.round((s / wall) * 1000) / 10;
  return {
    setup: name,
    round,
    clients: r.clients!,
    drops: r.expected! - r.received!,
    p50: Math.round(r.p50! * 10) / 10,
    p99: Math.round(r.p99! * 10) / 10,
    max: Math.round(r.max! * 10) / 10,
    connectMs: r.connectMs!,
    serverCpu: pct(cpuSpent(servers0, cpuOf(setup.serverPids()))),
    engineCpu: pct(cpuSpent(engines0, cpuOf(setup.enginePids()))),
    balancerCpu: pct((own.user + own.system) / 1e6),
    loadCpu: r.cpuPercent!,
    logged: [...counts].filter(([, n]) => n > 0).map(([m, n]) => `${n}x ${m}`).join('; '),
    load1: Math.round((loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)) * 100) / 100,
  };
}

const SETUPS = [
  ['one process, SQLite', () => single()],
  ['one process, PostgreSQL', (pg: TestPostgres) => single(pg)],
  ['one process, PostgreSQL, balancer', (pg: TestPostgres) => single(pg, true)],
  ['three processes, PostgreSQL + Redis', (pg: TestPostgres) => three(pg)],
  ['three processes, no balancer', (pg: TestPostgres) => three(pg, false)],
] as const;

process.setMaxListeners(0);
console.log(`Olifant, one process vs three: ${CLIENTS} clients in one board, ${SECONDS} s per setup, ${ROUNDS} rounds, ${new Date().toISOString()}, Node ${process.version}`);
// The bundled server, as `npm start` runs it (built when stale), once for every setup.
execFileSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'server/scripts/ensureServer.ts')], { cwd: ROOT, stdio: 'inherit' });
const pg = await startPostgres();
const runs: Figures[] = [];
try {
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 ? SETUPS : [...SETUPS].reverse();
    for (const [name, start] of order) {
      const setup = await start(pg);
      try {
        runs.push(await measure(name, round, setup));
      } finally {
        await setup.stop();
      }
      console.log(`${name}, round ${round} done`);
    }
  }
} finally {
  pg.destroy();
}

const mean = (name: string, k: keyof Figures) => {
  const xs = runs.filter((r) => r.setup === name).map((r) => r[k] as number);
  return Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
};
const [sqlite, postgres, balanced, cluster, spread] = SETUPS.map(([name]) => name) as [string, string, string, string, string];
const p99 = { sqlite: mean(sqlite, 'p99'), postgres: mean(postgres, 'p99'), balanced: mean(balanced, 'p99'), cluster: mean(cluster, 'p99'), spread: mean(spread, 'p99') };
const drops = runs.reduce((n, r) => n + r.drops, 0);
const within = (a: number, b: number) => ({ figure: `${a} vs ${b} ms: ${a - b >= 0 ? '+' : ''}${(a - b).toFixed(1)} ms`, holds: a <= b + 15 });
const goals = [
  // Clients reach the three in turn, as a balancer would send them, without the benchmark's own balancer in between.
  { goal: 'Three processes (clients spread over them): p99 within 15 ms of one process on SQLite', ...within(p99.spread, p99.sqlite) },
  { goal: 'Three processes (clients spread over them): p99 within 15 ms of one process on PostgreSQL', ...within(p99.spread, p99.postgres) },
  { goal: 'Behind the balancer: three processes within 15 ms of one process', ...within(p99.cluster, p99.balanced) },
  { goal: 'Behind the balancer, three vs one process on SQLite reached directly (no goal: the balancer shares the cores)', ...within(p99.cluster, p99.sqlite), holds: true },
  { goal: 'Every setup: 0 drops', figure: `${drops}`, holds: drops === 0 },
  {
    goal: 'Server CPU, three processes summed vs one on PostgreSQL (no goal)',
    figure: `${mean(cluster, 'serverCpu')} vs ${mean(postgres, 'serverCpu')} % (one on SQLite ${mean(sqlite, 'serverCpu')} %)`,
    holds: true,
  },
];
console.log(`\nEach run (means over ${ROUNDS} rounds below; ms, CPU in percent of one core; load1: the 1-minute load average during the run)`);
console.table(runs.map(({ logged, ...r }) => r));
for (const r of runs.filter((r) => r.logged)) console.log(`${r.setup}, round ${r.round}, the servers logged: ${r.logged}`);
console.log('\nGoals (on the means over the rounds)');
console.table(goals.map((g) => ({ ...g, holds: g.holds ? 'yes' : 'NO' })));
const out = resolve(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'cluster.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, seconds: SECONDS, runs, goals }, null, 2));
console.log(`\nwritten to ${join(out, 'cluster.json')}`);

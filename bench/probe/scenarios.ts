/**
 * The crowd scenarios of `npm run bench` and `npm run bench:crowd`: rooms of probe clients against
 * Olifant, the reference `@y/websocket-server` and the echo relay that calibrates the harness; every
 * goal with its figure, the harness's ceiling beside it, and a verdict the harness can vouch for.
 *
 * Why: a verdict is only worth printing where the load generator is not the limit. The rule: a goal on
 * latency gets "harness-limited" instead of a verdict when the echo relay, under the same scenario,
 * already shows a p99 above half the goal or drops; any goal gets it when the harness's own event-loop
 * lag p99 is above its bound (a quarter of a latency goal, else 50 ms) or it sent less than 95 % of
 * the moves the scenario asks for. The echo run and the run it calibrates use one set of probe settings
 * (people, seconds, cursor rate, threads); runs whose settings differ calibrate nothing, and the goal
 * gets "harness-limited". `sideBySide` prints the echo run beside the runs it calibrates.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { BUILT_CLIENT_DIR, launchBrowser } from '../../tests/helpers/browser.ts';
import { startEcho, startOlifant, startReference, type BenchServer } from '../peers.ts';
import { runCrowd, runJoins, type CrowdResult, type JoinResult } from './run.ts';
import { openTablet, type TabletFrames } from './tablet.ts';

export interface CrowdOptions {
  people: number;
  large: number;
  small: number;
  seconds: number;
  workers: number;
  joins: number;
  joinNotes: number;
  /** Scenarios to run: crowd (with the reference), large, presence, joins, tablet. */
  only?: string[];
}

export const CROWD_DEFAULTS: CrowdOptions = { people: 300, large: 600, small: 30, seconds: 10, workers: 2, joins: 64, joinNotes: 5000 };

export type Verdict = 'holds' | 'does not hold' | 'harness-limited';
export interface CrowdGoal {
  goal: string;
  figure: string;
  ceiling: string;
  verdict: Verdict;
}

export interface CrowdFigures {
  echo?: CrowdResult;
  olifant?: CrowdResult;
  reference?: CrowdResult;
  echoLarge?: CrowdResult;
  large?: CrowdResult;
  small?: CrowdResult;
  joins?: JoinResult;
  tablet?: { frames: TabletFrames; room: CrowdResult };
}

const ROOT = resolve(import.meta.dirname, '../..');
const LAG_BOUND_MS = 50;

async function onServer<T>(start: () => Promise<BenchServer>, run: (s: BenchServer) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

async function room(server: BenchServer) {
  return { ...(await server.room('Crowd')), holdsBoard: server.name !== 'echo' };
}

const CURSOR_HZ = 5;
/** The probe settings of a room of `people`: the same for the echo run and every server's run. */
export const probeSettings = (people: number, o: CrowdOptions) => ({ people, seconds: o.seconds, workers: o.workers, cursorHz: CURSOR_HZ });

const crowd = (people: number, o: CrowdOptions) => (s: BenchServer) =>
  room(s).then((target) => runCrowd(target, { ...probeSettings(people, o), serverPid: s.pid }));

/** Runs the scenarios `o.only` names (all by default), each on a fresh server. */
export async function runCrowdScenarios(o: CrowdOptions, say: (line: string) => void = console.log): Promise<CrowdFigures> {
  const want = (name: string) => !o.only || o.only.includes(name);
  const f: CrowdFigures = {};
  if (want('crowd')) {
    f.echo = await onServer(startEcho, crowd(o.people, o));
    say(`crowd: echo relay, ${o.people} people: p99 ${f.echo.p99} ms, harness lag p99 ${f.echo.lagP99.toFixed(1)} ms`);
    f.olifant = await onServer(() => startOlifant(), crowd(o.people, o));
    say(`crowd: Olifant, ${o.people} people: p99 ${f.olifant.p99} ms, ${f.olifant.drops} drops, ${f.olifant.lost} sockets lost, server CPU ${f.olifant.serverCpu} %`);
    f.reference = await onServer(startReference, crowd(o.people, o));
    say(`crowd: reference, ${o.people} people: p99 ${f.reference.p99} ms, ${f.reference.drops} drops, server CPU ${f.reference.serverCpu} %`);
  }
  if (want('large')) {
    f.echoLarge = await onServer(startEcho, crowd(o.large, o));
    say(`large: echo relay, ${o.large} people: p99 ${f.echoLarge.p99} ms, harness lag p99 ${f.echoLarge.lagP99.toFixed(1)} ms`);
    f.large = await onServer(() => startOlifant(), crowd(o.large, o));
    say(`large: Olifant, ${o.large} people: p99 ${f.large.p99} ms, ${f.large.drops} drops`);
  }
  if (want('presence')) {
    f.small = await onServer(() => startOlifant(), crowd(o.small, o));
    say(`presence: Olifant, ${o.small} people: ${f.small.presenceBytes} B per device per second`);
    if (!f.olifant) f.olifant = await onServer(() => startOlifant(), crowd(o.people, o));
  }
  if (want('joins')) {
    const joins = await onServer(
      () => startOlifant(),
      (s) => room(s).then((target) => runJoins(target, { devices: o.joins, notes: o.joinNotes, workers: o.workers })),
    );
    f.joins = joins;
    say(`joins: ${o.joins} devices, ${o.joinNotes} notes: all sent within ${joins.allMs} ms`);
  }
  if (want('tablet')) {
    execFileSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'server/scripts/ensureClient.ts')], { cwd: ROOT, stdio: 'inherit' });
    const browser = await launchBrowser();
    try {
      f.tablet = await onServer(
        () => startOlifant({ OLIFANT_CLIENT_DIR: BUILT_CLIENT_DIR }),
        async (s) => {
          const target = await room(s);
          const tablet = await openTablet(browser, target.link!);
          mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
          let frames: TabletFrames | undefined;
          const during = async () => {
            await new Promise((r) => setTimeout(r, 1000)); // the first moves and cursors arrive
            frames = await tablet.record(Math.max(2, o.seconds - 2), join(ROOT, `bench/results/tablet-${o.people}.png`));
          };
          const roomResult = await runCrowd(target, { ...probeSettings(o.people, o), serverPid: s.pid, during });
          await tablet.close();
          return { frames: frames!, room: roomResult };
        },
      );
    } finally {
      await browser.close();
    }
    say(`tablet: ${o.people} people: p95 frame ${f.tablet.frames.p95.toFixed(1)} ms`);
  }
  return f;
}

/** Whether the harness, not the server, may be the limit of `run` (see the rule at the top). */
function harnessLimited(run: CrowdResult, lagBound: number, echo?: CrowdResult, latencyGoal?: number): boolean {
  const offered = run.moves >= 0.95 * run.people * run.seconds;
  if (!offered || run.lagP99 > lagBound) return true;
  if (latencyGoal === undefined) return false;
  return !echo || !sameSettings(echo, run) || echo.p99 > latencyGoal / 2 || echo.drops > 0 || echo.lagP99 > lagBound || echo.moves < 0.95 * echo.people * echo.seconds;
}

const sameSettings = (a: CrowdResult, b: CrowdResult) =>
  a.people === b.people && a.seconds === b.seconds && a.cursorHz === b.cursorHz && a.workers === b.workers;

/**
 * The echo run of each scenario beside the server runs it calibrates, one row per run, with the
 * settings they ran under: the harness's ceiling and the server's figures read across.
 */
export function sideBySide(f: CrowdFigures): Record<string, string | number>[] {
  const runs: [string, string, CrowdResult | undefined][] = [
    ['crowd', 'echo relay', f.echo], ['crowd', 'Olifant', f.olifant], ['crowd', 'reference', f.reference],
    ['large', 'echo relay', f.echoLarge], ['large', 'Olifant', f.large], ['presence', 'Olifant', f.small],
  ];
  return runs.filter((r): r is [string, string, CrowdResult] => !!r[2]).map(([scenario, server, r]) => ({
    scenario,
    server,
    settings: `${r.people} people, ${r.seconds} s, ${r.cursorHz} cursors/s, ${r.workers} threads`,
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    drops: r.drops,
    'sent %': Math.round((r.moves / (r.people * r.seconds)) * 1000) / 10,
    'presence B/s': r.presenceBytes,
    'harness lag p99 ms': Math.round(r.lagP99 * 10) / 10,
    'harness CPU %': r.harnessCpu,
    'server CPU %': r.serverCpu,
  }));
}

const verdict = (limited: boolean, holds: boolean): Verdict => (limited ? 'harness-limited' : holds ? 'holds' : 'does not hold');
const ceilingOf = (echo: CrowdResult | undefined, run: CrowdResult) =>
  `${echo ? `echo p99 ${echo.p99} ms, ${echo.drops} drops; ` : ''}harness lag p99 ${run.lagP99.toFixed(1)} ms, harness CPU ${run.harnessCpu} %`;

/** Every goal of the crowd scenarios that ran, with figure, ceiling and verdict. */
export function crowdGoals(f: CrowdFigures, o: CrowdOptions): CrowdGoal[] {
  const goals: CrowdGoal[] = [];
  if (f.olifant && f.echo) {
    const r = f.olifant;
    goals.push({ goal: `${o.people} people: p99 write-to-everyone ≤ 150 ms`, figure: `${r.p99} ms (p50 ${r.p50}, max ${r.max})`, ceiling: ceilingOf(f.echo, r), verdict: verdict(harnessLimited(r, 150 / 4, f.echo, 150), r.p99 <= 150) });
    goals.push({ goal: `${o.people} people: 0 drops`, figure: `${r.drops} of ${r.expected.toLocaleString('en')}`, ceiling: ceilingOf(f.echo, r), verdict: verdict(harnessLimited(r, LAG_BOUND_MS, f.echo, 150), r.drops === 0) });
  }
  if (f.olifant && f.reference) {
    const [a, b] = [f.olifant, f.reference];
    const ratio = Math.round((a.serverCpu / b.serverCpu) * 100) / 100;
    goals.push({ goal: `${o.people} people: server CPU ≤ 0.5× the reference's`, figure: `${a.serverCpu} vs ${b.serverCpu} %: ${ratio}× (reference p99 ${b.p99} ms, ${b.drops.toLocaleString('en')} drops)`, ceiling: `harness lag p99 ${a.lagP99.toFixed(1)} / ${b.lagP99.toFixed(1)} ms`, verdict: verdict(harnessLimited(a, LAG_BOUND_MS) || harnessLimited(b, LAG_BOUND_MS), ratio <= 0.5) });
  }
  if (f.large && f.echoLarge) {
    const r = f.large;
    goals.push({ goal: `${o.large} people: p99 ≤ 300 ms`, figure: `${r.p99} ms (p50 ${r.p50}, ${r.drops} drops)`, ceiling: ceilingOf(f.echoLarge, r), verdict: verdict(harnessLimited(r, 300 / 4, f.echoLarge, 300), r.p99 <= 300) });
  }
  if (f.small && f.olifant) {
    const [big, small] = [f.olifant, f.small];
    const ratio = Math.round((big.presenceBytes / small.presenceBytes) * 100) / 100;
    goals.push({ goal: `presence bytes per device per second: ${o.people} ≤ 2× ${o.small} people`, figure: `${big.presenceBytes.toLocaleString('en')} vs ${small.presenceBytes.toLocaleString('en')} B/s: ${ratio}×`, ceiling: `harness lag p99 ${big.lagP99.toFixed(1)} / ${small.lagP99.toFixed(1)} ms`, verdict: verdict(harnessLimited(big, LAG_BOUND_MS) || harnessLimited(small, LAG_BOUND_MS), ratio <= 2) });
  }
  if (f.joins) {
    const j = f.joins;
    goals.push({ goal: `${o.joins} joins of a ${o.joinNotes.toLocaleString('en')}-note board: full state sent to all ≤ 1 s`, figure: `${j.allMs} ms (p50 ${j.p50Ms}; ${(j.stateBytes / 1e6).toFixed(2)} MB each; decoding it: ${j.decodeMs} ms per device, not included)`, ceiling: `harness lag p99 ${j.lagP99} ms`, verdict: verdict(j.lagP99 > 1000 / 4, j.allMs <= 1000) });
  }
  if (f.tablet) {
    const t = f.tablet;
    goals.push({ goal: `tablet in a ${o.people}-person room: p95 frame ≤ 20 ms`, figure: `${t.frames.p95.toFixed(1)} ms (p50 ${t.frames.p50.toFixed(1)}, max ${t.frames.max.toFixed(0)}, ${t.frames.frames} frames; room p99 ${t.room.p99} ms)`, ceiling: `harness lag p99 ${t.room.lagP99.toFixed(1)} ms`, verdict: verdict(harnessLimited(t.room, LAG_BOUND_MS), t.frames.p95 <= 20) });
  }
  return goals;
}

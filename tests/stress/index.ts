/**
 * `npm run stress`: the full runs of the reliability tests (their short versions run in `npm test`),
 * each goal printed with its figure and whether it holds; results in tests/stress/results/stress.json.
 * `STRESS_ONLY=fuzz,soak` runs only those (`cluster`: the multi-server faults); `STRESS_SEED` fixes the seeds.
 *
 * Why: the server's reliability goals are figures from long runs (a million frames, a thousand seeds,
 * half an hour of soak) that do not belong in a test suite; this prints them for docs/reliability.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { runSeed, startConvergenceServer, type SeedResult } from './convergence.ts';
import { runClusterStress } from './clusterGoals.ts';
import { runCrashTrials } from './crash.ts';
import { runFlood } from './flood.ts';
import { runFuzz } from './fuzz.ts';
import { runSoak } from './soak.ts';
import { CONFERENCE_NOTES, RSS_CEILING_MIB, soakVerdicts } from './soakMemory.ts';
import { runSpoofing } from './spoof.ts';
import { runStorage } from './storage.ts';

process.setMaxListeners(0);
const only = process.env.STRESS_ONLY?.split(',').map((s) => s.trim());
const wanted = (name: string) => !only || only.includes(name);
const seed = Number(process.env.STRESS_SEED ?? Date.now() % 1_000_000);
const log = (line: string) => console.log(line);
const goals: { goal: string; figure: string; holds: boolean }[] = [];
const results: Record<string, unknown> = { date: new Date().toISOString(), machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`, seed };
const goal = (text: string, figure: string, holds: boolean) => {
  goals.push({ goal: text, figure, holds });
  log(`${holds ? 'HOLDS' : 'NOT MET'}  ${text}: ${figure}`);
};

if (wanted('fuzz')) {
  const f = await runFuzz({ frames: 1_000_000, seed, concurrency: 24, progress: log });
  results.fuzz = f;
  goal('1,000,000 fuzzed frames: 0 crashes', `${f.framesRead} frames read in ${f.seconds.toFixed(0)} s, ${f.crashes} crashes, ${f.internalErrors} internal errors`, f.crashes === 0 && f.internalErrors === 0 && f.framesRead >= 1_000_000);
  goal('  0 event-loop stalls over 100 ms', `longest ${f.maxStallMs.toFixed(0)} ms, ${f.stallsOver100Ms} reads over 100 ms`, f.stallsOver100Ms === 0);
  goal("  the healthy client's p99 under 250 ms", `p50 ${f.healthy.p50.toFixed(1)} ms, p99 ${f.healthy.p99.toFixed(1)} ms over ${f.healthy.edits} edits; converged ${f.converged}, reloaded ${f.reloaded}`, f.healthy.p99 < 250 && f.converged && f.reloaded);
}

if (wanted('convergence')) {
  const handle = await startConvergenceServer();
  const failed: SeedResult[] = [];
  let restarts = 0;
  let disconnects = 0;
  let next = 0;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < 1000) {
        const r = await runSeed(handle, seed + next++, 200, 8);
        restarts += r.restarts;
        disconnects += r.disconnects;
        if (!r.identical) {
          failed.push(r);
          log(`convergence: seed ${r.seed} FAILED: ${r.problem}`);
        }
        if (++done % 100 === 0) log(`convergence: ${done} seeds`);
      }
    }),
  );
  await handle.close();
  results.convergence = { seeds: 1000, failed, restarts, disconnects, seconds: (performance.now() - started) / 1000 };
  goal('1,000 seeds x 200 operations x 8 clients: 100% identical', `${1000 - failed.length}/1000 identical (${restarts} restarts, ${disconnects} disconnects)${failed.length ? `; failing seeds ${failed.map((r) => r.seed).join(', ')}` : ''}`, failed.length === 0);
}

if (wanted('crash')) {
  const normal = await runCrashTrials({ trials: 20, clients: 64, boardNotes: 5000, compactEvery: 500, progress: log });
  // A compaction due at every update, at most every 200 ms, each kill timed as the next one starts.
  const compacting = await runCrashTrials({ trials: 10, clients: 64, boardNotes: 5000, compactEvery: 1, compactMinIntervalMs: 200, killAsCompactionStarts: true, progress: log });
  results.crash = { normal, compacting };
  goal('20 kill -9 trials, 64 clients editing: 0 received updates lost', `${normal.lostItems} items lost; ${normal.notConverged} trials not converged in 10 s; slowest ${normal.maxConvergeMs.toFixed(0)} ms`, normal.lostItems === 0 && normal.notConverged === 0);
  const catchUps = compacting.catchUps.map((c) => `${c.compactions}/${c.appends}`).join(', ');
  const coalesced = compacting.catchUps.every((c) => c.compactions <= c.allowed);
  goal('  and 10 more during compaction, each converged within 5 s', `${compacting.lostItems} items lost; compacting ${(compacting.compactionShare * 100).toFixed(0)}% of the editing time; slowest ${compacting.maxConvergeMs.toFixed(0)} ms; compactions/stored turns per catch-up ${catchUps}`, compacting.lostItems === 0 && compacting.notConverged === 0 && compacting.maxConvergeMs < 5000 && coalesced);
}

if (wanted('spoof')) {
  const s = await runSpoofing(10_000);
  results.spoof = s;
  goal('10,000 write and awareness attempts from projector tokens and spoofed identities: 0 took effect', `${s.attempts} attempts, ${s.tookEffect} took effect`, s.tookEffect === 0 && s.attempts >= 10_000);
}

if (wanted('flood')) {
  const f = await runFlood(30);
  results.flood = f;
  goal("One client sending 1,000 updates/s: throttled, the others' p95 under 200 ms", `others p95 ${f.othersP95.toFixed(1)} ms (p50 ${f.othersP50.toFixed(1)}), ${f.othersDrops} drops; flooder slowed ${f.throttled} times and closed ${f.floodClosed} times, ${f.floodArrived}/${f.flooded} of its edits through`, f.othersP95 < 200 && f.othersDrops === 0 && f.throttled > 0);
}

if (wanted('storage')) {
  const s = await runStorage(100_000);
  results.storage = s;
  goal('Stored bytes after 100,000 edits <= 2x the compacted snapshot', `${(s.storedBytes / 1024).toFixed(0)} KiB stored, ${(s.compactedBytes / 1024).toFixed(0)} KiB compacted: ${s.ratio.toFixed(2)}x`, s.ratio <= 2);
}

if (wanted('soak')) {
  const minutes = Number(process.env.STRESS_SOAK_MINUTES ?? 30);
  const s = await runSoak({ minutes, boardNotes: CONFERENCE_NOTES, freshBoard: true, progress: log });
  results.soak = s;
  const v = soakVerdicts({ ...s, soak: s.heap, fresh: s.freshHeap });
  goal(`${minutes}-minute soak, 64 clients: heap after a full GC grows per new item within 10% of a fresh board's`, v.memory.figure, v.memory.holds);
  goal('  no latency creep (last fifth p99 within +10 ms or +50% of the second fifth)', v.latency.figure, v.latency.holds);
  goal(`  RSS under ${RSS_CEILING_MIB} MiB on a ${CONFERENCE_NOTES.toLocaleString('en')}-note board`, v.rss.figure, v.rss.holds);
}

if (wanted('cluster')) results.cluster = await runClusterStress({ trials: 20, clients: 64, goal, progress: log });

const dir = resolve(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(resolve(dir, 'stress.json'), `${JSON.stringify({ ...results, goals }, null, 2)}\n`);
console.log(`\n${results.machine as string}, ${results.date as string}, seed ${seed}`);
console.log('| Goal | Figure | Holds |\n|---|---|---|');
for (const g of goals) console.log(`| ${g.goal.trim()} | ${g.figure} | ${g.holds ? 'yes' : '**no**'} |`);
process.exit(0);

/**
 * `npm run stress` (`STRESS_ONLY=cluster`): the multi-server runs full size on one three-server
 * cluster, each figure printed against its goal: 0 updates lost in every fault, the board served
 * again within 5 s of its owner's death and every client converged within 10 s after that, every
 * client resynced within 5 s of PostgreSQL's restart.
 *
 * Why: the goals are figures from many trials with a full room, which do not belong in a test suite;
 * the short versions of the same functions are `tests/integration/cluster*.test.ts`.
 */
import { startPostgres } from '../engines/postgres.ts';
import { startCluster } from '../helpers/cluster.ts';
import { percentile } from '../helpers/clusterBoards.ts';
import { runClusterConvergence, runOwnerKillTrials } from './cluster.ts';
import { runFencedWrite, runFrozenOwner, runPostgresRestart, runRedisKill, runTunnelKill } from './clusterFaults.ts';

type Goal = (text: string, figure: string, holds: boolean) => void;

const LEASE_MS = 3_000;
const s = (ms: number | undefined) => (ms === undefined ? 'never' : `${(ms / 1000).toFixed(2)} s`);
const worst = (list: readonly (number | undefined)[]) => (list.some((ms) => ms === undefined) ? undefined : Math.max(0, ...(list as number[])));

/** Runs every multi-server fault full size and reports each goal through `goal`; returns the figures. */
export async function runClusterStress(options: { trials: number; clients: number; goal: Goal; progress: (line: string) => void }): Promise<Record<string, unknown>> {
  const { goal, progress, clients } = options;
  const postgres = await startPostgres();
  const cluster = await startCluster({ postgres, leaseMs: LEASE_MS, env: { OLIFANT_TRUSTED_PROXIES: '127.0.0.1', OLIFANT_LOG_LEVEL: 'error' } });
  const on = { cluster, progress };
  try {
    const convergence = await runClusterConvergence({ ...on, clients, editMs: 10_000 });
    goal(`${clients} clients on one board through three servers: all converge, 0 lost`, `converged ${s(convergence.convergeMs)} after ${convergence.edits} edits (sockets per server ${convergence.perNode.join('/')}); ${convergence.lostItems} items lost`, convergence.convergeMs !== undefined && convergence.lostItems === 0);
    const lock = convergence.lock!;
    goal('  writes under a lock set through another server: 0 applied', `${lock.attempts} attempts, ${lock.applied} applied (${lock.appliedAfterLift} raw after the lift); frame changes closed with ${lock.frameCloses.join(', ')}`, lock.applied === 0 && lock.appliedAfterLift === 0 && lock.frameCloses.every((c) => c === 4403));

    const kills = await runOwnerKillTrials({ ...on, trials: options.trials, clients });
    const served = worst(kills.servedMs);
    const together = worst(kills.convergedMs);
    goal(`${kills.trials} kill -9 trials of the owner, ${clients} clients editing: 0 received updates lost`, `${kills.lostBeforeReconnect} items missing from PostgreSQL before anyone reconnected, ${kills.lostAfter} after; ${kills.notTakenOver} trials not taken over; ${kills.editsPerTrial.toFixed(0)} edits per trial`, kills.lostBeforeReconnect === 0 && kills.lostAfter === 0 && kills.notTakenOver === 0);
    goal('  the board served again within 5 s', `slowest ${s(served)}, median ${s(percentile(kills.servedMs.filter((m) => m !== undefined), 0.5))}`, served !== undefined && served <= 5_000);
    goal('  every client converged within 10 s after that', `slowest ${s(together)}, median ${s(percentile(kills.convergedMs.filter((m) => m !== undefined), 0.5))}`, together !== undefined && together <= 10_000);

    const tunnel = await runTunnelKill({ ...on, clients });
    goal('A tunnelling server killed: 0 lost, the owner kept', `${tunnel.lostItems} items lost; converged ${s(tunnel.convergedMs)} after the kill; owner kept ${tunnel.ownerKept}`, tunnel.lostItems === 0 && tunnel.ownerKept && tunnel.convergedMs !== undefined);

    const frozen = await runFrozenOwner({ ...on, clients, freezeMs: LEASE_MS * 1.5 });
    goal('The owner frozen (SIGSTOP) past its lease: replaced, and 0 rows written once woken', `${frozen.stillOwner ? '' : 'the board had ALREADY MOVED from the frozen server; '}served by ${frozen.newOwner ?? 'nobody'} after ${s(frozen.servedMs)}; the old owner wrote ${frozen.writtenByOldOwner} items, closed with ${frozen.oldOwnerClose}; converged ${s(frozen.convergedMs)} after the thaw; ${frozen.lostItems} lost`, frozen.stillOwner && frozen.writtenByOldOwner === 0 && frozen.lostItems === 0 && frozen.newOwner !== undefined && frozen.newOwner !== frozen.frozenOwner && frozen.convergedMs !== undefined);
    const fenced = await runFencedWrite(on);
    goal("  an owner whose lease was taken while paused: its append writes 0 rows", `${fenced.written} items written; closed with ${fenced.closeCode}`, fenced.written === 0);

    const redis = await runRedisKill({ ...on, clients });
    goal('Redis kill -9 and restart: boards served throughout, 0 lost', `served by each server while down in ${redis.servedWhileDownMs.map(s).join(', ')}; a new board while down: ${redis.newBoardWhileDown}; converged ${s(redis.convergedWhileDownMs)} while down, ${s(redis.convergedMs)} after; ${redis.lostItems} lost`, redis.lostItems === 0 && redis.newBoardWhileDown && redis.servedWhileDownMs.every((m) => m !== undefined) && redis.convergedMs !== undefined);

    const pg = await runPostgresRestart({ ...on, clients });
    goal('PostgreSQL immediate stop and start: every client resynced within 5 s, 0 lost', `resynced ${s(pg.convergedMs)} after the start; ${pg.lostReceived} received items lost, ${pg.lostItems} in all; clients saw ${pg.closeCodes.join(', ')}`, pg.convergedMs !== undefined && pg.convergedMs <= 5_000 && pg.lostItems === 0 && pg.lostReceived === 0);
    return { convergence, kills, tunnel, frozen, fenced, redis, postgres: pg };
  } finally {
    await cluster.close();
    postgres.destroy();
  }
}

/**
 * Faults of a three-server deployment on a real PostgreSQL and Redis, while stock clients edit one
 * board through a round-robin balancer: the owner killed (kill -9) mid-burst, a tunnelling server
 * killed, the owner frozen (SIGSTOP) past its lease and woken, the owner's lease taken while it was
 * paused, Redis killed and started again, PostgreSQL stopped at once and started again.
 *
 * Why: the promise of several servers is that none of them, nor Redis, is a point of failure, and that
 * PostgreSQL's own restart costs nothing committed: in every fault, nothing any client had received is
 * lost, another server serves the board, and everyone converges. A server that was only slow must not
 * write after another took over. The figures against the goals are printed by `npm run stress`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../engines/postgres.ts';
import { startCluster, type TestCluster } from '../helpers/cluster.ts';
import { runOwnerKillTrials } from '../stress/cluster.ts';
import { runFencedWrite, runFrozenOwner, runPostgresRestart, runRedisKill, runTunnelKill } from '../stress/clusterFaults.ts';

const LEASE_MS = 3_000;
let postgres: TestPostgres;
let cluster: TestCluster;

beforeAll(async () => {
  postgres = await startPostgres();
  cluster = await startCluster({ postgres, leaseMs: LEASE_MS, env: { OLIFANT_TRUSTED_PROXIES: '127.0.0.1' } });
}, 120_000);

afterAll(async () => {
  await cluster?.close();
  postgres?.destroy();
});

describe('a server dies', () => {
  it('the owner killed mid-burst, three times: PostgreSQL held all anyone had received, another server serves the board, all converge', async () => {
    const f = await runOwnerKillTrials({ cluster, trials: 3, clients: 8 });
    expect(f.editsPerTrial).toBeGreaterThan(10);
    expect(f.lostBeforeReconnect).toBe(0);
    expect(f.servedMs.every((ms) => ms !== undefined)).toBe(true);
    expect(f.notTakenOver).toBe(0);
    expect(f.convergedMs.every((ms) => ms !== undefined)).toBe(true);
    expect(f.lostAfter).toBe(0);
  }, 120_000);

  it('a server that only tunnels clients to the owner is killed: its clients come back through the others, the owner stays', async () => {
    const f = await runTunnelKill({ cluster, clients: 9 });
    expect(f.ownerKept).toBe(true);
    expect(f.convergedMs).toBeDefined();
    expect(f.lostItems).toBe(0);
    expect(f.processesAlive).toBe(true);
  }, 60_000);
});

describe('a server is only slow', () => {
  it('the owner frozen past its lease is replaced, and once woken writes nothing for the board', async () => {
    const f = await runFrozenOwner({ cluster, clients: 8, freezeMs: LEASE_MS * 1.5 });
    expect(f.stillOwner).toBe(true);
    expect(f.newOwner).toBeDefined();
    expect(f.newOwner).not.toBe(f.frozenOwner);
    expect(f.servedMs).toBeDefined();
    expect(f.writtenByOldOwner).toBe(0);
    expect(f.oldOwnerClose).toBe(1012);
    expect(f.convergedMs).toBeDefined();
    expect(f.lostItems).toBe(0);
  }, 60_000);

  it('an owner whose lease was taken while it was paused for a moment writes nothing, and closes the socket', async () => {
    const f = await runFencedWrite({ cluster });
    expect(f.written).toBe(0);
    expect(f.closeCode).toBe(1012);
    expect(f.servedAfter).toBe(true);
  }, 60_000);
});

describe('an engine fails', () => {
  it('Redis killed: every server goes on serving the board and making boards; Redis back: nothing lost', async () => {
    const f = await runRedisKill({ cluster, clients: 8 });
    expect(f.servedWhileDownMs.every((ms) => ms !== undefined)).toBe(true);
    expect(f.newBoardWhileDown).toBe(true);
    expect(f.convergedWhileDownMs).toBeDefined();
    expect(f.convergedMs).toBeDefined();
    expect(f.lostItems).toBe(0);
    expect(f.processesAlive).toBe(true);
  }, 90_000);

  it('PostgreSQL stopped at once: the rooms close their sockets; started again: the clients resync and nothing committed is lost', async () => {
    const f = await runPostgresRestart({ cluster, clients: 8 });
    expect(f.closeCodes).toContain(4500);
    expect(f.processesAlive).toBe(true);
    expect(f.convergedMs).toBeDefined();
    expect(f.lostReceived).toBe(0);
    expect(f.lostItems).toBe(0);
  }, 90_000);
});

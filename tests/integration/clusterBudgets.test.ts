/**
 * The budgets several servers share through Redis: new boards per address, new people, sockets per
 * address; and each server's share of them while Redis is down, against a real Redis of the test's own.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { ClusterNode, ClusterNodeOptions } from '../../server/cluster/clusterNode.ts';
import { SOCKETS_KEY_PREFIX } from '../../server/cluster/sharedSockets.ts';
import { startRedis, type TestRedis } from '../engines/redis.ts';
import { inspector, sleep, startNode, until } from '../helpers/clusterNodes.ts';

let redis: TestRedis;
let look: Redis;
const nodes: ClusterNode[] = [];

async function node(id: string, overrides: Partial<ClusterNodeOptions> = {}): Promise<ClusterNode> {
  const n = await startNode(redis.url, id, overrides);
  nodes.push(n);
  return n;
}

/** Whether Redis is up and every node of `list` talks to it again, with its heartbeat written. */
async function allBack(list: ClusterNode[]): Promise<void> {
  await until('the nodes use Redis again', () => list.every((n) => n.status() === 'ok'));
  // Each node wrote its heartbeat and its socket counts again when Redis was ready; a beat is queued after them.
  for (const n of list) await n.heartbeats.beat();
}

beforeAll(async () => {
  redis = await startRedis();
  look = inspector(redis.url);
});

afterEach(async () => {
  for (const n of nodes.splice(0)) n.destroy();
  if (redis.pid() === undefined) redis.start();
  await until('the inspector is connected', () => look.status === 'ready');
  await look.flushall();
});

afterAll(async () => {
  look.disconnect();
  await redis.destroy();
});

describe('an hourly budget shared by two servers', () => {
  it('allows exactly its size across both, taken in turns', async () => {
    const a = await node('turns-a', { newBoardsPerHour: 5 });
    const b = await node('turns-b', { newBoardsPerHour: 5 });
    const answers: boolean[] = [];
    for (let i = 0; i < 8; i++) answers.push(await (i % 2 === 0 ? a : b).newBoards.take('10.0.0.7'));
    expect(answers).toEqual([true, true, true, true, true, false, false, false]);
    // Another address has a budget of its own; an IPv6 client's is its /64's, on every server.
    expect(await b.newBoards.take('10.0.0.8')).toBe(true);
    const v6: boolean[] = [];
    for (let i = 0; i < 6; i++) v6.push(await (i % 2 === 0 ? a : b).newBoards.takeForAddress(`2001:db8:0:7::${i + 1}`));
    expect(v6).toEqual([true, true, true, true, true, false]);
    expect([a.newBoards.lastSource, b.newBoards.lastSource]).toEqual(['redis', 'redis']);
  });

  it('allows exactly its size when both take at once', async () => {
    const a = await node('once-a', { newPeoplePerHour: 7 });
    const b = await node('once-b', { newPeoplePerHour: 7 });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).newPeople.take()));
    expect(answers.filter(Boolean)).toHaveLength(7);
  });

  it('goes on with each server’s share while Redis is down, and back to the shared budget after', async () => {
    const a = await node('down-a', { newBoardsPerHour: 6 });
    const b = await node('down-b', { newBoardsPerHour: 6 });
    const c = await node('down-c', { newBoardsPerHour: 6 });
    for (const n of [a, b, c]) await n.heartbeats.beat();
    expect(await a.newBoards.take('10.0.0.9')).toBe(true); // from Redis
    await redis.kill9();
    // Three servers were alive: each may make 6 / 3 = 2 on its own. No take hangs or throws.
    const aDown = [await a.newBoards.take('10.0.0.9'), await a.newBoards.take('10.0.0.9'), await a.newBoards.take('10.0.0.9')];
    expect(aDown).toEqual([true, true, false]);
    expect(a.newBoards.lastSource).toBe('local');
    expect([await b.newBoards.take('10.0.0.9'), await b.newBoards.take('10.0.0.9'), await b.newBoards.take('10.0.0.9')]).toEqual([true, true, false]);
    expect(a.status()).toBe('down');

    redis.start();
    await allBack([a, b, c]);
    // Redis came back empty: the shared budget is whole again, and shared again.
    const answers: boolean[] = [];
    for (let i = 0; i < 8; i++) answers.push(await [a, b, c][i % 3]!.newBoards.take('10.0.0.9'));
    expect(answers).toEqual([true, true, true, true, true, true, false, false]);
    expect(c.newBoards.lastSource).toBe('redis');
  });

  it('does not wait on a Redis that stopped answering: past the command timeout, the share decides', async () => {
    const a = await node('slow-a', { newBoardsPerHour: 4 });
    const b = await node('slow-b', { newBoardsPerHour: 4 });
    for (const n of [a, b]) await n.heartbeats.beat();
    const pid = redis.pid()!;
    process.kill(pid, 'SIGSTOP');
    try {
      // Two servers: a share of 2 each. The first take waits out the timeout; then Redis is not asked for a while.
      expect([await a.newBoards.take('10.5.0.1'), await a.newBoards.take('10.5.0.1'), await a.newBoards.take('10.5.0.1')]).toEqual([true, true, false]);
      expect(a.newBoards.lastSource).toBe('local');
      expect(a.status()).toBe('down');
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await until('a asks Redis again', async () => (await a.newBoards.take('10.5.0.9')) && a.newBoards.lastSource === 'redis');
    expect(a.status()).toBe('ok');
  });

  it('answers at once with the share when Redis cannot be reached at all', async () => {
    const alone = await startNode('redis://127.0.0.1:1', 'alone', { newBoardsPerHour: 3, commandTimeoutMs: 200 });
    nodes.push(alone);
    expect(alone.status()).toBe('down');
    const answers = await Promise.all(Array.from({ length: 4 }, () => alone.newBoards.take('10.0.0.1')));
    expect(answers).toEqual([true, true, true, false]);
    expect(alone.heartbeats.liveCount()).toBe(1);
  });
});

describe('sockets per address across servers', () => {
  it('are counted across both and released', async () => {
    const a = await node('sock-a', { maxConnectionsPerIp: 3 });
    const b = await node('sock-b', { maxConnectionsPerIp: 3 });
    expect(await a.sockets.take('10.2.0.1')).toBe(true);
    expect(await a.sockets.take('10.2.0.1')).toBe(true);
    expect(await b.sockets.take('10.2.0.1')).toBe(true);
    expect(await b.sockets.take('10.2.0.1')).toBe(false);
    expect(await a.sockets.take('10.2.0.1')).toBe(false);
    // Another address is not affected; an IPv6 client counts by its /64 on every server.
    expect(await b.sockets.take('10.2.0.2')).toBe(true);
    expect(await a.sockets.take('2001:db8:0:1::a')).toBe(true);
    expect(await a.sockets.take('2001:db8:0:1::b')).toBe(true);
    expect(await b.sockets.take('2001:db8:0:1:ffff::c')).toBe(true);
    expect(await b.sockets.take('2001:db8:0:1:1:1:1:1')).toBe(false);
    await a.sockets.release('10.2.0.1');
    expect(await b.sockets.take('10.2.0.1')).toBe(true);
    expect([a.sockets.held('10.2.0.1'), b.sockets.held('10.2.0.1')]).toEqual([1, 2]);
    for (const n of [a, b]) while (n.sockets.held('10.2.0.1') > 0) await n.sockets.release('10.2.0.1');
    expect(await look.exists(SOCKETS_KEY_PREFIX + '10.2.0.1')).toBe(0);
  });

  it('of a server that died stop counting once its heartbeat runs out', async () => {
    // Heartbeats of 2 s, to wait out.
    const a = await node('dead-a', { maxConnectionsPerIp: 2, leaseMs: 6000 });
    const b = await node('dead-b', { maxConnectionsPerIp: 2, leaseMs: 6000 });
    expect(await a.sockets.take('10.3.0.1')).toBe(true);
    expect(await a.sockets.take('10.3.0.1')).toBe(true);
    expect(await b.sockets.take('10.3.0.1')).toBe(false);
    const died = Date.now();
    a.destroy();
    await sleep(Math.max(0, died + a.heartbeats.ttlMs + 100 - Date.now()));
    expect(await b.sockets.take('10.3.0.1')).toBe(true);
    expect(await b.sockets.take('10.3.0.1')).toBe(true);
    expect(await b.sockets.take('10.3.0.1')).toBe(false);
  });

  it('are held to each server’s share while Redis is down, and known again when it is back empty', async () => {
    const a = await node('redo-a', { maxConnectionsPerIp: 4 });
    const b = await node('redo-b', { maxConnectionsPerIp: 4 });
    for (const n of [a, b]) await n.heartbeats.beat();
    expect(await a.sockets.take('10.4.0.1')).toBe(true);
    await redis.kill9();
    // Two servers alive: each admits up to 4 / 2 = 2 of its own.
    expect(await a.sockets.take('10.4.0.1')).toBe(true);
    expect(await a.sockets.take('10.4.0.1')).toBe(false);
    expect(await b.sockets.take('10.4.0.1')).toBe(true);
    expect(a.sockets.held('10.4.0.1')).toBe(2);
    redis.start();
    await allBack([a, b]);
    // The empty Redis learnt both counts (2 + 1): a third server may open one more socket, then none.
    const c = await node('redo-c', { maxConnectionsPerIp: 4 });
    expect(await c.sockets.take('10.4.0.1')).toBe(true);
    expect(await c.sockets.take('10.4.0.1')).toBe(false);
    expect(await a.sockets.take('10.4.0.1')).toBe(false);
    expect(await b.sockets.take('10.4.0.1')).toBe(false);
  });
});

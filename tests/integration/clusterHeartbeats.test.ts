/**
 * Servers see each other through Redis: heartbeats, a server that dies or stops, the control channel,
 * and Redis itself killed and started again, against a real Redis of the test's own.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { ClusterNode } from '../../server/cluster/clusterNode.ts';
import type { ControlMessages } from '../../server/cluster/controlChannel.ts';
import { CONTROL_CHANNEL } from '../../server/cluster/controlChannel.ts';
import { NODE_KEY_PREFIX } from '../../server/cluster/heartbeats.ts';
import { startRedis, type TestRedis } from '../engines/redis.ts';
import { inspector, sleep, startNode, until } from '../helpers/clusterNodes.ts';

let redis: TestRedis;
let look: Redis;
const nodes: ClusterNode[] = [];

async function node(id: string, leaseMs = 9000): Promise<ClusterNode> {
  const n = await startNode(redis.url, id, { leaseMs });
  nodes.push(n);
  return n;
}

beforeAll(async () => {
  redis = await startRedis();
  look = inspector(redis.url);
});

afterEach(async () => {
  for (const n of nodes.splice(0)) n.destroy();
  await look.flushall();
});

afterAll(async () => {
  look.disconnect();
  await redis.destroy();
});

describe('heartbeats', () => {
  it('each server sees the others with the URL they announced', async () => {
    const a = await node('hb-a');
    const b = await node('hb-b');
    await a.heartbeats.beat();
    expect(a.heartbeats.liveNodes().sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      { id: 'hb-a', url: 'http://hb-a.nodes.test:1234' },
      { id: 'hb-b', url: 'http://hb-b.nodes.test:1234' },
    ]);
    expect(b.heartbeats.isAlive('hb-a')).toBe(true);
    expect(b.heartbeats.urlOf('hb-a')).toBe('http://hb-a.nodes.test:1234');
    expect(b.heartbeats.isAlive('hb-nobody')).toBe(false);
    expect(a.status()).toBe('ok');
  });

  it('a server that dies without a word is gone for the others once its heartbeat runs out', async () => {
    // Heartbeats of 2 s: short enough to wait out, long enough to still be there right after the death.
    const a = await node('dies-a', 6000);
    const b = await node('dies-b', 6000);
    await b.heartbeats.beat();
    const gone: [string, string][] = [];
    b.heartbeats.onNodeGone((id, reason) => gone.push([id, reason]));
    const died = Date.now();
    a.destroy();
    // Its connection closing says nothing: it is still listed while its heartbeat lives.
    await b.heartbeats.beat();
    expect(b.heartbeats.isAlive('dies-a')).toBe(true);
    // One heartbeat life after its last beat, Redis has dropped it and the next reading says so.
    await sleep(Math.max(0, died + a.heartbeats.ttlMs + 100 - Date.now()));
    await b.heartbeats.beat();
    expect(b.heartbeats.isAlive('dies-a')).toBe(false);
    expect(gone).toEqual([['dies-a', 'expired']]);
    expect(await look.exists(NODE_KEY_PREFIX + 'dies-a')).toBe(0);
  });

  it('a server that stops cleanly is gone for the others at once, before its heartbeat would run out', async () => {
    // A long heartbeat (20 s), so that only the stop message can explain the server leaving in time.
    const a = await node('stops-a', 60_000);
    const b = await node('stops-b', 60_000);
    await b.heartbeats.beat();
    expect(b.heartbeats.isAlive('stops-a')).toBe(true);
    const gone: [string, string][] = [];
    b.heartbeats.onNodeGone((id, reason) => gone.push([id, reason]));
    await a.stop();
    await until('the stop is heard', () => gone.length > 0, 5000);
    expect(gone).toEqual([['stops-a', 'stopped']]);
    expect(b.heartbeats.isAlive('stops-a')).toBe(false);
    await b.heartbeats.beat();
    expect(b.heartbeats.liveNodes().map((n) => n.id)).toEqual(['stops-b']);
  });
});

describe('the control channel', () => {
  it('carries a link rotation to every other server, not back to its sender', async () => {
    const a = await node('ctl-a');
    const b = await node('ctl-b');
    const c = await node('ctl-c');
    const seen: Record<string, [ControlMessages['linkRotated'], string][]> = { a: [], b: [], c: [] };
    a.control.on('linkRotated', (m, from) => seen.a!.push([m, from]));
    b.control.on('linkRotated', (m, from) => seen.b!.push([m, from]));
    c.control.on('linkRotated', (m, from) => seen.c!.push([m, from]));
    const rotation = { boardId: 'Board12345678', role: 'participant', keyVersion: 4 } as const;
    expect(await a.control.publish('linkRotated', rotation)).toBe(true);
    await until('b and c hear it', () => seen.b!.length > 0 && seen.c!.length > 0, 5000);
    expect(seen.b).toEqual([[rotation, 'ctl-a']]);
    expect(seen.c).toEqual([[rotation, 'ctl-a']]);
    // Anything else published there is dropped; later messages still arrive. The sender heard nothing.
    await look.publish(CONTROL_CHANNEL, 'not json');
    await look.publish(CONTROL_CHANNEL, JSON.stringify({ kind: 'linkRotated', from: 'x', payload: { boardId: 'B', role: 'admin', keyVersion: 1 } }));
    await b.control.publish('linkRotated', { ...rotation, keyVersion: 5 });
    await until('a and c hear the second', () => seen.c!.length === 2 && seen.a!.length > 0, 5000);
    expect(seen.c![1]).toEqual([{ ...rotation, keyVersion: 5 }, 'ctl-b']);
    expect(seen.a).toEqual([[{ ...rotation, keyVersion: 5 }, 'ctl-b']]);
    expect(seen.b).toHaveLength(1);
  });
});

describe('Redis killed and started again', () => {
  it('the servers keep answering while it is down, and heartbeats and messages come back with it', async () => {
    const a = await node('kill-a');
    const b = await node('kill-b');
    await a.heartbeats.beat();
    expect(a.heartbeats.liveCount()).toBe(2);
    await redis.kill9();
    await until('a sees Redis down', () => a.status() === 'down', 5000);
    // Nothing throws or waits on Redis; nobody is reported gone because Redis is.
    expect(await a.control.publish('linkRotated', { boardId: 'B', role: 'projector', keyVersion: 2 })).toBe(false);
    await a.heartbeats.beat();
    expect(a.heartbeats.liveCount()).toBe(2);
    expect(await a.newBoards.take('10.1.1.1')).toBe(true);
    expect(a.newBoards.lastSource).toBe('local');

    redis.start();
    await until('both see Redis again', () => a.status() === 'ok' && b.status() === 'ok');
    await until('both heartbeats are back in the empty Redis', async () => (await look.exists(NODE_KEY_PREFIX + 'kill-a', NODE_KEY_PREFIX + 'kill-b')) === 2);
    await a.heartbeats.beat();
    expect(a.heartbeats.liveNodes().map((n) => n.id).sort()).toEqual(['kill-a', 'kill-b']);
    const heard: number[] = [];
    b.control.on('linkRotated', (m) => heard.push(m.keyVersion));
    // The subscription comes back on its own; a message sent before it is back may be lost (at most once).
    await until('b hears a again', async () => {
      await a.control.publish('linkRotated', { boardId: 'B', role: 'projector', keyVersion: 3 });
      await sleep(50);
      return heard.length > 0;
    });
    expect(heard[0]).toBe(3);
    expect(await a.newBoards.take('10.1.1.1')).toBe(true);
    expect(a.newBoards.lastSource).toBe('redis');
  });
});

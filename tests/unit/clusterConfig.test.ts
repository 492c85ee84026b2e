/** The settings of a server among several (Redis, node id and URL, lease) and when it is one of a cluster. */
import { describe, expect, it } from 'vitest';
import { closeRevokedSockets } from '../../server/cluster/controlChannel.ts';
import { defaultNodeId, parseNodeUrl } from '../../server/cluster/nodeConfig.ts';
import { isClusterMode, readConfig } from '../../server/config.ts';

const CLUSTER = { OLIFANT_DATABASE_URL: 'postgres://olifant@db/olifant', OLIFANT_REDIS_URL: 'redis://redis:6379' };

describe('the cluster settings', () => {
  it('are unset by default but for a node id and the lease of 10 s', () => {
    const c = readConfig({});
    expect(c.redisUrl).toBeUndefined();
    expect(c.nodeUrl).toBeUndefined();
    expect(c.leaseMs).toBe(10_000);
    expect(c.nodeId).toMatch(/^[A-Za-z0-9._-]+-\d+-[0-9a-f]{6}$/);
  });

  it('reads every variable', () => {
    const c = readConfig({ ...CLUSTER, OLIFANT_NODE_ID: 'node-2', OLIFANT_NODE_URL: 'http://10.0.0.5:1234/', OLIFANT_LEASE_MS: '5000' });
    expect(c).toMatchObject({ redisUrl: 'redis://redis:6379', nodeId: 'node-2', nodeUrl: 'http://10.0.0.5:1234', leaseMs: 5000 });
    expect(readConfig({ OLIFANT_REDIS_URL: 'rediss://:pw@cache.example:6380/2' }).redisUrl).toBe('rediss://:pw@cache.example:6380/2');
  });

  it('names each bad one and says what it must be', () => {
    expect(() => readConfig({ OLIFANT_REDIS_URL: 'http://redis:6379' })).toThrow(/OLIFANT_REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(() => readConfig({ OLIFANT_NODE_ID: 'node 2' })).toThrow(/OLIFANT_NODE_ID: must be 1-100 characters/);
    expect(() => readConfig({ OLIFANT_NODE_URL: '10.0.0.5:1234' })).toThrow(/OLIFANT_NODE_URL: .*not a URL such as http:\/\/10.0.0.5:1234/);
    expect(() => readConfig({ OLIFANT_NODE_URL: 'ws://10.0.0.5:1234' })).toThrow(/OLIFANT_NODE_URL: .*http:\/\/ or https:\/\//);
    expect(() => readConfig({ OLIFANT_NODE_URL: 'http://10.0.0.5:1234/olifant' })).toThrow(/OLIFANT_NODE_URL: .*scheme, host and port only/);
    expect(() => readConfig({ OLIFANT_NODE_URL: 'http://0.0.0.0:1234' })).toThrow(/OLIFANT_NODE_URL: .*every interface/);
    expect(() => readConfig({ OLIFANT_LEASE_MS: '999' })).toThrow(/OLIFANT_LEASE_MS/);
    expect(readConfig({ OLIFANT_LEASE_MS: '1000' }).leaseMs).toBe(1000);
  });

  it('needs OLIFANT_NODE_URL with PostgreSQL and Redis both set, and only then', () => {
    expect(() => readConfig(CLUSTER)).toThrow(/OLIFANT_NODE_URL: is needed with OLIFANT_DATABASE_URL and OLIFANT_REDIS_URL/);
    expect(() => readConfig({ OLIFANT_REDIS_URL: CLUSTER.OLIFANT_REDIS_URL })).not.toThrow();
    expect(() => readConfig({ OLIFANT_DATABASE_URL: CLUSTER.OLIFANT_DATABASE_URL })).not.toThrow();
  });

  it('make a cluster with both PostgreSQL and Redis, not either alone', () => {
    expect(isClusterMode({ databaseUrl: 'postgres://db/o', redisUrl: 'redis://r' })).toBe(true);
    expect(isClusterMode({ redisUrl: 'redis://r' })).toBe(false);
    expect(isClusterMode({ databaseUrl: 'postgres://db/o' })).toBe(false);
    expect(isClusterMode(readConfig({}))).toBe(false);
  });
});

describe('node ids and URLs', () => {
  it('a default id is new each time, so a restarted server never looks like its dead predecessor', () => {
    const ids = new Set(Array.from({ length: 50 }, defaultNodeId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toContain(`-${process.pid}-`);
  });

  it('a node URL keeps only scheme, host and port', () => {
    expect(parseNodeUrl(undefined)).toBeUndefined();
    expect(parseNodeUrl('https://node-3.internal:8443')).toBe('https://node-3.internal:8443');
    expect(parseNodeUrl('http://[fd00::5]:1234/')).toBe('http://[fd00::5]:1234');
    expect(() => parseNodeUrl('http://user:pw@node:1')).toThrow(/user name or password/);
    expect(() => parseNodeUrl('http://node:1/?x=1')).toThrow(/scheme, host and port only/);
  });
});

describe('closing sockets opened with revoked links', () => {
  it('asks to close, per role, what is older than the key version storage holds now', () => {
    const asked: string[] = [];
    const closed = closeRevokedSockets('Board1', { facilitator: 1, participant: 3, projector: 2 }, (board, role, version) => {
      asked.push(`${board} ${role} ${version}`);
      return role === 'participant' ? 4 : 0;
    });
    expect(asked).toEqual(['Board1 facilitator 1', 'Board1 participant 3', 'Board1 projector 2']);
    expect(closed).toBe(4);
  });
});

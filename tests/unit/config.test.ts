import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.ts';

describe('readConfig', () => {
  it('has a default for everything', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 1234, host: '0.0.0.0', maxMessageBytes: 2 * 1024 * 1024, secret: undefined, publicUrl: undefined });
    expect(c.dataDir).toMatch(/data$/);
  });

  it('reads every variable', () => {
    const c = readConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      OLIFANT_DATA_DIR: '/tmp/x',
      OLIFANT_SECRET: 's'.repeat(40),
      OLIFANT_PUBLIC_URL: 'https://olifant.example.org/',
      OLIFANT_MAX_MESSAGE_BYTES: '65536',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/tmp/x',
      secret: 's'.repeat(40),
      publicUrl: 'https://olifant.example.org',
      maxMessageBytes: 65536,
    });
  });

  it('reads OLIFANT_ALLOWED_ORIGINS as * or a list of origins, and says what an origin is', () => {
    expect(readConfig({}).allowedOrigins).toEqual([]);
    expect(readConfig({ OLIFANT_ALLOWED_ORIGINS: '*' }).allowedOrigins).toBe('*');
    expect(readConfig({ OLIFANT_ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080/' }).allowedOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(() => readConfig({ OLIFANT_ALLOWED_ORIGINS: 'https://a.example/path' })).toThrow(/OLIFANT_ALLOWED_ORIGINS.*scheme, host and port only/);
    expect(() => readConfig({ OLIFANT_ALLOWED_ORIGINS: 'a.example' })).toThrow(/OLIFANT_ALLOWED_ORIGINS.*not an origin/);
  });

  it('reads OLIFANT_TRUSTED_PROXIES as a list of IP addresses and the per-address cap, with a high default', () => {
    expect(readConfig({}).trustedProxies).toEqual([]);
    expect(readConfig({}).maxConnectionsPerIp).toBe(1000);
    expect(readConfig({ OLIFANT_TRUSTED_PROXIES: '127.0.0.1, ::1, ::ffff:10.0.0.5' }).trustedProxies).toEqual(['127.0.0.1', '::1', '10.0.0.5']);
    expect(() => readConfig({ OLIFANT_TRUSTED_PROXIES: 'proxy.local' })).toThrow(/OLIFANT_TRUSTED_PROXIES.*not an IP address/);
    expect(() => readConfig({ OLIFANT_MAX_CONNECTIONS_PER_IP: '0' })).toThrow(/OLIFANT_MAX_CONNECTIONS_PER_IP/);
  });

  it('reads OLIFANT_HEAP_GROWING_PERCENT, 50 unless set, 0 for V8’s own policy', () => {
    expect(readConfig({}).heapGrowingPercent).toBe(50);
    expect(readConfig({ OLIFANT_HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(() => readConfig({ OLIFANT_HEAP_GROWING_PERCENT: '-5' })).toThrow(/OLIFANT_HEAP_GROWING_PERCENT/);
  });

  it('reads OLIFANT_NEW_PEOPLE_PER_HOUR, 5000 unless set', () => {
    expect(readConfig({}).newPeoplePerHour).toBe(5000);
    expect(readConfig({ OLIFANT_NEW_PEOPLE_PER_HOUR: '20' }).newPeoplePerHour).toBe(20);
    expect(() => readConfig({ OLIFANT_NEW_PEOPLE_PER_HOUR: '0' })).toThrow(/OLIFANT_NEW_PEOPLE_PER_HOUR/);
  });

  it('reads OLIFANT_NEW_BOARDS_PER_HOUR, 200 unless set', () => {
    expect(readConfig({}).newBoardsPerHour).toBe(200);
    expect(readConfig({ OLIFANT_NEW_BOARDS_PER_HOUR: '5' }).newBoardsPerHour).toBe(5);
    expect(() => readConfig({ OLIFANT_NEW_BOARDS_PER_HOUR: '0' })).toThrow(/OLIFANT_NEW_BOARDS_PER_HOUR/);
  });

  it('reads OLIFANT_DATABASE_URL as a PostgreSQL URL, none (SQLite) unless set', () => {
    expect(readConfig({}).databaseUrl).toBeUndefined();
    const url = 'postgres://olifant:pw@db.example.org:5432/olifant';
    expect(readConfig({ OLIFANT_DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(readConfig({ OLIFANT_DATABASE_URL: 'postgresql://db/olifant' }).databaseUrl).toBe('postgresql://db/olifant');
    expect(() => readConfig({ OLIFANT_DATABASE_URL: 'mysql://db/olifant' })).toThrow(/OLIFANT_DATABASE_URL: must be a postgres/);
    expect(() => readConfig({ OLIFANT_DATABASE_URL: 'not a url' })).toThrow(/OLIFANT_DATABASE_URL/);
  });

  it('names each bad variable', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ OLIFANT_SECRET: 'short' })).toThrow(/OLIFANT_SECRET: must be at least 32/);
    expect(() => readConfig({ OLIFANT_PUBLIC_URL: 'ftp://x' })).toThrow(/OLIFANT_PUBLIC_URL/);
  });
});

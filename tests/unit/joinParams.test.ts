/**
 * Unit: the join data Olifant's own client puts in its websocket address (`person`, `key`) is always
 * what the server accepts at the upgrade: a fresh device, a device whose storage holds an id or key
 * of another shape (written by an older or a foreign version), `anonymous`, a page without storage,
 * and the other ids a device proves (`also`: its own, those handed over to it).
 *
 * Why: the server refuses malformed join data with `400`; a device that sent some would never reach
 * its board again, so the client mends what it finds in storage instead of sending it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { joinParams, takeHandoff } from '../../client/sync/identity.ts';
import { isId } from '../../shared/index.ts';
import { joinDataProblem } from '../../server/auth/personProof.ts';

const storage = new Map<string, string>();
let storageWorks = true;
const guarded =
  <A extends unknown[], R>(fn: (...args: A) => R) =>
  (...args: A): R => {
    if (!storageWorks) throw new DOMException('storage is off', 'SecurityError');
    return fn(...args);
  };
Object.assign(globalThis, {
  localStorage: {
    getItem: guarded((k: string) => storage.get(k) ?? null),
    setItem: guarded((k: string, v: string) => void storage.set(k, v)),
    removeItem: guarded((k: string) => void storage.delete(k)),
  },
});

const BOARD = 'board-0123456789';
/** Opens this page at a board link with the fragment `hash` (the "continue on another device" link). */
function openLink(hash: string): void {
  Object.assign(globalThis, {
    location: { hash, pathname: `/b/${BOARD}`, search: '', origin: 'http://olifant.local' },
    history: { replaceState: () => undefined },
  });
}
/** What the server says of this join data: undefined when it accepts it. */
const serverSays = (params: Record<string, string | undefined>) => joinDataProblem(new URLSearchParams({ token: 't', ...(params as Record<string, string>) }));

describe('the join data the client sends', () => {
  beforeEach(() => {
    storage.clear();
    storageWorks = true;
  });

  it('a fresh device: an id and a key the server accepts, kept for the next visit', () => {
    const first = joinParams(BOARD);
    expect(isId(first.person)).toBe(true);
    expect(first.key).toMatch(/^[0-9a-f]{48}$/);
    expect(serverSays(first)).toBeUndefined();
    expect(joinParams(BOARD)).toEqual(first);
  });

  it('an id in storage the server would refuse is replaced by a new one, which is kept', () => {
    for (const stored of ['abc', 'ann smith', 'ann.smith@example.org', 'x'.repeat(65), 'émilie-device']) {
      storage.set('olifant.deviceId', stored);
      const params = joinParams(BOARD);
      expect(params.person, stored).not.toBe(stored);
      expect(serverSays(params), stored).toBeUndefined();
      expect(storage.get('olifant.deviceId')).toBe(params.person);
    }
  });

  it('a well-formed id in storage is kept, `anonymous` too (the server never binds it)', () => {
    for (const stored of ['anonymous', 'AbCd_-0123456789']) {
      storage.set('olifant.deviceId', stored);
      expect(joinParams(BOARD).person).toBe(stored);
      expect(serverSays(joinParams(BOARD))).toBeUndefined();
    }
  });

  it('a key in storage the server would refuse is made anew; a well-formed one is kept', () => {
    storage.set('olifant.deviceId', 'ann-device-0001');
    storage.set('olifant.key.ann-device-0001', 'short');
    const mended = joinParams(BOARD);
    expect(mended.key).toMatch(/^[0-9a-f]{48}$/);
    expect(serverSays(mended)).toBeUndefined();
    storage.set('olifant.key.ann-device-0001', 'k'.repeat(201));
    expect(serverSays(joinParams(BOARD))).toBeUndefined();
    storage.set('olifant.key.ann-device-0001', '0123456789abcdef');
    expect(joinParams(BOARD).key).toBe('0123456789abcdef');
  });

  it('an id taken over for this board that is not of the id shape is not used', () => {
    storage.set('olifant.deviceId', 'ann-device-0001');
    storage.set(`olifant.me.${BOARD}`, 'not an id');
    expect(joinParams(BOARD).person).toBe('ann-device-0001');
  });

  it('a link to continue as someone takes their id only with its key; without one the device stays itself', () => {
    storage.set('olifant.deviceId', 'my-own-tablet-01');
    openLink('#token=t&me=ann-device-0001&name=Ann');
    expect(takeHandoff(BOARD)).toBe('Ann');
    expect(joinParams(BOARD).person).toBe('my-own-tablet-01');
    openLink('#token=t&me=ann-device-0001&key=0123456789abcdef0123&name=Ann');
    takeHandoff(BOARD);
    expect(joinParams(BOARD)).toMatchObject({ person: 'ann-device-0001', key: '0123456789abcdef0123', also: expect.stringMatching(/^my-own-tablet-01:[0-9a-f]{48}$/) });
    expect(serverSays(joinParams(BOARD))).toBeUndefined();
  });

  it('a page without storage proves an id of its own with a key for the page’s life', () => {
    storageWorks = false;
    const params = joinParams(BOARD);
    expect(isId(params.person)).toBe(true);
    expect(params.key).toMatch(/^[0-9a-f]{48}$/);
    expect(serverSays(params)).toBeUndefined();
    expect(joinParams(BOARD)).toEqual(params);
  });

  it('also: the device’s own id and the ids handed over to it for this board, newest first, as one value the server accepts', () => {
    storage.set('olifant.deviceId', 'my-own-tablet-01');
    expect(joinParams(BOARD)).not.toHaveProperty('also');
    const handed = Array.from({ length: 9 }, (_, i) => `person-${i}-0000000`);
    for (const id of handed) {
      openLink(`#token=t&me=${id}&key=${'ab'.repeat(10)}${i2(id)}&name=P`);
      takeHandoff(BOARD);
    }
    const params = joinParams(BOARD);
    expect(params.person).toBe('person-8-0000000');
    const pairs = params.also!.split(',').map((p) => p.split(':'));
    // Its own id, then the 6 handed over before the one it is now (7 kept, the oldest two dropped).
    expect(pairs.map(([id]) => id)).toEqual(['my-own-tablet-01', ...handed.slice(2, 8).reverse()]);
    expect(pairs[1]).toEqual(['person-7-0000000', `${'ab'.repeat(10)}${i2('person-7-0000000')}`]);
    expect(serverSays(params)).toBeUndefined();
    // Another board: only the device's own id.
    expect(joinParams('other-board-0123')).toEqual({ person: 'my-own-tablet-01', key: storage.get('olifant.key.my-own-tablet-01') });
  });

  it('the server reads also as comma-separated pairs, repeated or not, at most 8 in all', () => {
    const pair = (i: number) => `person-${i}-0000000:${'k'.repeat(16)}`;
    const say = (alsos: string[]) => {
      const params = new URLSearchParams({ token: 't' });
      for (const a of alsos) params.append('also', a);
      return joinDataProblem(params);
    };
    expect(say([[1, 2, 3].map(pair).join(',')])).toBeUndefined();
    expect(say([[1, 2].map(pair).join(','), pair(3)])).toBeUndefined();
    expect(say([[1, 2, 3, 4, 5, 6, 7, 8].map(pair).join(',')])).toBeUndefined();
    expect(say([[1, 2, 3, 4, 5].map(pair).join(','), [6, 7, 8, 9].map(pair).join(',')])).toMatch(/at most 8/);
    expect(say([`${pair(1)},`])).toMatch(/also/);
    expect(say([`${pair(1)},not an id:${'k'.repeat(16)}`])).toMatch(/also/);
  });
});

/** A different key ending for each id (the link carries hex keys). */
function i2(id: string): string {
  return id.charCodeAt(7).toString(16).padStart(4, '0');
}

/**
 * Unit: the join data Olifant's own client puts in its websocket address (`person`, `key`) is always
 * what the server accepts at the upgrade: a fresh device, a device whose storage holds an id or key
 * of another shape (written by an older or a foreign version), `anonymous`, and a page without storage.
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
    expect(joinParams(BOARD)).toEqual({ person: 'ann-device-0001', key: '0123456789abcdef0123' });
    expect(serverSays(joinParams(BOARD))).toBeUndefined();
  });

  it('a page without storage sends an id of its own and no key', () => {
    storageWorks = false;
    const params = joinParams(BOARD);
    expect(isId(params.person)).toBe(true);
    expect(params).not.toHaveProperty('key');
    expect(serverSays(params)).toBeUndefined();
  });
});

/**
 * Unit: the join codes a device remembers for its boards, so the projector's QR code opens a board
 * this device has while offline: a code leads to the board's remembered link, a board's newer code
 * replaces its older one, and a code of a board no longer on the device's list leads nowhere.
 *
 * Why: offline, only this memory can say where a code leads; a wrong answer would open another board.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { boardOfJoinCode, forgetBoard, rememberBoard, rememberJoinCode } from '../../client/store/recentBoards.ts';

const storage = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  },
});

describe('join codes remembered on this device', () => {
  beforeEach(() => storage.clear());

  it('leads from a code to the board link this device has', () => {
    rememberBoard({ id: 'boardA', title: 'Zorg 2035', role: 'participant', link: 'http://x/b/boardA#token=p' });
    rememberJoinCode('abcd1234', 'boardA');
    expect(boardOfJoinCode('abcd1234')?.link).toBe('http://x/b/boardA#token=p');
    expect(boardOfJoinCode('zzzz9999')).toBeUndefined();
    expect(boardOfJoinCode('not a code')).toBeUndefined();
  });

  it("keeps one code per board: a replaced participant link's new code replaces the old one", () => {
    rememberBoard({ id: 'boardA', title: 'Zorg 2035', role: 'participant', link: 'http://x/b/boardA#token=p' });
    rememberJoinCode('abcd1234', 'boardA');
    rememberJoinCode('efgh5678', 'boardA');
    expect(boardOfJoinCode('abcd1234')).toBeUndefined();
    expect(boardOfJoinCode('efgh5678')?.id).toBe('boardA');
  });

  it('a board forgotten on this device is not opened by its code', () => {
    rememberBoard({ id: 'boardA', title: 'Zorg 2035', role: 'participant', link: 'http://x/b/boardA#token=p' });
    rememberJoinCode('abcd1234', 'boardA');
    forgetBoard('boardA', 'participant');
    expect(boardOfJoinCode('abcd1234')).toBeUndefined();
  });

  it('ignores a malformed code and survives damaged storage', () => {
    rememberJoinCode('<script>', 'boardA');
    expect(storage.has('olifant.joinCodes')).toBe(false);
    storage.set('olifant.joinCodes', '{not json');
    expect(boardOfJoinCode('abcd1234')).toBeUndefined();
    rememberBoard({ id: 'boardB', title: 'B', role: 'facilitator', link: 'http://x/b/boardB#token=f' });
    rememberJoinCode('abcd1234', 'boardB');
    expect(boardOfJoinCode('abcd1234')?.role).toBe('facilitator');
  });
});

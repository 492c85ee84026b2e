import { describe, expect, it } from 'vitest';
import { newBoardId, ROLES, signToken, verifyToken } from '../../shared/index.ts';

const secret = new TextEncoder().encode('a-test-secret-that-is-long-enough-1234');
const other = new TextEncoder().encode('another-secret-that-is-long-enough-5678');

describe('capability tokens', () => {
  it('round-trips every role', async () => {
    const boardId = newBoardId();
    for (const role of ROLES) {
      const token = await signToken({ boardId, role, keyVersion: 3 }, secret);
      expect(await verifyToken(token, secret)).toEqual({ boardId, role, keyVersion: 3 });
    }
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signToken({ boardId: newBoardId(), role: 'facilitator', keyVersion: 1 }, other);
    expect(await verifyToken(token, secret)).toBeNull();
  });

  it('refuses tampering with the board, the role, the version or the signature', async () => {
    const boardId = newBoardId();
    const token = await signToken({ boardId, role: 'projector', keyVersion: 1 }, secret);
    const [b, rv, sig] = token.split('.') as [string, string, string];
    const otherBoard = newBoardId();
    const flipped = sig[0] === 'A' ? `B${sig.slice(1)}` : `A${sig.slice(1)}`;
    for (const forged of [
      `${otherBoard}.${rv}.${sig}`,
      `${b}.f1.${sig}`,
      `${b}.p1.${sig}`,
      `${b}.v2.${sig}`,
      `${b}.${rv}.${flipped}`,
      `${b}.${rv}.${sig.slice(0, -1)}`,
      `${b}.${rv}`,
      '',
      'garbage',
      `${token}.extra`,
    ]) {
      expect(await verifyToken(forged, secret), forged).toBeNull();
    }
  });

  it('refuses bad claims and short secrets when signing', async () => {
    await expect(signToken({ boardId: 'bad id!', role: 'participant', keyVersion: 1 }, secret)).rejects.toThrow();
    await expect(signToken({ boardId: newBoardId(), role: 'participant', keyVersion: 0 }, secret)).rejects.toThrow();
    await expect(signToken({ boardId: newBoardId(), role: 'participant', keyVersion: 1 }, new Uint8Array(8))).rejects.toThrow(
      /at least 32 bytes/,
    );
  });

  it('board ids carry 128 bits and never repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, newBoardId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('roleOfToken (UI hint only, no verification)', () => {
  it('reads the role letter of a well-formed token and nothing else', async () => {
    const { roleOfToken } = await import('../../shared/index.ts');
    const boardId = newBoardId();
    for (const role of ROLES) expect(roleOfToken(await signToken({ boardId, role, keyVersion: 1 }, secret))).toBe(role);
    expect(roleOfToken('garbage')).toBeNull();
  });
});

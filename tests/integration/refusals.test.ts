import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newBoardId, signToken } from '../../shared/index.ts';
import type { RunningServer } from '../../server/server.ts';
import type { CreatedBoard } from '../../shared/index.ts';
import { openRaw } from '../helpers/rawSocket.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

let server: RunningServer;
let board: CreatedBoard;
let other: CreatedBoard;
const dir = tempDir();
const wsBase = () => server.localUrl.replace(/^http/, 'ws');

beforeAll(async () => {
  server = await startTestServer(dir.path, { secret: 'the-test-secret-is-long-enough-for-hmac' });
  board = await createBoard(server.localUrl, 'Target');
  other = await createBoard(server.localUrl, 'Other');
});
afterAll(async () => {
  await server.close();
  dir.cleanup();
});

async function statusOf(path: string, origin?: string): Promise<number> {
  try {
    const c = await openRaw(`${wsBase()}${path}`, origin);
    c.ws.close();
    return 101;
  } catch (err) {
    return (err as { status: number }).status;
  }
}

describe('the upgrade refuses before any board data is sent', () => {
  it("403 for a page on another site (its Origin), whatever the token; the board's own site and non-browser clients pass", async () => {
    const path = `/ws/${board.id}?token=${tokenOf(board.links.participant)}`;
    expect(await statusOf(path, 'https://evil.example')).toBe(403);
    expect(await statusOf(path, 'null')).toBe(403);
    expect(await statusOf(path, server.localUrl)).toBe(101);
    expect(await statusOf(path)).toBe(101);
  });

  it('OLIFANT_ALLOWED_ORIGINS lets the named sites in', async () => {
    const d = tempDir();
    const open = await startTestServer(d.path, { allowedOrigins: ['https://partner.example'] });
    try {
      const b = await createBoard(open.localUrl, 'Shared');
      const url = `${open.localUrl.replace(/^http/, 'ws')}/ws/${b.id}?token=${tokenOf(b.links.participant)}`;
      const status = (origin: string) => openRaw(url, origin).then((c) => (c.ws.close(), 101), (err: { status: number }) => err.status);
      expect(await status('https://partner.example')).toBe(101);
      expect(await status('https://evil.example')).toBe(403);
    } finally {
      await open.close();
      d.cleanup();
    }
  });

  it('accepts a valid token', async () => {
    expect(await statusOf(`/ws/${board.id}?token=${tokenOf(board.links.participant)}`)).toBe(101);
  });

  it('401 for a missing token', async () => {
    expect(await statusOf(`/ws/${board.id}`)).toBe(401);
  });

  it('401 for a forged token (right shape, wrong key) and for junk', async () => {
    const forged = await signToken(
      { boardId: board.id, role: 'facilitator', keyVersion: 1 },
      new TextEncoder().encode('not-the-server-secret-but-long-enough!!'),
    );
    expect(await statusOf(`/ws/${board.id}?token=${forged}`)).toBe(401);
    expect(await statusOf(`/ws/${board.id}?token=hello`)).toBe(401);
  });

  it("403 for another board's token", async () => {
    expect(await statusOf(`/ws/${board.id}?token=${tokenOf(other.links.facilitator)}`)).toBe(403);
  });

  it('403 for a token whose key version was rotated away', async () => {
    const secret = new TextEncoder().encode('the-test-secret-is-long-enough-for-hmac');
    const stale = await signToken({ boardId: board.id, role: 'participant', keyVersion: 2 }, secret);
    expect(await statusOf(`/ws/${board.id}?token=${stale}`)).toBe(403);
  });

  it('404 for an unknown board (even with a validly signed token) and for a bad path', async () => {
    const ghost = newBoardId();
    const secret = new TextEncoder().encode('the-test-secret-is-long-enough-for-hmac');
    const token = await signToken({ boardId: ghost, role: 'facilitator', keyVersion: 1 }, secret);
    expect(await statusOf(`/ws/${ghost}?token=${token}`)).toBe(404);
    expect(await statusOf(`/ws/not an id?token=${token}`)).toBe(404);
    expect(await statusOf(`/elsewhere`)).toBe(404);
  });

  it('400 for malformed join data, naming the rule it breaks; well-formed, empty or absent join data is let in', async () => {
    const participant = `/ws/${board.id}?token=${tokenOf(board.links.participant)}`;
    const answer = (path: string) =>
      openRaw(`${wsBase()}${path}`).then(
        (c) => (c.ws.close(), { status: 101, body: '' }),
        (err: { status: number; body: string }) => ({ status: err.status, body: err.body }),
      );
    const key = 'a-device-key-0123456789';
    const badPerson = { status: 400, body: 'person must be 8-64 characters of A-Z a-z 0-9 _ -\n' };
    for (const person of ['ann', 'x'.repeat(65), 'ann%20smith', 'ann.smith', 'ann%2Fsmith%2F..', '%C3%A9milie-device']) {
      expect(await answer(`${participant}&person=${person}&key=${key}`), person).toEqual(badPerson);
      expect(await answer(`${participant}&person=${person}`), `${person} without a key`).toEqual(badPerson);
    }
    const badKey = { status: 400, body: 'key must be 16-200 characters\n' };
    for (const k of ['short-key', 'k'.repeat(201)]) {
      expect(await answer(`${participant}&person=${newBoardId()}&key=${k}`), k).toEqual(badKey);
      expect(await answer(`${participant}&key=${k}`), `${k} without a person`).toEqual(badKey);
    }
    // The projector's join data is ignored, but malformed it is refused all the same.
    expect(await answer(`/ws/${board.id}?token=${tokenOf(board.links.projector)}&person=ann`)).toEqual(badPerson);
    for (const ok of [
      `&person=${newBoardId()}&key=${key}`,
      `&person=anonymous&key=${key}`,
      `&person=${'p'.repeat(64)}&key=${'k'.repeat(200)}`,
      `&person=${'p'.repeat(8)}&key=${'k'.repeat(16)}`,
      `&person=${newBoardId()}`,
      `&key=${key}`,
      '&person=&key=',
      '',
    ]) {
      expect(await answer(participant + ok), ok).toEqual({ status: 101, body: '' });
    }
  });

  it('the refusal body says what to do, and nothing was loaded for refused sockets', async () => {
    const err = await openRaw(`${wsBase()}/ws/${board.id}`).catch((e: unknown) => e as { body: string });
    expect((err as { body: string }).body).toMatch(/open the board through its link/);
    const metrics = await (await fetch(`${server.localUrl}/metrics`)).text();
    expect(metrics).toMatch(/olifant_errors_total\{kind="refused_upgrade"\} [1-9]/);
  });

  it('links keep working after a restart (the generated secret is kept in the data dir)', async () => {
    const d = tempDir();
    let s = await startTestServer(d.path);
    const b = await createBoard(s.localUrl);
    await s.close();
    s = await startTestServer(d.path);
    try {
      const c = await openRaw(`${s.localUrl.replace(/^http/, 'ws')}/ws/${b.id}?token=${tokenOf(b.links.participant)}`);
      c.ws.close();
    } finally {
      await s.close();
      d.cleanup();
    }
  });
});

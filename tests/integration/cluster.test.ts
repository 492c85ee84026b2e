/**
 * Three real servers sharing boards on a real PostgreSQL and Redis, behind a round-robin balancer:
 * stock clients spread over them converge; the board lock, link rotation, join codes, the new-board
 * budget and the server clock hold whichever server a request reaches.
 *
 * Why: a load balancer sends each request and socket to any server, so everything the facilitator
 * controls (the lock, the links) and every limit must be the same on all of them; a board's sockets
 * on other servers are tunnelled to its one owner, which must judge them as it judges its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../engines/postgres.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts';
import { startCluster, type TestCluster } from '../helpers/cluster.ts';
import { inspectDatabase, newBoard, ownerOf } from '../helpers/clusterBoards.ts';
import { openRaw } from '../helpers/rawSocket.ts';
import { tokenOf } from '../helpers/server.ts';
import { runClusterConvergence, runLockAcrossNodes } from '../stress/cluster.ts';

const NEW_BOARDS_PER_HOUR = 6;
let postgres: TestPostgres;
let cluster: TestCluster;
const clients: TestClient[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  // Each board of these tests is made from an address of its own (see newBoard), so the budget test has its own.
  cluster = await startCluster({ postgres, env: { OLIFANT_TRUSTED_PROXIES: '127.0.0.1', OLIFANT_NEW_BOARDS_PER_HOUR: String(NEW_BOARDS_PER_HOUR) } });
}, 120_000);

afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await cluster?.close();
  postgres?.destroy();
});

const api = (url: string, path: string, token: string, init: RequestInit = {}) => fetch(`${url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}` } });

function join(url: string, boardId: string, token: string): TestClient & { closes: number[] } {
  const client = connectClient(url, boardId, token);
  const closes: number[] = [];
  client.provider.on('connection-close', (event: CloseEvent | null) => event && closes.push(event.code));
  clients.push(client);
  return Object.assign(client, { closes });
}

describe('one board served through three servers', () => {
  it('16 stock clients spread over the servers by the balancer converge, and PostgreSQL holds all they hold', async () => {
    const f = await runClusterConvergence({ cluster, clients: 16, editMs: 3_000, lock: false });
    expect(f.perNode.every((n) => n > 0)).toBe(true);
    expect(f.edits).toBeGreaterThan(50);
    expect(f.convergeMs).toBeDefined();
    expect(f.lostItems).toBe(0);
  }, 90_000);

  it('a participant on another server than the facilitator cannot lock the board, writes nothing under the lock, nor lifts it', async () => {
    const f = await runLockAcrossNodes({ cluster, rawWrites: 30 });
    expect(f.attempts).toBeGreaterThan(60);
    expect(f.applied).toBe(0);
    expect(f.frameCloses).toEqual([4403, 4403, 4403]);
    // After the lift the stock client's held-back note goes through; the raw ones, never re-sent, stay out.
    expect(f.heldBackArrived).toBe(true);
    expect(f.appliedAfterLift).toBe(0);
  }, 60_000);
});

describe('the facilitator’s links across servers', () => {
  it('a rotation through one server closes the old link’s sockets on the owner, and every server refuses it', async () => {
    const [first, second, third] = cluster.nodes as [TestCluster['nodes'][number], TestCluster['nodes'][number], TestCluster['nodes'][number]];
    const store = await inspectDatabase(cluster.databaseUrl);
    try {
      const board = await newBoard(first.url, 'Rotated across servers');
      const old = tokenOf(board.links.participant);
      const watcher = join(first.url, board.id, tokenOf(board.links.projector));
      await waitFor(() => watcher.provider.synced, 'the projector on the first server');
      expect((await ownerOf(cluster, store, board.id))?.id).toBe(first.id);
      const tunnelled = await openRaw(`${second.url.replace(/^http/, 'ws')}/ws/${board.id}?token=${old}`);
      const table = join(third.url, board.id, old);
      await waitFor(() => table.provider.synced, 'the table on the third server');

      const res = await api(third.url, `/api/boards/${board.id}/links/participant/rotate`, tokenOf(board.links.facilitator), { method: 'POST' });
      expect(res.status).toBe(200);
      const { link } = (await res.json()) as { link: string };
      const closed = await Promise.race([tunnelled.closed.then((c) => c.code), new Promise((r) => setTimeout(() => r('still open after 10 s'), 10_000))]);
      expect(closed).toBe(4410);
      await waitFor(() => table.closes.includes(4410), 'the table’s socket to close with 4410');
      table.provider.disconnect();
      expect(watcher.closes).toEqual([]);

      for (const node of cluster.nodes) {
        expect((await api(node.url, `/api/boards/${board.id}`, old)).status).toBe(403);
        await expect(openRaw(`${node.url.replace(/^http/, 'ws')}/ws/${board.id}?token=${old}`)).rejects.toThrow();
        const fresh = join(node.url, board.id, tokenOf(link));
        await waitFor(() => fresh.provider.synced, `the new link on ${node.id}`);
      }
    } finally {
      await store.close();
    }
  }, 60_000);

  it('a join code made on one server resolves on every server, and a rotation replaces it on all', async () => {
    const [first, second, third] = cluster.nodes as [TestCluster['nodes'][number], TestCluster['nodes'][number], TestCluster['nodes'][number]];
    const board = await newBoard(first.url, 'Join code across servers');
    const { code } = (await (await api(first.url, `/api/boards/${board.id}/join`, tokenOf(board.links.projector))).json()) as { code: string };
    for (const node of cluster.nodes) {
      const go = await fetch(`${node.url}/j/${code}`, { redirect: 'manual' });
      expect(go.status).toBe(302);
      const target = go.headers.get('location')!;
      expect(target).toContain(`/b/${board.id}#token=`);
      expect((await api(second.url, `/api/boards/${board.id}`, tokenOf(target))).status).toBe(200);
    }
    await api(second.url, `/api/boards/${board.id}/links/participant/rotate`, tokenOf(board.links.facilitator), { method: 'POST' });
    for (const node of cluster.nodes) expect((await fetch(`${node.url}/j/${code}`, { redirect: 'manual' })).status).toBe(410);
    const fresh = (await (await api(third.url, `/api/boards/${board.id}/join`, tokenOf(board.links.facilitator))).json()) as { code: string };
    expect(fresh.code).not.toBe(code);
    expect((await fetch(`${first.url}/j/${fresh.code}`, { redirect: 'manual' })).status).toBe(302);
  });
});

describe('limits and time across servers', () => {
  it('the new-board budget of an address is one across the servers, not one per server', async () => {
    const answers: number[] = [];
    for (let i = 0; i < NEW_BOARDS_PER_HOUR + 3; i++) {
      const res = await fetch(`${cluster.nodes[i % cluster.nodes.length]!.url}/api/boards`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.23' },
        body: JSON.stringify({ title: `Budget ${i}` }),
      });
      answers.push(res.status);
    }
    expect(answers).toEqual([...Array<number>(NEW_BOARDS_PER_HOUR).fill(201), 429, 429, 429]);
  });

  it('every server tells the same time, within 500 ms', async () => {
    const offsets: number[] = [];
    for (const node of cluster.nodes) {
      const asked = Date.now();
      const { now } = (await (await fetch(`${node.url}/api/time`)).json()) as { now: number };
      const answered = Date.now();
      expect(Math.abs(now - (asked + answered) / 2)).toBeLessThanOrEqual(500 + (answered - asked) / 2);
      offsets.push(now - (asked + answered) / 2);
    }
    expect(Math.max(...offsets) - Math.min(...offsets)).toBeLessThanOrEqual(500);
  });
});

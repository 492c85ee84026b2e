import { describe, expect, it } from 'vitest';
import { createBoard, startTestServer, tempDir } from '../helpers/server.ts';
import { serverPerFile } from '../helpers/fileServer.ts';

const running = serverPerFile();

async function post(body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  const res = await fetch(`${running.server.localUrl}/api/boards`, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('POST /api/boards', () => {
  it('answers 201 with id, title and three absolute links carrying a token in the fragment', async () => {
    const board = await createBoard(running.server.localUrl, '  Toekomst van onze stad  ');
    expect(board.title).toBe('Toekomst van onze stad');
    expect(board.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Object.keys(board.links).sort()).toEqual(['facilitator', 'participant', 'projector']);
    for (const link of Object.values(board.links)) {
      const url = new URL(link);
      expect(url.origin).toBe(running.server.localUrl);
      expect(url.pathname).toBe(`/b/${board.id}`);
      expect(url.hash).toMatch(new RegExp(`^#token=${board.id}\\.[fpv]1\\.`));
      expect(url.search).toBe('');
    }
    expect(new Set(Object.values(board.links)).size).toBe(3);
  });

  it('uses OLIFANT_PUBLIC_URL for links when set', async () => {
    const d = tempDir();
    const s = await startTestServer(d.path, { publicUrl: 'https://olifant.example.org' });
    try {
      const board = await createBoard(s.localUrl);
      expect(board.links.participant.startsWith(`https://olifant.example.org/b/${board.id}#token=`)).toBe(true);
    } finally {
      await s.close();
      d.cleanup();
    }
  });

  it('one address makes at most OLIFANT_NEW_BOARDS_PER_HOUR boards an hour, restores included (429); another address is not held up', async () => {
    const d = tempDir();
    const s = await startTestServer(d.path, { newBoardsPerHour: 2, trustedProxies: ['127.0.0.1'] });
    try {
      const make = (from: string) => fetch(`${s.localUrl}/api/boards`, { method: 'POST', headers: { 'X-Forwarded-For': from }, body: '{"title": "Again"}' });
      expect([(await make('10.0.0.1')).status, (await make('10.0.0.1')).status]).toEqual([201, 201]);
      const refused = await make('10.0.0.1');
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: string }).error).toContain('OLIFANT_NEW_BOARDS_PER_HOUR');
      const restore = await fetch(`${s.localUrl}/api/boards/restore`, { method: 'POST', headers: { 'X-Forwarded-For': '10.0.0.1' }, body: '{}' });
      expect(restore.status).toBe(429);
      expect((await make('10.0.0.2')).status).toBe(201);
    } finally {
      await s.close();
      d.cleanup();
    }
  });

  it.each([
    ['{"title": ""}', /title: must not be empty/],
    ['{"title": 42}', /title: must be a string/],
    ['{}', /title/],
    ['{"title": "ok", "admin": true}', /Unrecognized key/],
    [`{"title": "${'x'.repeat(201)}"}`, /at most 200/],
    ['{"title": "unterminated', /not valid JSON/],
    ['', /empty/],
    ['[1,2]', /expected object/],
  ])('answers 400 with a clear message for %s', async (body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(String(res.body.error)).toMatch(message);
  });

  it('answers 413 for an oversized body, 405 for GET and 404 for unknown API routes', async () => {
    expect((await post(JSON.stringify({ title: 'x'.repeat(20_000) }))).status).toBe(413);
    const get = await fetch(`${running.server.localUrl}/api/boards`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await fetch(`${running.server.localUrl}/api/nothing`)).status).toBe(404);
  });
});

describe('health, metrics and the client', () => {
  it('GET /healthz answers 200, naming the storage engine it reaches', async () => {
    const res = await fetch(`${running.server.localUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', storage: { engine: 'sqlite', reachable: true } });
  });

  it('GET /metrics answers Prometheus text with the Olifant metrics', async () => {
    const res = await fetch(`${running.server.localUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    for (const name of [
      'olifant_connections',
      'olifant_boards_loaded',
      'olifant_messages_total',
      'olifant_bytes_total',
      'olifant_persistence_write_seconds',
      'olifant_errors_total',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it('serves index.html without caching at / and at the SPA route /b/<id>', async () => {
    for (const path of ['/', '/b/AAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await fetch(`${running.server.localUrl}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('Olifant test');
      // Only the app's own scripts, only this server to talk to, never framed.
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('serves hashed assets as immutable, and 404 for anything else', async () => {
    const asset = await fetch(`${running.server.localUrl}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${running.server.localUrl}/nope.js`)).status).toBe(404);
    expect((await fetch(`${running.server.localUrl}/b/bad!id`)).status).toBe(404);
    expect((await fetch(`${running.server.localUrl}/secret.key`)).status).toBe(404);
  });
});

describe('GET /api/boards/<id>', () => {
  it('answers the board identity for any role, with the token as Bearer or ?token=', async () => {
    const board = await createBoard(running.server.localUrl, 'Identity');
    const token = (link: string) => new URL(link).hash.slice('#token='.length);
    const res = await fetch(`${running.server.localUrl}/api/boards/${board.id}`, {
      headers: { Authorization: `Bearer ${token(board.links.participant)}` },
    });
    expect(res.status).toBe(200);
    const info = (await res.json()) as Record<string, unknown>;
    expect(info).toMatchObject({ id: board.id, title: 'Identity', schemaVersion: 2, role: 'participant' });
    expect(info.epoch).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const viaQuery = await fetch(`${running.server.localUrl}/api/boards/${board.id}?token=${token(board.links.projector)}`);
    expect(((await viaQuery.json()) as { epoch: string; role: string })).toMatchObject({ epoch: info.epoch, role: 'projector' });
  });

  it('refuses like the websocket: 401 without or with a bad token, 403 for another board, 404 unknown', async () => {
    const a = await createBoard(running.server.localUrl, 'A');
    const b = await createBoard(running.server.localUrl, 'B');
    const bToken = new URL(b.links.participant).hash.slice('#token='.length);
    expect((await fetch(`${running.server.localUrl}/api/boards/${a.id}`)).status).toBe(401);
    expect((await fetch(`${running.server.localUrl}/api/boards/${a.id}?token=junk`)).status).toBe(401);
    expect((await fetch(`${running.server.localUrl}/api/boards/${a.id}?token=${bToken}`)).status).toBe(403);
    expect((await fetch(`${running.server.localUrl}/api/boards/not-an-id!`)).status).toBe(404);
    expect((await fetch(`${running.server.localUrl}/api/boards/${a.id}`, { method: 'DELETE' })).status).toBe(405);
  });
});

/**
 * Requests Node's own parsers choke on get a status that says what went wrong: a request target that
 * is not a URL (`//%`) on the API, a page or the board socket, and a header too large to read.
 *
 * Why: unanswered, the first becomes a 500 (and an error log line per request, a way to flood the
 * log and set off alerts); on the socket it gets no answer at all; the header gets a bare reset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { rawHttp } from '../helpers/rawHttp.ts';
import { startTestServer, tempDir } from '../helpers/server.ts';

const dir = tempDir();
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer(dir.path);
});
afterAll(async () => {
  await server.close();
  dir.cleanup();
});

describe('requests that are not HTTP as the server reads it', () => {
  it.each(['//', '//%/api/boards/x/report.html?token=t', '//a:99999/', '//[/'])('%s: 400 with a reason', async (target) => {
    const answer = await rawHttp(server.port, `GET ${target} HTTP/1.1\r\nHost: localhost`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('bad request target');
  });

  it('a websocket upgrade to such a target: 400 with a reason, not a dropped connection', async () => {
    const answer = await rawHttp(
      server.port,
      'GET //%/ws/x?token=t HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('bad request target');
  });

  it('a header over the size Node reads: 431', async () => {
    const answer = await rawHttp(server.port, `GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
  });
});

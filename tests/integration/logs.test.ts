/**
 * Tokens and device keys never appear in the server's logs, even at the most detailed level, whatever
 * happens to the request that carried them: joins, refusals, bad frames, rotations, the API.
 *
 * Why: logs are shipped, shared and pasted into issues; a link's token is the key to a board.
 */
import { describe, expect, it } from 'vitest';
import { newRecordId } from '../../shared/index.ts';
import { rawHttp } from '../helpers/rawHttp.ts';
import { openRaw } from '../helpers/rawSocket.ts';
import { createBoard, freePort, spawnServer, tempDir, tokenOf } from '../helpers/server.ts';

describe('logs', () => {
  it('hold no token and no device key, at level trace', async () => {
    const dir = tempDir();
    const server = await spawnServer(dir.path, await freePort(), { OLIFANT_LOG_LEVEL: 'trace' });
    try {
      const board = await createBoard(server.url, 'Secrets');
      const other = await createBoard(server.url, 'Other');
      const secrets = [...Object.values(board.links), ...Object.values(other.links)].map(tokenOf);
      const key = 'device-key-that-must-stay-secret';
      secrets.push(key);
      const ws = `${server.url.replace(/^http/, 'ws')}/ws/${board.id}?token=`;
      const participant = tokenOf(board.links.participant);
      const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
      // A join with join data, then a bad frame on it.
      const joined = await openRaw(`${ws}${participant}&person=${newRecordId()}&key=${key}`);
      joined.ws.send(new Uint8Array([99]));
      await joined.closed;
      // Refusals: another board's token, a forged one, a page on another site.
      for (const attempt of [`${ws}${tokenOf(other.links.participant)}`, `${ws}${participant}x`]) await openRaw(attempt).catch(() => undefined);
      await openRaw(`${ws}${participant}`, 'https://evil.example').catch(() => undefined);
      // The API with tokens, a rotation, and a join code.
      await fetch(`${server.url}/api/boards/${board.id}`, auth(participant));
      await fetch(`${server.url}/api/boards/${board.id}`, auth(`${participant}x`));
      await fetch(`${server.url}/api/boards/${board.id}/links/projector/rotate`, { method: 'POST', ...auth(tokenOf(board.links.facilitator)) });
      await fetch(`${server.url}/api/boards/${board.id}/join`, auth(tokenOf(board.links.facilitator)));
      // Request targets Node's URL parser throws on: its error carries the whole target.
      const port = Number(new URL(server.url).port);
      await rawHttp(port, `GET //%/api/boards/${board.id}/report.html?token=${participant} HTTP/1.1\r\nHost: localhost`);
      await rawHttp(port, `GET //%/ws/${board.id}?token=${participant} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==`);
      server.process.kill('SIGTERM');
      await server.exited;
      const output = server.output();
      expect(output).toContain('[upgrade] refused');
      expect(output).toContain('[socket] closing connection');
      for (const secret of secrets) expect(output, 'a token or key in the log').not.toContain(secret);
    } finally {
      server.process.kill('SIGKILL');
      dir.cleanup();
    }
  });
});

/**
 * The report from the real server: `GET /api/boards/<id>/report.md|html` for the facilitator only,
 * with a strict Content-Security-Policy, built from the board as clients made it.
 *
 * Why: the facilitator must get the report from the server even when no browser can render the
 * board; nobody else may, since it lists every participant by name.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/server.ts';
import { REPORT_CSP } from '../../server/http/reportApi.ts';
import { listNotes } from '../../shared/index.ts';
import { connectClient, waitFor, waitSynced } from '../helpers/clients.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';
import { reportBoard } from '../fixtures/reportBoard.ts';

let server: RunningServer;
const dir = tempDir();
beforeAll(async () => {
  server = await startTestServer(dir.path);
});
afterAll(async () => {
  await server.close();
  dir.cleanup();
});

describe('the report endpoints', () => {
  it('give the facilitator Markdown and HTML of the board, with a strict CSP; refuse everyone else', async () => {
    const board = await createBoard(server.localUrl, 'Report board');
    const fixture = reportBoard();
    vi.useRealTimers();
    const fac = connectClient(server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(fac);
    // The fixture's content (not its meta: the board keeps its own title and epoch) goes in as a client would send it.
    Y.applyUpdate(fac.doc, Y.encodeStateAsUpdate(fixture));
    const probe = connectClient(server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitFor(() => listNotes(probe.doc).length === listNotes(fixture).length, 'the server to hold the fixture');

    const get = (path: string, token?: string) => fetch(`${server.localUrl}/api/boards/${board.id}/${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    const md = await get('report.md', tokenOf(board.links.facilitator));
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-security-policy')).toBe(REPORT_CSP);
    const text = await md.text();
    expect(text).toContain('## Common ground');
    expect(text).toContain('- **Waiting lists**');
    const html = await fetch(`${server.localUrl}/api/boards/${board.id}/report.html?lang=nl&token=${tokenOf(board.links.facilitator)}`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('<h2>Gemeenschappelijke basis</h2>');

    expect((await get('report.md', tokenOf(board.links.participant))).status).toBe(403);
    expect((await get('report.html', tokenOf(board.links.projector))).status).toBe(403);
    expect((await get('report.html')).status).toBe(401);
    fac.destroy();
    probe.destroy();
  });
});

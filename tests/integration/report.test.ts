/**
 * The report from the real server: `GET /api/boards/<id>/report.md|html` for the facilitator only,
 * with a strict Content-Security-Policy, built from the board as clients made it.
 *
 * Why: the facilitator must get the report from the server even when no browser can render the
 * board; nobody else may, since it lists every participant by name.
 */
import { describe, expect, it } from 'vitest';
import { REPORT_CSP } from '../../server/http/reportApi.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { serverPerFile } from '../helpers/fileServer.ts';
import { reportBoardOnServer } from '../fixtures/reportBoard.ts';

const running = serverPerFile();

describe('the report endpoints', () => {
  it('give the facilitator Markdown and HTML of the board, with a strict CSP; refuse everyone else', async () => {
    const board = await createBoard(running.server.localUrl, 'Report board');
    await reportBoardOnServer(running.server.localUrl, board.id, tokenOf(board.links.facilitator));

    const get = (path: string, token?: string) => fetch(`${running.server.localUrl}/api/boards/${board.id}/${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    const md = await get('report.md', tokenOf(board.links.facilitator));
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-security-policy')).toBe(REPORT_CSP);
    const text = await md.text();
    expect(text).toContain('## Common ground');
    expect(text).toContain('- **Waiting lists**');
    const html = await fetch(`${running.server.localUrl}/api/boards/${board.id}/report.html?lang=nl&token=${tokenOf(board.links.facilitator)}`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('<h2>Gemeenschappelijke basis</h2>');

    expect((await get('report.md', tokenOf(board.links.participant))).status).toBe(403);
    expect((await get('report.html', tokenOf(board.links.projector))).status).toBe(403);
    expect((await get('report.html')).status).toBe(401);
  });

  it('hand the facilitator a one-time report address without the token; it serves once, then 410', async () => {
    const board = await createBoard(running.server.localUrl, 'Report board');
    await reportBoardOnServer(running.server.localUrl, board.id, tokenOf(board.links.facilitator));
    const mint = (token: string | undefined, query = '?format=html&lang=nl&tz=Europe/Amsterdam', viaQuery = false) =>
      fetch(`${running.server.localUrl}/api/boards/${board.id}/report-links${query}${viaQuery ? `&token=${token}` : ''}`, {
        method: 'POST',
        headers: token && !viaQuery ? { Authorization: `Bearer ${token}` } : {},
      });
    const res = await mint(tokenOf(board.links.facilitator));
    expect(res.status).toBe(201);
    const { url, expiresAt } = (await res.json()) as { url: string; expiresAt: number };
    expect(url).toMatch(/^\/api\/reports\/[A-Za-z0-9_-]{32}$/);
    expect(expiresAt).toBeGreaterThan(Date.now());
    const page = await fetch(`${running.server.localUrl}${url}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(REPORT_CSP);
    const html = await page.text();
    expect(html).toContain('<h2>Gemeenschappelijke basis</h2>');
    expect(html).toMatch(/Verslag gemaakt: \d{1,2} [a-z]+ \d{4} om \d{2}:\d{2} (CET|CEST)/);
    expect((await fetch(`${running.server.localUrl}${url}`)).status).toBe(410);

    const md = (await (await mint(tokenOf(board.links.facilitator), '?format=md')).json()) as { url: string };
    const file = await fetch(`${running.server.localUrl}${md.url}`);
    expect(file.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/);

    expect((await mint(tokenOf(board.links.participant))).status).toBe(403);
    expect((await mint(undefined)).status).toBe(401);
    // The token in the address is what this route exists to avoid: it is not read here.
    expect((await mint(tokenOf(board.links.facilitator), '?format=html', true)).status).toBe(401);
    expect((await fetch(`${running.server.localUrl}/api/reports/${'x'.repeat(32)}`)).status).toBe(410);

    // A past state of the board (its history) opens the same way.
    expect((await mint(tokenOf(board.links.facilitator), '?snapshot=999999')).status).toBe(404);
    const auth = { headers: { Authorization: `Bearer ${tokenOf(board.links.facilitator)}` } };
    const { snapshots } = (await (await fetch(`${running.server.localUrl}/api/boards/${board.id}/history`, auth)).json()) as { snapshots: { id: number }[] };
    expect(snapshots.length).toBeGreaterThan(0);
    const past = (await (await mint(tokenOf(board.links.facilitator), `?snapshot=${snapshots[0]!.id}`)).json()) as { url: string };
    const pastPage = await fetch(`${running.server.localUrl}${past.url}`);
    expect(pastPage.status).toBe(200);
    expect(await pastPage.text()).toContain('<h2>Common ground</h2>');
  });
});

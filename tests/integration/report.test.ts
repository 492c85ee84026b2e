/**
 * The report from the real server: `GET /api/boards/<id>/report.md|html` for the facilitator only,
 * with a strict Content-Security-Policy, built from the board as clients made it.
 *
 * Why: the facilitator must get the report from the server even when no browser can render the
 * board; nobody else may, since it lists every participant by name. And it holds every note the room
 * made, those that no agenda task or cluster holds too.
 */
import { describe, expect, it } from 'vitest';
import { createArea, createNote, listNotes, ORIGIN } from '../../shared/index.ts';
import { connectClient, waitFor, waitSynced } from '../helpers/clients.ts';
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

  it('list the notes that no agenda task or cluster holds under "Elsewhere on the board", each once', async () => {
    const board = await createBoard(running.server.localUrl, 'Loose notes');
    const token = tokenOf(board.links.facilitator);
    const fac = connectClient(running.server.localUrl, board.id, token);
    running.clients.push(fac);
    await waitSynced(fac);
    createArea(fac.doc, { name: 'Parking lot', x: 0, y: 0, w: 800, h: 600 }, ORIGIN.local);
    const ids = [
      createNote(fac.doc, { text: 'Ask the council', x: 100, y: 100, authorId: 'p' }, ORIGIN.local),
      createNote(fac.doc, { text: 'Bring the youth council', x: 3000, y: 3000, authorId: 'p', createdAt: Date.now() + 1 }, ORIGIN.local),
      createNote(fac.doc, { text: 'Evening hours', x: 3400, y: 3000, authorId: 'p', createdAt: Date.now() + 2 }, ORIGIN.local),
    ];
    const probe = connectClient(running.server.localUrl, board.id, token);
    running.clients.push(probe);
    await waitFor(() => listNotes(probe.doc).length === 3, 'the server to hold the notes');

    const get = (path: string) => fetch(`${running.server.localUrl}/api/boards/${board.id}/${path}`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.text());
    const md = await get('report.md');
    const elsewhere = md.slice(md.indexOf('## Elsewhere on the board'), md.indexOf('## Dot votes'));
    expect(elsewhere).toContain('### Parking lot\n\n- Ask the council\n');
    expect(elsewhere).toContain('### Not in any area\n\n- Bring the youth council\n- Evening hours\n');
    const html = await get('report.html?lang=nl');
    expect(html).toContain('<h2>Elders op het bord</h2>');
    for (const id of ids) expect(html.split(`data-note-id="${id}"`)).toHaveLength(2);
  });
});

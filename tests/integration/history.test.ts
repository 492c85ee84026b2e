/**
 * The board's history through the real server: snapshots are taken on a schedule while the board
 * changes and at each agenda step, listed, looked at read-only, and restored as new boards; the
 * board itself is never overwritten.
 *
 * Why: nothing is ever lost; a facilitator can go back to how the wall looked before it went wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../shared/index.ts';
import type { RunningServer } from '../../server/server.ts';
import type { SnapshotInfo } from '../../server/persistence/store.ts';
import { applyTemplate, createNote, listNotes, ORIGIN } from '../../shared/index.ts';
import { type Backup } from '../../shared/report/index.ts';
import { connectClient, sleep, waitFor, waitSynced } from '../helpers/clients.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

let server: RunningServer;
const dir = tempDir();
beforeAll(async () => {
  server = await startTestServer(dir.path, { snapshotEveryMs: 300 });
});
afterAll(async () => {
  await server.close();
  dir.cleanup();
});

const call = (board: CreatedBoard, path: string, init: RequestInit = {}, role: 'facilitator' | 'participant' = 'facilitator') =>
  fetch(`${server.localUrl}/api/boards/${board.id}/${path}`, { ...init, headers: { Authorization: `Bearer ${tokenOf(board.links[role])}` } });
const snapshots = async (board: CreatedBoard) => ((await (await call(board, 'history')).json()) as { snapshots: SnapshotInfo[] }).snapshots;

describe('history', () => {
  it('takes snapshots while the board changes and at agenda steps, shows them, and restores one as a new board', async () => {
    const board = await createBoard(server.localUrl, 'History');
    const fac = connectClient(server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(fac);
    createNote(fac.doc, { text: 'Before anything went wrong', x: 0, y: 0, authorId: 'p' }, ORIGIN.local);
    await sleep(800);
    expect((await snapshots(board)).map((s) => s.reason)).toContain('schedule');
    const quiet = (await snapshots(board)).length;
    await sleep(700);
    expect((await snapshots(board)).length).toBe(quiet); // no change, no new snapshot

    applyTemplate(fac.doc, 'blank', { lang: 'en', mixedTables: 1, year: 2026 }, ORIGIN.local);
    await sleep(200);
    const list = await snapshots(board);
    expect(list.at(-1)?.reason).toBe('agenda');
    const first = list.find((s) => s.reason === 'schedule')!;

    createNote(fac.doc, { text: 'Later scribbles', x: 300, y: 0, authorId: 'p' }, ORIGIN.local);
    await sleep(100);
    const svg = await call(board, `history/${first.id}/board.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svgText = await svg.text();
    expect(svgText).toContain('>anything</tspan>'); // "Before anything went wrong", one word a line
    expect(svgText).not.toContain('scribbles');
    expect((await call(board, `history/${first.id}/report.html`)).status).toBe(200);

    const restored = await call(board, `history/${first.id}/restore?title=Back%20to%20before`, { method: 'POST' });
    expect(restored.status).toBe(201);
    const copy = (await restored.json()) as CreatedBoard;
    expect(copy.id).not.toBe(board.id);
    const copyView = ((await (await call(copy, 'backup.json')).json()) as Backup).view;
    expect(copyView.notes.map((n) => n.text)).toEqual(['Before anything went wrong']);
    expect(copyView.meta.title).toBe('Back to before');
    // The board itself still has everything, and a snapshot was kept before the restore.
    await waitFor(() => listNotes(fac.doc).length === 2, 'the original untouched');
    expect((await snapshots(board)).at(-1)?.reason).toBe('before-restore');

    expect((await call(board, 'history', {}, 'participant')).status).toBe(403);
    expect((await call(board, 'history/999999/board.svg')).status).toBe(404);
    expect((await call(board, `history/${first.id}/restore`)).status).toBe(405);
    fac.destroy();
  });
});

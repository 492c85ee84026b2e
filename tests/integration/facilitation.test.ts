/**
 * The facilitator's frame, enforced by the real server: link rotation closes old sockets and refuses
 * old tokens; a board lock refuses participants' updates and lifts cleanly; a participant cannot
 * change the frame (lock, timer, groups, votes) at all.
 *
 * Why: the facilitator controls the frame and the time, and nothing a participant or projector does
 * can override it. Only the server can promise that; the UI merely hides the buttons.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardInfo, CreatedBoard } from '../../shared/index.ts';
import { createGroup, createNote, listGroups, listNotes, ORIGIN, readFacilitation, setBoardLocked, startTimer } from '../../shared/index.ts';
import { connectClient, sleep, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { serverPerFile } from '../helpers/fileServer.ts';

const running = serverPerFile();
const clients = running.clients;

async function join(board: CreatedBoard, role: 'facilitator' | 'participant' | 'projector'): Promise<TestClient & { closes: number[] }> {
  const client = connectClient(running.server.localUrl, board.id, tokenOf(board.links[role]));
  const closes: number[] = [];
  client.provider.on('connection-close', (event: CloseEvent | null) => event && closes.push(event.code));
  clients.push(client);
  await waitSynced(client);
  return Object.assign(client, { closes });
}

const api = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${running.server.localUrl}${path}`, { ...init, headers: { Authorization: `Bearer ${token}` } });

describe('link rotation', () => {
  it('a new participant link: old sockets are closed within seconds, the old token is refused, the new one works', async () => {
    const board = await createBoard(running.server.localUrl, 'Rotation');
    const fac = tokenOf(board.links.facilitator);
    const old = await join(board, 'participant');
    old.provider.shouldConnect = true;
    const projector = await join(board, 'projector');

    const res = await api(`/api/boards/${board.id}/links/participant/rotate`, fac, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { role: string; link: string; closed: number };
    expect(body).toMatchObject({ role: 'participant', closed: 1 });
    expect(tokenOf(body.link)).not.toBe(tokenOf(board.links.participant));

    await waitFor(() => old.closes.includes(4410), 'the old participant socket to close with 4410', 3_000);
    old.provider.disconnect();
    // The old token is refused everywhere; the projector was not touched.
    expect((await api(`/api/boards/${board.id}`, tokenOf(board.links.participant))).status).toBe(403);
    expect(projector.provider.wsconnected).toBe(true);
    const fresh = await join({ ...board, links: { ...board.links, participant: body.link } }, 'participant');
    expect(fresh.provider.synced).toBe(true);
    // The facilitator's list of links now carries the new one.
    const links = (await (await api(`/api/boards/${board.id}/links`, fac)).json()) as { links: Record<string, string> };
    expect(links.links.participant).toBe(body.link);
  });

  it('only the facilitator may rotate or list links, and the facilitator link itself is not rotated', async () => {
    const board = await createBoard(running.server.localUrl, 'Rotation rights');
    const participant = tokenOf(board.links.participant);
    expect((await api(`/api/boards/${board.id}/links/projector/rotate`, participant, { method: 'POST' })).status).toBe(403);
    expect((await api(`/api/boards/${board.id}/links`, participant)).status).toBe(403);
    expect((await api(`/api/boards/${board.id}/links/projector/rotate`, 'junk', { method: 'POST' })).status).toBe(401);
    const facRotate = await api(`/api/boards/${board.id}/links/facilitator/rotate`, tokenOf(board.links.facilitator), { method: 'POST' });
    expect(facRotate.status).toBe(400);
    expect(((await facRotate.json()) as { error: string }).error).toMatch(/only the participant and projector/);
    expect((await api(`/api/boards/${board.id}/links/projector/rotate`, tokenOf(board.links.facilitator))).status).toBe(405);
    // Only under /links (/join/participant/rotate must not replace the participant link too).
    expect((await api(`/api/boards/${board.id}/join/participant/rotate`, tokenOf(board.links.facilitator), { method: 'POST' })).status).toBe(404);
    expect((await api(`/api/boards/${board.id}/links`, tokenOf(board.links.facilitator))).status).toBe(200);
  });

  it('counts the open sockets per role for the facilitator, and tells the time', async () => {
    const board = await createBoard(running.server.localUrl, 'Who is here');
    await join(board, 'participant');
    await join(board, 'participant');
    await join(board, 'projector');
    const res = await api(`/api/boards/${board.id}/connections`, tokenOf(board.links.facilitator));
    expect(await res.json()).toEqual({ connections: { facilitator: 0, participant: 2, projector: 1 } });
    const before = Date.now();
    const { now } = (await (await fetch(`${running.server.localUrl}/api/time`)).json()) as { now: number };
    expect(now).toBeGreaterThanOrEqual(before - 1);
    expect(now).toBeLessThanOrEqual(Date.now() + 1);
  });
});

describe('roles in awareness', () => {
  it('a participant claiming to be the facilitator is shown to others as a participant', async () => {
    const board = await createBoard(running.server.localUrl, 'Who is who');
    const fac = await join(board, 'facilitator');
    const poser = await join(board, 'participant');
    const watcher = await join(board, 'participant');
    fac.provider.awareness.setLocalState({ user: { name: 'Fien', role: 'facilitator' }, view: { x: 0, y: 0, w: 100, h: 100 } });
    poser.provider.awareness.setLocalState({ user: { name: 'Not Fien', role: 'facilitator' }, view: { x: 9000, y: 9000, w: 10, h: 10 } });
    const roleOf = (name: string) =>
      [...watcher.provider.awareness.getStates().values()].map((st) => st.user as { name?: string; role?: string } | undefined).find((u) => u?.name === name)?.role;
    await waitFor(() => roleOf('Fien') !== undefined && roleOf('Not Fien') !== undefined, 'both states at the watcher');
    expect(roleOf('Fien')).toBe('facilitator');
    expect(roleOf('Not Fien')).toBe('participant');
  });
});

describe('the short join code', () => {
  it('the projector gets a short URL that redirects to the current participant link; a rotation replaces it', async () => {
    const board = await createBoard(running.server.localUrl, 'Join code');
    const res = await api(`/api/boards/${board.id}/join`, tokenOf(board.links.projector));
    expect(res.status).toBe(200);
    const { code, url } = (await res.json()) as { code: string; url: string };
    expect(code).toMatch(/^[a-z0-9]{8}$/);
    expect(url).toBe(`${running.server.localUrl}/j/${code}`);
    expect((await api(`/api/boards/${board.id}/join`, tokenOf(board.links.participant))).status).toBe(403);
    // Every role learns the current code with the board's identity (a device keeps it for offline use).
    const info = (await (await api(`/api/boards/${board.id}`, tokenOf(board.links.participant))).json()) as BoardInfo;
    expect(info.joinCode).toBe(code);

    const go = await fetch(url, { redirect: 'manual' });
    expect(go.status).toBe(302);
    const target = go.headers.get('location')!;
    expect(target.startsWith(`${running.server.localUrl}/b/${board.id}#token=`)).toBe(true);
    expect((await api(`/api/boards/${board.id}`, tokenOf(target))).status).toBe(200);

    await api(`/api/boards/${board.id}/links/participant/rotate`, tokenOf(board.links.facilitator), { method: 'POST' });
    const stale = await fetch(url, { redirect: 'manual' });
    expect(stale.status).toBe(410);
    expect(await stale.text()).toMatch(/no longer\) valid/);
    const fresh = (await (await api(`/api/boards/${board.id}/join`, tokenOf(board.links.facilitator))).json()) as { code: string };
    expect(fresh.code).not.toBe(code);
    expect((await fetch(`${running.server.localUrl}/j/nosuchcode`, { redirect: 'manual' })).status).toBe(404);
  });
});

describe('the board lock and the facilitator-only frame', () => {
  it('while the board is locked, participant updates are refused at the server; after the lift they go through', async () => {
    const board = await createBoard(running.server.localUrl, 'Lock');
    const fac = await join(board, 'facilitator');
    const table = await join(board, 'participant');
    const watcher = await join(board, 'participant');
    setBoardLocked(fac.doc, true, ORIGIN.local);
    await waitFor(() => readFacilitation(table.doc).boardLocked, 'the table to see the lock');

    createNote(table.doc, { text: 'during the lock', x: 0, y: 0, authorId: 'table' }, ORIGIN.local);
    await sleep(300);
    expect(listNotes(watcher.doc)).toEqual([]);
    expect(listNotes(fac.doc)).toEqual([]);
    const metrics = await (await fetch(`${running.server.localUrl}/metrics`)).text();
    expect(metrics).toMatch(/olifant_ignored_writes_total [1-9]/);

    setBoardLocked(fac.doc, false, ORIGIN.local);
    // On the lift the server asks participants for what it lacks: the note held back arrives, with
    // no reconnect, and notes made after it follow.
    await waitFor(() => listNotes(watcher.doc).some((n) => n.text === 'during the lock'), 'the held-back note after the lift');
    createNote(table.doc, { text: 'after the lift', x: 0, y: 0, authorId: 'table' }, ORIGIN.local);
    await waitFor(() => listNotes(watcher.doc).some((n) => n.text === 'after the lift'), 'the new note to arrive');
    expect(table.closes).toEqual([]);
  });

  it('a participant who changes the frame (lock, timer, groups) is disconnected and changes nothing', async () => {
    const board = await createBoard(running.server.localUrl, 'Frame');
    const fac = await join(board, 'facilitator');
    for (const attempt of [
      (d: Y.Doc) => setBoardLocked(d, true, ORIGIN.local),
      (d: Y.Doc) => startTimer(d, 60_000, Date.now(), ORIGIN.local),
      (d: Y.Doc) => createGroup(d, { name: 'Fake group', color: '#123456' }, ORIGIN.local),
    ]) {
      const rogue = await join(board, 'participant');
      rogue.provider.shouldConnect = false; // no reconnect after the close, so the test sees it once
      attempt(rogue.doc);
      await waitFor(() => rogue.closes.includes(4403), 'the rogue socket to close with 4403', 3_000);
    }
    await sleep(200);
    const facilitation = readFacilitation(fac.doc);
    expect(facilitation.boardLocked).toBe(false);
    expect(facilitation.timer.state).toBe('stopped');
    expect(listGroups(fac.doc)).toEqual([]);
    // The facilitator may, of course.
    setBoardLocked(fac.doc, true, ORIGIN.local);
    const late = await join(board, 'participant');
    await waitFor(() => readFacilitation(late.doc).boardLocked, 'a late joiner to see the lock');
  });

  it('a participant reconnecting after the frame changed is not refused (its sync carries old deletions only)', async () => {
    const board = await createBoard(running.server.localUrl, 'Reconnect');
    const fac = await join(board, 'facilitator');
    const table = await join(board, 'participant');
    setBoardLocked(fac.doc, true, ORIGIN.local);
    setBoardLocked(fac.doc, false, ORIGIN.local);
    startTimer(fac.doc, 60_000, Date.now(), ORIGIN.local);
    createGroup(fac.doc, { name: 'Citizens', color: '#1b9e77' }, ORIGIN.local);
    await waitFor(() => readFacilitation(table.doc).timer.state === 'running' && listGroups(table.doc).length === 1, 'the table to see the frame');
    createNote(table.doc, { text: 'offline note', x: 0, y: 0, authorId: 'table' }, ORIGIN.local);
    table.provider.disconnect();
    createNote(table.doc, { text: 'made while away', x: 0, y: 0, authorId: 'table' }, ORIGIN.local);
    table.provider.connect();
    await waitFor(() => listNotes(fac.doc).length === 2, 'both notes at the facilitator');
    expect(table.closes.filter((c) => c === 4403)).toEqual([]);
  });
});

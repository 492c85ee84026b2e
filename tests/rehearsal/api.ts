/**
 * The HTTP routes the rehearsal uses, as docs/http-api.md gives them: a new board, the server's
 * clock, the backup and its restore, the history and a snapshot's restore. Tokens go in the
 * `Authorization: Bearer` header, never in an address.
 *
 * Why: a rehearsal of a real deployment reaches it only through its public API, as any tool would.
 */
import type { CreatedBoard } from '../../shared/index.ts';
import { tokenOf } from '../helpers/server.ts';
import type { OracleTarget } from './oracle/index.ts';

/** A board and its three tokens. */
export interface BoardAccess extends OracleTarget {
  readonly participantToken: string;
  readonly projectorToken: string;
  readonly links: CreatedBoard['links'];
}

async function expectStatus(res: Response, status: number, what: string): Promise<Response> {
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res;
}

function accessOf(baseUrl: string, board: CreatedBoard): BoardAccess {
  return {
    baseUrl,
    boardId: board.id,
    facilitatorToken: tokenOf(board.links.facilitator),
    participantToken: tokenOf(board.links.participant),
    projectorToken: tokenOf(board.links.projector),
    links: board.links,
  };
}

/** `POST /api/boards`: a new board of the rehearsal's own. */
export async function newBoard(baseUrl: string, title: string): Promise<BoardAccess> {
  const res = await fetch(`${baseUrl}/api/boards`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title }) });
  await expectStatus(res, 201, 'POST /api/boards');
  return accessOf(baseUrl, (await res.json()) as CreatedBoard);
}

/** `GET /api/time`: the server's clock (the timer and the agenda run on it). */
export async function serverNow(baseUrl: string): Promise<number> {
  const res = await expectStatus(await fetch(`${baseUrl}/api/time`), 200, 'GET /api/time');
  return ((await res.json()) as { now: number }).now;
}

const bearer = (board: OracleTarget) => ({ Authorization: `Bearer ${board.facilitatorToken}` });

/** `GET .../backup.json` then `POST /api/boards/restore`: the end-of-day backup as a new board. */
export async function backupAndRestore(board: OracleTarget): Promise<{ copy: BoardAccess; bytes: number }> {
  const res = await expectStatus(await fetch(`${board.baseUrl}/api/boards/${board.boardId}/backup.json`, { headers: bearer(board) }), 200, 'GET backup.json');
  const backup = await res.text();
  const restored = await fetch(`${board.baseUrl}/api/boards/restore?title=${encodeURIComponent('Rehearsal (restored backup)')}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: backup,
  });
  await expectStatus(restored, 201, 'POST /api/boards/restore');
  return { copy: accessOf(board.baseUrl, (await restored.json()) as CreatedBoard), bytes: backup.length };
}

export interface Snapshot {
  readonly id: number;
  readonly takenAt: number;
  readonly reason: string;
  readonly bytes: number;
}

/** `GET .../history`: the board's kept states, oldest first. */
export async function history(board: OracleTarget): Promise<Snapshot[]> {
  const res = await expectStatus(await fetch(`${board.baseUrl}/api/boards/${board.boardId}/history`, { headers: bearer(board) }), 200, 'GET history');
  return ((await res.json()) as { snapshots: Snapshot[] }).snapshots;
}

/** `POST .../history/<snapshot>/restore`: a past state as a new board. */
export async function restoreSnapshot(board: OracleTarget, snapshot: number): Promise<BoardAccess> {
  const res = await fetch(`${board.baseUrl}/api/boards/${board.boardId}/history/${snapshot}/restore?title=${encodeURIComponent('Rehearsal (morning)')}`, {
    method: 'POST',
    headers: bearer(board),
  });
  await expectStatus(res, 201, `POST history/${snapshot}/restore`);
  return accessOf(board.baseUrl, (await res.json()) as CreatedBoard);
}

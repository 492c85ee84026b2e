/**
 * The question "which board is this, and does my link open it?" (`GET /api/boards/<id>`: its title
 * and epoch), asked as soon as the page knows the board, before the board's code has loaded.
 *
 * Why: the server loads the board to answer, and the device connects only after the answer (the
 * epoch check in epochGate.ts). Asked at once from the app shell, the server's load overlaps the
 * page's own start-up instead of following it. This module is in the shell, so it imports only the
 * small request helper (`api.ts`) and the device's list of boards (the answer's join code is kept
 * there, so the projector's QR code opens this board offline too).
 */
import type { BoardInfo } from '../../shared/index.ts';
import { rememberJoinCode } from '../store/recentBoards.ts';
import { apiResponse } from './api.ts';

/** An early answer older than this (ms) is not used: the board may have changed since. */
const FRESH_MS = 10_000;

let early: { key: string; at: number; response: Promise<Response> } | null = null;

/**
 * Asks the server about board `boardId`; a rejection means the network is down. The answer's status
 * says whether the link opens the board; its body is a `BoardInfo` (shared/protocol/api.ts).
 */
export function fetchBoardInfo(boardId: string, token: string): Promise<Response> {
  const response = apiResponse(`/api/boards/${boardId}`, { token, cache: 'no-store' });
  // Read from a copy, before whoever asked reads the answer itself.
  response.then(
    (res) => res.ok && void res.clone().json().then((info: BoardInfo) => typeof info.joinCode === 'string' && rememberJoinCode(info.joinCode, boardId), () => undefined),
    () => undefined,
  );
  return response;
}

/** Asks now, for whoever needs the answer first (the join form's title or the session's epoch check). */
export function askAboutBoardEarly(boardId: string, token: string): void {
  const response = fetchBoardInfo(boardId, token);
  response.catch(() => undefined); // offline: whoever takes the answer handles the failure
  early = { key: `${boardId} ${token}`, at: performance.now(), response };
}

/** The early answer for this board and link if there is a fresh one (given out once), else a new question. */
export function askAboutBoard(boardId: string, token: string): Promise<Response> {
  const taken = early;
  early = null;
  if (taken && taken.key === `${boardId} ${token}` && performance.now() - taken.at < FRESH_MS) return taken.response;
  return fetchBoardInfo(boardId, token);
}

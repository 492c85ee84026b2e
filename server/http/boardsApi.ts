/**
 * The board itself over HTTP:
 * - `POST /api/boards` (body `{ "title": ... }`): a new, empty board, answered with its three links;
 * - `GET /api/boards/<id>`: its title, epoch and schema version, the role of the asking token, and the
 *   join code of the current participant link (the code the projector shows);
 *
 * Why: anyone may start a board (no accounts, within the per-address budget of new boards); what
 * they get back are links, one per role, each carrying a signed token in the URL fragment so it stays
 * out of server and proxy logs. A device asks `GET /api/boards/<id>` before it merges its stored copy,
 * to learn whether it is still the same board.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBoardBodySchema, isId, parseOrThrow, ValidationError, type BoardInfo, type BoardMeta, type CreatedBoard } from '../../shared/index.ts';
import { authorize, requestToken } from '../auth/authorize.ts';
import { createEmptyBoard, type NewBoardStore } from './createBoard.ts';
import { spendNewBoard, type NewBoardDeps } from './newBoards.ts';
import { baseUrl, HttpError, readJsonBody, requestUrl, sendJson, type BaseUrlDeps } from './respond.ts';

/** Largest accepted body of `POST /api/boards`. */
export const MAX_BODY_BYTES = 16 * 1024;

/** What the board routes need from the server. */
export interface BoardsDeps extends NewBoardStore, NewBoardDeps, BaseUrlDeps {
  /** The live meta of a stored board (loads it if needed). */
  readonly readMeta: (boardId: string) => Promise<BoardMeta>;
}

/** Handles the routes above; returns false when none matches. Must come after the routes below `/api/boards/`. */
export async function handleBoardsApi(deps: BoardsDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const one = /^\/api\/boards\/([^/]+)$/.exec(path);
  if (one) {
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      throw new HttpError(405, 'use GET to read a board');
    }
    sendJson(res, 200, (await boardInfo(deps, req, one[1]!)) satisfies BoardInfo);
    return true;
  }
  if (path !== '/api/boards') return false;
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    throw new HttpError(405, 'use POST to create a board');
  }
  const title = newBoardTitle(await readJsonBody(req, MAX_BODY_BYTES));
  await spendNewBoard(deps, req);
  sendJson(res, 201, (await createEmptyBoard(deps, title, baseUrl(deps, req))) satisfies CreatedBoard);
  return true;
}

/** The title in the body of `POST /api/boards`, or a 400 saying what is wrong with it. */
function newBoardTitle(body: unknown): string {
  try {
    return parseOrThrow(createBoardBodySchema, body).title;
  } catch (err) {
    if (err instanceof ValidationError) throw new HttpError(400, `invalid board: ${err.message}`);
    throw err;
  }
}

async function boardInfo(deps: BoardsDeps, req: IncomingMessage, boardId: string): Promise<BoardInfo> {
  if (!isId(boardId)) throw new HttpError(404, 'unknown board');
  const token = requestToken(req.headers.authorization, requestUrl(req));
  const auth = await authorize(deps.store, deps.secret, boardId, token);
  if (!auth.ok) throw new HttpError(auth.status, auth.reason);
  const meta = await deps.readMeta(boardId);
  // The room reads the join code on the projector anyway; a device that knows it can open the board
  // from the QR code while offline (the client remembers code -> board).
  const joinCode = await deps.store.joinCode(boardId, auth.board.keyVersions.participant);
  return { id: boardId, title: meta.title, epoch: meta.epoch, schemaVersion: meta.schemaVersion, role: auth.claims.role, joinCode };
}

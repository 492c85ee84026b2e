/**
 * The JSON API: `POST /api/boards` creates a board and answers its three capability links.
 *
 * Why: anyone may start a board (no accounts); what they get back are links, one per role, each
 * carrying a signed token in the URL fragment so it stays out of server and proxy logs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import {
  createBoardBodySchema,
  initBoard,
  isId,
  newBoardId,
  type BoardMeta,
  ORIGIN,
  parseOrThrow,
  readMeta,
  ROLES,
  signToken,
  ValidationError,
  type Role,
} from '../../shared/index.ts';
import type { BoardStore } from '../persistence/store.ts';
import { authorize, requestToken } from '../auth/authorize.ts';
import { handleLinksApi, type LinksDeps } from './linksApi.ts';
import { handleReportApi, type ReportDeps } from './reportApi.ts';
import { handleBackupApi, type BackupDeps } from './backupApi.ts';
import { handleHistoryApi, type HistoryDeps } from './historyApi.ts';
import { spendNewBoard } from './newBoards.ts';
import { HttpError, readJsonBody, requestUrl, sendJson } from './respond.ts';

/** Largest accepted API request body. */
export const MAX_BODY_BYTES = 16 * 1024;

export interface ApiDeps extends LinksDeps, ReportDeps, BackupDeps, HistoryDeps {
  readonly store: BoardStore;
  readonly secret: Uint8Array;
  /** Configured base URL for links, or `undefined` to use the request's Host. */
  readonly publicUrl: string | undefined;
  /** The live meta of a stored board (loads it if needed). */
  readonly readMeta: (boardId: string) => BoardMeta;
}

/** The answer of `POST /api/boards`. */
export interface CreatedBoard {
  readonly id: string;
  readonly title: string;
  readonly links: Record<Role, string>;
}

/** The answer of `GET /api/boards/<id>`: what a device checks before merging its copy. */
export interface BoardInfo {
  readonly id: string;
  readonly title: string;
  readonly epoch: string;
  readonly schemaVersion: number;
  readonly role: Role;
}

/** Handles `/api/...`; returns false when no API route matches. */
export async function handleApi(deps: ApiDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  if (await handleLinksApi(deps, req, res, path, () => baseUrl(deps, req))) return true;
  if (await handleReportApi(deps, req, res, path)) return true;
  const createFrom = (content: BoardContent) => storeNewBoard(deps, content, baseUrl(deps, req));
  if (await handleBackupApi(deps, req, res, path, createFrom)) return true;
  if (await handleHistoryApi(deps, req, res, path, createFrom)) return true;
  const one = /^\/api\/boards\/([^/]+)$/.exec(path);
  if (one) {
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      throw new HttpError(405, 'use GET to read a board');
    }
    sendJson(res, 200, await boardInfo(deps, req, one[1]!));
    return true;
  }
  if (path !== '/api/boards') return false;
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    throw new HttpError(405, 'use POST to create a board');
  }
  const body = await readJsonBody(req, MAX_BODY_BYTES);
  let title: string;
  try {
    title = parseOrThrow(createBoardBodySchema, body).title;
  } catch (err) {
    if (err instanceof ValidationError) throw new HttpError(400, `invalid board: ${err.message}`);
    throw err;
  }
  spendNewBoard(deps, req);
  sendJson(res, 201, await createBoard(deps, title, baseUrl(deps, req)));
  return true;
}

/** Creates a board in the store and signs its three links. */
export async function createBoard(deps: ApiDeps, title: string, base: string): Promise<CreatedBoard> {
  const doc = new Y.Doc();
  initBoard(doc, { title, createdAt: Date.now() }, ORIGIN.server);
  try {
    return await storeNewBoard(deps, contentOf(doc), base);
  } finally {
    doc.destroy();
  }
}

/** A new board's content: its encoded document and its title. */
export interface BoardContent {
  readonly state: Uint8Array;
  readonly title: string;
}

/** The content of `doc`, to store as a new board. */
export function contentOf(doc: Y.Doc): BoardContent {
  return { state: Y.encodeStateAsUpdate(doc), title: readMeta(doc).title };
}

/** Stores a new board with `content` (a new id, fresh keys) and signs its three links. */
export async function storeNewBoard(deps: Pick<ApiDeps, 'store' | 'secret'>, { state, title }: BoardContent, base: string): Promise<CreatedBoard> {
  const id = newBoardId();
  const keyVersions = { facilitator: 1, participant: 1, projector: 1 };
  deps.store.createBoard({ id, title, createdAt: Date.now(), keyVersions }, state);
  const links = {} as Record<Role, string>;
  for (const role of ROLES) {
    const token = await signToken({ boardId: id, role, keyVersion: keyVersions[role] }, deps.secret);
    links[role] = `${base}/b/${id}#token=${token}`;
  }
  return { id, title, links };
}

async function boardInfo(deps: ApiDeps, req: IncomingMessage, boardId: string): Promise<BoardInfo> {
  if (!isId(boardId)) throw new HttpError(404, 'unknown board');
  const token = requestToken(req.headers.authorization, requestUrl(req));
  const auth = await authorize(deps.store, deps.secret, boardId, token);
  if (!auth.ok) throw new HttpError(auth.status, auth.reason);
  const meta = deps.readMeta(boardId);
  return { id: boardId, title: meta.title, epoch: meta.epoch, schemaVersion: meta.schemaVersion, role: auth.claims.role };
}

/** The links' base URL: the configured public URL, or the request's Host. */
export function baseUrl(deps: { readonly publicUrl: string | undefined }, req: IncomingMessage): string {
  if (deps.publicUrl) return deps.publicUrl;
  const host = req.headers.host;
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) throw new HttpError(400, 'missing or bad Host header');
  return `http://${host}`;
}

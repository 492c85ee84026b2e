/**
 * The JSON API from the browser: every request to `/api/...` is made here, and every answer and
 * error body read here, typed by `shared/protocol/api.ts`.
 *
 * Why: the server says in its error body what went wrong and what to do; reading that in one place
 * means every screen shows the server's words, and a changed answer fails the type check here, not
 * on a tablet. It imports nothing but the protocol's types and its error-body reader, so the start
 * page and the app shell, which use it, stay small.
 */
import {
  apiErrorMessage,
  type ConnectionsAnswer,
  type CreatedBoard,
  type HistoryAnswer,
  type JoinCodeAnswer,
  type LinksAnswer,
  type NewBoardRequest,
  type RotatedLink,
} from '../../shared/protocol/api.ts';

/** A request the server answered with an error status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    /** What the server's error body says, if it says anything. */
    readonly serverMessage: string | undefined,
  ) {
    super(serverMessage ?? `the server answered ${status}`);
  }
}

/** How to send one request. */
export interface ApiRequest {
  readonly method?: 'GET' | 'POST';
  /** The link's token, sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** A body of JSON text (sent with `Content-Type: application/json`). */
  readonly json?: string;
  readonly cache?: RequestCache;
}

/** Sends a request to the API and gives its answer, whatever its status; rejects when the network fails. */
export function apiResponse(path: string, request: ApiRequest = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (request.json !== undefined) headers['Content-Type'] = 'application/json';
  if (request.token !== undefined) headers.Authorization = `Bearer ${request.token}`;
  const init: RequestInit = { headers };
  if (request.method) init.method = request.method;
  if (request.json !== undefined) init.body = request.json;
  if (request.cache) init.cache = request.cache;
  return fetch(path, init);
}

/** Sends a request and reads its JSON answer; throws `ApiError` for an error status. */
export async function apiJson<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const res = await apiResponse(path, request);
  if (!res.ok) throw new ApiError(res.status, apiErrorMessage(await res.json().catch(() => undefined)));
  return (await res.json()) as T;
}

/** `POST /api/boards`: a new board titled `title`, with its three links. */
export function createBoard(title: string): Promise<CreatedBoard> {
  return apiJson('/api/boards', { method: 'POST', json: JSON.stringify({ title } satisfies NewBoardRequest) });
}

/** `POST /api/boards/restore`: the backup file's text as a new board, with its three links. */
export function restoreBackup(backup: string): Promise<CreatedBoard> {
  return apiJson('/api/boards/restore', { method: 'POST', json: backup });
}

/** `GET /api/boards/<id>/history`: the board's kept snapshots, oldest first (facilitator only). */
export function listHistory(boardId: string, token: string): Promise<HistoryAnswer> {
  return apiJson(`/api/boards/${boardId}/history`, { token });
}

/** `POST /api/boards/<id>/history/<snapshot>/restore`: that snapshot as a new board, with its links. */
export function restoreSnapshot(boardId: string, token: string, snapshotId: number): Promise<CreatedBoard> {
  return apiJson(`/api/boards/${boardId}/history/${snapshotId}/restore`, { method: 'POST', token });
}

/** `GET /api/boards/<id>/join`: the short join URL (facilitator or projector). */
export function fetchJoinCode(boardId: string, token: string): Promise<JoinCodeAnswer> {
  return apiJson(`/api/boards/${boardId}/join`, { token });
}

/** `GET /api/boards/<id>/links`: the board's current links (facilitator only). */
export function fetchLinks(boardId: string, token: string): Promise<LinksAnswer> {
  return apiJson(`/api/boards/${boardId}/links`, { token });
}

/** `POST /api/boards/<id>/links/<role>/rotate`: a new link for the role; the old one stops working. */
export function rotateLink(boardId: string, token: string, role: RotatedLink['role']): Promise<RotatedLink> {
  return apiJson(`/api/boards/${boardId}/links/${role}/rotate`, { method: 'POST', token });
}

/** `POST /api/boards/<id>/report-links`: a one-time address of the report, with no token in it. */
export function mintReportLink(boardId: string, token: string, query: { format: 'html' | 'md'; lang: 'en' | 'nl'; tz: string; snapshot?: string }): Promise<{ url: string; expiresAt: number }> {
  return apiJson(`/api/boards/${boardId}/report-links?${new URLSearchParams(query)}`, { method: 'POST', token });
}

/** A file of the board (`notes.csv`, `backup.json`), fetched with the token in a header, and its name. */
export async function fetchBoardFile(boardId: string, token: string, file: string, query: Record<string, string> = {}): Promise<{ blob: Blob; name: string }> {
  const res = await apiResponse(`/api/boards/${boardId}/${file}?${new URLSearchParams(query)}`, { token, cache: 'no-store' });
  if (!res.ok) throw new ApiError(res.status, apiErrorMessage(await res.json().catch(() => undefined)));
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? file;
  return { blob: await res.blob(), name };
}

/** `GET /api/boards/<id>/connections`: how many screens of each role are connected. */
export function fetchConnections(boardId: string, token: string): Promise<ConnectionsAnswer> {
  return apiJson(`/api/boards/${boardId}/connections`, { token });
}

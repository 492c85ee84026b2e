/**
 * Data out and in:
 * - `GET /api/boards/<id>/backup.json`: the full board (Yjs state, a readable view, and the writer each
 *   document client ID is bound to), facilitator only;
 * - `POST /api/boards/restore` (body: a backup, up to 64 MiB; `?title=` to rename): a **new** board
 *   with the backup's content and a fresh epoch, answered like `POST /api/boards`;
 * - `GET /api/boards/<id>/notes.csv` (`?lang=en|nl` for the standings' words): every note with its group, area, cluster, votes and standing,
 *   facilitator only.
 *
 * Why: nothing the room made may be lost after the day, and a restore must never overwrite a board:
 * it makes a new one, so the original stays as it was.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as Y from 'yjs';
import { isId, type CreatedBoard } from '../../shared/index.ts';
import { clientWritersField, makeBackup, notesCsv, type Backup } from '../../shared/report/index.ts';
import { authorize, requestToken } from '../auth/authorize.ts';
import { storeNewBoard, type NewBoardStore } from './createBoard.ts';
import { baseUrl, HttpError, readBody, requestUrl, sendJson, type BaseUrlDeps } from './respond.ts';
import { spendNewBoard, type NewBoardDeps } from './newBoards.ts';
import { assertRestoreSlot, restoreOffThread } from './restore.ts';

/** What the backup routes need from the server. */
export interface BackupDeps extends NewBoardStore, NewBoardDeps, BaseUrlDeps {
  /** Reads a board's document (loading it if needed). */
  readonly readBoard: <T>(boardId: string, read: (doc: Y.Doc) => T) => Promise<T>;
}

/** Largest backup accepted for a restore. */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

/** Handles the routes above; returns false when none matches. */
export async function handleBackupApi(deps: BackupDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  if (path === '/api/boards/restore') {
    await restoreAsNewBoard(deps, req, res);
    return true;
  }
  const m = /^\/api\/boards\/([^/]+)\/(backup\.json|notes\.csv)$/.exec(path);
  if (!m) return false;
  const [, boardId, what] = m as unknown as [string, string, 'backup.json' | 'notes.csv'];
  await sendBoardFile(deps, req, res, boardId, what);
  return true;
}

/** `POST /api/boards/restore`: the backup in the body as a new board (201, answered like `POST /api/boards`). */
async function restoreAsNewBoard(deps: BackupDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    throw new HttpError(405, 'use POST with a backup file to restore it as a new board');
  }
  const title = requestUrl(req).searchParams.get('title') ?? undefined;
  assertRestoreSlot();
  await spendNewBoard(deps, req);
  const body = await readBody(req, MAX_BACKUP_BYTES);
  if (body.byteLength === 0) throw new HttpError(400, 'the request has no backup in it; send the backup.json file as the body');
  const content = await restoreOffThread(body, title);
  sendJson(res, 201, (await storeNewBoard(deps, content, baseUrl(deps, req))) satisfies CreatedBoard);
}

/** `GET /api/boards/<id>/backup.json` or `/notes.csv`, as a download, for the facilitator's token only. */
async function sendBoardFile(deps: BackupDeps, req: IncomingMessage, res: ServerResponse, boardId: string, what: 'backup.json' | 'notes.csv'): Promise<void> {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    throw new HttpError(405, `use GET for ${what}`);
  }
  if (!isId(boardId)) throw new HttpError(404, 'unknown board');
  const url = requestUrl(req);
  const auth = await authorize(deps.store, deps.secret, boardId, requestToken(req.headers.authorization, url));
  if (!auth.ok) throw new HttpError(auth.status, auth.reason);
  if (auth.claims.role !== 'facilitator') throw new HttpError(403, `only the facilitator link may get ${what}`);
  const lang = url.searchParams.get('lang') === 'nl' ? 'nl' : 'en';
  const body = what === 'notes.csv' ? await deps.readBoard(boardId, (doc) => notesCsv(doc, lang)) : await backupOf(deps, boardId);
  const stamp = new Date().toISOString().slice(0, 10);
  res.writeHead(200, {
    'Content-Type': what === 'notes.csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="olifant-${boardId}-${stamp}.${what === 'notes.csv' ? 'csv' : 'json'}"`,
    'Cache-Control': 'no-store',
  });
  // A byte-order mark so spreadsheet programs read the CSV as UTF-8 (accents, emoji).
  res.end(what === 'notes.csv' ? `\uFEFF${body}` : body);
}

/**
 * The board's backup, as JSON. The bindings are read after the document: a binding is stored with
 * (or before) the updates under its ID, so every ID in the backed-up state has its binding in it.
 */
async function backupOf(deps: BackupDeps, boardId: string): Promise<string> {
  const backup = await deps.readBoard(boardId, (doc) => makeBackup(doc, boardId, Date.now()));
  const writers = await deps.store.clientWriters(boardId);
  return JSON.stringify({ ...backup, clientWriters: clientWritersField(writers) } satisfies Backup);
}

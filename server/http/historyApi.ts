/**
 * The board's history, for the facilitator:
 * - `GET /api/boards/<id>/history`: the kept snapshots (id, time, reason, size), oldest first;
 * - `GET /api/boards/<id>/history/<snapshot>/board.svg` and `/report.html`: a past state, read-only;
 * - `POST /api/boards/<id>/history/<snapshot>/restore` (`?title=`): that state as a **new** board
 *   (a snapshot of the current board is kept first; the board itself is not touched).
 *
 * Why: nothing is ever overwritten. A facilitator who finds the mind map was wrecked at 15:00 can look
 * at 14:50 and carry it on as a new board.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as Y from 'yjs';
import { isId, ValidationError, type CreatedBoard, type HistoryAnswer } from '../../shared/index.ts';
import { boardBounds, boardSvg, buildReport, newIncarnation, REPORT_WORDS, reportHtml } from '../../shared/report/index.ts';
import { authorize, requestToken } from '../auth/authorize.ts';
import { contentOf, storeNewBoard, type NewBoardStore } from './createBoard.ts';
import { REPORT_CSP } from './reportApi.ts';
import { baseUrl, HttpError, requestUrl, sendJson, type BaseUrlDeps } from './respond.ts';

/** What the history routes need from the server. */
export interface HistoryDeps extends NewBoardStore, BaseUrlDeps {
  /** Keeps a snapshot of a board as it is now (loading it if needed). */
  readonly snapshotBoard: (boardId: string, reason: string) => Promise<void>;
}

type Snapshot = NonNullable<Awaited<ReturnType<NewBoardStore['store']['getSnapshot']>>>;

/** Handles the routes above; returns false when none matches. */
export async function handleHistoryApi(deps: HistoryDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const m = /^\/api\/boards\/([^/]+)\/history(?:\/(\d{1,12})\/(board\.svg|report\.html|restore))?$/.exec(path);
  if (!m) return false;
  const [, boardId, sid, what] = m as unknown as [string, string, string | undefined, 'board.svg' | 'report.html' | 'restore' | undefined];
  const method = what === 'restore' ? 'POST' : 'GET';
  if (req.method !== method) {
    res.setHeader('Allow', method);
    throw new HttpError(405, `use ${method} here`);
  }
  if (!isId(boardId)) throw new HttpError(404, 'unknown board');
  const url = requestUrl(req);
  const auth = await authorize(deps.store, deps.secret, boardId, requestToken(req.headers.authorization, url));
  if (!auth.ok) throw new HttpError(auth.status, auth.reason);
  if (auth.claims.role !== 'facilitator') throw new HttpError(403, 'only the facilitator link may see the history');

  if (sid === undefined || what === undefined) {
    sendJson(res, 200, { snapshots: await deps.store.listSnapshots(boardId) } satisfies HistoryAnswer);
    return true;
  }
  const snapshot = await deps.store.getSnapshot(boardId, Number(sid));
  if (!snapshot) throw new HttpError(404, 'no such snapshot of this board');
  const doc = snapshotDoc(snapshot, what === 'restore' ? (url.searchParams.get('title') ?? undefined) : undefined);
  try {
    if (what === 'restore') {
      await deps.snapshotBoard(boardId, 'before-restore');
      sendJson(res, 201, (await storeNewBoard(deps, contentOf(doc, await deps.store.clientWriters(boardId)), baseUrl(deps, req))) satisfies CreatedBoard);
    } else {
      sendPastState(res, doc, snapshot, what, url.searchParams.get('lang') === 'nl' ? 'nl' : 'en');
    }
    return true;
  } finally {
    doc.destroy();
  }
}

/** The snapshot's state as a new incarnation (titled `title` if given), or a 400 saying why it cannot be. */
function snapshotDoc(snapshot: Snapshot, title: string | undefined): Y.Doc {
  try {
    return newIncarnation(snapshot.state, title);
  } catch (err) {
    if (err instanceof ValidationError) throw new HttpError(400, `cannot use this snapshot: ${err.message}`);
    throw err;
  }
}

/** A past state, read-only: the board as SVG, or the report of that moment as an HTML page. */
function sendPastState(res: ServerResponse, doc: Y.Doc, snapshot: Snapshot, what: 'board.svg' | 'report.html', lang: 'en' | 'nl'): void {
  const svg = boardSvg(doc, boardBounds(doc), undefined, lang);
  const body =
    what === 'board.svg'
      ? svg
      : reportHtml(buildReport(doc, { lang, now: snapshot.takenAt, untitled: REPORT_WORDS[lang].untitled, noGroup: REPORT_WORDS[lang].noGroup }), lang, [
          { caption: new Date(snapshot.takenAt).toISOString(), svg },
        ]);
  res.writeHead(200, {
    'Content-Type': what === 'board.svg' ? 'image/svg+xml; charset=utf-8' : 'text/html; charset=utf-8',
    'Content-Security-Policy': REPORT_CSP,
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

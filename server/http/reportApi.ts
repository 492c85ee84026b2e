/**
 * The conference report from the server: `GET /api/boards/<id>/report.md` and `/report.html`
 * (`?lang=en|nl`; the page includes a picture of the board), and `/board.svg` (`?area=<id>` for one
 * area), for the facilitator's token only; any other role gets 403, no token 401.
 *
 * Why: the facilitator must walk out with the result even from a laptop that cannot print the board;
 * the server builds the same report as the client would, from the board document and the shared
 * rules. The HTML page runs no script and is served with a Content-Security-Policy that forbids any.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as Y from 'yjs';
import { isId, listAreas } from '../../shared/index.ts';
import { boardBounds, boardSvg, buildReport, REPORT_WORDS, reportHtml, reportMarkdown } from '../../shared/report/index.ts';
import { authorize, requestToken } from '../auth/authorize.ts';
import type { BoardStore } from '../persistence/store.ts';
import { HttpError, requestUrl } from './respond.ts';

/** What the report routes need from the server. */
export interface ReportDeps {
  readonly store: BoardStore;
  readonly secret: Uint8Array;
  /** Reads a board's document (loading it if needed). */
  readonly readBoard: <T>(boardId: string, read: (doc: Y.Doc) => T) => T;
}

/** No scripts, no outside resources, no framing: the page is text, styles and nothing else. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Handles the report routes; returns false when none matches. */
export async function handleReportApi(deps: ReportDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const m = /^\/api\/boards\/([^/]+)\/(?:report\.(md|html)|board\.(svg))$/.exec(path);
  if (!m) return false;
  const boardId = m[1]!;
  const format = (m[2] ?? m[3]) as 'md' | 'html' | 'svg';
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    throw new HttpError(405, 'use GET for the report');
  }
  if (!isId(boardId)) throw new HttpError(404, 'unknown board');
  const url = requestUrl(req);
  const auth = await authorize(deps.store, deps.secret, boardId, requestToken(req.headers.authorization, url));
  if (!auth.ok) throw new HttpError(auth.status, auth.reason);
  if (auth.claims.role !== 'facilitator') throw new HttpError(403, 'only the facilitator link may get the report');
  const lang = url.searchParams.get('lang') === 'nl' ? 'nl' : 'en';
  const words = REPORT_WORDS[lang];
  const area = url.searchParams.get('area');
  const { report, svg } = deps.readBoard(boardId, (doc) => {
    const r = buildReport(doc, { lang, now: Date.now(), untitled: words.untitled, noGroup: words.noGroup });
    const inArea = area ? listAreas(doc).find((a) => a.id === area) : undefined;
    if (area && !inArea) throw new HttpError(404, 'no such area on this board');
    return { report: r, svg: boardSvg(doc, inArea ?? boardBounds(doc)) };
  });
  const body = format === 'md' ? reportMarkdown(report, lang) : format === 'svg' ? svg : reportHtml(report, lang, [{ caption: report.title, svg }]);
  const filename = `${report.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'board'}-${format === 'svg' ? 'board' : 'report'}.${format}`;
  res.writeHead(200, {
    'Content-Type': format === 'md' ? 'text/markdown; charset=utf-8' : format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'text/html; charset=utf-8',
    'Content-Security-Policy': REPORT_CSP,
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Content-Disposition': `${url.searchParams.has('download') ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
  res.end(body);
  return true;
}

/**
 * The conference report from the server: `GET /api/boards/<id>/report.md` and `/report.html`
 * (`?lang=en|nl`, `?tz=<IANA zone>` for the dates; the page includes a picture of the board), and
 * `/board.svg` (`?area=<id>` for one area), for the facilitator's token only; any other role gets
 * 403, no token 401. `POST /api/boards/<id>/report-links` (the facilitator's token in the
 * `Authorization` header; `?format=html|md&lang=&tz=`, `&snapshot=<id>` for a past state) answers
 * `{ url, expiresAt }`: an address
 * `/api/reports/<key>` that serves that report once, within five minutes, with no token in it.
 *
 * Why: the facilitator must walk out with the result even from a laptop that cannot print the board;
 * the server builds the same report as the client would, from the board document and the shared
 * rules. The HTML page runs no script and is served with a Content-Security-Policy that forbids any.
 * The printable page opens at a one-time address so the facilitator token stays out of the
 * browser's history and address bar.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as Y from 'yjs';
import { isId, listAreas, ValidationError } from '../../shared/index.ts';
import { boardBounds, boardSvg, buildReport, isTimeZone, newIncarnation, REPORT_WORDS, reportHtml, reportMarkdown } from '../../shared/report/index.ts';
import { authorize, requestToken } from '../auth/authorize.ts';
import type { BoardStore } from '../persistence/store.ts';
import { mintReportLink, redeemReportLink } from './reportLinks.ts';
import { HttpError, requestUrl, sendJson } from './respond.ts';

/** What the report routes need from the server. */
export interface ReportDeps {
  readonly store: BoardStore;
  readonly secret: Uint8Array;
  /** Reads a board's document (loading it if needed). */
  readonly readBoard: <T>(boardId: string, read: (doc: Y.Doc) => T) => Promise<T>;
}

/** No scripts, no outside resources, no framing: the page is text, styles and nothing else. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

type Format = 'md' | 'html' | 'svg';

/** Handles the report routes; returns false when none matches. */
export async function handleReportApi(deps: ReportDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const once = /^\/api\/reports\/([A-Za-z0-9_-]{32})$/.exec(path);
  if (once) {
    onlyMethod(req, res, 'GET');
    const target = redeemReportLink(once[1]!);
    if (!target) throw new HttpError(410, 'this report link was used or has expired; open the report again from the facilitator panel');
    const { boardId, snapshot } = target;
    const past = snapshot === undefined ? undefined : await deps.store.getSnapshot(boardId, snapshot);
    if (snapshot !== undefined && !past) throw new HttpError(404, 'no such snapshot of this board');
    const read: Reader = past ? async (fn) => pastState(past, fn) : (fn) => deps.readBoard(boardId, fn);
    await sendReport(res, read, target.format, { lang: target.lang, timeZone: target.timeZone, area: null, download: target.format === 'md', at: past?.takenAt });
    return true;
  }
  const mint = /^\/api\/boards\/([^/]+)\/report-links$/.exec(path);
  const m = mint ?? /^\/api\/boards\/([^/]+)\/(?:report\.(md|html)|board\.(svg))$/.exec(path);
  if (!m) return false;
  const boardId = m[1]!;
  onlyMethod(req, res, mint ? 'POST' : 'GET');
  if (!isId(boardId)) throw new HttpError(404, 'unknown board');
  const url = requestUrl(req);
  // A report link is asked for with the token in the header only: an address with it is what it avoids.
  const auth = await authorize(deps.store, deps.secret, boardId, requestToken(req.headers.authorization, mint ? new URL('http://localhost/') : url));
  if (!auth.ok) throw new HttpError(auth.status, auth.reason);
  if (auth.claims.role !== 'facilitator') throw new HttpError(403, 'only the facilitator link may get the report');
  const lang = url.searchParams.get('lang') === 'nl' ? 'nl' : 'en';
  const tz = url.searchParams.get('tz');
  const timeZone = tz && isTimeZone(tz) ? tz : undefined;
  if (mint) {
    const format = url.searchParams.get('format') === 'md' ? 'md' : 'html';
    const sid = url.searchParams.get('snapshot');
    const snapshot = sid && /^\d{1,12}$/.test(sid) ? Number(sid) : undefined;
    if (snapshot !== undefined && !(await deps.store.getSnapshot(boardId, snapshot))) throw new HttpError(404, 'no such snapshot of this board');
    const { key, expiresAt } = mintReportLink({ boardId, format, lang, timeZone, ...(snapshot === undefined ? {} : { snapshot }) });
    sendJson(res, 201, { url: `/api/reports/${key}`, expiresAt });
    return true;
  }
  const format = (m[2] ?? m[3]) as Format;
  await sendReport(res, (fn) => deps.readBoard(boardId, fn), format, { lang, timeZone, area: url.searchParams.get('area'), download: url.searchParams.has('download') });
  return true;
}

/** Reads a board document: the live board, or a kept past state. */
type Reader = <T>(read: (doc: Y.Doc) => T) => Promise<T>;

/** Reads a kept snapshot's state (a throwaway document, destroyed after). */
function pastState<T>(snapshot: { state: Uint8Array }, read: (doc: Y.Doc) => T): T {
  let doc: Y.Doc;
  try {
    doc = newIncarnation(snapshot.state);
  } catch (err) {
    if (err instanceof ValidationError) throw new HttpError(400, `cannot use this snapshot: ${err.message}`);
    throw err;
  }
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}

function onlyMethod(req: IncomingMessage, res: ServerResponse, method: 'GET' | 'POST'): void {
  if (req.method === method) return;
  res.setHeader('Allow', method);
  throw new HttpError(405, method === 'GET' ? 'use GET for the report' : 'use POST to ask for a report link');
}

async function sendReport(
  res: ServerResponse,
  readBoard: Reader,
  format: Format,
  options: { lang: 'en' | 'nl'; timeZone: string | undefined; area: string | null; download: boolean; at?: number },
): Promise<void> {
  const { lang, area } = options;
  const words = REPORT_WORDS[lang];
  const { report, svg } = await readBoard((doc) => {
    const r = buildReport(doc, { lang, now: options.at ?? Date.now(), untitled: words.untitled, noGroup: words.noGroup, timeZone: options.timeZone });
    const inArea = area ? listAreas(doc).find((a) => a.id === area) : undefined;
    if (area && !inArea) throw new HttpError(404, 'no such area on this board');
    return { report: r, svg: boardSvg(doc, inArea ?? boardBounds(doc), undefined, lang) };
  });
  const body = format === 'md' ? reportMarkdown(report, lang) : format === 'svg' ? svg : reportHtml(report, lang, [{ caption: report.title, svg }]);
  const filename = `${report.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'board'}-${format === 'svg' ? 'board' : 'report'}.${format}`;
  res.writeHead(200, {
    'Content-Type': format === 'md' ? 'text/markdown; charset=utf-8' : format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'text/html; charset=utf-8',
    'Content-Security-Policy': REPORT_CSP,
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Content-Disposition': `${options.download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
  res.end(body);
}

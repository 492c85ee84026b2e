/**
 * The facilitator's link API and the server clock:
 * - `GET /api/boards/<id>/links`: the board's current links (facilitator token only);
 * - `POST /api/boards/<id>/links/<participant|projector>/rotate`: a new link for that role; the old
 *   one stops working, and sockets opened with it are closed at once;
 * - `GET /api/boards/<id>/connections`: how many sockets of each role are open (facilitator only);
 * - `GET /api/boards/<id>/join`: the short join URL (`/j/<code>`) for the projector's QR code
 *   (facilitator or projector token); a rotated participant link gets a new code;
 * - `GET /j/<code>`: redirects to the current participant link;
 * - `GET /api/time`: the server's clock, so every screen counts a timer down from the same moment.
 *
 * Why: a participant link passed on too widely, or a projector link seen by the wrong people, must be
 * replaceable in the middle of the day without a new board.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isId, type BoardLinks, type ConnectionsAnswer, type JoinCodeAnswer, type LinksAnswer, type Role, type RotatedLink, type ServerTimeAnswer } from '../../shared/index.ts';
import { authorize, requestToken } from '../auth/authorize.ts';
import type { BoardStore } from '../persistence/store.ts';
import { signLink, signLinks } from '../auth/links.ts';
import { baseUrl, HttpError, requestUrl, sendJson, type BaseUrlDeps } from './respond.ts';

/** What the link routes need from the server. */
export interface LinksDeps extends BaseUrlDeps {
  readonly store: BoardStore;
  readonly secret: Uint8Array;
  /** Closes a board's sockets of `role` opened with a key older than `keyVersion`; returns how many. */
  readonly closeRevoked: (boardId: string, role: Role, keyVersion: number) => number;
  /** Open sockets per role on a board (zero for a board not in memory). */
  readonly connectionCounts: (boardId: string) => Record<Role, number>;
}

const ROTATABLE: ReadonlySet<string> = new Set<RotatedLink['role']>(['participant', 'projector']);

/** Handles the routes above; returns false when none matches. */
export async function handleLinksApi(deps: LinksDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  if (path === '/api/time') {
    allow(req, res, 'GET');
    res.setHeader('Cache-Control', 'no-store');
    sendJson(res, 200, { now: Date.now() } satisfies ServerTimeAnswer);
    return true;
  }
  const base = () => baseUrl(deps, req);
  const m = /^\/api\/boards\/([^/]+)\/(links|connections|join)(?:\/([^/]+)\/rotate)?$/.exec(path);
  if (!m) return false;
  const [, boardId, what, role] = m as unknown as [string, string, 'links' | 'connections' | 'join', string | undefined];
  if (!isId(boardId)) throw new HttpError(404, 'unknown board');
  if (role !== undefined && what !== 'links') throw new HttpError(404, `no API route ${path}; links are replaced at /api/boards/<id>/links/<role>/rotate`);
  const token = requestToken(req.headers.authorization, requestUrl(req));
  const auth = await authorize(deps.store, deps.secret, boardId, token);
  if (!auth.ok) throw new HttpError(auth.status, auth.reason);
  if (what === 'join' && role === undefined) {
    // The projector shows this code to the room: it may ask for it, as the facilitator may.
    if (auth.claims.role === 'participant') throw new HttpError(403, 'only the facilitator or projector link may do this');
    allow(req, res, 'GET');
    const code = await deps.store.joinCode(boardId, auth.board.keyVersions.participant);
    sendJson(res, 200, { code, url: `${base()}/j/${code}` } satisfies JoinCodeAnswer);
    return true;
  }
  if (auth.claims.role !== 'facilitator') throw new HttpError(403, 'only the facilitator link may do this');

  if (what === 'connections') {
    allow(req, res, 'GET');
    sendJson(res, 200, { connections: deps.connectionCounts(boardId) } satisfies ConnectionsAnswer);
    return true;
  }
  if (role === undefined) {
    allow(req, res, 'GET');
    sendJson(res, 200, { links: await linksOf(deps, boardId, base()) } satisfies LinksAnswer);
    return true;
  }
  allow(req, res, 'POST');
  if (!ROTATABLE.has(role)) throw new HttpError(400, 'only the participant and projector links can be replaced');
  const rotated = role as RotatedLink['role'];
  const version = await deps.store.rotateKey(boardId, rotated);
  const closed = deps.closeRevoked(boardId, rotated, version);
  const links = await linksOf(deps, boardId, base());
  sendJson(res, 200, { role: rotated, link: links[rotated], closed } satisfies RotatedLink);
  return true;
}

/** The board's three current links. */
async function linksOf(deps: LinksDeps, boardId: string, base: string): Promise<BoardLinks> {
  const board = await deps.store.getBoard(boardId);
  if (!board) throw new HttpError(404, 'unknown board');
  return signLinks(deps.secret, boardId, board.keyVersions, base);
}

function allow(req: IncomingMessage, res: ServerResponse, method: 'GET' | 'POST'): void {
  if (req.method === method) return;
  res.setHeader('Allow', method);
  throw new HttpError(405, `use ${method} here`);
}

/**
 * `GET /j/<code>`: the short join URL. Redirects to the board's current participant link; a code of
 * a replaced link (or an unknown one) gets a page saying so.
 */
export async function handleJoin(deps: LinksDeps, res: ServerResponse, code: string, base: string): Promise<void> {
  const found = /^[a-z0-9]{4,16}$/.test(code) ? await deps.store.resolveJoinCode(code) : undefined;
  const board = found ? await deps.store.getBoard(found.boardId) : undefined;
  if (!found || !board || board.keyVersions.participant !== found.keyVersion) {
    res.writeHead(found ? 410 : 404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('This join code is not (or no longer) valid. Ask the facilitator for the current one: it is on the projector.\n');
    return;
  }
  const link = await signLink(deps.secret, { boardId: board.id, role: 'participant', keyVersion: board.keyVersions.participant }, base);
  res.writeHead(302, { Location: link, 'Cache-Control': 'no-store' });
  res.end();
}

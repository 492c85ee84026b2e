/**
 * Checks a capability token against a board: the one rule the websocket upgrade and the HTTP API share.
 *
 * Why: a missing or forged token is 401, another board's token or a rotated-away link is 403, an
 * unknown board is 404, in this order, everywhere, so no caller learns more than its token allows.
 */
import { verifyToken, type TokenClaims } from '../../shared/index.ts';
import type { BoardRecord, BoardStore } from '../persistence/store.ts';

/** The outcome of `authorize`: the token's claims and the board, or the status and reason to refuse with. */
export type Authorization =
  | { ok: true; claims: TokenClaims; board: BoardRecord }
  | { ok: false; status: 401 | 403 | 404; reason: string };

/** Whether `token` opens board `boardId`, and as which role. */
export async function authorize(store: BoardStore, secret: Uint8Array, boardId: string, token: string | null): Promise<Authorization> {
  if (!token) return { ok: false, status: 401, reason: 'missing token: open the board through its link' };
  const claims = await verifyToken(token, secret);
  if (!claims) return { ok: false, status: 401, reason: 'invalid token: the link is damaged or not from this server' };
  if (claims.boardId !== boardId) return { ok: false, status: 403, reason: 'this link is for another board' };
  const board = await store.getBoard(boardId);
  if (!board) return { ok: false, status: 404, reason: 'unknown board' };
  if (claims.keyVersion !== board.keyVersions[claims.role]) {
    return { ok: false, status: 403, reason: 'this link has been replaced by a newer one; ask the facilitator' };
  }
  return { ok: true, claims, board };
}

/** The token of an HTTP request: `Authorization: Bearer <token>`, else `?token=`. */
export function requestToken(authorization: string | undefined, url: URL): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return m ? m[1]! : url.searchParams.get('token');
}

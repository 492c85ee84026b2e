/**
 * A board's links: its page address with a signed capability token (board, role, key version) in the
 * fragment.
 *
 * Why: a link is what a person holds instead of an account, so every place that hands one out (a new
 * board, the facilitator's list of links, a rotation, the join code's redirect) signs it the same way.
 * The token sits after '#', so it stays out of server and proxy logs.
 */
import { ROLES, signToken, type BoardLinks, type Role, type TokenClaims } from '../../shared/index.ts';

/** A board's three links at the given key versions. */
export async function signLinks(secret: Uint8Array, boardId: string, keyVersions: Readonly<Record<Role, number>>, base: string): Promise<BoardLinks> {
  const links = {} as Record<Role, string>;
  for (const role of ROLES) links[role] = await signLink(secret, { boardId, role, keyVersion: keyVersions[role] }, base);
  return links;
}

/** One link: `<base>/b/<board id>#token=<token>` (in the fragment, the token stays out of server and proxy logs). */
export async function signLink(secret: Uint8Array, claims: TokenClaims, base: string): Promise<string> {
  return `${base}/b/${claims.boardId}#token=${await signToken(claims, secret)}`;
}

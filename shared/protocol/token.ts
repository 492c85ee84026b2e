/**
 * Capability tokens: who may do what on which board, signed with HMAC-SHA256.
 *
 * Why: participants join by link, with no account, so the link itself carries the capability. The
 * token names the board, the role and the role's key version (bumped when a facilitator rotates a
 * link), and is signed with the server's secret. Only the server signs and verifies; the secret never
 * reaches a browser. WebCrypto is used because it exists in Node and browsers alike (shared/ stays
 * free of Node APIs), and its `verify` compares in constant time.
 *
 * Format: `<boardId>.<role letter><key version>.<base64url HMAC>`, e.g. `Ab3...x.p1.Zk9...`.
 */
import { fromBase64UrlEncoded, toBase64UrlEncoded } from 'lib0/buffer';
import { isId } from '../model/ids.ts';

/** The roles a link can carry. */
export const ROLES = ['facilitator', 'participant', 'projector'] as const;
/** A link's role: facilitator, participant or projector. */
export type Role = (typeof ROLES)[number];

/** What a token says. */
export interface TokenClaims {
  readonly boardId: string;
  readonly role: Role;
  /** The role's key version on this board when the token was made; older versions are revoked. */
  readonly keyVersion: number;
}

const LETTER: Record<Role, string> = { facilitator: 'f', participant: 'p', projector: 'v' };
const ROLE_OF: Record<string, Role> = { f: 'facilitator', p: 'participant', v: 'projector' };
const DOMAIN = 'olifant-capability-v1\n';
const TOKEN_PATTERN = /^([A-Za-z0-9_-]{8,64})\.([fpv])([1-9][0-9]{0,8})\.([A-Za-z0-9_-]{43})$/;

/** Minimum secret length in bytes. */
export const MIN_SECRET_BYTES = 32;

async function importKey(secret: Uint8Array): Promise<CryptoKey> {
  if (secret.length < MIN_SECRET_BYTES) throw new Error(`token secret must be at least ${MIN_SECRET_BYTES} bytes`);
  return globalThis.crypto.subtle.importKey('raw', secret as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}

function payloadOf(claims: TokenClaims): string {
  return `${claims.boardId}.${LETTER[claims.role]}${claims.keyVersion}`;
}

/** Signs `claims` into a token string. */
export async function signToken(claims: TokenClaims, secret: Uint8Array): Promise<string> {
  if (!isId(claims.boardId)) throw new Error('boardId is not a valid id');
  if (!Number.isInteger(claims.keyVersion) || claims.keyVersion < 1 || claims.keyVersion > 999_999_999) {
    throw new Error('keyVersion must be a whole number from 1');
  }
  const payload = payloadOf(claims);
  const key = await importKey(secret);
  const sig = await globalThis.crypto.subtle.sign('HMAC', key, new TextEncoder().encode(DOMAIN + payload));
  return `${payload}.${toBase64UrlEncoded(new Uint8Array(sig))}`;
}

/** Verifies a token; returns its claims, or `null` when it is malformed or its signature is wrong. */
export async function verifyToken(token: string, secret: Uint8Array): Promise<TokenClaims | null> {
  const m = TOKEN_PATTERN.exec(token);
  if (!m) return null;
  const [, boardId, letter, version, sig] = m as unknown as [string, string, string, string, string];
  const claims: TokenClaims = { boardId, role: ROLE_OF[letter]!, keyVersion: Number(version) };
  let sigBytes: Uint8Array;
  try {
    sigBytes = fromBase64UrlEncoded(sig);
  } catch {
    return null;
  }
  const key = await importKey(secret);
  const ok = await globalThis.crypto.subtle.verify(
    'HMAC',
    key,
    sigBytes as BufferSource,
    new TextEncoder().encode(DOMAIN + payloadOf(claims)),
  );
  return ok ? claims : null;
}

/**
 * The role a token claims, read from its format without checking the signature (so it works in the
 * browser, which never has the secret). Only for choosing what UI to show: the server decides what
 * the connection may do.
 */
export function roleOfToken(token: string): Role | null {
  const m = TOKEN_PATTERN.exec(token);
  return m ? ROLE_OF[m[2]!] ?? null : null;
}

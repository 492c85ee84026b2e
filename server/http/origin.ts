/**
 * Which web pages may open a board's websocket: the board's own site (the Origin's host is the
 * request's Host, or the public URL's), the origins in OLIFANT_ALLOWED_ORIGINS, or any with `*`.
 * A request without an Origin header is not from a browser page (browsers always send one on a
 * websocket upgrade) and is let through to the token check.
 *
 * Why: a link's token is the key, but a page on another site that got hold of one (a pasted link, a
 * history entry) must not be able to drive a participant's board from the participant's browser.
 */

/** `*`, or a list of origins such as `https://olifant.example.org`. */
export type AllowedOrigins = '*' | readonly string[];

/** Parses OLIFANT_ALLOWED_ORIGINS: `*` or a comma-separated list of http(s) origins; throws on junk. */
export function parseAllowedOrigins(value: string | undefined): AllowedOrigins {
  if (value === undefined || value.trim() === '') return [];
  if (value.trim() === '*') return '*';
  return value.split(',').map((part) => {
    const text = part.trim();
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new Error(`"${text}" is not an origin such as https://olifant.example.org`);
    }
    if (!/^https?:$/.test(url.protocol) || url.origin !== text.replace(/\/+$/, '')) {
      throw new Error(`"${text}" is not an origin such as https://olifant.example.org (scheme, host and port only)`);
    }
    return url.origin;
  });
}

/** Whether an upgrade with this `origin` header, to this `host`, may go on. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: AllowedOrigins, publicUrl?: string): boolean {
  if (allowed === '*' || origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (a sandboxed frame, a file) or junk
  }
  if (host !== undefined && url.host === host.toLowerCase()) return true;
  if (publicUrl !== undefined && url.origin === new URL(publicUrl).origin) return true;
  return allowed.includes(url.origin);
}

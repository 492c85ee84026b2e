/**
 * One-time report links: a facilitator asks for one (with the facilitator token, in a header), and
 * gets an address that serves the report once, within a few minutes, without any token in it.
 *
 * Why: a printable page opened at `...?token=<facilitator token>` leaves the board's master key in
 * the browser's history, in the address bar for whoever looks over a shoulder at the projector, and
 * in whatever the page is shared with. A link that works once and soon expires is worth nothing after
 * the page has opened. Kept in memory: a restart only means asking for a new link.
 */
import { randomBytes } from 'node:crypto';

/** How long a report link may wait to be opened. */
export const REPORT_LINK_TTL_MS = 5 * 60_000;
/** At most this many unopened links are kept (the oldest go first). */
const MAX_LINKS = 1000;

/** What a report link serves. */
export interface ReportLinkTarget {
  readonly boardId: string;
  readonly format: 'html' | 'md';
  readonly lang: 'en' | 'nl';
  /** The reader's IANA time zone, for the report's dates. */
  readonly timeZone: string | undefined;
  /** A kept snapshot's id: the report of that past state (the board's history). */
  readonly snapshot?: number;
}

interface Entry extends ReportLinkTarget {
  readonly expiresAt: number;
}

const links = new Map<string, Entry>();

/** A new one-time key for `target`, valid until the returned `expiresAt` (ms since the epoch). */
export function mintReportLink(target: ReportLinkTarget, now = Date.now()): { key: string; expiresAt: number } {
  for (const [key, entry] of links) if (entry.expiresAt <= now) links.delete(key);
  while (links.size >= MAX_LINKS) links.delete(links.keys().next().value!);
  const key = randomBytes(24).toString('base64url');
  const expiresAt = now + REPORT_LINK_TTL_MS;
  links.set(key, { ...target, expiresAt });
  return { key, expiresAt };
}

/** What `key` serves, used up by this call; undefined for an unknown, used or expired key. */
export function redeemReportLink(key: string, now = Date.now()): ReportLinkTarget | undefined {
  const entry = links.get(key);
  links.delete(key);
  return entry && entry.expiresAt > now ? entry : undefined;
}

/**
 * Crowd presence: the facilitator's settings (from how many people a board is a crowd, and whether
 * anyone sees others' cursors) and the crowd summary the server publishes in awareness.
 *
 * Why: above a few dozen people, a cursor for everyone is a swarm on a tablet and megabytes a minute
 * on the venue Wi-Fi. In a crowd each screen is sent only the presence it draws (the facilitator and
 * the people at its own area); everyone else arrives as a head count per area. These shapes are the
 * contract between the server, the client and load tools (see docs/protocol.md).
 */

/** The facilitator's crowd settings (`facilitation.crowd`). */
export interface CrowdSettings {
  /** A board with more people than this is a crowd (1..10,000). */
  readonly threshold: number;
  /** Whether screens draw other people's cursors at all. */
  readonly cursors: boolean;
}

/** Settings of a board that has none. */
export const DEFAULT_CROWD: CrowdSettings = { threshold: 25, cursors: true };
/** Smallest and largest threshold the facilitator may set. */
export const CROWD_THRESHOLD_MIN = 1;
export const CROWD_THRESHOLD_MAX = 10_000;

/** Whether `n` is a threshold the facilitator may set (a whole number in range). */
export function isCrowdThreshold(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= CROWD_THRESHOLD_MIN && n <= CROWD_THRESHOLD_MAX;
}

/** The stored crowd settings as plain values; what is missing or mistyped reads as its default. */
export function toCrowdSettings(v: unknown): CrowdSettings {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return DEFAULT_CROWD;
  const o = v as Record<string, unknown>;
  return {
    threshold: isCrowdThreshold(o.threshold) ? o.threshold : DEFAULT_CROWD.threshold,
    cursors: typeof o.cursors === 'boolean' ? o.cursors : DEFAULT_CROWD.cursors,
  };
}

/**
 * What the server publishes as its own awareness state while a board is a crowd:
 * `{ crowd: CrowdSummary }`; `null` (no state) otherwise.
 */
export interface CrowdSummary {
  /** People on the board (awareness states other than the server's). */
  readonly people: number;
  /** Area id -> head count; the key `''` counts people in no area. */
  readonly counts: Readonly<Record<string, number>>;
  /** Note or area id -> the colour of the person busy with it. */
  readonly busy: Readonly<Record<string, string>>;
}

/** The crowd summary in a received awareness state, or null if the state holds none (or a malformed one). */
export function readCrowdSummary(state: unknown): CrowdSummary | null {
  if (typeof state !== 'object' || state === null) return null;
  const c = (state as { crowd?: unknown }).crowd;
  if (typeof c !== 'object' || c === null) return null;
  const { people, counts, busy } = c as Record<string, unknown>;
  if (typeof people !== 'number' || !Number.isFinite(people) || typeof counts !== 'object' || counts === null) return null;
  const outCounts: Record<string, number> = {};
  for (const [k, n] of Object.entries(counts)) if (typeof n === 'number' && Number.isFinite(n) && n > 0) outCounts[k] = n;
  const outBusy: Record<string, string> = {};
  if (typeof busy === 'object' && busy !== null) {
    for (const [k, col] of Object.entries(busy)) if (typeof col === 'string' && /^#[0-9a-f]{6}$/i.test(col)) outBusy[k] = col;
  }
  return { people, counts: outCounts, busy: outBusy };
}

/** The place (area id) in an awareness state, or null. */
export function placeOf(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const p = (state as { place?: unknown }).place;
  return typeof p === 'string' && p.length > 0 && p.length <= 100 ? p : null;
}

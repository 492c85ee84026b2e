/**
 * Dates and times as a reader of a language writes them ("5 december 2026 om 01:28" in Dutch,
 * "December 5, 2026 at 1:28 AM" in English), in a given time zone.
 *
 * Why: a Dutch page that says "12/5/2026, 12:28:06 AM" reads as the 12th of May. Every date on a
 * screen and in the report goes through Intl with the UI's language (never the browser's default
 * locale), in one place, so no screen is left in another format.
 */

/** Whether `timeZone` is an IANA zone this runtime knows (an unknown one makes Intl throw). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * `ms` (since the epoch) as a date with the time to the minute, in `locale` (a language tag such as
 * `nl`, `nl-BE`, `en-GB`) and `timeZone` (the runtime's own when absent or unknown). With `zoneName`
 * the zone is said too ("CET", "UTC"): for the report, read far from the room.
 */
export function formatDateTime(ms: number, locale: string, options: { timeZone?: string; zoneName?: boolean } = {}): string {
  const timeZone = options.timeZone && isTimeZone(options.timeZone) ? options.timeZone : undefined;
  const key = `${locale}|${timeZone ?? ''}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });
    cache.set(key, format);
  }
  if (!options.zoneName) return format.format(ms);
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
  return zone ? `${format.format(ms)} ${zone}` : format.format(ms);
}

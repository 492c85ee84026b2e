/**
 * Dates and times on screen in the UI's language: "5 december 2026 om 00:28" on a Dutch page,
 * "December 5, 2026 at 12:28 AM" on an English one, in this device's time zone.
 *
 * Why: `toLocaleString()` follows the browser's locale, not the page's, so a Dutch page on an English
 * browser showed "12/5/2026, 12:28:06 AM". The browser's own regional variant is kept when it is of
 * the UI's language (en-GB writes "5 December 2026").
 */
import { formatDateTime } from '../../shared/report/dates.ts';
import type { Lang } from './i18n.ts';

/** The locale for `lang`: the browser's preferred variant of that language, else the language itself.
 * A tag Intl refuses (some systems report "en-US@posix") is passed over. */
export function localeFor(lang: Lang, preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? []): string {
  return preferred.find((l) => (l.toLowerCase() === lang || l.toLowerCase().startsWith(`${lang}-`)) && validTag(l)) ?? lang;
}

function validTag(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0;
  } catch {
    return false;
  }
}

/** `ms` (since the epoch) as a date and time to the minute, as a reader of `lang` writes it. */
export function formatDate(lang: Lang, ms: number, timeZone?: string): string {
  return formatDateTime(ms, localeFor(lang), { timeZone });
}

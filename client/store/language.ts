/**
 * Switching the UI language: the one action that writes the language (kept in client/i18n, which
 * every string reads), remembers it on this device and tells the browser (`<html lang>`).
 *
 * Why: state changes live in client/store as named actions; the language value itself sits in i18n
 * because i18n is below the store (the store's notices are translated, so i18n cannot import it).
 */
import { LANG_STORAGE_KEY, languageStore, type Lang } from '../i18n/i18n.ts';

/** Switches the UI language and remembers the choice, so the next visit opens in it. */
export function setLanguage(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* private mode */
  }
  document.documentElement.lang = lang;
  languageStore.setState({ lang });
}

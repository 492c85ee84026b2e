/**
 * The UI language of this device, the `useT` hook and `translate`. The language is switched by
 * `setLanguage` (client/store/language.ts); the board model's refusals are worded in modelErrors.ts.
 *
 * Why: every string goes through one function, so switching language re-renders everything at once.
 */
import { create } from 'zustand';
import { en, nl, type StringKey } from './strings.ts';

/** A language the UI is written in. */
export type Lang = 'en' | 'nl';

/** Where this device keeps its language switch (localStorage). */
export const LANG_STORAGE_KEY = 'olifant.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_STORAGE_KEY);
    if (saved === 'en' || saved === 'nl') return saved;
  } catch {
    /* private mode */
  }
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/**
 * The UI language of this device (from its saved switch, else the browser's language). Read it with
 * `useLangValue()`; only `setLanguage` (client/store/language.ts) writes it.
 */
export const languageStore = create<{ lang: Lang }>()(() => ({ lang: initialLang() }));
if (typeof document !== 'undefined') document.documentElement.lang = languageStore.getState().lang;

/** The current language. */
export function useLangValue(): Lang {
  return languageStore((s) => s.lang);
}

/** Translates `key`, filling `{0}`, `{1}`, ... with `args`. */
export function translate(lang: Lang, key: StringKey, ...args: (string | number)[]): string {
  const table = lang === 'nl' ? nl : en;
  return table[key].replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/** The translate function for the current language. */
export function useT(): (key: StringKey, ...args: (string | number)[]) => string {
  const lang = useLangValue();
  return (key, ...args) => translate(lang, key, ...args);
}

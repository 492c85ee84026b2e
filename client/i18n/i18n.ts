/**
 * Language choice (from the browser, with a switch kept on the device) and the `useT` hook.
 *
 * Why: every string goes through one function, so switching language re-renders everything at once.
 */
import { create } from 'zustand';
import { modelErrorsNl } from './cocreationStrings.ts';
import { en, nl, type StringKey } from './strings.ts';

export type Lang = 'en' | 'nl';
const KEY = 'olifant.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'en' || saved === 'nl') return saved;
  } catch {
    /* private mode */
  }
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

const useLang = create<{ lang: Lang }>()(() => ({ lang: initialLang() }));
if (typeof document !== 'undefined') document.documentElement.lang = useLang.getState().lang;

/** Switches the UI language and remembers it on this device. */
export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* private mode */
  }
  document.documentElement.lang = lang;
  useLang.setState({ lang });
}

/** The current language. */
export function useLangValue(): Lang {
  return useLang((s) => s.lang);
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

/** A refusal from the board model (written in English in shared/) in the current language. */
export function translateModelError(message: string): string {
  return useLang.getState().lang === 'nl' ? (modelErrorsNl[message] ?? message) : message;
}

/**
 * The UI language of this device, the `useT` hook and `translate`. The language is switched by
 * `setLanguage` (client/store/language.ts); the board model's refusals are worded in modelErrors.ts.
 *
 * Why: every string goes through one function, so switching language re-renders everything at once;
 * counts get the right word form ("1 note", "2 notes"; "1 notitie", "2 notities") and numbers the
 * language's grouping ("5,000", "5.000") in that one place.
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

/** The number `n` as a person reads it in `lang` ("5,000" in English, "5.000" in Dutch). */
export function formatNumber(lang: Lang, n: number): string {
  return numberFormats[lang].format(n);
}
const numberFormats: Record<Lang, Intl.NumberFormat> = { en: new Intl.NumberFormat('en'), nl: new Intl.NumberFormat('nl') };
const pluralRules: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en'), nl: new Intl.PluralRules('nl') };

/**
 * The form of a word for count `n` in `lang`, from `forms` by plural category (`one`, `other`, and
 * for other languages `zero`, `two`, `few`, `many`); `other` when the category has no form of its own.
 * `#` in the chosen form is the count, formatted.
 */
export function plural(lang: Lang, n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  const form = forms[pluralRules[lang].select(n)] ?? forms.other;
  return form.replace(/#/g, formatNumber(lang, n));
}

/** `{0, plural, one {# note} other {# notes}}`: a count's word forms inside a string. */
const PLURAL_PART = /\{(\d), plural,((?:\s*[a-z]+\s*\{[^{}]*\})+)\s*\}/g;

function pluralPart(lang: Lang, n: unknown, body: string): string {
  const forms: Record<string, string> = {};
  for (const m of body.matchAll(/([a-z]+)\s*\{([^{}]*)\}/g)) forms[m[1]!] = m[2]!;
  return typeof n === 'number' ? plural(lang, n, { other: '#', ...forms }) : (forms.other ?? '').replace(/#/g, String(n ?? ''));
}

/**
 * Translates `key`, filling `{0}`, `{1}`, ... with `args` (numbers formatted for the language) and
 * choosing each `{0, plural, one {...} other {...}}` part by the count's plural category.
 */
export function translate(lang: Lang, key: StringKey, ...args: (string | number)[]): string {
  const table = lang === 'nl' ? nl : en;
  return table[key]
    .replace(PLURAL_PART, (_, i: string, body: string) => pluralPart(lang, args[Number(i)], body))
    .replace(/\{(\d)\}/g, (_, i: string) => {
      const arg = args[Number(i)];
      return typeof arg === 'number' ? formatNumber(lang, arg) : (arg ?? '');
    });
}

/** The translate function for the current language. */
export function useT(): (key: StringKey, ...args: (string | number)[]) => string {
  const lang = useLangValue();
  return (key, ...args) => translate(lang, key, ...args);
}

/**
 * The UI strings of the visible part of the day's flow, in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const visibleEn = {
  visiblePlaceholder: '',
};

export const visibleNl: Record<keyof typeof visibleEn, string> = {
  visiblePlaceholder: '',
};

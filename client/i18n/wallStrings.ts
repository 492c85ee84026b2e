/**
 * The UI strings of the wall part of the day's flow, in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const wallEn = {
  wallPlaceholder: '',
};

export const wallNl: Record<keyof typeof wallEn, string> = {
  wallPlaceholder: '',
};

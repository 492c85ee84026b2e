/**
 * The UI strings of the export part of the day's flow, in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const exportEn = {
  exportPlaceholder: '',
};

export const exportNl: Record<keyof typeof exportEn, string> = {
  exportPlaceholder: '',
};

/**
 * The UI strings of progress, in English and Dutch.
 *
 * Why: merged into strings.ts, so a missing translation is a type error.
 */
export const progressEn = {
  progressPlaceholder: '',
};

export const progressNl: Record<keyof typeof progressEn, string> = {
  progressPlaceholder: '',
};

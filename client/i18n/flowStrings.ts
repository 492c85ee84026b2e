/**
 * The UI strings of the flow part of the day's flow, in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const flowEn = {
  flowPlaceholder: '',
};

export const flowNl: Record<keyof typeof flowEn, string> = {
  flowPlaceholder: '',
};

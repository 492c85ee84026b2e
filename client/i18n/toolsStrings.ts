/**
 * The UI strings of tools, in English and Dutch.
 *
 * Why: merged into strings.ts, so a missing translation is a type error.
 */
export const toolsEn = {
  toolsPlaceholder: '',
};

export const toolsNl: Record<keyof typeof toolsEn, string> = {
  toolsPlaceholder: '',
};

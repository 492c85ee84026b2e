/**
 * The UI strings of the notes part of the day's flow, in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const notesEn = {
  notesPlaceholder: '',
};

export const notesNl: Record<keyof typeof notesEn, string> = {
  notesPlaceholder: '',
};

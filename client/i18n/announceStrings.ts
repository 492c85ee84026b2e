/**
 * The UI strings of what screen readers hear (announcements of changes, the selection, votes and the timer), in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const announceEn = {
};

export const announceNl: Record<keyof typeof announceEn, string> = {
};

/**
 * The UI strings of the join code and the marks that show a note's group, in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const joinEn = {
};

export const joinNl: Record<keyof typeof joinEn, string> = {
};

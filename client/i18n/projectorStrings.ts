/**
 * The UI strings of the projector (what it frames and its summaries), in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const projectorEn = {
};

export const projectorNl: Record<keyof typeof projectorEn, string> = {
};

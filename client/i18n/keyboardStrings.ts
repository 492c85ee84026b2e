/**
 * The UI strings of keyboard use (moving through notes, dialogs, the outline), in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const keyboardEn = {
};

export const keyboardNl: Record<keyof typeof keyboardEn, string> = {
};

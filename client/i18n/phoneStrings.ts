/**
 * The UI strings of the phone and small-screen layout (the compact header, the "more" menu, the composer), in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const phoneEn = {
};

export const phoneNl: Record<keyof typeof phoneEn, string> = {
};

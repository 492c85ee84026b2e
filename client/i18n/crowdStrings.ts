/**
 * The UI strings of crowd, in English and Dutch.
 *
 * Why: merged into strings.ts, so a missing translation is a type error.
 */
export const crowdEn = {
  crowdPlaceholder: '',
};

export const crowdNl: Record<keyof typeof crowdEn, string> = {
  crowdPlaceholder: '',
};

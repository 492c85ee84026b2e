/**
 * The UI strings of the phone and small-screen layout (the compact header, the "more" menu, the composer), in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const phoneEn = {
  addNoteShort: 'Note',
  moreTools: 'More tools',
  moreSelectionTools: 'More for the selection',
  dayTools: 'More',
  composerPlaceholder: 'Write your note…',
};

export const phoneNl: Record<keyof typeof phoneEn, string> = {
  addNoteShort: 'Notitie',
  moreTools: 'Meer gereedschap',
  moreSelectionTools: 'Meer voor de selectie',
  dayTools: 'Meer',
  composerPlaceholder: 'Schrijf je notitie…',
};

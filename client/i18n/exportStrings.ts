/**
 * The UI strings of importing and exporting, in English and Dutch: the file choosers' own buttons,
 * and the words while the report or a download is fetched (without the token in the address).
 *
 * Why: the browser's own file input speaks the browser's language, not the page's, so the page draws
 * its own labelled buttons; merged into strings.ts so a missing translation is a type error.
 */
export const exportEn = {
  chooseCsvFile: 'Choose a CSV file…',
  chooseBackupFile: 'Choose a backup file…',
  reportOpening: 'Opening the report…',
  downloadFailed: 'The file could not be made: {0}',
};

export const exportNl: Record<keyof typeof exportEn, string> = {
  chooseCsvFile: 'Kies een CSV-bestand…',
  chooseBackupFile: 'Kies een reservekopie…',
  reportOpening: 'Het verslag wordt geopend…',
  downloadFailed: 'Het bestand kon niet worden gemaakt: {0}',
};

/**
 * The UI strings of the export part of the day's flow, in English and Dutch: the file choosers' own
 * buttons and the report and downloads fetched without the token in the address.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
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

/**
 * What leaves a board (the report, pictures, CSV, backups) and CSV import, for the server, tests and
 * other tools.
 *
 * Why: kept out of `shared/index.ts`, which the client imports whole, so a tablet does not download the
 * report renderers and the CSV parser; the client loads the two it uses (pictures, CSV import) on demand.
 */
export * from './buildReport.ts';
export * from './boardOutcomes.ts';
export * from './noteSections.ts';
export * from './markdown.ts';
export * from './html.ts';
export * from './words.ts';
export * from './backup.ts';
export * from './csv.ts';
export * from './svg.ts';
export * from './csvImport.ts';
export * from './dates.ts';

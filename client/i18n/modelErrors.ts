/**
 * The board model's refusals (a `ValidationError`'s code and parameters) as notices, in English and
 * Dutch.
 *
 * Why: a Dutch-speaking table must read why their dot was refused in Dutch. The texts are keyed by the
 * refusal's code, not by its English sentence, so a code added in shared/ without a text here is a
 * type error, and rewording the server's sentence changes no notice.
 */
import { refusalText, type ModelErrorTexts, type ValidationError } from '../../shared/index.ts';
import { languageStore, type Lang } from './i18n.ts';

/** The refusals in English, as the notices show them. */
export const modelErrorsEn: ModelErrorTexts = {
  // The schemas' own words ("title: must not be empty"), in English in either language.
  invalidInput: (p) => p.detail,
  noteIdInvalid: (p) => `note id ${JSON.stringify(p.id)} is not an id`,
  noteTextTooLong: (p) => `note text must be at most ${p.max} characters`,
  notePositionNotFinite: (p) => `position of note ${p.noteId} must be finite numbers`,
  noteSizeNotFinite: (p) => `size of note ${p.noteId} must be finite numbers`,
  noteBoundsNotFinite: (p) => `bounds of note ${p.noteId} must be finite numbers`,
  noteGone: 'that note no longer exists',
  ownerTooLong: (p) => `the owner must be at most ${p.max} characters`,
  volunteerNameTooLong: (p) => `a volunteer’s name must be at most ${p.max} characters`,
  areaGone: 'that area no longer exists',
  areaBoundsNotFinite: 'area bounds must be finite numbers',
  areaMoveNotFinite: 'area move must be finite numbers',
  connectorNeedsTwoNotes: 'a connector needs two different notes',
  connectorNoteGone: 'a connector needs two notes that exist',
  tooManyGroups: (p) => `a board has at most ${p.max} stakeholder groups`,
  groupGone: 'that stakeholder group no longer exists',
  clusterNeedsNote: 'a cluster needs at least one note: select notes first',
  clusterGone: 'that cluster no longer exists',
  alreadyOneCluster: 'these notes are already one cluster',
  voteGone: 'that vote no longer exists',
  voteClosed: 'this vote is closed',
  itemGone: 'that note or cluster no longer exists',
  voteIsOnNotes: 'this vote is on notes: tap a note',
  voteIsOnClusters: 'this vote is on clusters: tap a cluster’s name bar',
  voteNeedsGroup: 'pick your stakeholder group first: this vote gives dots per group',
  noDotsLeft: 'no dots left: take one back to place it elsewhere',
  oneDotPerItem: 'one dot per item in this vote',
  notCommonGround: 'not every stakeholder group agrees yet, so this is not common ground',
  mixedTablesOutOfRange: (p) => `the number of mixed tables must be a whole number from ${p.min} to ${p.max}`,
  noAgenda: 'choose an agenda first',
  timerOutOfRange: 'a timer runs from 1 second to 4 hours',
  timerExtendNotPositive: 'extend by a positive amount of time',
  nothingToShow: 'nothing to show',
  tableGone: 'that table no longer exists',
  csvNoRows: 'the file has no rows: export the answers as CSV, one answer per row',
  csvNoText: 'no text found: put one note per row, in a column named "text" or the first column',
  csvTooManyRows: (p) => `at most ${p.max} notes per import (this file has ${p.count})`,
  csvRowTooLong: (p) => `row ${p.row} is longer than ${p.max} characters`,
  stateDamaged: (p) => `the board state is damaged: ${p.detail}`,
  stateIncomplete: 'the board state is damaged: it refers to changes that are not in it',
  stateFromNewerVersion: 'this board was saved by a newer Olifant; update the server first',
  stateHasNoBoard: 'the state holds no board (no title in it)',
  backupNotBase64: 'the backup’s board state is not base64',
};

/** The refusals in Dutch. */
export const modelErrorsNl: ModelErrorTexts = {
  // The schemas' own words stay English: they name the field as the schema spells it.
  invalidInput: (p) => p.detail,
  noteIdInvalid: (p) => `notitie-id ${JSON.stringify(p.id)} is geen id`,
  noteTextTooLong: (p) => `de tekst van een notitie mag hoogstens ${p.max} tekens lang zijn`,
  notePositionNotFinite: (p) => `de positie van notitie ${p.noteId} moet uit eindige getallen bestaan`,
  noteSizeNotFinite: (p) => `de grootte van notitie ${p.noteId} moet uit eindige getallen bestaan`,
  noteBoundsNotFinite: (p) => `de afmetingen van notitie ${p.noteId} moeten uit eindige getallen bestaan`,
  noteGone: 'die notitie bestaat niet meer',
  ownerTooLong: (p) => `de trekker mag hoogstens ${p.max} tekens lang zijn`,
  volunteerNameTooLong: (p) => `de naam van een vrijwilliger mag hoogstens ${p.max} tekens lang zijn`,
  areaGone: 'die zone bestaat niet meer',
  areaBoundsNotFinite: 'de afmetingen van een zone moeten uit eindige getallen bestaan',
  areaMoveNotFinite: 'een zone verplaatsen kan alleen met eindige getallen',
  connectorNeedsTwoNotes: 'een verbinding heeft twee verschillende notities nodig',
  connectorNoteGone: 'een verbinding heeft twee notities nodig die bestaan',
  tooManyGroups: (p) => `een bord heeft hoogstens ${p.max} belanghebbende groepen`,
  groupGone: 'die belanghebbende groep bestaat niet meer',
  clusterNeedsNote: 'een cluster heeft minstens één notitie nodig: kies eerst notities',
  clusterGone: 'die cluster bestaat niet meer',
  alreadyOneCluster: 'deze notities zijn al één cluster',
  voteGone: 'die stemming bestaat niet meer',
  voteClosed: 'deze stemming is gesloten',
  itemGone: 'die notitie of cluster bestaat niet meer',
  voteIsOnNotes: 'deze stemming gaat over notities: tik op een notitie',
  voteIsOnClusters: 'deze stemming gaat over clusters: tik op de naambalk van een cluster',
  voteNeedsGroup: 'kies eerst je belanghebbende groep: deze stemming geeft stippen per groep',
  noDotsLeft: 'geen stippen meer: neem er een terug om hem elders te zetten',
  oneDotPerItem: 'één stip per item in deze stemming',
  notCommonGround: 'nog niet elke belanghebbende groep is het eens, dus dit is geen gemeenschappelijke basis',
  mixedTablesOutOfRange: (p) => `het aantal gemengde tafels moet een geheel getal van ${p.min} tot ${p.max} zijn`,
  noAgenda: 'kies eerst een agenda',
  timerOutOfRange: 'een timer loopt van 1 seconde tot 4 uur',
  timerExtendNotPositive: 'verleng met een positieve tijd',
  nothingToShow: 'niets om te tonen',
  tableGone: 'die tafel bestaat niet meer',
  csvNoRows: 'het bestand heeft geen rijen: exporteer de antwoorden als CSV, één antwoord per rij',
  csvNoText: 'geen tekst gevonden: zet één notitie per rij, in een kolom met de naam "tekst" of in de eerste kolom',
  csvTooManyRows: (p) => `hoogstens ${p.max} notities per import (dit bestand heeft er ${p.count})`,
  csvRowTooLong: (p) => `rij ${p.row} is langer dan ${p.max} tekens`,
  stateDamaged: (p) => `de toestand van het bord is beschadigd: ${p.detail}`,
  stateIncomplete: 'de toestand van het bord is beschadigd: hij verwijst naar wijzigingen die er niet in zitten',
  stateFromNewerVersion: 'dit bord is bewaard door een nieuwere Olifant; werk eerst de server bij',
  stateHasNoBoard: 'de toestand bevat geen bord (er staat geen titel in)',
  backupNotBase64: 'de toestand van het bord in de reservekopie is geen base64',
};

/** A refusal of the board model as a notice in `lang`. */
export function modelErrorTextIn(lang: Lang, err: ValidationError): string {
  return refusalText(lang === 'nl' ? modelErrorsNl : modelErrorsEn, err.refusal);
}

/** A refusal of the board model in the current language, for a notice. */
export function modelErrorText(err: ValidationError): string {
  return modelErrorTextIn(languageStore.getState().lang, err);
}

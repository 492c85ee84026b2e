/**
 * The board model's refusals (a `ValidationError`'s code and parameters) as notices, in English and
 * Dutch.
 *
 * Why: a Dutch-speaking table must read why their dot was refused in Dutch. The texts are keyed by the
 * refusal's code, not by its English sentence, so a code added in shared/ without a text here is a
 * type error, and rewording the server's sentence changes no notice.
 */
import { MODEL_ERROR_MESSAGES, refusalText, type ModelErrorTexts, type ValidationError } from '../../shared/index.ts';
import { languageStore, type Lang } from './i18n.ts';

/** The refusals in English, as the notices show them: the model's own sentences (the schemas' own
 * words for `invalidInput`, in English in either language). */
export const modelErrorsEn: ModelErrorTexts = MODEL_ERROR_MESSAGES;

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
  backupNotJson: 'het bestand is geen JSON; kies een reservekopie die Olifant heeft bewaard (backup.json)',
};

/** A refusal of the board model as a notice in `lang`. */
export function modelErrorTextIn(lang: Lang, err: ValidationError): string {
  return refusalText(lang === 'nl' ? modelErrorsNl : modelErrorsEn, err.refusal);
}

/** A refusal of the board model in the current language, for a notice. */
export function modelErrorText(err: ValidationError): string {
  return modelErrorTextIn(languageStore.getState().lang, err);
}

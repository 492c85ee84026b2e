/**
 * Why the board model refused a change: `ValidationError`, carrying a code from a closed list, that
 * code's parameters, and an English sentence.
 *
 * Why: the server logs and answers in English, while a tablet shows the refusal in its own language.
 * The code (not the sentence) is what the client translates, so rewording a sentence here breaks no
 * translation, and a code added here without a text in every language is a type error in the client.
 */

/** The parameters of a refusal that has none. */
type NoParams = Readonly<Record<never, never>>;

/** Each refusal's code and its parameters (one code per rule of the board model). */
export interface ModelErrorParams {
  /** Input that failed a schema; `detail` names each bad field and why (from the schema, in English). */
  invalidInput: { readonly detail: string };
  noteIdInvalid: { readonly id: string };
  noteTextTooLong: { readonly max: number };
  notePositionNotFinite: { readonly noteId: string };
  noteSizeNotFinite: { readonly noteId: string };
  noteBoundsNotFinite: { readonly noteId: string };
  noteGone: NoParams;
  ownerTooLong: { readonly max: number };
  volunteerNameTooLong: { readonly max: number };
  areaGone: NoParams;
  areaBoundsNotFinite: NoParams;
  areaMoveNotFinite: NoParams;
  connectorNeedsTwoNotes: NoParams;
  connectorNoteGone: NoParams;
  tooManyGroups: { readonly max: number };
  groupGone: NoParams;
  clusterNeedsNote: NoParams;
  clusterGone: NoParams;
  alreadyOneCluster: NoParams;
  voteGone: NoParams;
  voteClosed: NoParams;
  itemGone: NoParams;
  voteIsOnNotes: NoParams;
  voteIsOnClusters: NoParams;
  voteNeedsGroup: NoParams;
  noDotsLeft: NoParams;
  oneDotPerItem: NoParams;
  notCommonGround: NoParams;
  mixedTablesOutOfRange: { readonly min: number; readonly max: number };
  noAgenda: NoParams;
  timerOutOfRange: NoParams;
  timerExtendNotPositive: NoParams;
  nothingToShow: NoParams;
  tableGone: NoParams;
  csvNoRows: NoParams;
  csvNoText: NoParams;
  csvTooManyRows: { readonly max: number; readonly count: number };
  csvRowTooLong: { readonly row: number; readonly max: number };
  /** `detail`: what Yjs said about the state (in English). */
  stateDamaged: { readonly detail: string };
  stateIncomplete: NoParams;
  stateFromNewerVersion: NoParams;
  stateHasNoBoard: NoParams;
  backupNotBase64: NoParams;
  backupNotJson: NoParams;
}

/** Every rule the board model can refuse a change by. */
export type ModelErrorCode = keyof ModelErrorParams;

/** A code with its parameters; checking `code` narrows `params`. */
export type ModelRefusal = { [C in ModelErrorCode]: { readonly code: C; readonly params: ModelErrorParams[C] } }[ModelErrorCode];

/** One text per code, taking that code's parameters (a plain string where it needs none). */
export type ModelErrorTexts = { readonly [C in ModelErrorCode]: string | ((params: ModelErrorParams[C]) => string) };

/** The English sentence of each refusal, as the server logs it and answers it over HTTP. */
export const MODEL_ERROR_MESSAGES: ModelErrorTexts = {
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
  backupNotJson: 'the file is not JSON; choose a backup file saved from Olifant (backup.json)',
};

/** `texts`' text for `refusal`, its parameters filled in. */
export function refusalText(texts: ModelErrorTexts, refusal: ModelRefusal): string {
  return textFor(texts, refusal.code, refusal.params);
}

function textFor<C extends ModelErrorCode>(texts: ModelErrorTexts, code: C, params: ModelErrorParams[C]): string {
  const text = texts[code];
  return typeof text === 'string' ? text : text(params);
}

/**
 * A change the board model refuses: bad input, or a rule of the board. `message` is the English
 * sentence; `code` and `params` say the same for a translation.
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  // Private, so the error's own fields stay `name` and `message`: two refusals with one sentence
  // compare equal, and logging one prints what it always printed.
  readonly #refusal: ModelRefusal;

  /** Without a refusal, the message is the detail of input that failed a schema (`invalidInput`). */
  constructor(message: string, refusal?: ModelRefusal) {
    super(message);
    this.#refusal = refusal ?? { code: 'invalidInput', params: { detail: message } };
  }

  /** The rule that refused the change. */
  get code(): ModelErrorCode {
    return this.#refusal.code;
  }

  /** The code's parameters (such as a limit). */
  get params(): ModelRefusal['params'] {
    return this.#refusal.params;
  }

  /** Code and parameters together, so that checking the code narrows the parameters. */
  get refusal(): ModelRefusal {
    return this.#refusal;
  }
}

type ParamArgs<C extends ModelErrorCode> = [keyof ModelErrorParams[C]] extends [never] ? [] : [params: ModelErrorParams[C]];

/** The refusal `code` (with its parameters), its message the English sentence for it. */
export function modelError<C extends ModelErrorCode>(code: C, ...args: ParamArgs<C>): ValidationError {
  const refusal = { code, params: args[0] ?? {} } as ModelRefusal;
  return new ValidationError(refusalText(MODEL_ERROR_MESSAGES, refusal), refusal);
}

/**
 * The UI strings of the join code and the marks that show a note's group, in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const joinEn = {
  joinCodeOpening: 'Opening the board…',
  joinCodeUnknownTitle: 'This join code cannot be opened now',
  joinCodeUnknownBody:
    'There is no connection to the server, and this device has not opened the board of join code “{0}” before. Connect to the Wi-Fi of the room and try again, or ask the facilitator for the link.',
  joinCodeRetry: 'Try again',
  joinCodeBoardsHere: 'Boards on this device',
};

export const joinNl: Record<keyof typeof joinEn, string> = {
  joinCodeOpening: 'Het bord wordt geopend…',
  joinCodeUnknownTitle: 'Deze deelnamecode kan nu niet geopend worden',
  joinCodeUnknownBody:
    'Er is geen verbinding met de server, en dit toestel heeft het bord van deelnamecode “{0}” nog niet eerder geopend. Maak verbinding met de wifi van de zaal en probeer het opnieuw, of vraag de facilitator om de link.',
  joinCodeRetry: 'Opnieuw proberen',
  joinCodeBoardsHere: 'Borden op dit toestel',
};

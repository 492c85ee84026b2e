/**
 * The UI strings of the participant tools the facilitator sets (notes only, notes and votes,
 * everything), in English and Dutch.
 *
 * Why: merged into strings.ts, so a missing translation is a type error.
 */
export const toolsEn = {
  toolsHeading: 'What participants can do',
  toolsNotes: 'Notes only',
  toolsNotesHint: 'Write, move and delete notes. Nothing else.',
  toolsNotesAndVotes: 'Notes and votes',
  toolsNotesAndVotesHint: 'Notes, and dots when you open a vote.',
  toolsEverything: 'Everything',
  toolsEverythingHint: 'Notes, votes, areas, connectors, clusters and action cards.',
  toolsFacilitatorNote: 'You always have every tool.',
  toolsOffNotes: 'The facilitator has set this board to notes only.',
  toolsOffNotesAndVotes: 'The facilitator has set this board to notes and votes.',
  reasonToolSwitchedOff: 'the facilitator has switched that tool off for participants',
};

export const toolsNl: Record<keyof typeof toolsEn, string> = {
  toolsHeading: 'Wat deelnemers kunnen doen',
  toolsNotes: 'Alleen notities',
  toolsNotesHint: 'Notities schrijven, verplaatsen en verwijderen. Verder niets.',
  toolsNotesAndVotes: 'Notities en stemmen',
  toolsNotesAndVotesHint: 'Notities, en stippen als je een stemming opent.',
  toolsEverything: 'Alles',
  toolsEverythingHint: 'Notities, stemmen, zones, verbindingen, clusters en actiekaarten.',
  toolsFacilitatorNote: 'Zelf kun je altijd alles.',
  toolsOffNotes: 'De facilitator heeft dit bord op alleen notities gezet.',
  toolsOffNotesAndVotes: 'De facilitator heeft dit bord op notities en stemmen gezet.',
  reasonToolSwitchedOff: 'de facilitator heeft dat gereedschap voor deelnemers uitgezet',
};

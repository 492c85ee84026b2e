/**
 * The UI strings of the projector (what it frames and its summaries), in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const projectorEn = {
  projectorSummary: 'Summary of the notes',
  projectorSummaryHint: 'Too many notes to read from afar: how many there are, and the ones with the most dots.',
  projectorNotesOne: '1 note',
  projectorNotesMany: '{0} notes',
  projectorNoNotes: 'No notes yet',
  projectorDotsOne: '1 dot',
  projectorDotsMany: '{0} dots',
  projectorElsewhere: 'Elsewhere on the board',
  projectorPanels: 'Show beside the board',
};

export const projectorNl: Record<keyof typeof projectorEn, string> = {
  projectorSummary: 'Samenvatting van de notities',
  projectorSummaryHint: 'Te veel notities om van ver te lezen: hoeveel het er zijn, en die met de meeste stippen.',
  projectorNotesOne: '1 notitie',
  projectorNotesMany: '{0} notities',
  projectorNoNotes: 'Nog geen notities',
  projectorDotsOne: '1 stip',
  projectorDotsMany: '{0} stippen',
  projectorElsewhere: 'Elders op het bord',
  projectorPanels: 'Toon naast het bord',
};

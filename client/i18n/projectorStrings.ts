/**
 * The UI strings of the projector (what it frames and its summaries), in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const projectorEn = {
  projectorSummary: 'Summary of the notes',
  projectorSummaryHint: 'Too many notes to read from afar: how many there are, and the ones with the most dots.',
  projectorNotes: '{0, plural, one {# note} other {# notes}}',
  projectorNoNotes: 'No notes yet',
  projectorDots: '{0, plural, one {# dot} other {# dots}}',
  projectorElsewhere: 'Elsewhere on the board',
  projectorPanels: 'Show beside the board',
};

export const projectorNl: Record<keyof typeof projectorEn, string> = {
  projectorSummary: 'Samenvatting van de notities',
  projectorSummaryHint: 'Te veel notities om van ver te lezen: hoeveel het er zijn, en die met de meeste stippen.',
  projectorNotes: '{0, plural, one {# notitie} other {# notities}}',
  projectorNoNotes: 'Nog geen notities',
  projectorDots: '{0, plural, one {# stip} other {# stippen}}',
  projectorElsewhere: 'Elders op het bord',
  projectorPanels: 'Toon naast het bord',
};

/**
 * The UI strings of table progress (the facilitator's "Ready?" call, each table's answer, the
 * progress on the facilitator's panel and on the projector), in English and Dutch.
 *
 * Why: merged into strings.ts, so a missing translation is a type error.
 */
export const progressEn = {
  progressTitle: 'Table progress',
  progressNoTables: 'No tables yet for this seating. A template lays out stakeholder and mixed tables.',
  progressReadyCount: '{0} of {1, plural, one {# table} other {# tables}} ready',
  progressCallReady: 'Ask the tables: “Ready?”',
  progressEndCall: 'End the “Ready?” call',
  progressCallOpen: 'Asked “Ready?” at {0}.',
  progressOnProjector: 'Show progress on the projector',
  progressPeople: '{0, plural, one {# person} other {# people}}',
  progressNobody: 'Nobody seated',
  progressOnline: '{0} of {1} online',
  progressNotes: '{0, plural, one {# note} other {# notes}} this task',
  progressDotsLeft: '{0, plural, one {# dot} other {# dots}} left',
  progressReady: 'Ready',
  progressNotReady: 'Working',
  progressNoAnswer: 'No answer yet',
  progressList: 'Tables, those still working first',
  readyPromptTitle: 'Ready?',
  readyPromptAsk: 'The facilitator asks whether your table is done.',
  readyPromptTable: 'Your table: {0}',
  readyPromptButton: 'We’re ready',
  readyPromptDone: 'Your table said it is ready. Tap again to take it back.',
  readyPromptBy: '{0} said your table is ready.',
  projectorProgressTitle: 'Progress of the tables',
};

export const progressNl: Record<keyof typeof progressEn, string> = {
  progressTitle: 'Voortgang van de tafels',
  progressNoTables: 'Nog geen tafels voor deze indeling. Een sjabloon zet belanghebbende en gemengde tafels klaar.',
  progressReadyCount: '{0} van {1, plural, one {# tafel} other {# tafels}} klaar',
  progressCallReady: 'Vraag de tafels: “Klaar?”',
  progressEndCall: 'Stop de vraag “Klaar?”',
  progressCallOpen: '“Klaar?” gevraagd om {0}.',
  progressOnProjector: 'Toon de voortgang op het projectiescherm',
  progressPeople: '{0, plural, one {# persoon} other {# personen}}',
  progressNobody: 'Niemand aan tafel',
  progressOnline: '{0} van {1} online',
  progressNotes: '{0, plural, one {# notitie} other {# notities}} deze taak',
  progressDotsLeft: 'nog {0, plural, one {# stip} other {# stippen}}',
  progressReady: 'Klaar',
  progressNotReady: 'Bezig',
  progressNoAnswer: 'Nog geen antwoord',
  progressList: 'Tafels, die nog bezig zijn eerst',
  readyPromptTitle: 'Klaar?',
  readyPromptAsk: 'De facilitator vraagt of jullie tafel klaar is.',
  readyPromptTable: 'Jullie tafel: {0}',
  readyPromptButton: 'Wij zijn klaar',
  readyPromptDone: 'Jullie tafel is klaar. Tik nog eens om dat terug te nemen.',
  readyPromptBy: '{0} zei dat jullie tafel klaar is.',
  projectorProgressTitle: 'Voortgang van de tafels',
};

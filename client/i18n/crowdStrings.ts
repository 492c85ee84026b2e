/**
 * The UI strings of crowd presence (head counts, the facilitator's crowd settings, the grouped people
 * list), in English and Dutch.
 *
 * Why: merged into strings.ts, so a missing translation is a type error.
 */
export const crowdEn = {
  crowdHeadCount: '{0, plural, one {# person} other {# people}}',
  crowdTitle: 'Crowd',
  crowdExplain: 'With more people than this on the board, each screen shows the facilitator and the people at its own table by name, and everyone else as a head count per area.',
  crowdThreshold: 'Crowd from more than',
  crowdThresholdUnit: 'people',
  crowdThresholdSave: 'Set',
  crowdThresholdBad: 'Enter a whole number from {0} to {1}.',
  crowdThresholdSet: 'A crowd from more than {0, plural, one {# person} other {# people}}.',
  crowdNow: 'Now a crowd: {0, plural, one {# person} other {# people}} on the board.',
  crowdNotNow: 'Not a crowd now: everyone sees everyone.',
  crowdCursors: 'Cursors',
  crowdCursorsOn: 'Cursors on',
  crowdCursorsOff: 'Cursors off',
  crowdCursorsExplain: 'Off: nobody sees anyone’s cursor (busy notes still show).',
  peopleSearch: 'Search people',
  peopleByGroup: 'By group',
  peopleByTable: 'By table',
  peopleOnline: '{0, plural, one {# online} other {# online}}',
  peopleCount: '{0, plural, one {# person} other {# people}}',
  peopleNoTable: 'No table',
  peopleNoMatch: 'Nobody by that name.',
  peopleOnlineMark: 'online',
};

export const crowdNl: Record<keyof typeof crowdEn, string> = {
  crowdHeadCount: '{0, plural, one {# persoon} other {# mensen}}',
  crowdTitle: 'Grote groep',
  crowdExplain: 'Met meer mensen dan dit op het bord toont elk scherm de facilitator en de mensen aan de eigen tafel bij naam, en alle anderen als een aantal per vlak.',
  crowdThreshold: 'Grote groep vanaf meer dan',
  crowdThresholdUnit: 'mensen',
  crowdThresholdSave: 'Instellen',
  crowdThresholdBad: 'Vul een geheel getal van {0} tot {1} in.',
  crowdThresholdSet: 'Een grote groep vanaf meer dan {0, plural, one {# persoon} other {# mensen}}.',
  crowdNow: 'Nu een grote groep: {0, plural, one {# persoon} other {# mensen}} op het bord.',
  crowdNotNow: 'Nu geen grote groep: iedereen ziet iedereen.',
  crowdCursors: 'Cursors',
  crowdCursorsOn: 'Cursors aan',
  crowdCursorsOff: 'Cursors uit',
  crowdCursorsExplain: 'Uit: niemand ziet iemands cursor (notities waar iemand mee bezig is blijven zichtbaar).',
  peopleSearch: 'Zoek mensen',
  peopleByGroup: 'Per groep',
  peopleByTable: 'Per tafel',
  peopleOnline: '{0, plural, one {# online} other {# online}}',
  peopleCount: '{0, plural, one {# persoon} other {# mensen}}',
  peopleNoTable: 'Geen tafel',
  peopleNoMatch: 'Niemand met die naam.',
  peopleOnlineMark: 'online',
};

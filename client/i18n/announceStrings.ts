/**
 * The UI strings of what screen readers hear (announcements of changes, the selection, votes and the timer), in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const announceEn = {
  announceAdded: '{0} added {1, plural, one {a note} other {# notes}}',
  announceAddedTwo: '{0} added {1, plural, one {a note} other {# notes}}, {2} added {3, plural, one {a note} other {# notes}}',
  announceAddedMany: '{0, plural, one {# note} other {# notes}} added by {1, plural, one {# person} other {# people}}',
  announceSomeone: 'Someone',
  announceSelectedNote: 'Selected: {0}',
  announceSelectedEmptyNote: 'Selected: an empty note',
  announceSelectedArea: 'Selected area: {0}',
  announceSelectedCluster: 'Selected cluster: {0}',
  announceSelectedNotes: '{0, plural, one {# note} other {# notes}} selected',
  announceSelectedItems: '{0, plural, one {# item} other {# items}} selected',
  announceSelectionCleared: 'Nothing selected',
  announceVoteOpened: 'Vote opened: {0}',
  announceVoteClosed: 'Vote closed: {0}',
  mainLabel: 'Board',
  voteOn: 'Vote on “{0}”',
  voteInstruction: '{0}: tap a {1} to place a dot',
  voteNeedsGroupSentence: '{0}: dots go per stakeholder group; pick yours under Stakeholder groups to vote.',
  voteIsOpen: '{0} is open.',
  voteInProgress: 'Vote in progress',
  announceDotsLeft: 'Dots left: {0}',
  announceDotsLeftGroup: 'Dots left for {1}: {0}',
};

export const announceNl: Record<keyof typeof announceEn, string> = {
  announceAdded: '{0} heeft {1, plural, one {een notitie} other {# notities}} toegevoegd',
  announceAddedTwo: '{0} heeft {1, plural, one {een notitie} other {# notities}} toegevoegd, {2} {3, plural, one {een notitie} other {# notities}}',
  announceAddedMany: '{0, plural, one {# notitie} other {# notities}} toegevoegd door {1, plural, one {# persoon} other {# mensen}}',
  announceSomeone: 'Iemand',
  announceSelectedNote: 'Gekozen: {0}',
  announceSelectedEmptyNote: 'Gekozen: een lege notitie',
  announceSelectedArea: 'Gekozen zone: {0}',
  announceSelectedCluster: 'Gekozen cluster: {0}',
  announceSelectedNotes: '{0, plural, one {# notitie} other {# notities}} gekozen',
  announceSelectedItems: '{0, plural, one {# item} other {# items}} gekozen',
  announceSelectionCleared: 'Niets gekozen',
  announceVoteOpened: 'Stemming geopend: {0}',
  announceVoteClosed: 'Stemming gesloten: {0}',
  mainLabel: 'Bord',
  voteOn: 'Stemming over “{0}”',
  voteInstruction: '{0}: tik op een {1} om een stip te zetten',
  voteNeedsGroupSentence: '{0}: stippen gaan per belanghebbende groep; kies de jouwe bij Belanghebbende groepen om te stemmen.',
  voteIsOpen: '{0} is geopend.',
  voteInProgress: 'Lopende stemming',
  announceDotsLeft: 'Stippen over: {0}',
  announceDotsLeftGroup: 'Stippen over voor {1}: {0}',
};

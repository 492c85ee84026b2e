/**
 * The UI strings of changes to notes and clusters, in English and Dutch: the undo toast after a
 * change of what notes are (action card, deleted, dissolved), and the word when a cluster is not
 * yours to rename or dissolve, or a change the server refused as written in someone else's name.
 *
 * Why: a change of what notes are must say what happened and how to undo it, in the room's language;
 * merged into strings.ts so a missing translation is a type error.
 */
export const notesEn = {
  reasonNotYourCluster: 'only the facilitator or whoever made a cluster may rename or dissolve it',
  reasonNotYourPerson: 'only you, or the facilitator, may change your name and group in the list of people',
  reasonNotYourName: 'notes, stances, clusters and sign-ups may only be written in your own name',
  reasonNotYourClient: 'another device was already writing under this copy’s id on the board',
  toastActionCards: '{0, plural, one {# note became an action card} other {# notes became action cards}}',
  toastPlainNotes: '{0, plural, one {# action card became a note} other {# action cards became notes}}',
  toastDeleted: '{0, plural, one {# item deleted} other {# items deleted}}',
  toastDissolved: '{0, plural, one {Cluster dissolved} other {# clusters dissolved}}',
  toastUndo: 'Undo',
  toastAnnounceUndo: '{0}. To undo, press Ctrl+Z (⌘+Z on a Mac).',
  toastCannotUndo: 'Cannot undo this any more: later changes came after it',
  clusterNotYours: 'Only the facilitator or whoever made this cluster can rename or dissolve it.',
};

export const notesNl: Record<keyof typeof notesEn, string> = {
  reasonNotYourCluster: 'alleen de facilitator of wie een cluster maakte mag die hernoemen of opheffen',
  reasonNotYourPerson: 'alleen jij, of de facilitator, mag je naam en groep in de lijst van deelnemers wijzigen',
  reasonNotYourName: 'notities, standpunten, clusters en inschrijvingen mogen alleen op je eigen naam staan',
  reasonNotYourClient: 'een ander toestel schreef op het bord al onder het id van deze kopie',
  toastActionCards: '{0, plural, one {# notitie werd een actiekaart} other {# notities werden actiekaarten}}',
  toastPlainNotes: '{0, plural, one {# actiekaart werd een notitie} other {# actiekaarten werden notities}}',
  toastDeleted: '{0, plural, one {# item verwijderd} other {# items verwijderd}}',
  toastDissolved: '{0, plural, one {Cluster opgeheven} other {# clusters opgeheven}}',
  toastUndo: 'Ongedaan maken',
  toastAnnounceUndo: '{0}. Ongedaan maken: Ctrl+Z (⌘+Z op een Mac).',
  toastCannotUndo: 'Dit kan niet meer ongedaan worden gemaakt: er kwamen later wijzigingen na',
  clusterNotYours: 'Alleen de facilitator of wie dit cluster maakte kan het hernoemen of opheffen.',
};

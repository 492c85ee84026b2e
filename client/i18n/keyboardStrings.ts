/**
 * The UI strings of keyboard use (moving through notes, dialogs, the outline), in English and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const keyboardEn = {
  canvasKeys:
    'Tab and Shift+Tab: go through the notes (Home, End: the first, the last). Space or Enter: select; Enter again: edit. Shift+Space: add to the selection. Arrows: move the selection (Shift: bigger steps); Ctrl+arrows, or arrows with nothing selected: pan. N: new note. D: place a dot during a vote, Shift+D: take it back. Escape: clear the selection.',
  keyboardOnlyTitle: 'Keyboard only',
  focusedNote: 'Note {0} of {1}: {2}',
  focusedNoteSelected: 'Note {0} of {1}, selected: {2}',
  sc_kbTab: 'Tab into the board, then Tab / Shift+Tab: go through the notes in reading order (Home / End: the first / last note; past the last note: on to the toolbar)',
  sc_kbSelect: 'Space or Enter: select the note · Enter on a selected note: edit it · Shift+Space or Ctrl+Space: add it to the selection or take it out',
  sc_kbMove: 'Arrows: move the selection (Shift+arrows: bigger steps) · Ctrl/⌘+A: select all',
  sc_kbPan: 'Ctrl+arrows, or arrows with nothing selected: pan (Shift: bigger steps)',
  sc_kbNewNote: 'N: new note at your table (when you have one), else in the middle of the view',
  sc_kbDot: 'During a vote: D places a dot on the note you are on (or its cluster), Shift+D takes one back',
  sc_kbOutline: 'Outline panel: every area, cluster, note, dot and group as a list; tick notes to select them on the board',
  outlineClusterHeading: 'Cluster: {0}',
  outlineNotes: '{0, plural, one {# note} other {# notes}}',
  outlineDots: '{0, plural, one {# dot} other {# dots}}',
  outlineGroupsHeading: 'Stakeholder groups',
  outlineOtherNotes: 'Notes in no cluster',
  outlineSelect: 'Select: {0}',
  outlineShow: 'Show on the board',
  outlineSelected: '{0} selected on the board',
  outlineByGroup: 'group: {0}',
  myDotsTitle: 'Your dots',
  placeDotOn: 'Place a dot on “{0}”',
  takeBackFrom: 'Take a dot back from “{0}”',
  dotTargetHint: 'Select a note on the board or in the outline (in a vote on clusters: a note of the cluster, or the cluster) to vote on it. On the board, D places a dot on the note you are on and Shift+D takes it back.',
};

export const keyboardNl: Record<keyof typeof keyboardEn, string> = {
  canvasKeys:
    'Tab en Shift+Tab: langs de notities (Home, End: de eerste, de laatste). Spatie of Enter: kiezen; nog eens Enter: bewerken. Shift+spatie: aan de selectie toevoegen. Pijltjes: de selectie verplaatsen (Shift: grotere stappen); Ctrl+pijltjes, of pijltjes zonder selectie: verschuiven. N: nieuwe notitie. D: een stip zetten tijdens een stemming, Shift+D: terugnemen. Escape: selectie wissen.',
  keyboardOnlyTitle: 'Alleen met het toetsenbord',
  focusedNote: 'Notitie {0} van {1}: {2}',
  focusedNoteSelected: 'Notitie {0} van {1}, gekozen: {2}',
  sc_kbTab: 'Tab naar het bord, dan Tab / Shift+Tab: langs de notities in leesvolgorde (Home / End: de eerste / laatste notitie; na de laatste notitie: door naar de werkbalk)',
  sc_kbSelect: 'Spatie of Enter: de notitie kiezen · Enter op een gekozen notitie: bewerken · Shift+spatie of Ctrl+spatie: aan de selectie toevoegen of eruit halen',
  sc_kbMove: 'Pijltjes: de selectie verplaatsen (Shift+pijltjes: grotere stappen) · Ctrl/⌘+A: alles kiezen',
  sc_kbPan: 'Ctrl+pijltjes, of pijltjes zonder selectie: verschuiven (Shift: grotere stappen)',
  sc_kbNewNote: 'N: nieuwe notitie bij je tafel (als je er een hebt), anders in het midden van het beeld',
  sc_kbDot: 'Tijdens een stemming: D zet een stip op de notitie waar je bent (of haar cluster), Shift+D neemt er een terug',
  sc_kbOutline: 'Overzicht: elke zone, cluster, notitie, stip en groep als lijst; vink notities aan om ze op het bord te kiezen',
  outlineClusterHeading: 'Cluster: {0}',
  outlineNotes: '{0, plural, one {# notitie} other {# notities}}',
  outlineDots: '{0, plural, one {# stip} other {# stippen}}',
  outlineGroupsHeading: 'Belanghebbende groepen',
  outlineOtherNotes: 'Notities in geen cluster',
  outlineSelect: 'Kiezen: {0}',
  outlineShow: 'Op het bord tonen',
  outlineSelected: '{0} gekozen op het bord',
  outlineByGroup: 'groep: {0}',
  myDotsTitle: 'Jouw stippen',
  placeDotOn: 'Een stip zetten op “{0}”',
  takeBackFrom: 'Een stip terugnemen van “{0}”',
  dotTargetHint: 'Kies een notitie op het bord of in het overzicht (bij een stemming over clusters: een notitie van het cluster, of het cluster) om erop te stemmen. Op het bord zet D een stip op de notitie waar je bent en neemt Shift+D die terug.',
};

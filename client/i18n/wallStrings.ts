/**
 * The UI strings of the common-ground wall (its cards' stance lines) and the trends mind map's
 * centre, in English and Dutch.
 *
 * Why: the wall shows each group's stance in words as well as colours, in each viewer's language;
 * merged into strings.ts so a missing translation is a type error.
 */
export const wallEn = {
  /** A stance line on a wall card: the stance word, then the groups that took it. */
  wallStanceLine: '{0}: {1}',
  wallNotMarked: 'Not marked',
  wallContested: 'Not every group agrees now',
  /** The mind map's centre when the board has no title. */
  wallTopic: 'Our topic',
};

export const wallNl: Record<keyof typeof wallEn, string> = {
  wallStanceLine: '{0}: {1}',
  wallNotMarked: 'Niet aangeduid',
  wallContested: 'Nu is niet elke groep het eens',
  wallTopic: 'Ons thema',
};

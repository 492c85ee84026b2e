/**
 * The UI strings of what a person shows on demand and reads at a glance, in English and Dutch: the
 * toolbar button for the overview map and groups' key, and the vote results table's headings.
 *
 * Why: the map and key are hidden until asked for, so their button needs a clear name, and the
 * results table must read the same on every screen; merged into strings.ts so a missing translation
 * is a type error.
 */
export const visibleEn = {
  overlaysToggle: "Overview map and groups' key",
  resultsItem: 'Item',
  resultsTotal: 'Total',
  resultsTableCaption: 'Dots per item, split by stakeholder group',
};

export const visibleNl: Record<keyof typeof visibleEn, string> = {
  overlaysToggle: 'Overzichtskaart en groepensleutel',
  resultsItem: 'Onderdeel',
  resultsTotal: 'Totaal',
  resultsTableCaption: 'Stippen per onderdeel, verdeeld per belanghebbende groep',
};

/**
 * The UI strings of the visible part of the day's flow, in English and Dutch: the overview map and
 * groups' key shown on demand, and the vote results table.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
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

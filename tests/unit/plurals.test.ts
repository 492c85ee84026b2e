/**
 * Counts in the UI's strings take the word form of their number and the language's number format, in
 * English and Dutch; no string says "1 notes" or "1 notities".
 *
 * Why: a screen reader reads "1 notes" as written, and a table reads "5000" slower than "5,000"
 * ("5.000" in Dutch). The strings are checked whole, so a new count written as "{0} notes" fails here.
 */
import { describe, expect, it } from 'vitest';
import { formatNumber, plural, translate } from '../../client/i18n/i18n.ts';
import { en, nl, type StringKey } from '../../client/i18n/strings.ts';

describe('plural forms and numbers in both languages', () => {
  it('chooses one or other by the count, with the count formatted', () => {
    const forms = { one: '# note', other: '# notes' };
    expect(plural('en', 1, forms)).toBe('1 note');
    expect(plural('en', 0, forms)).toBe('0 notes');
    expect(plural('en', 2, forms)).toBe('2 notes');
    expect(plural('en', 1200, forms)).toBe('1,200 notes');
    expect(plural('nl', 1, { one: '# notitie', other: '# notities' })).toBe('1 notitie');
    expect(plural('nl', 5000, { one: '# notitie', other: '# notities' })).toBe('5.000 notities');
  });

  it('formats numbers the way each language writes them', () => {
    expect(formatNumber('en', 5000)).toBe('5,000');
    expect(formatNumber('nl', 5000)).toBe('5.000');
    expect(formatNumber('nl', 12)).toBe('12');
  });

  it('says 1 note, 1 dot, 1 volunteer and 2 of each, in English and Dutch', () => {
    expect(translate('en', 'notesOnBoard', 1)).toBe('1 note');
    expect(translate('en', 'notesOnBoard', 2)).toBe('2 notes');
    expect(translate('nl', 'notesOnBoard', 1)).toBe('1 notitie');
    expect(translate('nl', 'notesOnBoard', 2)).toBe('2 notities');
    expect(translate('en', 'dotsLeftGroup', 1, 'Citizens')).toBe('1 dot left for Citizens');
    expect(translate('nl', 'dotsLeft', 1)).toBe('nog 1 stip');
    expect(translate('nl', 'dotsLeft', 3)).toBe('nog 3 stippen');
    expect(translate('en', 'actionFooter', 'Ann', 1)).toBe('Ann · 1 volunteer');
    expect(translate('nl', 'connectedNow', 1, 2, 1)).toBe('Nu verbonden: 1 deelnemer, 2 projectieschermen, 1 facilitator');
    expect(translate('en', 'canvasLabel', 1)).toBe('The board: 1 note');
    expect(translate('en', 'coverageOf', 1, 1)).toBe('1 of 1 group');
    expect(translate('nl', 'coverageOf', 1, 1)).toBe('1 van 1 groep');
    expect(translate('nl', 'coverageOf', 2, 3)).toBe('2 van 3 groepen');
  });

  it('writes the numbers of the paste notice in the language’s format', () => {
    expect(translate('en', 'pasteTooLong', 5000, 4993, 10000)).toBe('A note holds at most 5,000 characters: the first 4,993 of the 10,000 pasted were kept.');
    expect(translate('nl', 'pasteTooLong', 5000, 4993, 10000)).toContain('hoogstens 5.000 tekens');
  });

  it('leaves no count before a plural noun without its forms', () => {
    // "{0} notes", "{1} stippen": a number placed straight before a plural word, in any string.
    const bare = /\{\d\} (notes|dots|people|areas|screens|participants|projectors|facilitators|volunteers|items|notities|stippen|stemmen|mensen|zones|schermen|deelnemers|vrijwilligers|items)\b/;
    for (const [lang, table] of [['en', en], ['nl', nl]] as const) {
      const offenders = Object.entries(table).filter(([, s]) => bare.test(s)).map(([k]) => `${lang}.${k}`);
      expect(offenders).toEqual([]);
    }
    for (const key of Object.keys(en) as StringKey[]) {
      for (const lang of ['en', 'nl'] as const) expect(translate(lang, key, 1, 1, 1)).not.toMatch(/\{|\}/);
    }
  });
});

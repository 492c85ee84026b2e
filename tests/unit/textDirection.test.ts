/**
 * Unit: a text's direction is that of its first strong character, as `dir="auto"` decides it, so a
 * right-to-left note is aligned right on the canvas as it is in the editor.
 *
 * Why: Arabic and Hebrew notes were drawn left-aligned; digits, punctuation and a leading Latin word
 * must not be mistaken for the direction of the text.
 */
import { describe, expect, it } from 'vitest';
import { directionProps, textDirection } from '../../client/canvas/textDirection.ts';

describe('the direction of a note text', () => {
  it('is right to left for Arabic, Hebrew and Persian text', () => {
    expect(textDirection('مستقبل الرعاية في منطقتنا')).toBe('rtl');
    expect(textDirection('עתיד הטיפול באזור')).toBe('rtl');
    expect(textDirection('آینده مراقبت')).toBe('rtl');
  });

  it('skips digits, spaces and punctuation before the first letter', () => {
    expect(textDirection('  2035: مستقبل')).toBe('rtl');
    expect(textDirection('«١٢» שלום')).toBe('rtl');
    expect(textDirection('2035: care in our region')).toBe('ltr');
  });

  it('follows the first letter in mixed text', () => {
    expect(textDirection('Olifant لوح مشترك')).toBe('ltr');
    expect(textDirection('لوح مشترك Olifant')).toBe('rtl');
  });

  it('is left to right for Latin, Greek, Cyrillic and CJK text, and for text with no letter', () => {
    expect(textDirection('Wachttijden korter')).toBe('ltr');
    expect(textDirection('Ελληνικά')).toBe('ltr');
    expect(textDirection('Будущее')).toBe('ltr');
    expect(textDirection('未来')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
    expect(textDirection('123 !?')).toBe('ltr');
  });

  it('gives the canvas text its direction and alignment', () => {
    expect(directionProps('مستقبل')).toEqual({ direction: 'rtl', align: 'right' });
    expect(directionProps('Future')).toEqual({ direction: 'ltr', align: 'left' });
  });
});

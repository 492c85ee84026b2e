/**
 * The direction of a text by its first strong character (the rule of the Unicode bidi algorithm and
 * of `dir="auto"`): right to left for Arabic, Hebrew and the other right-to-left scripts, else left
 * to right.
 *
 * Why: the canvas draws text left-aligned unless told otherwise; an Arabic or Hebrew note read from
 * the left edge looks broken to the person who wrote it. The note editor uses `dir="auto"`, which
 * follows the same rule, so the text stays where it was when the editor opens.
 */

const RTL_SCRIPT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;
const LETTER = /\p{L}/u;

/** 'rtl' when the first letter of `text` is of a right-to-left script; 'ltr' otherwise (also for none). */
export function textDirection(text: string): 'ltr' | 'rtl' {
  for (const ch of text) {
    if (!LETTER.test(ch)) continue; // digits, spaces and punctuation take the direction around them
    return RTL_SCRIPT.test(ch) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}

/** A Konva Text's `direction` and `align` for `text`: right-to-left text starts at the right edge. */
export function directionProps(text: string): { direction: 'ltr' | 'rtl'; align: 'left' | 'right' } {
  const direction = textDirection(text);
  return { direction, align: direction === 'rtl' ? 'right' : 'left' };
}

/**
 * Colour contrast as WCAG 2 defines it: the relative luminance of an sRGB colour and the contrast
 * ratio of two colours (1 to 21).
 *
 * Why: a note's group mark must stand out from every note colour (3:1 for graphics, WCAG 1.4.11) and
 * its initial from the mark; the maths lives in `shared/` so the exported picture chooses the same
 * ink, and the canvas keeps this import path.
 */
export { bestInk, contrastRatio, relativeLuminance } from '../../shared/analysis/groupMarks.ts';

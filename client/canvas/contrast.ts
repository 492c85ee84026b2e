/**
 * Colour contrast as WCAG 2 defines it: the relative luminance of an sRGB colour and the contrast
 * ratio of two colours (1 to 21).
 *
 * Why: a note's group mark must stand out from every note colour (3:1 for graphics, WCAG 1.4.11) and
 * its initial from the mark (3:1 for large bold text); the marks choose their ink with these, and a
 * unit test checks every group colour against every note colour with them.
 */

/** The relative luminance (0 black to 1 white) of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two `#rrggbb` colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Of `inks`, the one with the highest contrast on `background`. */
export function bestInk(background: string, inks: readonly string[]): string {
  return inks.reduce((best, ink) => (contrastRatio(ink, background) > contrastRatio(best, background) ? ink : best));
}

/**
 * Picks the largest font size at which a note's text fits its box, measuring with a 2D canvas.
 *
 * Why: a sticky note keeps its size; long text shrinks instead of spilling, as people expect from
 * paper notes. Results are cached per text and box, so a board re-render measures nothing new.
 */

/** Space between a note's edge and its text, in board units. */
export const NOTE_PADDING = 12;
/** The font size of a short text (board units); longer texts shrink from here. */
export const MAX_FONT = 28;
/** The smallest font size a text shrinks to (board units); beyond it the text is cut off. */
export const MIN_FONT = 9;
/** The font of notes and labels on the canvas (and of the note editor over them). */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

let ctx: CanvasRenderingContext2D | null = null;
const cache = new Map<string, number>();

function measure(): CanvasRenderingContext2D | null {
  if (!ctx && typeof document !== 'undefined') ctx = document.createElement('canvas').getContext('2d');
  return ctx;
}

/** Number of wrapped lines `text` takes at `size` px in `width` px; Infinity if a word does not fit a line. */
function lineCount(c: CanvasRenderingContext2D, text: string, size: number, width: number): number {
  c.font = `${size}px ${FONT_FAMILY}`;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let line = 0;
    for (const word of paragraph.split(/(\s+)/)) {
      const wWidth = c.measureText(word).width;
      if (line + wWidth <= width) {
        line += wWidth;
      } else if (wWidth > width) {
        // A word wider than the note would be broken mid-word: treat the size as too large.
        return Infinity;
      } else if (word.trim() !== '') {
        lines++;
        line = wWidth;
      }
    }
  }
  return lines;
}

/** The font size (px, board units) for `text` in a `w` x `h` note. */
export function fitFontSize(text: string, w: number, h: number): number {
  const key = `${w}x${h}:${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const c = measure();
  const innerW = Math.max(1, w - NOTE_PADDING * 2);
  const innerH = Math.max(1, h - NOTE_PADDING * 2);
  let size = MAX_FONT;
  if (c && text) {
    while (size > MIN_FONT && lineCount(c, text, size, innerW) * size * 1.2 > innerH) size--;
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(key, size);
  return size;
}

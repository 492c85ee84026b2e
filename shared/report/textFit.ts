/**
 * Fitting people's text into a box for the board's pictures (SVG, and the PNG made from it): the
 * largest font size at which every word fits whole on its line and every line fits the box. Only a
 * word too long for its line even at the smallest size is hyphenated; when the text still does not
 * fit, it ends with "…" after a whole word, never inside one.
 *
 * Why: a picture that says "Personeelstek…" loses the word people wrote. The server has no fonts, so
 * widths are estimated per letter with generous widths (a line may end early, never spill).
 */

/** Width of a character, in ems, generous for a system sans-serif (DejaVu, Segoe, Roboto, SF). */
function charEm(c: string): number {
  if (c === ' ') return 0.32;
  if (/[iljtfI.,:;'!|()[\]]/.test(c)) return 0.36;
  if (/[mwMW@]/.test(c)) return 0.95;
  if (/[A-Z]/.test(c)) return 0.74;
  if (/[0-9]/.test(c)) return 0.64;
  if (/[a-z]/.test(c)) return 0.62;
  // Accented letters, other scripts, emoji: wide.
  return c.codePointAt(0)! > 0x2e80 ? 1.05 : 0.7;
}

/** The estimated width of `text` at `size` px. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em * size;
}

export interface FittedText {
  /** Font size, px. */
  readonly size: number;
  /** The lines, top to bottom. */
  readonly lines: string[];
  /** Line height, px. */
  readonly lineHeight: number;
}

/** Words of one line each, or null when a word alone is wider than `width`. */
function wrapWords(text: string, width: number, size: number): string[] | null {
  const lines: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (textWidth(word, size) > width) return null;
      const next = line ? `${line} ${word}` : word;
      if (textWidth(next, size) <= width) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** `word` in pieces that fit `width`, each but the last ending with a hyphen. */
function hyphenate(word: string, width: number, size: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const c of word) {
    if (piece && textWidth(`${piece}${c}-`, size) > width) {
      pieces.push(`${piece}-`);
      piece = c;
    } else piece += c;
  }
  pieces.push(piece);
  return pieces;
}

/** Lines at `size` with words too long for a line hyphenated. */
function wrapHyphenated(text: string, width: number, size: number): string[] {
  const spaced = text
    .split(/\r?\n/)
    .map((para) =>
      para
        .split(/\s+/)
        .filter(Boolean)
        .flatMap((w) => (textWidth(w, size) > width ? hyphenate(w, width, size) : [w]))
        .join(' '),
    )
    .join('\n');
  // Hyphenated pieces are joined by spaces above; wrapping puts each on its own line, since each
  // piece but the last fills a line.
  return wrapWords(spaced, width, size) ?? [spaced];
}

/**
 * `text` in a `width` x `height` box: the largest size from `max` down to `min` at which it fits with
 * whole words; else, at `min`, with long words hyphenated, and cut after the last whole word that fits
 * (ending "…").
 */
export function fitText(text: string, width: number, height: number, options: { max: number; min: number; lineHeight?: number }): FittedText {
  const k = options.lineHeight ?? 1.2;
  const trimmed = text.trim();
  for (let size = options.max; size >= options.min; size--) {
    const lines = wrapWords(trimmed, width, size);
    if (lines && lines.length * size * k <= height) return { size, lines, lineHeight: size * k };
  }
  const size = options.min;
  const lines = wrapHyphenated(trimmed, width, size);
  const room = Math.max(1, Math.floor(height / (size * k)));
  if (lines.length <= room) return { size, lines, lineHeight: size * k };
  const kept = lines.slice(0, room);
  let last = kept[room - 1]!;
  while (last && textWidth(`${last} …`, size) > width) last = last.includes(' ') ? last.slice(0, last.lastIndexOf(' ')) : '';
  kept[room - 1] = last ? `${last.replace(/-$/, '')} …` : '…';
  return { size, lines: kept, lineHeight: size * k };
}

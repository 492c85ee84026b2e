/**
 * The marks the board's pictures draw on notes and clusters, as SVG: the dots of the vote (each in its
 * group's colour with the group's label, and the count), a cluster's coverage chips (a group that has
 * spoken filled in its colour, one that has not white with a dashed outline), and the standing (the
 * bar's colour and its word).
 *
 * Why: the picture of the wall is the result of the day; without dots, coverage and standing it shows
 * notes, not what the room decided. The marks follow the canvas's (DotRow, CoverageChips,
 * ClusterShape) so the picture reads like the screen, and say everything in words or labels too,
 * not by colour alone.
 */
import { MARK_OUTLINE, markInk, STANDING_COLOR } from '../analysis/groupMarks.ts';
import type { Standing } from '../model/cocreation.ts';
import { escapeXml } from './xml.ts';
import { textWidth } from './textFit.ts';

export { STANDING_COLOR };

/** A group's mark: its colour and label. */
export interface Mark {
  readonly color: string;
  readonly label: string;
}

const R = 9;
const GAP = 4;
/** Height of a dot row. */
export const DOT_ROW_H = 2 * R + 2 * GAP;

/** A row of dots (one per dot, its group's colour and label) and the total, at most `width` wide, at (x, y). */
export function dotRowSvg(dots: readonly Mark[], x: number, y: number, width: number): string {
  if (!dots.length) return '';
  const total = String(dots.length);
  const countW = textWidth(total, 15) + 10;
  const fit = Math.max(1, Math.floor((width - countW - GAP) / (2 * R + GAP)));
  const shown = dots.slice(0, fit);
  const w = GAP + shown.length * (2 * R + GAP) + countW;
  const parts = [`<g class="dots"><rect x="${x}" y="${y}" width="${w}" height="${DOT_ROW_H}" rx="${R + GAP}" fill="#ffffff" fill-opacity="0.9" stroke="${MARK_OUTLINE}" stroke-opacity="0.25"/>`];
  shown.forEach((d, i) => {
    const cx = x + GAP + R + i * (2 * R + GAP);
    const cy = y + GAP + R;
    parts.push(`<circle class="dot" cx="${cx}" cy="${cy}" r="${R}" fill="${d.color}" stroke="${MARK_OUTLINE}" stroke-width="1.5"/>`);
    const n = Array.from(d.label).length;
    if (n) parts.push(`<text x="${cx}" y="${cy + 4}" font-size="${n <= 1 ? 12 : n === 2 ? 9 : 7}" font-weight="bold" text-anchor="middle" fill="${markInk(d.color)}">${escapeXml(d.label)}</text>`);
  });
  parts.push(`<text class="dot-count" x="${x + w - countW / 2 - 2}" y="${y + GAP + R + 5}" font-size="15" font-weight="bold" text-anchor="middle" fill="#1d232b">${total}</text></g>`);
  return parts.join('');
}

const CHIP_H = 22;
const chipWidth = (label: string) => Math.max(CHIP_H, 10 + Array.from(label).length * 11);

/** The width of a cluster's coverage chips on their pill. */
export function chipsWidth(chips: ReadonlyArray<Mark & { on: boolean }>): number {
  return chips.length ? chips.reduce((w, c) => w + chipWidth(c.label) + GAP, 2 * 5 - GAP) : 0;
}

/** A cluster's coverage chips on a white pill, right edge at `right`, centred on `cy`. */
export function coverageChipsSvg(chips: ReadonlyArray<Mark & { on: boolean }>, right: number, cy: number): string {
  if (!chips.length) return '';
  const w = chipsWidth(chips);
  const h = CHIP_H + 6;
  let x = right - w + 5;
  const parts = [`<g class="coverage"><rect x="${right - w}" y="${cy - h / 2}" width="${w}" height="${h}" rx="${h / 2}" fill="#ffffff"/>`];
  for (const c of chips) {
    const cw = chipWidth(c.label);
    parts.push(
      `<rect class="chip" x="${x}" y="${cy - CHIP_H / 2}" width="${cw}" height="${CHIP_H}" rx="6" fill="${c.on ? c.color : '#ffffff'}" stroke="${MARK_OUTLINE}" stroke-width="${c.on ? 2 : 1.5}"${c.on ? '' : ' stroke-dasharray="3 2"'}/>`,
      `<text x="${x + cw / 2}" y="${cy + 5}" font-size="14" font-weight="bold" text-anchor="middle" fill="${c.on ? markInk(c.color) : MARK_OUTLINE}">${escapeXml(c.label)}</text>`,
    );
    x += cw + GAP;
  }
  parts.push('</g>');
  return parts.join('');
}

/** A standing's badge (its colour, its word in white), its right edge at `right`, top at `top`. */
export function standingBadgeSvg(standing: Standing, word: string, right: number, top: number): string {
  const w = textWidth(word, 14) + 14;
  return (
    `<g class="standing"><rect x="${right - w}" y="${top}" width="${w}" height="22" rx="11" fill="${STANDING_COLOR[standing]}"/>` +
    `<text x="${right - w / 2}" y="${top + 16}" font-size="14" font-weight="bold" text-anchor="middle" fill="#ffffff">${escapeXml(word)}</text></g>`
  );
}

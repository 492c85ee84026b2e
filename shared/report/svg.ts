/**
 * A picture of the board (or of one rectangle of it) as SVG, drawn from the model: areas (named in the
 * reader's language), cluster outlines with their standing's colour and word and their coverage
 * chips, connectors, and notes with their text, group tag, standing and the dots of the vote; every
 * piece of people's text escaped, no script, no link, no outside resource.
 *
 * Why: the report and the print need pictures, and the server must be able to make them without a
 * browser. The client turns the same SVG into a PNG at any resolution, so PNG and SVG show the same
 * marks and fit text the same way (textFit.ts: whole words, never cut inside one).
 */
import type * as Y from 'yjs';
import { clusterBounds, clusterIndex, clusterMembers, coverageOf, resolveCluster } from '../analysis/clusters.ts';
import { groupMarkLabels, MARK_H, MARK_OUTLINE, markInk, markWidth } from '../analysis/groupMarks.ts';
import { boardAgreement, itemsById } from '../analysis/standing.ts';
import { countVote } from '../analysis/votes.ts';
import { listClusters, listDots, listGroups, listOutcomes, listStances, listVotes } from '../doc/cocreationQueries.ts';
import { listNotes } from '../doc/queries.ts';
import { listAreas, listConnectors } from '../doc/shapeQueries.ts';
import type { Standing } from '../model/cocreation.ts';
import type { Note } from '../model/records.ts';
import { areaName } from '../model/shapes.ts';
import { chipsWidth, coverageChipsSvg, DOT_ROW_H, dotRowSvg, standingBadgeSvg, STANDING_COLOR, type Mark } from './svgMarks.ts';
import { fitText } from './textFit.ts';
import { word, type ReportLang } from './words.ts';
import { escapeXml } from './xml.ts';

export { escapeXml } from './xml.ts';

type Rect = { x: number; y: number; w: number; h: number };

const COLOR = /^#[0-9a-f]{6}$/i;
const safeColor = (c: string, fallback: string) => (COLOR.test(c) ? c : fallback);
/** A note's padding and font sizes, as on the canvas (client/canvas/fitText.ts). */
const PAD = 12;
const MAX_FONT = 28;
const MIN_FONT = 9;

/** The bounding box of everything on the board, clusters' label bars included (or a small default
 * for an empty one). */
export function boardBounds(doc: Y.Doc): Rect {
  const notes = listNotes(doc);
  const byId = new Map(notes.map((n) => [n.id, n]));
  const clusters = [...clusterMembers(notes, clusterIndex(listClusters(doc))).values()].map((ids) => clusterBounds(ids.map((n) => byId.get(n)!)));
  const boxes: Rect[] = [...listAreas(doc), ...notes, ...clusters.filter((b): b is Rect => b !== null)];
  if (!boxes.length) return { x: 0, y: 0, w: 800, h: 600 };
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y };
}

/** Fitted lines as one SVG text element, left edge `x`, first line's top `top`. */
function linesSvg(lines: readonly string[], x: number, top: number, size: number, lineHeight: number, attrs: string): string {
  const spans = lines.map((l, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : lineHeight}">${escapeXml(l)}</tspan>`).join('');
  return `<text x="${x}" y="${top + size}" font-size="${size}" ${attrs}>${spans}</text>`;
}

/**
 * The board, or the part of it inside `view` (with a margin), as a standalone SVG document; area names
 * and standings in `lang`.
 */
export function boardSvg(doc: Y.Doc, view: Rect = boardBounds(doc), margin = 40, lang: ReportLang = 'en'): string {
  const vx = view.x - margin;
  const vy = view.y - margin;
  const vw = view.w + 2 * margin;
  const vh = view.h + 2 * margin;
  const inView = (r: Rect) => r.x < vx + vw && r.x + r.w > vx && r.y < vy + vh && r.y + r.h > vy;
  const notes = listNotes(doc);
  const groupList = listGroups(doc);
  const groups = new Map(groupList.map((g) => [g.id, g]));
  const labels = groupMarkLabels(groupList);
  const markOf = (groupId: string): Mark => {
    const g = groups.get(groupId);
    return g && COLOR.test(g.color) ? { color: g.color, label: labels[g.id] ?? '' } : { color: '#455a64', label: '' };
  };
  const index = clusterIndex(listClusters(doc));
  const byId = new Map(notes.map((n) => [n.id, n]));
  const resolve = (id: string) => (byId.has(id) ? id : resolveCluster(id, index));

  // The dots of the vote the board shows (the open one, else the last), per item, by group.
  const votes = listVotes(doc);
  const vote = votes.findLast((v) => v.open) ?? votes.at(-1);
  const dotsOf = new Map<string, Mark[]>();
  if (vote) {
    const count = countVote(vote, listDots(doc), resolve);
    for (const [item, split] of Object.entries(count.byGroup)) {
      dotsOf.set(item, Object.entries(split).flatMap(([g, n]) => Array.from({ length: n }, () => markOf(g))));
    }
  }
  const standingOf = new Map<string, Standing>();
  for (const [id, item] of itemsById(boardAgreement(listStances(doc), listOutcomes(doc), groupList, (id) => byId.has(id), index))) standingOf.set(id, item.standing);
  const standingWord = (s: Standing) => (s === 'open' ? '' : word(lang, s));

  const parts: string[] = [];
  for (const a of listAreas(doc).filter(inView)) {
    const title = fitText(areaName(a, lang), Math.max(40, a.w - 32), 84, { max: 30, min: 16 });
    parts.push(
      `<rect x="${a.x}" y="${a.y}" width="${a.w}" height="${a.h}" rx="10" fill="${safeColor(a.color, '#cfe3f7')}" fill-opacity="0.45" stroke="#7d8b99" stroke-width="2" stroke-dasharray="12 8"/>`,
      linesSvg(title.lines, a.x + 16, a.y + 12, title.size, title.lineHeight, 'font-weight="bold" fill="#2b3a4a"'),
    );
  }

  for (const [id, ids] of clusterMembers(notes, index)) {
    const members = ids.map((n) => byId.get(n)!);
    const box = clusterBounds(members);
    if (!box || !inView(box)) continue;
    const standing = standingOf.get(id) ?? 'open';
    const color = STANDING_COLOR[standing];
    const cov = coverageOf(members, groupList);
    const chips = [...cov.present.map((g) => ({ ...markOf(g), on: true })), ...cov.missing.map((g) => ({ ...markOf(g), on: false }))];
    const chipsW = Math.min(chipsWidth(chips), box.w / 2);
    const badge = standingWord(standing);
    const label = fitText(`${index.get(id)?.label || 'Cluster'}${badge ? ` · ${badge}` : ''}`, Math.max(40, box.w - 34 - chipsW), 34, { max: 22, min: 11 });
    parts.push(
      `<g class="cluster"><rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="14" fill="#37474f" fill-opacity="0.06" stroke="${color}" stroke-width="3"/>`,
      `<rect x="${box.x}" y="${box.y}" width="${box.w}" height="40" rx="14" fill="${color}"/>`,
      linesSvg(label.lines, box.x + 14, box.y + 20 - (label.lines.length * label.lineHeight) / 2, label.size, label.lineHeight, 'font-weight="bold" fill="#ffffff"'),
      chipsW <= box.w / 2 ? coverageChipsSvg(chips, box.x + box.w - 6, box.y + 20) : '',
      dotRowSvg(dotsOf.get(id) ?? [], box.x + 10, box.y + box.h - DOT_ROW_H - 4, box.w - 20),
      '</g>',
    );
  }

  for (const c of listConnectors(doc)) {
    const from = byId.get(c.from);
    const to = byId.get(c.to);
    if (!from || !to || (!inView(from) && !inView(to))) continue;
    const [x1, y1, x2, y2] = [from.x + from.w / 2, from.y + from.h / 2, to.x + to.w / 2, to.y + to.h / 2];
    parts.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#455a64" stroke-width="3" marker-end="url(#arrow)"/>`);
    if (c.label) parts.push(`<text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 8}" font-size="18" text-anchor="middle" fill="#1d232b">${escapeXml(c.label)}</text>`);
  }

  for (const n of notes.filter(inView)) {
    const group = n.groupId ? groups.get(n.groupId) : undefined;
    const standing = standingOf.get(n.id) ?? 'open';
    parts.push(
      noteSvg(n, {
        group: group && COLOR.test(group.color) ? { color: group.color, label: labels[group.id] ?? '' } : undefined,
        dots: dotsOf.get(n.id) ?? [],
        standing: standing === 'open' ? undefined : { standing, word: standingWord(standing) },
      }),
    );
  }

  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="${vx} ${vy} ${vw} ${vh}" width="${Math.round(vw)}" height="${Math.round(vh)}" font-family="system-ui, sans-serif">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#455a64"/></marker></defs>
<rect x="${vx}" y="${vy}" width="${vw}" height="${vh}" fill="#f4f1ea"/>
${parts.join('\n')}
</svg>
`;
}

interface NoteMarks {
  readonly group: Mark | undefined;
  readonly dots: readonly Mark[];
  readonly standing: { standing: Standing; word: string } | undefined;
}

/** A note with its text and, as on the canvas, the group's strip and tag (lower right), its dots
 * (lower left) and its standing (a coloured outline and the word, upper right). */
function noteSvg(n: Note, marks: NoteMarks): string {
  const { group, dots, standing } = marks;
  const top = PAD + (group ? 10 : 0) + (standing ? 24 : 0);
  // The text ends above the tag and the dots.
  const bottom = PAD + (group || dots.length ? Math.max(group ? MARK_H + 6 : 0, dots.length ? DOT_ROW_H + 6 : 0) : 0);
  const fit = fitText(n.text, n.w - 2 * PAD, Math.max(MIN_FONT * 1.2, n.h - top - bottom), { max: MAX_FONT, min: MIN_FONT });
  const tagW = group?.label ? markWidth(group.label) + 12 : 0;
  return [
    `<g class="note"><rect x="${n.x}" y="${n.y}" width="${n.w}" height="${n.h}" rx="3" fill="${safeColor(n.color, '#fff176')}" stroke="${standing ? STANDING_COLOR[standing.standing] : '#00000022'}" stroke-width="${standing ? 4 : 1}"/>`,
    group ? `<rect x="${n.x}" y="${n.y}" width="${n.w}" height="8" fill="${group.color}"/><rect x="${n.x}" y="${n.y + 8}" width="${n.w}" height="2" fill="${MARK_OUTLINE}"/>` : '',
    standing ? standingBadgeSvg(standing.standing, standing.word, n.x + n.w - 6, n.y + (group ? 14 : 6)) : '',
    linesSvg(fit.lines, n.x + PAD, n.y + top, fit.size, fit.lineHeight, 'fill="#1d232b"'),
    dotRowSvg(dots, n.x + 6, n.y + n.h - DOT_ROW_H - 4, n.w - 12 - tagW),
    group?.label ? tagSvg(n.x + n.w - 6, n.y + n.h - 6, group.color, group.label) : '',
    '</g>',
  ].join('');
}

/** A group tag, its lower right corner at (right, bottom): the group's colour, a dark outline, its label. */
function tagSvg(right: number, bottom: number, color: string, label: string): string {
  const w = markWidth(label);
  const [x, y] = [right - w, bottom - MARK_H];
  return (
    `<g class="group-mark"><rect x="${x}" y="${y}" width="${w}" height="${MARK_H}" rx="6" fill="${color}" stroke="${MARK_OUTLINE}" stroke-width="2"/>` +
    `<text x="${x + w / 2}" y="${y + MARK_H / 2 + 6}" font-size="18" font-weight="bold" text-anchor="middle" fill="${markInk(color)}">${escapeXml(label)}</text></g>`
  );
}

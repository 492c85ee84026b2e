/**
 * A picture of the board (or of one rectangle of it) as SVG, drawn from the model: areas, cluster
 * outlines, connectors and notes with their text and group tag (the group's colour and label, as on
 * the canvas); every piece of people's text escaped, no script, no link, no outside resource.
 *
 * Why: the report and the print need pictures, and the server must be able to make them without a
 * browser. The client turns the same SVG into a PNG at any resolution.
 */
import type * as Y from 'yjs';
import { clusterBounds, clusterIndex, clusterMembers } from '../analysis/clusters.ts';
import { listClusters, listGroups } from '../doc/cocreationQueries.ts';
import { listNotes } from '../doc/queries.ts';
import { listAreas, listConnectors } from '../doc/shapeQueries.ts';
import type { Note } from '../model/records.ts';
import { groupMarkLabels, MARK_H, MARK_OUTLINE, markInk, markWidth } from '../analysis/groupMarks.ts';

type Rect = { x: number; y: number; w: number; h: number };

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

const COLOR = /^#[0-9a-f]{6}$/i;
const safeColor = (c: string, fallback: string) => (COLOR.test(c) ? c : fallback);

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

/** Lines of `text` that fit `width` at `size` px (an estimate: no fonts on the server), at most `max`. */
function wrap(text: string, width: number, size: number, max: number): string[] {
  const perLine = Math.max(4, Math.floor(width / (size * 0.55)));
  const lines: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (next.length <= perLine) line = next;
      else {
        if (line) lines.push(line);
        line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
      }
    }
    lines.push(line);
  }
  if (lines.length > max) return [...lines.slice(0, max - 1), `${lines[max - 1]!.slice(0, perLine - 1)}…`];
  return lines;
}

/** The board, or the part of it inside `view` (with a margin), as a standalone SVG document. */
export function boardSvg(doc: Y.Doc, view: Rect = boardBounds(doc), margin = 40): string {
  const vx = view.x - margin;
  const vy = view.y - margin;
  const vw = view.w + 2 * margin;
  const vh = view.h + 2 * margin;
  const inView = (r: Rect) => r.x < vx + vw && r.x + r.w > vx && r.y < vy + vh && r.y + r.h > vy;
  const notes = listNotes(doc);
  const groupList = listGroups(doc);
  const groups = new Map(groupList.map((g) => [g.id, g]));
  const labels = groupMarkLabels(groupList);
  const parts: string[] = [];

  for (const a of listAreas(doc).filter(inView)) {
    parts.push(
      `<rect x="${a.x}" y="${a.y}" width="${a.w}" height="${a.h}" rx="10" fill="${safeColor(a.color, '#cfe3f7')}" fill-opacity="0.45" stroke="#7d8b99" stroke-width="2" stroke-dasharray="12 8"/>`,
      `<text x="${a.x + 16}" y="${a.y + 38}" font-size="30" font-weight="bold" fill="#2b3a4a">${escapeXml(a.name)}</text>`,
    );
  }

  const index = clusterIndex(listClusters(doc));
  const byId = new Map(notes.map((n) => [n.id, n]));
  for (const [id, ids] of clusterMembers(notes, index)) {
    const box = clusterBounds(ids.map((n) => byId.get(n)!));
    if (!box || !inView(box)) continue;
    parts.push(
      `<rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="14" fill="#37474f" fill-opacity="0.06" stroke="#37474f" stroke-width="3"/>`,
      `<rect x="${box.x}" y="${box.y}" width="${box.w}" height="40" rx="14" fill="#37474f"/>`,
      `<text x="${box.x + 14}" y="${box.y + 28}" font-size="22" font-weight="bold" fill="#ffffff">${escapeXml(index.get(id)?.label || 'Cluster')}</text>`,
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
    parts.push(noteSvg(n, group && COLOR.test(group.color) ? { color: group.color, label: labels[group.id] ?? '' } : undefined));
  }

  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="${vx} ${vy} ${vw} ${vh}" width="${Math.round(vw)}" height="${Math.round(vh)}" font-family="system-ui, sans-serif">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#455a64"/></marker></defs>
<rect x="${vx}" y="${vy}" width="${vw}" height="${vh}" fill="#f4f1ea"/>
${parts.join('\n')}
</svg>
`;
}

/** A note with its text and, for a group's note, the group's strip and tag (lower right, as on the canvas). */
function noteSvg(n: Note, group: { color: string; label: string } | undefined): string {
  const size = n.text.length > 80 ? 14 : n.text.length > 30 ? 18 : 22;
  // A tagged note's text ends above its tag.
  const room = n.h - 20 - (group ? MARK_H + 8 : 0);
  const lines = wrap(n.text, n.w - 20, size, Math.max(1, Math.floor(room / (size * 1.2))));
  const text = lines
    .map((l, i) => `<tspan x="${n.x + 10}" dy="${i === 0 ? 0 : size * 1.2}">${escapeXml(l)}</tspan>`)
    .join('');
  return [
    `<rect x="${n.x}" y="${n.y}" width="${n.w}" height="${n.h}" rx="3" fill="${safeColor(n.color, '#fff176')}" stroke="#00000022"/>`,
    group ? `<rect x="${n.x}" y="${n.y}" width="${n.w}" height="8" fill="${group.color}"/><rect x="${n.x}" y="${n.y + 8}" width="${n.w}" height="2" fill="${MARK_OUTLINE}"/>` : '',
    `<text x="${n.x + 10}" y="${n.y + 14 + size}" font-size="${size}" fill="#1d232b">${text}</text>`,
    group?.label ? tagSvg(n.x + n.w - 6, n.y + n.h - 6, group.color, group.label) : '',
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

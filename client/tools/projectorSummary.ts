/**
 * What the projector's summary says when a task (or the whole board) has more notes than can be
 * drawn readably: one section per area (or per task, for the whole board) with its note count, its
 * clusters with their sizes, and its busiest notes (most dots) to show as large cards.
 *
 * Why: from the back of the room, "Housing · 12 notes" and the three notes with the most dots say
 * more than sixty notes drawn too small to read. Plain data from the store, shown by ProjectorSummary.
 */
import { agendaSteps, areaName, isNoteInArea, isPrivateFrom, type Area, type Note } from '../../shared/index.ts';
import { clusterView, resultsVisible } from '../store/derived.ts';
import type { SummaryOf } from '../store/projector.ts';
import type { StoreState } from '../store/store.ts';

/** One section of the summary. */
export interface SummarySection {
  key: string;
  /** The area's name or the task's title; empty for the notes outside every area. */
  title: string;
  count: number;
  /** Clusters with most of their notes here: label (may be empty) and size, largest first. */
  clusters: { id: string; label: string; count: number }[];
  /** The busiest notes: most dots first, then the oldest. */
  top: { id: string; text: string; dots: number; color: string }[];
}

/**
 * Columns of the summary's grid for `n` sections in a `room` CSS px large: the layout whose cards come
 * closest to 500x300 px at the smallest (wide enough for a long name at 36 px, tall enough for notes).
 */
export function summaryColumns(n: number, room: { w: number; h: number }): number {
  let best = 1, score = -1;
  for (let cols = 1; cols <= Math.max(1, n); cols++) {
    const rows = Math.ceil(n / cols);
    const s = Math.min(room.w / cols / 500, room.h / rows / 300);
    if (s > score + 1e-9) [best, score] = [cols, s];
  }
  return best;
}

/**
 * How many clusters and busiest notes fit in each of `sections` sections of a summary `room` CSS px
 * large (the sizes of projector.css: names 36 px, cluster chips 32 px, note cards 26 px of at most
 * three lines, at least 280 px wide); `notesAlone`: in a section without clusters.
 */
export function sectionCapacity(sections: number, room: { w: number; h: number }): { clusters: number; notes: number; notesAlone: number } {
  const cols = summaryColumns(sections, room);
  const rows = Math.ceil(Math.max(1, sections) / cols);
  const cardW = (room.w - 48 - (cols - 1) * 18) / cols - 42;
  const cardH = (room.h - 40 - 44 - (rows - 1) * 18) / rows - 34;
  const clusters = Math.max(1, Math.floor(cardW / 240));
  const perRow = Math.max(1, Math.floor((cardW + 12) / 292));
  const rowsIn = (h: number) => Math.max(h >= 60 ? 1 : 0, Math.floor((h + 12) / 122));
  // Below the name and count (100 px), a row of cluster chips (56 px) when there are clusters.
  return { clusters, notes: perRow * rowsIn(cardH - 156), notesAlone: perRow * rowsIn(cardH - 100) };
}

/** The most sections a summary shows (the largest, in board order). */
export const MAX_SECTIONS = 8;

/** Visible dots per note or cluster id (votes whose results this screen may show). */
function dotCounts(s: StoreState): Map<string, number> {
  const visible = new Set(s.votes.filter((v) => resultsVisible(s, v)).map((v) => v.id));
  const out = new Map<string, number>();
  for (const d of s.dots) if (visible.has(d.voteId)) out.set(d.itemId, (out.get(d.itemId) ?? 0) + 1);
  return out;
}

/** The summary's sections for `of`, in `lang`, with what fits a summary of `room` CSS px. */
export function summarySections(s: StoreState, of: SummaryOf, lang: 'en' | 'nl', room: { w: number; h: number }): SummarySection[] {
  const notes = Object.values(s.notes).filter((n) => !isPrivateFrom(n, s.me, s.facilitation.privateWriting) && n.text.trim() !== '');
  const groups: { key: string; title: string; areas: Area[] }[] = [];
  const agenda = s.facilitation.agenda;
  const laidOut = new Set(Object.values(agenda.areas).flat());
  const areaOf = (id: string) => s.areas[id];
  if (of.kind === 'step') {
    for (const id of agenda.areas[of.stepId] ?? []) {
      const a = areaOf(id);
      if (a) groups.push({ key: a.id, title: areaName(a, lang), areas: [a] });
    }
  } else {
    for (const step of agendaSteps(agenda.template)) {
      const areas = (agenda.areas[step.id] ?? []).map(areaOf).filter((a): a is Area => a !== undefined);
      if (areas.length) groups.push({ key: step.id, title: step.title[lang], areas });
    }
    for (const id of s.areaIds) {
      const a = areaOf(id);
      if (a && !laidOut.has(id)) groups.push({ key: a.id, title: areaName(a, lang), areas: [a] });
    }
  }
  const placed = new Set<string>();
  const sections = groups.map((g) => {
    const mine = notes.filter((n) => !placed.has(n.id) && g.areas.some((a) => isNoteInArea(n, a)));
    for (const n of mine) placed.add(n.id);
    return { key: g.key, title: g.title, notes: mine };
  });
  if (of.kind === 'board') {
    const rest = notes.filter((n) => !placed.has(n.id));
    if (rest.length) sections.push({ key: 'elsewhere', title: '', notes: rest });
  }
  // Too many sections: the ones with the most notes, kept in board order.
  let shown = sections;
  if (of.kind === 'board' && sections.length > MAX_SECTIONS) {
    const keep = new Set([...sections].sort((a, b) => b.notes.length - a.notes.length).slice(0, MAX_SECTIONS).map((x) => x.key));
    shown = sections.filter((x) => keep.has(x.key));
  }
  const cap = sectionCapacity(shown.length, room);
  const dots = dotCounts(s);
  const view = clusterView(s);
  return shown.map((sec) => {
    const clusters = clustersOf(sec.notes, view.noteCluster, s, dots).slice(0, cap.clusters);
    const top = busiest(sec.notes, dots).slice(0, clusters.length ? cap.notes : cap.notesAlone);
    return { key: sec.key, title: sec.title, count: sec.notes.length, clusters, top };
  });
}

function clustersOf(notes: readonly Note[], noteCluster: Record<string, string>, s: StoreState, dots: Map<string, number>): SummarySection['clusters'] {
  const count = new Map<string, number>();
  for (const n of notes) {
    const c = noteCluster[n.id];
    if (c) count.set(c, (count.get(c) ?? 0) + 1);
  }
  return [...count]
    .map(([id, c]) => ({ id, label: s.clusters[id]?.label ?? '', count: c, dots: dots.get(id) ?? 0 }))
    .sort((a, b) => b.count - a.count || b.dots - a.dots)
    .map(({ id, label, count: c }) => ({ id, label, count: c }));
}

function busiest(notes: readonly Note[], dots: Map<string, number>): SummarySection['top'] {
  return notes
    .map((n) => ({ id: n.id, text: n.text, dots: dots.get(n.id) ?? 0, color: n.color, at: n.createdAt }))
    .sort((a, b) => b.dots - a.dots || a.at - b.at)
    .map(({ id, text, dots: d, color }) => ({ id, text, dots: d, color }));
}

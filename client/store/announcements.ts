/**
 * What the screen reader's live region says next, and the grouping of others' new notes into one
 * sentence ("Sam added 3 notes") instead of one announcement per note.
 *
 * Why: a person who cannot see the board still needs to know that the room is adding to it, but a
 * table of eight writing at once would drown a screen reader in "note added". Arrivals are collected
 * until the board has been quiet for a moment (or a few seconds have passed), then said once, per
 * author when there are one or two, as a count of notes and people when more wrote at once.
 */
import { create } from 'zustand';
import { areaName, budgetKey, dotsLeft } from '../../shared/index.ts';
import { languageStore, translate, type Lang } from '../i18n/i18n.ts';
import { currentCount, currentVote } from './derived.ts';
import type { StoreState } from './store.ts';

/** The live region's current text; `seq` changes with every announcement, so a repeat is said again. */
export const announcerStore = create<{ text: string; seq: number }>()(() => ({ text: '', seq: 0 }));

/** The current announcement, for the live region. */
export function useAnnouncement(): { text: string; seq: number } {
  return announcerStore();
}

/** How long an announcement stays in the live region after it was said, ms (then the region is empty
 * again, so old words are not found there later, e.g. by a screen reader's browse mode). */
export const ANNOUNCEMENT_KEPT_MS = 7000;
let clearTimer: ReturnType<typeof setTimeout> | undefined;

/** Says `text` politely (after what the screen reader is saying now). */
export function announce(text: string): void {
  if (!text) return;
  announcerStore.setState((s) => ({ text, seq: s.seq + 1 }));
  clearTimeout(clearTimer);
  clearTimer = setTimeout(() => announcerStore.setState({ text: '' }), ANNOUNCEMENT_KEPT_MS);
}

/** Arrivals are said once nothing more arrived for this long, ms. */
export const ARRIVALS_QUIET_MS = 2500;
/** ...or at the latest this long after the first of them, ms (a steady stream is still heard). */
export const ARRIVALS_MAX_MS = 8000;

/** The sentence for notes added by others: `counts` is notes per author name, in arrival order. */
export function arrivalsText(lang: Lang, counts: ReadonlyMap<string, number>): string {
  const entries = [...counts];
  if (entries.length === 0) return '';
  if (entries.length === 1) return translate(lang, 'announceAdded', entries[0]![0], entries[0]![1]);
  if (entries.length === 2) return translate(lang, 'announceAddedTwo', entries[0]![0], entries[0]![1], entries[1]![0], entries[1]![1]);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return translate(lang, 'announceAddedMany', total, entries.length);
}

/** Collects others' new notes and says them as one sentence; `say` receives it (the live region by default). */
export function createArrivalGrouper(say: (text: string) => void = announce, lang: () => Lang = () => languageStore.getState().lang) {
  let counts = new Map<string, number>();
  let quiet: ReturnType<typeof setTimeout> | null = null;
  let cap: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (quiet) clearTimeout(quiet);
    if (cap) clearTimeout(cap);
    quiet = cap = null;
    const text = arrivalsText(lang(), counts);
    counts = new Map();
    if (text) say(text);
  };
  return {
    /** `count` notes by `author` (a display name) arrived. */
    add(author: string, count = 1): void {
      counts.set(author, (counts.get(author) ?? 0) + count);
      if (quiet) clearTimeout(quiet);
      quiet = setTimeout(flush, ARRIVALS_QUIET_MS);
      cap ??= setTimeout(flush, ARRIVALS_MAX_MS);
    },
    /** Says what has been collected now. */
    flush,
    /** Forgets what has been collected, unsaid (the board closed). */
    stop(): void {
      if (quiet) clearTimeout(quiet);
      if (cap) clearTimeout(cap);
      quiet = cap = null;
      counts = new Map();
    },
  };
}

/** The grouper of this page's board (one board is open at a time). */
export const arrivals = createArrivalGrouper();

/** Longest note text read out when one note is selected, in characters. */
const SELECTED_TEXT_MAX = 140;

/** A note's text as a screen reader should hear it: on one line, and cut short (with "…") when long. */
export function shortText(text: string): string {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > SELECTED_TEXT_MAX ? `${line.slice(0, SELECTED_TEXT_MAX - 1)}…` : line;
}

/** What a screen reader says for the selection `ids` (notes, areas, clusters) of board state `s`. */
export function selectionText(
  lang: Lang,
  ids: readonly string[],
  s: { notes: Record<string, { text: string }>; areas: Record<string, { name: string }>; clusters: Record<string, { label: string }> },
): string {
  if (ids.length === 0) return translate(lang, 'announceSelectionCleared');
  if (ids.length === 1) {
    const id = ids[0]!;
    const note = s.notes[id];
    if (note) {
      const text = shortText(note.text);
      if (!text) return translate(lang, 'announceSelectedEmptyNote');
      return translate(lang, 'announceSelectedNote', text);
    }
    if (s.areas[id]) return translate(lang, 'announceSelectedArea', areaName(s.areas[id], lang) || translate(lang, 'untitledArea'));
    if (s.clusters[id]) return translate(lang, 'announceSelectedCluster', s.clusters[id].label || translate(lang, 'clusterDefault'));
  }
  const notes = ids.filter((id) => id in s.notes).length;
  return notes === ids.length ? translate(lang, 'announceSelectedNotes', notes) : translate(lang, 'announceSelectedItems', ids.length);
}

/** My dots left in the open vote (and the group they are counted for), or `null` when none is open. */
export function myDotsLeft(s: StoreState): { voteId: string; left: number; groupName: string } | null {
  const vote = currentVote(s);
  const count = currentCount(s);
  if (!vote?.open || !count) return null;
  const groupName = s.groups.find((g) => g.id === s.me.groupId)?.name ?? '';
  return { voteId: vote.id, left: dotsLeft(vote, count, budgetKey(vote, { voterId: s.me.id, groupId: s.me.groupId || null })), groupName };
}

/** "2 dots left" (for my group when dots go per group), as the vote banner says it. */
export function dotsLeftText(lang: Lang, budget: 'person' | 'group', mine: { left: number; groupName: string }): string {
  return budget === 'group' ? translate(lang, 'dotsLeftGroup', mine.left, mine.groupName) : translate(lang, 'dotsLeft', mine.left);
}

/**
 * The cluster commands, shared by the selection bar and the keyboard (Ctrl/⌘+G makes a cluster,
 * Shift+Ctrl/⌘+G takes notes out, Delete on a selected cluster dissolves it).
 *
 * Why: dissolving must ask the same question from a key or a button: a cluster with dots, stances
 * or a confirmation on it is the room's work.
 */
import { translate, type Lang } from '../i18n/i18n.ts';
import { mayChangeCluster } from '../store/clusterRights.ts';
import { clusterView, resolverOf } from '../store/derived.ts';
import { useStore } from '../store/store.ts';
import { attempt, editCluster, select } from '../store/ui.ts';
import type { BoardActions } from '../sync/actions.ts';

/** Makes a cluster of the selected notes and opens its label for typing. */
export function clusterSelection(actions: BoardActions): void {
  const s = useStore.getState();
  const notes = s.selection.filter((id) => id in s.notes);
  if (notes.length === 0) return;
  const id = attempt(() => actions.makeCluster(notes, ''));
  if (!id) return;
  select([id]);
  editCluster(id);
}

/** Takes the selected notes out of their clusters. */
export function unclusterSelection(actions: BoardActions): void {
  const s = useStore.getState();
  const view = clusterView(s);
  const clustered = s.selection.filter((id) => id in view.noteCluster);
  if (clustered.length) attempt(() => actions.setNotesCluster(new Map(clustered.map((id) => [id, null]))));
}

/** Merges the selected clusters into the first selected one. */
export function mergeSelectedClusters(actions: BoardActions): void {
  const s = useStore.getState();
  const [into, ...rest] = s.selection.filter((id) => id in s.clusters);
  if (!into || !rest.every((id) => mayChangeCluster(s, id))) return;
  for (const from of rest) attempt(() => actions.mergeClusters(from, into));
  select([into]);
}

/** Dissolves the selected clusters, asking first for each one with dots, stances or a confirmation on it. */
export function dissolveSelectedClusters(actions: BoardActions, lang: Lang, confirm: (q: string) => boolean = window.confirm): void {
  const s = useStore.getState();
  const resolve = resolverOf(s);
  // Only the facilitator's and my own (the server refuses the rest).
  for (const id of s.selection.filter((x) => x in s.clusters && mayChangeCluster(s, x))) {
    const label = s.clusters[id]?.label || translate(lang, 'clusterDefault');
    // Marks on clusters merged into this one count for it too.
    const on = (itemId: string) => resolve(itemId) === id;
    const marked = s.dots.some((d) => on(d.itemId)) || s.stances.some((x) => on(x.itemId)) || s.outcomes.some((o) => on(o.itemId));
    if (marked && !confirm(translate(lang, 'confirmDissolve', label))) continue;
    attempt(() => actions.dissolveCluster(id));
  }
}

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
import { attempt, centerOn, editCluster, select, visibleBoardRect } from '../store/ui.ts';
import { isLockedForMe } from '../store/locks.ts';
import { gatherMoves } from './gatherNotes.ts';
import { offerUndo } from './undoToast.ts';
import type { BoardActions } from '../sync/actions.ts';

/**
 * Makes a cluster of the selected notes, gathered side by side in free space near the first (as
 * accepting a suggestion does; one undo step), and opens its label for typing, in view. Notes the
 * facilitator locked cannot move, so they stay out of it (else the outline would reach from the
 * gathered notes to them).
 */
export function clusterSelection(actions: BoardActions): void {
  const s = useStore.getState();
  const notes = s.selection.filter((id) => id in s.notes && !isLockedForMe(s, id));
  if (notes.length === 0) return;
  const { moves, centre, box } = gatherMoves(s, notes);
  const id = attempt(() => actions.acceptProposal(notes, '', moves));
  if (!id) return;
  select([id]);
  // The outline with its name bar above the notes, wholly in view.
  if (centre && box && !inView({ x: box.x - 40, y: box.y - 80 }, { x: box.x + box.w + 40, y: box.y + box.h + 40 })) centerOn(centre);
  if (mayChangeCluster(useStore.getState(), id)) editCluster(id);
}

/** Whether the board rectangle from `a` to `b` is on screen now. */
function inView(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  const v = visibleBoardRect();
  return a.x >= v.x && b.x <= v.x + v.w && a.y >= v.y && b.y <= v.y + v.h;
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
  const ids: string[] = [];
  // Only the facilitator's and my own (the server refuses the rest).
  for (const id of s.selection.filter((x) => x in s.clusters && mayChangeCluster(s, x))) {
    const label = s.clusters[id]?.label || translate(lang, 'clusterDefault');
    // Marks on clusters merged into this one count for it too.
    const on = (itemId: string) => resolve(itemId) === id;
    const marked = s.dots.some((d) => on(d.itemId)) || s.stances.some((x) => on(x.itemId)) || s.outcomes.some((o) => on(o.itemId));
    if (marked && !confirm(translate(lang, 'confirmDissolve', label))) continue;
    ids.push(id);
  }
  if (ids.length === 0 || attempt(() => actions.dissolveClusters(ids)) === undefined) return;
  select([]);
  offerUndo(actions, translate(lang, 'toastDissolved', ids.length));
}

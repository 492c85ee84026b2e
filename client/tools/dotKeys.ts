/**
 * Dots by keyboard: while a vote is open, D places one of my dots on the note the keyboard is on (or
 * on its cluster when the vote is on clusters), Shift+D takes one back; the vote panel's buttons do
 * the same for the selection.
 *
 * Why: voting is the moment everyone takes part; a person who cannot tap must be able to vote, and
 * with the same rules and messages (no dots left, pick a group first) as a tap.
 */
import { clusterView, currentVote } from '../store/derived.ts';
import type { StoreState } from '../store/store.ts';
import { attempt } from '../store/ui.ts';
import type { BoardActions } from '../sync/actions.ts';

/**
 * The item a dot goes on: the note `first` (the keyboard's note) or else the selected one, or, in a
 * vote on clusters, that note's cluster or the selected cluster. Null without an open vote or item.
 */
export function dotTarget(s: StoreState, first: string | null): string | null {
  const vote = currentVote(s);
  if (!vote || !vote.open || s.readOnly) return null;
  const view = clusterView(s);
  const candidates = [first, ...s.selection].filter((id): id is string => !!id);
  for (const id of candidates) {
    if (vote.target === 'notes' && id in s.notes) return id;
    if (vote.target === 'clusters') {
      if (view.members.has(id)) return id;
      const cluster = view.noteCluster[id];
      if (cluster) return cluster;
    }
  }
  return null;
}

/** Places a dot on `itemId` (or takes one back); errors are told as a tap's are. */
export function voteOn(actions: BoardActions, s: StoreState, itemId: string, takeBack: boolean): void {
  const vote = currentVote(s);
  if (!vote || !vote.open) return;
  attempt(() => (takeBack ? actions.takeBackDot(vote.id, itemId) : actions.placeDot(vote.id, itemId)));
}

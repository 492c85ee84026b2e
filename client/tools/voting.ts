/**
 * A tap during an open dot vote: places a dot on the tapped note or cluster, or takes one back,
 * depending on the vote tool; errors (no dots left, no group picked) are told to the person.
 *
 * Why: the same rule for notes and clusters, and one place that decides whether a tap votes or
 * selects (selecting stays possible with the tool set to "Select").
 */
import { currentVote } from '../store/derived.ts';
import { mayUse } from '../store/participantTools.ts';
import { useStore } from '../store/store.ts';
import { attempt } from '../store/ui.ts';
import type { BoardActions } from '../sync/actions.ts';

/** Whether taps on items of kind `kind` vote now (so a double tap must not also edit). */
export function isVoting(kind: 'notes' | 'clusters'): boolean {
  const s = useStore.getState();
  const vote = currentVote(s);
  return vote !== null && vote.open && vote.target === kind && s.voteTool !== 'off' && !s.readOnly && mayUse(s, 'dots');
}

/** Handles a tap on an item of kind `kind`; returns whether the tap was a vote (and so is done). */
export function voteTap(actions: BoardActions, itemId: string, kind: 'notes' | 'clusters'): boolean {
  if (!isVoting(kind)) return false;
  const s = useStore.getState();
  const vote = currentVote(s)!;
  attempt(() => (s.voteTool === 'place' ? actions.placeDot(vote.id, itemId) : actions.takeBackDot(vote.id, itemId)));
  return true;
}

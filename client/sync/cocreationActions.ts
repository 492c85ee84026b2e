/**
 * What the UI may do with stakeholder groups, clusters, votes and common ground: each action one
 * shared, named mutation with the `local` origin (one undo step), stamped with who I am.
 *
 * Why: the React layer passes ids and plain values only; the voter, author and group come from the
 * store's `me`, so a component cannot place a dot or a stance in someone else's name by mistake.
 */
import type * as Y from 'yjs';
import {
  claimNotesForGroup,
  clearOutcome,
  clearStance,
  confirmOutcome,
  createCluster,
  createGroup,
  dissolveCluster,
  dropNotes,
  mergeClusters,
  moveNotes,
  openVote,
  ORIGIN,
  placeDot,
  registerPerson,
  renameCluster,
  setGroupArchived,
  setActionCard,
  setActionOwner,
  setNotesCluster,
  setVolunteer,
  setStance,
  setVoteOpen,
  takeBackDot,
  updateGroup,
  type GroupInput,
  type OutcomeList,
  type StanceValue,
  type VoteInput,
} from '../../shared/index.ts';
import { setMyGroupId } from '../store/people.ts';
import { useStore } from '../store/store.ts';
import { attempt } from '../store/ui.ts';
import { mayUse, toolOff } from '../store/participantTools.ts';
import { rememberGroup } from './identity.ts';

const local = ORIGIN.local;

/** The co-creation actions bound to one document; `step` ends the current undo step. */
export function createCocreationActions(
  doc: Y.Doc,
  step: () => void,
  presence: { setGroup(groupId: string | null): void },
  boardId: string,
) {
  const me = () => useStore.getState().me;
  const voter = () => ({ voterId: me().id, groupId: me().groupId || null });
  const stepped =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      step();
      return fn(...args);
    };
  return {
    /** Puts me on the board's list of people (for the report): name, group, role. */
    registerMe() {
      const m = me();
      if (m.role !== 'projector') registerPerson(doc, m.id, { name: m.name, groupId: m.groupId || null, role: m.role }, local);
    },
    /** Says which stakeholder group I am in (`''` for none); remembered on this device. */
    setMyGroup(groupId: string) {
      rememberGroup(boardId, groupId);
      setMyGroupId(groupId);
      presence.setGroup(groupId || null);
      const m = me();
      if (m.role !== 'projector') registerPerson(doc, m.id, { name: m.name, groupId: groupId || null, role: m.role }, local);
      // Notes I wrote before saying which group I am in now count for it.
      if (groupId) attempt(() => claimNotesForGroup(doc, me().id, groupId, local));
    },
    addGroup: stepped((input: GroupInput) => createGroup(doc, input, local)),
    updateGroup: stepped((id: string, input: GroupInput) => updateGroup(doc, id, input, local)),
    archiveGroup: stepped((id: string, archived: boolean) => setGroupArchived(doc, id, archived, local)),

    makeCluster: stepped((noteIds: string[], label: string) => toolOff('clusters') ? '' : createCluster(doc, noteIds, label, local, me().id || undefined)),
    /** Accepts a suggested cluster: gathers its notes (`moves`) and makes the cluster, one undo step. */
    acceptProposal: stepped((noteIds: string[], label: string, moves: { id: string; x: number; y: number }[]) => {
      if (toolOff('clusters')) return '';
      moveNotes(doc, moves, local);
      return createCluster(doc, noteIds, label, local, me().id || undefined);
    }),
    renameCluster: (id: string, label: string) => void (toolOff('clusters') || renameCluster(doc, id, label, local)),
    /** Moves notes in or out of clusters (`null`: out), e.g. after a drop. */
    setNotesCluster: stepped((changes: ReadonlyMap<string, string | null>) => void (toolOff('clusters') || setNotesCluster(doc, changes, local))),
    /** A drop: the notes' new positions and cluster changes, as one undo step. */
    moveNotesIntoClusters: stepped((moves: { id: string; x: number; y: number }[], changes: ReadonlyMap<string, string | null>) =>
      // Without clusters (switched off for me) a drop only moves the notes.
      mayUse(useStore.getState(), 'clusters') ? dropNotes(doc, moves, changes, local) : moveNotes(doc, moves, local),
    ),
    mergeClusters: stepped((from: string, into: string) => void (toolOff('clusters') || mergeClusters(doc, from, into, local))),
    dissolveCluster: stepped((id: string) => void (toolOff('clusters') || dissolveCluster(doc, id, local))),
    /** Moves a cluster's notes (those carried by the drag) to where the drag left them. */
    moveCluster: stepped((moves: { id: string; x: number; y: number }[]) => moveNotes(doc, moves, local)),

    /** Makes notes action cards (or plain notes again), one undo step. */
    setActionCards: stepped((ids: readonly string[], on: boolean): number => {
      if (toolOff('actionCards')) return 0;
      doc.transact(() => ids.forEach((id) => setActionCard(doc, id, on, local)), local);
      return ids.length;
    }),
    /** Dissolves clusters, one undo step. */
    dissolveClusters: stepped((ids: readonly string[]): number => {
      if (toolOff('clusters')) return 0;
      doc.transact(() => ids.forEach((id) => dissolveCluster(doc, id, local)), local);
      return ids.length;
    }),
    /** Makes a note an action card (or a plain note again). */
    setActionCard: stepped((id: string, on: boolean) => void (toolOff('actionCards') || setActionCard(doc, id, on, local))),
    setActionOwner: stepped((id: string, owner: string) => void (toolOff('actionCards') || setActionOwner(doc, id, owner, local))),
    /** Signs me up as a volunteer on an action card, or takes me off. */
    volunteer: stepped((id: string, on: boolean) => toolOff('actionCards') || setVolunteer(doc, id, me().id, on ? me().name || '?' : null, local)),
    openVote: stepped((input: VoteInput) => openVote(doc, input, local)),
    setVoteOpen: stepped((id: string, open: boolean) => setVoteOpen(doc, id, open, local)),
    placeDot: stepped((voteId: string, itemId: string) => toolOff('dots') ? '' : placeDot(doc, { voteId, itemId, ...voter() }, local)),
    takeBackDot: stepped((voteId: string, itemId: string) => toolOff('dots') || takeBackDot(doc, { voteId, itemId, ...voter() }, local)),

    /** My group's stance on an item (the facilitator may record any group's, as the room says it). */
    setStance: stepped((itemId: string, groupId: string, stance: StanceValue) => setStance(doc, itemId, groupId, stance, me().id, local)),
    clearStance: stepped((itemId: string, groupId: string) => clearStance(doc, itemId, groupId, local)),
    confirmOutcome: stepped((itemId: string, list: OutcomeList) => confirmOutcome(doc, itemId, list, me().id, local)),
    clearOutcome: stepped((itemId: string) => clearOutcome(doc, itemId, local)),
  };
}

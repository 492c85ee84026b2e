/**
 * Lets a person's awareness state come back after the server took it away in a crowd.
 *
 * Why: in a crowd the server removes the state of someone who leaves this device's area (and of
 * everyone outside it when the room becomes a crowd). y-protocols keeps the clock of a removed state
 * and ignores that state at the same clock later, so a person sitting still at the table this device
 * moves to (or everyone, once the room is small again) would stay invisible until their next change,
 * up to 15 s. Forgetting the clock of a state the server removed lets the server send it again as it is.
 */
import type { Awareness } from 'y-protocols/awareness';

/** Forgets the clock of every other client's state the server removes; returns the undo. */
export function forgetRemovedStates(awareness: Awareness): () => void {
  const handler = ({ removed }: { removed: number[] }, origin: unknown) => {
    if (origin === 'local') return;
    for (const id of removed) if (id !== awareness.clientID && !awareness.getStates().has(id)) awareness.meta.delete(id);
  };
  awareness.on('update', handler);
  return () => awareness.off('update', handler);
}

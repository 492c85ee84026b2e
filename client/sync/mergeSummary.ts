/**
 * After a device comes back online, says what merged: how many items changed here while offline, and
 * which notes others changed meanwhile (so they can be shown).
 *
 * Why: honest status. People should see that their offline work went in and what the room did
 * while they were away, without hunting for it.
 */
import type { Note } from '../../shared/index.ts';
import { setMergeSummary } from '../store/connection.ts';
import { useStore } from '../store/store.ts';

function fingerprint(n: Note): string {
  return `${n.text}\u0000${n.x},${n.y},${n.w},${n.h},${n.color}`;
}

/** Call when a connection opens after being offline; returns the function to call once synced. */
export function beginMerge(): () => void {
  const s = useStore.getState();
  const before = new Map(Object.values(s.notes).map((n) => [n.id, fingerprint(n)]));
  const mine = s.pending;
  return () => {
    // The bridge publishes the merged board on the next frame; compare after it.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        // A copy the server refused meanwhile did not merge: nothing to report.
        if (useStore.getState().conflict) return;
        const after = useStore.getState().notes;
        const changed = new Set<string>();
        for (const [id, fp] of before) if (!after[id] || fingerprint(after[id]) !== fp) changed.add(id);
        for (const id of Object.keys(after)) if (!before.has(id)) changed.add(id);
        if (mine === 0 && changed.size === 0) return;
        setMergeSummary({ mine, others: changed.size, changedIds: [...changed].filter((id) => id in after) });
      }),
    );
  };
}

/** Reports what each reconnect merged: told when the socket opens and when it has synced. */
export interface MergeReporter {
  /** The socket opened (`wasOpenBefore`: it had been open before in this session). */
  opened(wasOpenBefore: boolean): void;
  /** The sync completed: the summary follows once the merged board is in the store. */
  synced(): void;
}

/**
 * A connection after an offline spell (a drop, or a board opened from this device's copy) ends with a
 * short summary of what merged. Only a device that was online before, or that opened its own stored
 * copy of the board, has something to report; a first visit just loads the board.
 */
export function createMergeReporter(): MergeReporter {
  let finish: (() => void) | null = null;
  return {
    opened(wasOpenBefore) {
      const s = useStore.getState();
      if (wasOpenBefore || (s.localLoaded && s.noteIds.length + s.areaIds.length > 0)) finish = beginMerge();
    },
    synced() {
      finish?.();
      finish = null;
    },
  };
}

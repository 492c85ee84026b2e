/**
 * After a device comes back online, says what merged: how many items changed here while offline, and
 * which notes others changed meanwhile (so they can be shown).
 *
 * Why: "honest status" (issue 4): people should see that their offline work went in and what the
 * room did while they were away, without hunting for it.
 */
import type { Note } from '../../shared/index.ts';
import { useStore } from '../store/store.ts';

/** What the last reconnect merged. */
export interface MergeSummary {
  /** Items changed on this device while offline (now sent). */
  readonly mine: number;
  /** Notes added, changed or removed by others while this device was offline. */
  readonly others: number;
  /** Ids of those notes that still exist (to show them). */
  readonly changedIds: readonly string[];
}

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
        useStore.setState({
          mergeSummary: { mine, others: changed.size, changedIds: [...changed].filter((id) => id in after) },
        });
      }),
    );
  };
}

/**
 * Narrow selector hooks for one record, used by the canvas shapes.
 *
 * Why: each shape subscribes to its own record only; zustand compares the selected value, so a
 * change to another note never re-renders this one.
 */
import type { Area, Note } from '../../shared/index.ts';
import { useStore } from './store.ts';

/** One note's snapshot (re-renders only when that note changes). */
export function useNote(id: string): Note | undefined {
  return useStore((s) => s.notes[id]);
}

/** One area's snapshot. */
export function useArea(id: string): Area | undefined {
  return useStore((s) => s.areas[id]);
}

/** Whether an id is in the selection. */
export function useIsSelected(id: string): boolean {
  return useStore((s) => s.selection.includes(id));
}

/** The colour of someone else busy with this id, if anyone is. */
export function useBusyColor(id: string): string | undefined {
  return useStore((s) => s.busy[id]);
}

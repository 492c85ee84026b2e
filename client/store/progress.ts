/**
 * Table progress on this screen: every table of the current seating with its people, notes this
 * task, dots left and "ready" (the shared derivation, memoised on the store records it reads), and
 * this device's own table.
 *
 * Why: the facilitator's panel, the projector and the "Ready?" prompt on a tablet ask the same
 * question many times a second (the store changes with every cursor); the derivation runs again only
 * when what it reads changes, and presence counts only by who is online, not where their cursor is.
 */
import { tableOf, tableProgress, type Area, type TableProgress } from '../../shared/index.ts';
import { resolverOf } from './derived.ts';
import type { StoreState } from './store.ts';

/** The participant ids online now (this device's and its peers'), as one sorted string: it changes only when someone comes or goes. */
export function onlineKey(s: StoreState): string {
  const ids = new Set<string>();
  if (s.me.id) ids.add(s.me.id);
  for (const p of Object.values(s.peers)) if (p.id) ids.add(p.id);
  return [...ids].sort().join('\n');
}

let last: { inputs: unknown[]; result: TableProgress[] } | null = null;

/** Every table of the current seating with its progress (see shared/analysis/tableProgress.ts). */
export function tablesProgress(s: StoreState): TableProgress[] {
  const online = onlineKey(s);
  const inputs = [s.areas, s.notes, s.people, s.seats, s.facilitation, s.votes, s.dots, s.clusters, online];
  if (last && last.inputs.every((v, i) => v === inputs[i])) return last.result;
  const result = tableProgress({
    areas: Object.values(s.areas),
    notes: Object.values(s.notes),
    people: s.people,
    seats: s.seats,
    facilitation: s.facilitation,
    votes: s.votes,
    dots: s.dots,
    resolveItem: resolverOf(s),
    online: new Set(online ? online.split('\n') : []),
  });
  last = { inputs, result };
  return result;
}

/** The area of this device's table for the current seating, or null. */
export function myTableId(s: StoreState): string | null {
  const tables = new Map<string, Area>();
  for (const a of Object.values(s.areas)) if (a.table === s.facilitation.seating) tables.set(a.id, a);
  return tableOf({ id: s.me.id, groupId: s.me.groupId || null }, s.seats, tables, s.facilitation.seating);
}

/** This device's table with its progress, or null when it sits at none. */
export function myTableProgress(s: StoreState): TableProgress | null {
  const id = myTableId(s);
  return id === null ? null : (tablesProgress(s).find((t) => t.area.id === id) ?? null);
}

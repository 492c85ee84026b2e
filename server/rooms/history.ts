/**
 * A room's history: when to keep a snapshot of its board (a new agenda task is a moment to keep) and
 * keeping one, logged and counted when it fails, never fatal.
 *
 * Why: nothing is ever overwritten; the server keeps the board's past states on a schedule while it
 * changes, at each agenda task, when it unloads and before a restore, so any moment can be looked at
 * or carried on as a new board.
 */
import * as Y from 'yjs';
import { readFacilitation } from '../../shared/index.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { BoardStore } from '../persistence/store.ts';

/** The agenda's template and current task, as one comparable value. */
export function agendaKeyOf(doc: Y.Doc): string {
  const { template, step } = readFacilitation(doc).agenda;
  return `${template ?? ''}:${step}`;
}

/** Keeps a snapshot of `doc`; returns whether it was stored. */
export async function keepSnapshot(
  deps: { readonly store: BoardStore; readonly metrics: Metrics; readonly log: Logger },
  boardId: string,
  doc: Y.Doc,
  reason: string,
): Promise<boolean> {
  try {
    await deps.store.addSnapshot(boardId, Y.encodeStateAsUpdate(doc), reason, Date.now());
    return true;
  } catch (err) {
    deps.metrics.errors.inc({ kind: 'snapshot' });
    deps.log.error({ err, board: boardId }, '[room] snapshot failed');
    return false;
  }
}

/**
 * The check a device makes before merging its stored copy of a board with the server's: is it still
 * the same board? (`GET /api/boards/<id>` answers the board's epoch.)
 *
 * Why: Yjs merges whatever it is given. A tablet that kept a copy of a board that has since been
 * restored from a backup or recreated would bring deleted notes back and double restored ones. So the
 * provider connects only after the epochs match; otherwise the person decides: keep my notes as new
 * ones, or discard my copy. Until the server answers (offline), the device keeps working on its copy.
 * The same choice ends a copy whose change the server refused (see `refusesAChange`).
 */
import { clearDocument } from 'y-indexeddb';
import type * as Y from 'yjs';
import { createNote, ORIGIN, restoreNote, type Note } from '../../shared/index.ts';
import { clearProblem, showServerUnreachable } from '../store/connection.ts';
import { fetchBoardInfo } from './boardInfo.ts';
import { participantId, writableIds } from './identity.ts';
import { pendingKey } from './pending.ts';

/** What the server said about the board. */
export type GateResult =
  | { kind: 'same' }
  | { kind: 'refused' }
  | { kind: 'gone' }
  | { kind: 'epoch'; serverEpoch: string };

/**
 * Asks the server for the board's epoch until it answers; compares it with the local copy's.
 * `first`: the first answer, if the question was already asked (while the local copy loaded).
 */
export async function checkBoardEpoch(
  boardId: string,
  token: string,
  localEpoch: string,
  stopped: () => boolean,
  first: Promise<Response> | null = null,
): Promise<GateResult | null> {
  for (let attempt = 0; !stopped(); attempt++) {
    try {
      const res = await (attempt === 0 && first ? first : fetchBoardInfo(boardId, token));
      if (res.status === 401 || res.status === 403) return { kind: 'refused' };
      if (res.status === 404) return localEpoch ? { kind: 'gone' } : { kind: 'refused' };
      if (res.ok) {
        const info = (await res.json()) as { epoch?: unknown };
        const serverEpoch = typeof info.epoch === 'string' ? info.epoch : '';
        clearProblem();
        return !localEpoch || !serverEpoch || serverEpoch === localEpoch ? { kind: 'same' } : { kind: 'epoch', serverEpoch };
      }
    } catch {
      /* offline: keep working locally and ask again */
    }
    if (attempt >= 2) showServerUnreachable();
    await new Promise((r) => setTimeout(r, Math.min(5000, 500 * 2 ** attempt) * (0.5 + Math.random())));
  }
  return null;
}

/** Where the kept notes wait for the next page. The key keeps the name earlier versions gave it, so
 * notes a page stored before an update are still found after it. */
const keptNotesKey = (boardId: string) => `olifant.carry.${boardId}`;
const dbName = (boardId: string) => `olifant-board:${boardId}`;

/** The IndexedDB database that holds this device's copy of a board. */
export function localCopyName(boardId: string): string {
  return dbName(boardId);
}

/** What is kept from a discarded copy: its notes, added as new ones, or only those the board never had. */
export interface KeptNotes {
  readonly notes: readonly Note[];
  /** Add only the notes the server's board has never had (not even deleted ones): for a copy whose
   * change was refused, most of its notes are on the server already. */
  readonly onlyMissing: boolean;
}

/**
 * Resolves a conflict: discard this device's copy, or keep the notes written on this device (all of
 * them as new notes, or with `onlyMissing` those the board never received). The notes to keep are
 * stored for the next page first; only then is the copy cleared and the page reloaded. Returns false,
 * changing nothing, when they cannot be stored (storage full or off).
 */
export async function resolveConflict(boardId: string, keep: readonly Note[] | null, onlyMissing = false): Promise<boolean> {
  try {
    if (keep && keep.length) sessionStorage.setItem(keptNotesKey(boardId), JSON.stringify({ notes: keep, onlyMissing } satisfies KeptNotes));
    else sessionStorage.removeItem(keptNotesKey(boardId)); // nothing kept now: nor from an earlier choice
  } catch {
    return false;
  }
  try {
    localStorage.removeItem(pendingKey(boardId));
    localStorage.removeItem(`olifant.wal.${boardId}`);
  } catch {
    /* storage unavailable: nothing was kept there */
  }
  await clearDocument(dbName(boardId));
  location.reload();
  return true;
}

/**
 * Notes kept from a discarded copy, to be added once the board has synced. They stay stored until
 * `forgetKeptNotes`, after they are on the board: a page closed or offline before that keeps them.
 */
export function keptNotes(boardId: string): KeptNotes {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(keptNotesKey(boardId)) ?? 'null');
    // A plain array is what an earlier version of this page kept (all as new notes).
    if (Array.isArray(parsed)) return { notes: parsed as Note[], onlyMissing: false };
    const c = parsed as Partial<KeptNotes> | null;
    return { notes: Array.isArray(c?.notes) ? c.notes : [], onlyMissing: c?.onlyMissing === true };
  } catch {
    return { notes: [], onlyMissing: false };
  }
}

/** The kept notes are on the board now. */
export function forgetKeptNotes(boardId: string): void {
  try {
    sessionStorage.removeItem(keptNotesKey(boardId));
  } catch {
    /* storage unavailable: nothing was kept */
  }
}

/**
 * Adds the notes kept from a discarded copy to the synced board: as new notes, or (from a refused
 * copy, `onlyMissing`) under their own ids if the board never had them (the others reached it, or
 * were deleted there). Forgotten first, so a note that fails is not added again at each load. A note
 * in a name this device does not prove on the board is added in its current name: the server takes
 * notes only in names the device proved, and would refuse the rest with this device's copy.
 */
export function addKeptNotes(doc: Y.Doc, boardId: string, kept: KeptNotes): void {
  forgetKeptNotes(boardId);
  const mine = writableIds(boardId);
  for (const n of kept.notes) {
    const authorId = mine.has(n.authorId) ? n.authorId : participantId(boardId);
    const input = { text: n.text, x: n.x, y: n.y, w: n.w, h: n.h, color: n.color, authorId, groupId: n.groupId };
    try {
      if (kept.onlyMissing) restoreNote(doc, n.id, { ...input, createdAt: n.createdAt }, ORIGIN.local);
      else createNote(doc, input, ORIGIN.local);
    } catch (err) {
      // Only a note another tool wrote out of bounds can fail here; the others are still added.
      console.warn(`a kept note could not be added back: ${(err as Error).message}`);
    }
  }
}

/**
 * A small write-ahead copy of this device's latest changes in localStorage, next to IndexedDB.
 *
 * Why: IndexedDB commits asynchronously; a tab closed (or a browser killed) a moment after a keystroke
 * can lose that last write. localStorage writes are synchronous, so each local update is also appended
 * here and replayed on the next load (Yjs merges are idempotent, so replaying twice does no harm).
 * The log is cleared once things are quiet for a while, by when IndexedDB has long committed.
 */
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/** How long after the last change the log is cleared. */
const SETTLE_MS = 2000;
/** The log is dropped (IndexedDB still has everything) rather than grown past this many characters. */
const MAX_CHARS = 500_000;

/** Replays the log of an earlier page into `doc`, then keeps logging this page's changes. */
export function startWriteAhead(doc: Y.Doc, key: string, isLocal: (origin: unknown) => boolean): () => void {
  try {
    const raw = localStorage.getItem(key);
    if (raw) {
      for (const line of raw.split('\n')) if (line) Y.applyUpdate(doc, fromBase64(line), 'write-ahead');
    }
  } catch {
    /* unreadable log: IndexedDB still holds all but the last moments */
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clear = () => {
    try {
      localStorage.removeItem(key);
    } catch {
      /* storage unavailable */
    }
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (!isLocal(origin)) return;
    try {
      const log = (localStorage.getItem(key) ?? '') + toBase64(update) + '\n';
      if (log.length > MAX_CHARS) clear();
      else localStorage.setItem(key, log);
    } catch {
      /* storage full or unavailable: IndexedDB alone, as before */
    }
    clearTimeout(timer);
    timer = setTimeout(clear, SETTLE_MS);
  };
  doc.on('update', onUpdate);
  return () => {
    doc.off('update', onUpdate);
    clearTimeout(timer);
  };
}

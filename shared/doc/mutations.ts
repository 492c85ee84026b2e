/**
 * Every change to a board, as a named function that runs in one `doc.transact` with a typed origin.
 *
 * Why: the React layer and the server never call `Y.Map.set` themselves (one module owns the schema), so
 * the layout can only change here, and each user action is exactly one transaction: one undo step,
 * one update on the wire, one row in the server's log.
 */
import * as Y from 'yjs';
import { modelError } from '../model/errors.ts';
import { isId, newEpoch, newRecordId } from '../model/ids.ts';
import {
  colorSchema,
  MAX_NOTE_SIZE,
  MAX_NOTE_TEXT,
  MIN_NOTE_SIZE,
  newNoteSchema,
  parseOrThrow,
  titleSchema,
  type NewNote,
} from '../model/records.ts';
import { CURRENT_SCHEMA_VERSION } from './migrations.ts';
import type { TxOrigin } from './origins.ts';
import { noteEverOnBoard } from './queries.ts';
import { noteMap } from './recordMaps.ts';
import { CONNECTOR, connectorsMap, META, metaMap, NOTE, notesMap } from './roots.ts';

/** Fills `meta` of a new, empty board (schema version, title, creation time, a fresh epoch). */
export function initBoard(doc: Y.Doc, init: { title: string; createdAt?: number; epoch?: string }, origin: TxOrigin): void {
  const title = parseOrThrow(titleSchema, init.title);
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set(META.schemaVersion, CURRENT_SCHEMA_VERSION);
    meta.set(META.title, title);
    meta.set(META.createdAt, init.createdAt ?? Date.now());
    meta.set(META.epoch, init.epoch ?? newEpoch());
  }, origin);
}

/** Renames the board. */
export function setBoardTitle(doc: Y.Doc, title: string, origin: TxOrigin): void {
  const clean = parseOrThrow(titleSchema, title);
  doc.transact(() => metaMap(doc).set(META.title, clean), origin);
}

/** Creates a note and returns its new id. Missing size, colour and group take their defaults. */
export function createNote(doc: Y.Doc, input: NewNote, origin: TxOrigin): string {
  const note = parseOrThrow(newNoteSchema, input);
  const id = newRecordId();
  doc.transact(() => notesMap(doc).set(id, noteMap(note)), origin);
  return id;
}

/**
 * Puts back a note that a device wrote and the board never received, under the note's own id, so
 * doing it twice (from two tabs, or again after a reload) still makes one note. Changes nothing and
 * returns false when the board has, or ever had, that id: a note someone deleted stays deleted.
 */
export function restoreNote(doc: Y.Doc, id: string, input: NewNote, origin: TxOrigin): boolean {
  if (!isId(id)) throw modelError('noteIdInvalid', { id });
  const note = parseOrThrow(newNoteSchema, input);
  if (noteEverOnBoard(doc, id)) return false;
  doc.transact(() => notesMap(doc).set(id, noteMap(note)), origin);
  return true;
}

/** Moves notes to new positions; notes deleted meanwhile (by anyone) are skipped. */
export function moveNotes(
  doc: Y.Doc,
  moves: ReadonlyArray<{ id: string; x: number; y: number }>,
  origin: TxOrigin,
): void {
  for (const m of moves) requireFinite('notePositionNotFinite', m.id, m.x, m.y);
  doc.transact(() => {
    const notes = notesMap(doc);
    for (const m of moves) {
      const yNote = notes.get(m.id);
      if (!yNote) continue;
      yNote.set(NOTE.x, m.x);
      yNote.set(NOTE.y, m.y);
    }
  }, origin);
}

/** Resizes a note, within the allowed size range. */
export function resizeNote(doc: Y.Doc, id: string, size: { w: number; h: number }, origin: TxOrigin): void {
  requireFinite('noteSizeNotFinite', id, size.w, size.h);
  const w = clamp(size.w, MIN_NOTE_SIZE, MAX_NOTE_SIZE);
  const h = clamp(size.h, MIN_NOTE_SIZE, MAX_NOTE_SIZE);
  doc.transact(() => {
    const yNote = notesMap(doc).get(id);
    if (!yNote) return;
    yNote.set(NOTE.w, w);
    yNote.set(NOTE.h, h);
  }, origin);
}

/** Sets a note's position and size at once (one transaction, one undo step), within the size range. */
export function setNoteBounds(
  doc: Y.Doc,
  id: string,
  b: { x: number; y: number; w: number; h: number },
  origin: TxOrigin,
): void {
  requireFinite('noteBoundsNotFinite', id, b.x, b.y, b.w, b.h);
  doc.transact(() => {
    const yNote = notesMap(doc).get(id);
    if (!yNote) return;
    yNote.set(NOTE.x, b.x);
    yNote.set(NOTE.y, b.y);
    yNote.set(NOTE.w, clamp(b.w, MIN_NOTE_SIZE, MAX_NOTE_SIZE));
    yNote.set(NOTE.h, clamp(b.h, MIN_NOTE_SIZE, MAX_NOTE_SIZE));
  }, origin);
}

/**
 * Applies one edit to a note's text at a position: delete `remove` characters at `index`, then insert
 * `insert` there. This is how typing reaches the document: positional, so what others type elsewhere
 * in the same note, meanwhile, is kept.
 */
export function spliceNoteText(
  doc: Y.Doc,
  id: string,
  edit: { index: number; remove: number; insert: string },
  origin: TxOrigin,
): void {
  doc.transact(() => {
    const yText = notesMap(doc).get(id)?.get(NOTE.text);
    if (!(yText instanceof Y.Text)) return;
    const index = clamp(Math.floor(edit.index), 0, yText.length);
    const remove = clamp(Math.floor(edit.remove), 0, yText.length - index);
    if (yText.length - remove + edit.insert.length > MAX_NOTE_TEXT) {
      throw modelError('noteTextTooLong', { max: MAX_NOTE_TEXT });
    }
    if (remove > 0) yText.delete(index, remove);
    if (edit.insert) yText.insert(index, edit.insert);
  }, origin);
}

/** The edit that turns `before` into `after`: common prefix and suffix kept, the middle replaced. */
export function textDiff(before: string, after: string): { index: number; remove: number; insert: string } {
  let start = 0;
  const maxStart = Math.min(before.length, after.length);
  while (start < maxStart && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  const maxEnd = maxStart - start;
  while (end < maxEnd && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/**
 * Sets a note's text. Only the changed middle is replaced (common prefix and suffix are kept), so a
 * concurrent edit elsewhere in the same note survives instead of being overwritten.
 */
export function setNoteText(doc: Y.Doc, id: string, text: string, origin: TxOrigin): void {
  if (text.length > MAX_NOTE_TEXT) {
    throw modelError('noteTextTooLong', { max: MAX_NOTE_TEXT });
  }
  doc.transact(() => {
    const yText = notesMap(doc).get(id)?.get(NOTE.text);
    if (!(yText instanceof Y.Text)) return;
    const { index, remove, insert } = textDiff(yText.toString(), text);
    if (remove > 0) yText.delete(index, remove);
    if (insert) yText.insert(index, insert);
  }, origin);
}

/** Recolours notes; `color` is `#rrggbb`. */
export function setNotesColor(doc: Y.Doc, ids: readonly string[], color: string, origin: TxOrigin): void {
  const clean = parseOrThrow(colorSchema, color).toLowerCase();
  doc.transact(() => {
    const notes = notesMap(doc);
    for (const id of ids) notes.get(id)?.set(NOTE.color, clean);
  }, origin);
}

/** Deletes notes and the connectors attached to them; ids that are already gone are ignored. */
export function deleteNotes(doc: Y.Doc, ids: readonly string[], origin: TxOrigin): void {
  const gone = new Set(ids);
  doc.transact(() => {
    const notes = notesMap(doc);
    for (const id of ids) if (notes.has(id)) notes.delete(id);
    const connectors = connectorsMap(doc);
    const attached: string[] = [];
    connectors.forEach((c, id) => {
      if (gone.has(c.get(CONNECTOR.from) as string) || gone.has(c.get(CONNECTOR.to) as string)) attached.push(id);
    });
    for (const id of attached) connectors.delete(id);
  }, origin);
}

function requireFinite(code: 'notePositionNotFinite' | 'noteSizeNotFinite' | 'noteBoundsNotFinite', noteId: string, ...values: number[]): void {
  if (!values.every(Number.isFinite)) throw modelError(code, { noteId });
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Typed reads of a board document into plain values.
 *
 * Why: the document may also be written by other Yjs tools (the schema is public), so reads never trust
 * field types: a missing or mistyped field reads as its default instead of crashing a renderer or the
 * server. Nothing outside shared/ needs to know which fields are Y types.
 */
import * as Y from 'yjs';
import { DEFAULT_NOTE_COLOR, DEFAULT_NOTE_SIZE, type BoardMeta, type Note } from '../model/records.ts';
import { META, metaMap, NOTE, notesMap, VOLUNTEER_PREFIX, type YNote } from './roots.ts';

const COLOR = /^#[0-9a-f]{6}$/i;

/** The board's meta fields; `schemaVersion` is 0 for a document that has never been initialised. */
export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = metaMap(doc);
  return {
    schemaVersion: numberOr(meta.get(META.schemaVersion), 0),
    title: stringOr(meta.get(META.title), ''),
    createdAt: numberOr(meta.get(META.createdAt), 0),
    epoch: stringOr(meta.get(META.epoch), ''),
  };
}

/** One note as a plain value, or `undefined` when there is no such note. */
export function readNote(doc: Y.Doc, id: string): Note | undefined {
  const yNote = notesMap(doc).get(id);
  return yNote instanceof Y.Map ? toNote(id, yNote) : undefined;
}

/** All notes as plain values, in a stable order (creation time, then id). */
export function listNotes(doc: Y.Doc): Note[] {
  const out: Note[] = [];
  notesMap(doc).forEach((yNote, id) => {
    if (yNote instanceof Y.Map) out.push(toNote(id, yNote));
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Whether the board has ever had note `id`, now or deleted: Yjs keeps a map key's tombstone, so a
 * deleted note is told apart from one the board never received (`Y.Map#_map` holds deleted entries too).
 */
export function noteEverOnBoard(doc: Y.Doc, id: string): boolean {
  return notesMap(doc)._map.has(id);
}

/** How many notes the board holds. */
export function countNotes(doc: Y.Doc): number {
  return notesMap(doc).size;
}

/** Converts one note map to a plain `Note`, reading defaults for missing or mistyped fields. */
export function toNote(id: string, yNote: YNote): Note {
  const text = yNote.get(NOTE.text);
  const color = yNote.get(NOTE.color);
  const groupId = yNote.get(NOTE.groupId);
  const clusterId = yNote.get(NOTE.clusterId);
  return {
    id,
    text: text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '',
    x: numberOr(yNote.get(NOTE.x), 0),
    y: numberOr(yNote.get(NOTE.y), 0),
    w: numberOr(yNote.get(NOTE.w), DEFAULT_NOTE_SIZE),
    h: numberOr(yNote.get(NOTE.h), DEFAULT_NOTE_SIZE),
    color: typeof color === 'string' && COLOR.test(color) ? color : DEFAULT_NOTE_COLOR,
    authorId: stringOr(yNote.get(NOTE.authorId), ''),
    groupId: typeof groupId === 'string' ? groupId : null,
    clusterId: typeof clusterId === 'string' ? clusterId : null,
    kind: yNote.get(NOTE.kind) === 'action' ? 'action' : 'note',
    owner: stringOr(yNote.get(NOTE.owner), ''),
    volunteers: readVolunteers(yNote),
    createdAt: numberOr(yNote.get(NOTE.createdAt), 0),
  };
}

function readVolunteers(yNote: YNote): { id: string; name: string }[] {
  const out: { id: string; name: string }[] = [];
  yNote.forEach((name, key) => {
    if (key.startsWith(VOLUNTEER_PREFIX) && typeof name === 'string') out.push({ id: key.slice(VOLUNTEER_PREFIX.length), name });
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

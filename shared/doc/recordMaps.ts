/**
 * The `Y.Map` of a new note or area, before it goes into the document: one builder per kind of record.
 *
 * Why: a record made by a person (validated input) and one laid out by a template must be stored the
 * same way (the same keys, the colour in lower case), or two boards made differently would read
 * differently. Only the mutation modules in `shared/doc/` use these; they are not part of the public
 * surface in `shared/index.ts`.
 */
import * as Y from 'yjs';
import type { newNoteSchema } from '../model/records.ts';
import type { Area } from '../model/shapes.ts';
import { AREA, NOTE, type YNote } from './roots.ts';

/** A new note's map (not yet in a document), from validated input. */
export function noteMap(note: ReturnType<typeof newNoteSchema.parse>): YNote {
  const yNote: YNote = new Y.Map();
  yNote.set(NOTE.text, new Y.Text(note.text));
  yNote.set(NOTE.x, note.x);
  yNote.set(NOTE.y, note.y);
  yNote.set(NOTE.w, note.w);
  yNote.set(NOTE.h, note.h);
  yNote.set(NOTE.color, note.color.toLowerCase());
  yNote.set(NOTE.authorId, note.authorId);
  yNote.set(NOTE.groupId, note.groupId);
  yNote.set(NOTE.createdAt, note.createdAt ?? Date.now());
  return yNote;
}

/** What a new area's map holds: its place, name and colour, and, for a table, which kind. */
export type AreaFields = Pick<Area, 'name' | 'x' | 'y' | 'w' | 'h' | 'color' | 'createdAt'> &
  Partial<Pick<Area, 'table' | 'tableGroup' | 'names'>>;

/** A new area's map (not yet in a document); `table` and `tableGroup` are stored only when set. */
export function areaMap(area: AreaFields): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set(AREA.name, area.name);
  m.set(AREA.x, area.x);
  m.set(AREA.y, area.y);
  m.set(AREA.w, area.w);
  m.set(AREA.h, area.h);
  m.set(AREA.color, area.color.toLowerCase());
  m.set(AREA.createdAt, area.createdAt);
  if (area.table) m.set(AREA.table, area.table);
  if (area.tableGroup) m.set(AREA.tableGroup, area.tableGroup);
  if (area.names) m.set(AREA.names, { en: area.names.en, nl: area.names.nl });
  return m;
}

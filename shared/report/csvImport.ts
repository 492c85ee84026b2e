/**
 * Importing notes from a CSV file (for example a survey's answers) into an area: one note per row,
 * laid out in a grid inside the area, which grows to hold them.
 *
 * Why: a Future Search often starts from what people said before the day. Parsing is papaparse's
 * (quotes, commas and new lines inside cells); the rules of the board (one transaction, notes inside
 * the area, the stakeholder group matched by name) are Olifant's.
 */
import Papa from 'papaparse';
import * as Y from 'yjs';
import { activeGroups } from '../analysis/clusters.ts';
import { listGroups } from '../doc/cocreationQueries.ts';
import { createNote } from '../doc/mutations.ts';
import type { TxOrigin } from '../doc/origins.ts';
import { AREA, areasMap } from '../doc/roots.ts';
import { toArea } from '../doc/shapeQueries.ts';
import { modelError } from '../model/errors.ts';
import { DEFAULT_NOTE_SIZE, MAX_NOTE_TEXT } from '../model/records.ts';

/** Most notes one import may add. */
export const MAX_IMPORT_ROWS = 2000;

/**
 * The rows of a CSV file as notes: the `text` column (or the first column when there is no header
 * naming one) and, if present, a `group` column. Empty rows are skipped.
 */
export function parseNotesCsv(csv: string): { text: string; group: string }[] {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data.filter((r) => Array.isArray(r));
  if (rows.length === 0) throw modelError('csvNoRows');
  const head = rows[0]!.map((c) => c.trim().toLowerCase());
  const textCol = head.findIndex((c) => c === 'text' || c === 'tekst' || c === 'note' || c === 'notitie');
  const groupCol = head.findIndex((c) => c === 'group' || c === 'groep');
  const hasHeader = textCol >= 0 || groupCol >= 0;
  const out = (hasHeader ? rows.slice(1) : rows)
    .map((r) => ({ text: (r[textCol >= 0 ? textCol : 0] ?? '').trim(), group: groupCol >= 0 ? (r[groupCol] ?? '').trim() : '' }))
    .filter((r) => r.text !== '');
  if (out.length === 0) throw modelError('csvNoText');
  if (out.length > MAX_IMPORT_ROWS) throw modelError('csvTooManyRows', { max: MAX_IMPORT_ROWS, count: out.length });
  const long = out.findIndex((r) => r.text.length > MAX_NOTE_TEXT);
  if (long >= 0) throw modelError('csvRowTooLong', { row: long + 1 + (hasHeader ? 1 : 0), max: MAX_NOTE_TEXT });
  return out;
}

/** Adds the rows as notes in a grid inside the area (growing it to fit), in one transaction; returns their ids. */
export function importNotes(
  doc: Y.Doc,
  areaId: string,
  rows: ReadonlyArray<{ text: string; group: string }>,
  authorId: string,
  origin: TxOrigin,
): string[] {
  const m = areasMap(doc).get(areaId);
  if (!m) throw modelError('areaGone');
  const area = toArea(areaId, m);
  const groups = activeGroups(listGroups(doc));
  const groupOf = (name: string) => groups.find((g) => g.name.trim().toLowerCase() === name.toLowerCase())?.id ?? null;
  const cell = DEFAULT_NOTE_SIZE + 20;
  const cols = Math.max(1, Math.floor((area.w - 40) / cell));
  const top = area.y + 76; // below the area's name bar
  const ids: string[] = [];
  doc.transact(() => {
    rows.forEach((r, i) => {
      const x = area.x + 20 + (i % cols) * cell;
      const y = top + Math.floor(i / cols) * cell;
      ids.push(createNote(doc, { text: r.text, x, y, authorId, groupId: groupOf(r.group) }, origin));
    });
    const needed = top + Math.ceil(rows.length / cols) * cell + 20 - area.y;
    if (needed > area.h) m.set(AREA.h, needed);
  }, origin);
  return ids;
}

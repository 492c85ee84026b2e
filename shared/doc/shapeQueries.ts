/**
 * Typed reads of areas and connectors, and the geometry rules the board shares (what lies in an area).
 *
 * Why: as with notes, reads tolerate documents written by other tools, and "which notes does this
 * area carry" is one rule used by the canvas now and by the server and report later.
 */
import * as Y from 'yjs';
import type { Note } from '../model/records.ts';
import { DEFAULT_AREA, type Area, type Connector } from '../model/shapes.ts';
import { AREA, areasMap, CONNECTOR, connectorsMap } from './roots.ts';

const COLOR = /^#[0-9a-f]{6}$/i;

/** Converts one area map to a plain `Area`. */
export function toArea(id: string, m: Y.Map<unknown>): Area {
  const color = m.get(AREA.color);
  const table = m.get(AREA.table);
  const tableGroup = m.get(AREA.tableGroup);
  return {
    id,
    name: str(m.get(AREA.name)),
    x: num(m.get(AREA.x), 0),
    y: num(m.get(AREA.y), 0),
    w: num(m.get(AREA.w), DEFAULT_AREA.w),
    h: num(m.get(AREA.h), DEFAULT_AREA.h),
    color: typeof color === 'string' && COLOR.test(color) ? color : DEFAULT_AREA.color,
    createdAt: num(m.get(AREA.createdAt), 0),
    locked: m.get(AREA.locked) === true,
    table: table === 'stakeholder' || table === 'mixed' ? table : null,
    tableGroup: typeof tableGroup === 'string' ? tableGroup : null,
    ...namesOf(m.get(AREA.names)),
  };
}

/** A template area's names, when stored whole (both languages, as text). */
function namesOf(value: unknown): { names?: { en: string; nl: string } } {
  const v = value as { en?: unknown; nl?: unknown } | null;
  return v && typeof v === 'object' && typeof v.en === 'string' && typeof v.nl === 'string' ? { names: { en: v.en, nl: v.nl } } : {};
}

/** Converts one connector map to a plain `Connector`. */
export function toConnector(id: string, m: Y.Map<unknown>): Connector {
  return {
    id,
    from: str(m.get(CONNECTOR.from)),
    to: str(m.get(CONNECTOR.to)),
    label: str(m.get(CONNECTOR.label)),
    createdAt: num(m.get(CONNECTOR.createdAt), 0),
  };
}

/** All areas, oldest first (so newer areas draw on top of older ones). */
export function listAreas(doc: Y.Doc): Area[] {
  const out: Area[] = [];
  areasMap(doc).forEach((m, id) => m instanceof Y.Map && out.push(toArea(id, m)));
  return out.sort(byCreated);
}

/** All connectors, oldest first. Connectors whose notes are gone are included; drawers skip them. */
export function listConnectors(doc: Y.Doc): Connector[] {
  const out: Connector[] = [];
  connectorsMap(doc).forEach((m, id) => m instanceof Y.Map && out.push(toConnector(id, m)));
  return out.sort(byCreated);
}

/** Whether a note belongs to an area: its centre lies inside the area's rectangle. */
export function isNoteInArea(note: Pick<Note, 'x' | 'y' | 'w' | 'h'>, area: Pick<Area, 'x' | 'y' | 'w' | 'h'>): boolean {
  const cx = note.x + note.w / 2;
  const cy = note.y + note.h / 2;
  return cx >= area.x && cx <= area.x + area.w && cy >= area.y && cy <= area.y + area.h;
}

/** Ids of the notes an area carries when it moves. */
export function notesInArea(notes: Iterable<Note>, area: Pick<Area, 'x' | 'y' | 'w' | 'h'>): string[] {
  const ids: string[] = [];
  for (const n of notes) if (isNoteInArea(n, area)) ids.push(n.id);
  return ids;
}

function byCreated(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Changes to areas and connectors, and the compound note actions (duplicate, move with an area),
 * each as a named function in one `doc.transact` with a typed origin.
 *
 * Why: like note changes, these are the only way the layout of areas and connectors is written;
 * moving an area carries its notes in the same transaction, so one undo step brings both back.
 */
import * as Y from 'yjs';
import { newRecordId } from '../model/ids.ts';
import { modelError } from '../model/errors.ts';
import { parseOrThrow } from '../model/records.ts';
import { areaNameSchema, connectorLabelSchema, MIN_AREA_SIZE, newAreaSchema, type NewArea } from '../model/shapes.ts';
import type { TxOrigin } from './origins.ts';
import { deleteNotes } from './mutations.ts';
import { areaMap } from './recordMaps.ts';
import { AREA, areasMap, CONNECTOR, connectorsMap, NOTE, notesMap } from './roots.ts';

/** Creates an area and returns its id. */
export function createArea(doc: Y.Doc, input: NewArea, origin: TxOrigin): string {
  const area = parseOrThrow(newAreaSchema, input);
  const id = newRecordId();
  doc.transact(() => areasMap(doc).set(id, areaMap({ ...area, createdAt: Date.now() })), origin);
  return id;
}

/** Renames an area (nothing happens when the name is unchanged). */
export function renameArea(doc: Y.Doc, id: string, name: string, origin: TxOrigin): void {
  const clean = parseOrThrow(areaNameSchema, name);
  const m = areasMap(doc).get(id);
  if (!m || m.get(AREA.name) === clean) return;
  doc.transact(() => m.set(AREA.name, clean), origin);
}

/** Sets an area's bounds (move and resize); sides below the minimum are raised to it. */
export function setAreaBounds(
  doc: Y.Doc,
  id: string,
  b: { x: number; y: number; w: number; h: number },
  origin: TxOrigin,
): void {
  if (![b.x, b.y, b.w, b.h].every(Number.isFinite)) throw modelError('areaBoundsNotFinite');
  doc.transact(() => {
    const m = areasMap(doc).get(id);
    if (!m) return;
    m.set(AREA.x, b.x);
    m.set(AREA.y, b.y);
    m.set(AREA.w, Math.max(MIN_AREA_SIZE, b.w));
    m.set(AREA.h, Math.max(MIN_AREA_SIZE, b.h));
  }, origin);
}

/** Moves an area by (dx, dy) and the given notes (those inside it) with it, in one transaction. */
export function moveAreaWithNotes(
  doc: Y.Doc,
  id: string,
  delta: { dx: number; dy: number },
  noteIds: readonly string[],
  origin: TxOrigin,
): void {
  const { dx, dy } = delta;
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) throw modelError('areaMoveNotFinite');
  doc.transact(() => {
    const m = areasMap(doc).get(id);
    if (!m) return;
    m.set(AREA.x, num(m.get(AREA.x)) + dx);
    m.set(AREA.y, num(m.get(AREA.y)) + dy);
    const notes = notesMap(doc);
    for (const noteId of noteIds) {
      const n = notes.get(noteId);
      if (!n) continue;
      n.set(NOTE.x, num(n.get(NOTE.x)) + dx);
      n.set(NOTE.y, num(n.get(NOTE.y)) + dy);
    }
  }, origin);
}

/** Deletes areas (their notes stay where they are). */
export function deleteAreas(doc: Y.Doc, ids: readonly string[], origin: TxOrigin): void {
  doc.transact(() => {
    const areas = areasMap(doc);
    for (const id of ids) if (areas.has(id)) areas.delete(id);
  }, origin);
}

/** Connects two distinct, existing notes with an arrow; returns the connector id. */
export function createConnector(doc: Y.Doc, from: string, to: string, label: string, origin: TxOrigin): string {
  if (from === to) throw modelError('connectorNeedsTwoNotes');
  if (!notesMap(doc).has(from) || !notesMap(doc).has(to)) throw modelError('connectorNoteGone');
  const clean = parseOrThrow(connectorLabelSchema, label);
  const id = newRecordId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set(CONNECTOR.from, from);
    m.set(CONNECTOR.to, to);
    m.set(CONNECTOR.label, clean);
    m.set(CONNECTOR.createdAt, Date.now());
    connectorsMap(doc).set(id, m);
  }, origin);
  return id;
}

/** Sets a connector's label ('' removes it; nothing happens when it is unchanged). */
export function setConnectorLabel(doc: Y.Doc, id: string, label: string, origin: TxOrigin): void {
  const clean = parseOrThrow(connectorLabelSchema, label);
  const m = connectorsMap(doc).get(id);
  if (!m || m.get(CONNECTOR.label) === clean) return;
  doc.transact(() => m.set(CONNECTOR.label, clean), origin);
}

/** Deletes notes (with their connectors) and areas together, as one change. */
export function deleteItems(doc: Y.Doc, ids: { notes: readonly string[]; areas: readonly string[] }, origin: TxOrigin): void {
  doc.transact(() => {
    deleteNotes(doc, ids.notes, origin);
    deleteAreas(doc, ids.areas, origin);
  }, origin);
}

/** Deletes connectors. */
export function deleteConnectors(doc: Y.Doc, ids: readonly string[], origin: TxOrigin): void {
  doc.transact(() => {
    const connectors = connectorsMap(doc);
    for (const id of ids) if (connectors.has(id)) connectors.delete(id);
  }, origin);
}

/** Copies notes (text, size, colour, group) offset by (dx, dy); returns the new ids in the same order. */
export function duplicateNotes(
  doc: Y.Doc,
  ids: readonly string[],
  offset: { dx: number; dy: number },
  authorId: string,
  origin: TxOrigin,
): string[] {
  const created: string[] = [];
  doc.transact(() => {
    const notes = notesMap(doc);
    for (const id of ids) {
      const src = notes.get(id);
      if (!src) continue;
      const copy = new Y.Map<unknown>();
      const text = src.get(NOTE.text);
      copy.set(NOTE.text, new Y.Text(text instanceof Y.Text ? text.toString() : ''));
      copy.set(NOTE.x, (src.get(NOTE.x) as number) + offset.dx);
      copy.set(NOTE.y, (src.get(NOTE.y) as number) + offset.dy);
      for (const key of [NOTE.w, NOTE.h, NOTE.color, NOTE.groupId] as const) copy.set(key, src.get(key) ?? null);
      copy.set(NOTE.authorId, authorId);
      copy.set(NOTE.createdAt, Date.now());
      const newId = newRecordId();
      notes.set(newId, copy);
      created.push(newId);
    }
  }, origin);
  return created;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

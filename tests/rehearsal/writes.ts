/**
 * What a person does to the board, each through the shared mutation a device would call, and each
 * written into the log exactly as intended at the moment it happens (ids, texts, areas, dots with
 * their offline flag, stances and confirmations with the time the device wrote).
 *
 * Why: the oracle judges every output against this log, so the log must say what the room meant,
 * not what the board later shows; a write and its log line are one step here.
 */
import type * as Y from 'yjs';
import {
  createNote,
  deleteNotes,
  dotsMap,
  itemResolver,
  moveNotes,
  ORIGIN,
  outcomesMap,
  placeDot,
  setNoteText,
  setStance,
  stanceKey,
  stancesMap,
  takeBackDot,
  type Area,
  type StanceValue,
} from '../../shared/index.ts';
import type { Device } from './device.ts';
import { newLoggedNote } from './log.ts';
import type { Participant, Room } from './room.ts';

const local = ORIGIN.local;

/** A place for a note whose centre lies well inside `area` (below its name bar). */
export function spotIn(room: Room, area: Area): { x: number; y: number } {
  const x = area.x + 20 + room.random.next() * Math.max(1, area.w - 200);
  const y = area.y + 90 + room.random.next() * Math.max(1, area.h - 270);
  return { x: Math.round(x), y: Math.round(y) };
}

/** A new note by `p` in `area` (or at `at`, outside every area, when `area` is null). */
export function writeNote(room: Room, p: Participant, area: Area | null, at?: { x: number; y: number }): string {
  const text = room.texts.note(p.lang);
  const spot = area ? spotIn(room, area) : at!;
  const id = createNote(p.doc, { text, ...spot, authorId: p.id, groupId: p.groupId }, local);
  room.tracker.stamp(`note:${id}`, p.device.offline);
  p.notes.push(id);
  room.log.notes.set(id, newLoggedNote({ id, text, authorId: p.id, groupId: p.groupId, areaId: area?.id ?? null, phase: room.log.phase }));
  return id;
}

/** `p` rewrites one of their notes (a new unique text). */
export function editNote(room: Room, p: Participant, id: string): void {
  const text = room.texts.note(p.lang);
  setNoteText(p.doc, id, text, local);
  room.tracker.edit();
  room.log.notes.get(id)!.text = text;
}

/** `p` moves one of their notes into another area. */
export function moveNote(room: Room, p: Participant, id: string, area: Area): void {
  moveNotes(p.doc, [{ id, ...spotIn(room, area) }], local);
  room.tracker.edit();
  room.log.notes.get(id)!.areaId = area.id;
}

/** `p` deletes one of their notes. */
export function deleteNote(room: Room, p: Participant, id: string): void {
  deleteNotes(p.doc, [id], local);
  room.tracker.edit();
  room.log.notes.get(id)!.deleted = true;
}

/** `p` places a dot from `device` (their own, or their second one); null when the device refuses it. */
export function placeLoggedDot(room: Room, p: Participant, voteId: string, itemId: string, device: Device = p.device): string | null {
  let id: string;
  try {
    id = placeDot(device.doc, { voteId, itemId, voterId: p.id, groupId: p.groupId }, local);
  } catch {
    // No dots left or one per item, as far as this device can see: the app says so and writes nothing.
    return null;
  }
  room.tracker.stamp(`dot:${id}`, device.offline);
  const at = (dotsMap(device.doc).get(id) as { at: number; itemId: string }).at;
  const resolved = (dotsMap(device.doc).get(id) as { itemId: string }).itemId;
  room.log.dots.set(id, { id, voteId, itemId: resolved, voterId: p.id, groupId: p.groupId, at, offline: device.offline, takenBack: false });
  return id;
}

/** `p` takes back a dot on `itemId`; the log marks the dot the device actually removed. */
export function takeBackLoggedDot(room: Room, p: Participant, voteId: string, itemId: string): string | null {
  const before = new Set(dotsMap(p.doc).keys());
  if (!takeBackDot(p.doc, { voteId, itemId, voterId: p.id, groupId: p.groupId }, local)) return null;
  room.tracker.edit();
  const gone = [...before].find((id) => !dotsMap(p.doc).has(id)) ?? null;
  const logged = gone ? room.log.dots.get(gone) : undefined;
  if (logged) logged.takenBack = true;
  return gone;
}

/** `p` sets their group's stance on an item; logs it under the item the device resolved it to. */
export function setLoggedStance(room: Room, p: Participant, itemId: string, stance: StanceValue): void {
  setStance(p.doc, itemId, p.groupId, stance, p.id, local);
  room.tracker.edit();
  const target = itemResolver(p.doc)(itemId) ?? itemId;
  const written = stancesMap(p.doc).get(stanceKey(target, p.groupId)) as { at: number };
  room.log.stances.push({ itemId: target, groupId: p.groupId, stance, at: written.at });
}

/** The time a device wrote into an outcome just confirmed (for the log). */
export function outcomeAt(doc: Y.Doc, itemId: string): number {
  return (outcomesMap(doc).get(itemId) as { at: number }).at;
}

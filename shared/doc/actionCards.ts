/**
 * Action cards for the last task of a Future Search: a note that is an action, with an owner and the
 * volunteers who signed up; each change a named function in one `doc.transact`.
 *
 * Why: the day ends with commitments, and the report lists them with their owners. Volunteers are a
 * map keyed by participant id, so people signing up from many tablets at once all end up on the
 * card, and each person once (each sign-up is its own key on the note: `volunteer:<participant id>`).
 */
import * as Y from 'yjs';
import { modelError } from '../model/errors.ts';
import { MAX_PERSON_NAME } from '../model/records.ts';
import type { TxOrigin } from './origins.ts';
import { NOTE, notesMap, VOLUNTEER_PREFIX } from './roots.ts';

function noteOrThrow(doc: Y.Doc, id: string): Y.Map<unknown> {
  const note = notesMap(doc).get(id);
  if (!note) throw modelError('noteGone');
  return note;
}

function cleanName(name: string, tooLong: 'ownerTooLong' | 'volunteerNameTooLong'): string {
  const clean = name.trim();
  if (clean.length > MAX_PERSON_NAME) throw modelError(tooLong, { max: MAX_PERSON_NAME });
  return clean;
}

/** Makes a note an action card, or a plain note again (owner and volunteers are kept either way). */
export function setActionCard(doc: Y.Doc, noteId: string, isAction: boolean, origin: TxOrigin): void {
  const note = noteOrThrow(doc, noteId);
  doc.transact(() => {
    if (isAction) note.set(NOTE.kind, 'action');
    else note.delete(NOTE.kind);
  }, origin);
}

/** Sets an action card's owner ('' clears it). */
export function setActionOwner(doc: Y.Doc, noteId: string, owner: string, origin: TxOrigin): void {
  const note = noteOrThrow(doc, noteId);
  const clean = cleanName(owner, 'ownerTooLong');
  if (note.get(NOTE.owner) === clean) return;
  doc.transact(() => note.set(NOTE.owner, clean), origin);
}

/** Signs a person up as a volunteer on an action card (`name`), or takes them off (`null`). */
export function setVolunteer(doc: Y.Doc, noteId: string, participantId: string, name: string | null, origin: TxOrigin): void {
  const note = noteOrThrow(doc, noteId);
  const clean = name === null ? null : cleanName(name, 'volunteerNameTooLong') || '?';
  const key = `${VOLUNTEER_PREFIX}${participantId}`;
  if (clean === null && !note.has(key)) return;
  doc.transact(() => (clean === null ? note.delete(key) : note.set(key, clean)), origin);
}

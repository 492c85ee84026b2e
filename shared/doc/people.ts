/**
 * Who took part: each device writes its person's name, stakeholder group and role under its
 * participant id when it joins and when the group changes.
 *
 * Why: the conference report lists participants per stakeholder group, and the board document is
 * what the report (and the server) can read; presence (awareness) is gone when people leave.
 */
import * as Y from 'yjs';
import type { TxOrigin } from './origins.ts';
import { peopleMap } from './roots.ts';

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly groupId: string | null;
  readonly role: 'facilitator' | 'participant';
  /** When the entry was last written, ms since the epoch. */
  readonly at: number;
  /** The id of the "Ready?" call this person answered for their table, or null. */
  readonly ready: string | null;
}

/** Writes (or refreshes) a person's entry; nothing is written when it is already as given. */
export function registerPerson(
  doc: Y.Doc,
  id: string,
  person: { name: string; groupId: string | null; role: 'facilitator' | 'participant' },
  origin: TxOrigin,
): void {
  const name = person.name.trim().slice(0, 60);
  if (!id || !name) return;
  const current = peopleMap(doc).get(id) as Partial<Person> | undefined;
  if (current && current.name === name && (current.groupId ?? null) === person.groupId && current.role === person.role) return;
  // Other fields of the entry (e.g. `ready`) are kept.
  const rest = isPlain(current) ? current : {};
  doc.transact(() => peopleMap(doc).set(id, { ...rest, name, groupId: person.groupId, role: person.role, at: Date.now() }), origin);
}

/**
 * A person answers the facilitator's "Ready?" call for their table (`callId`), or takes the answer
 * back (`null`). Written in the person's own entry, which only they (and the facilitator) may change;
 * nothing is written for someone not on the board's list of people.
 */
export function setReady(doc: Y.Doc, id: string, callId: string | null, origin: TxOrigin): void {
  const current = peopleMap(doc).get(id);
  if (!isPlain(current)) return;
  if ((current.ready ?? null) === callId) return;
  const next: Record<string, unknown> = { ...current };
  if (callId === null) delete next.ready;
  else next.ready = callId;
  doc.transact(() => peopleMap(doc).set(id, next), origin);
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Y.AbstractType);
}

/** Everyone who took part, by name. */
export function listPeople(doc: Y.Doc): Person[] {
  const out: Person[] = [];
  peopleMap(doc).forEach((v, id) => {
    if (typeof v !== 'object' || v === null || v instanceof Y.AbstractType) return;
    const p = v as Record<string, unknown>;
    if (typeof p.name !== 'string' || !p.name) return;
    out.push({
      id,
      name: p.name,
      groupId: typeof p.groupId === 'string' && p.groupId ? p.groupId : null,
      role: p.role === 'facilitator' ? 'facilitator' : 'participant',
      at: typeof p.at === 'number' ? p.at : 0,
      ready: typeof p.ready === 'string' && p.ready ? p.ready : null,
    });
  });
  return out.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

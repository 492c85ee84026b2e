/**
 * The people of the day: who they are (name, stakeholder group, language), where they sit (their
 * group's table and a mixed table with one of every group), and their joining: the device, the
 * `people` record, one awareness state; plus the paced schedule they write on.
 *
 * Why: a Future Search seats everyone twice (stakeholder table, then a mixed "max-mix" table); and a
 * room of 300 only works when people write every few seconds, not all at once, and set presence
 * once rather than streaming cursors.
 */
import { registerPerson, ORIGIN } from '../../shared/index.ts';
import type { Layout } from './facilitator.ts';
import { Participant, sleep, type Room } from './room.ts';
import { personName } from './words.ts';

/** Makes the participants, spread over the groups and seated at mixed tables round-robin per group. */
export function makePeople(room: Room, count: number, layout: Layout): Participant[] {
  const groups = [...room.log.groups.keys()];
  const out: Participant[] = [];
  for (let i = 0; i < count; i++) {
    const p = new Participant(i, personName(i), groups[i % groups.length]!, i % 3 === 1 ? 'en' : 'nl');
    p.stakeholderTable = layout.stakeholderTables.get(p.groupId) ?? null;
    // Consecutive people are of different groups, so each mixed table gets a mix.
    p.mixedTable = layout.mixedTables[Math.floor(i / groups.length) % layout.mixedTables.length] ?? null;
    out.push(p);
  }
  return out;
}

/** Joins a participant: opens their device, waits for the board, registers them, sets presence once. */
export async function join(room: Room, p: Participant, timeoutMs: number): Promise<void> {
  p.device = room.open(room.board.participantToken, { id: p.id, key: p.key });
  room.updateListening();
  const deadline = performance.now() + timeoutMs;
  while (!p.device.synced) {
    if (performance.now() > deadline) throw new Error(`${p.name} could not join in ${timeoutMs / 1000} s`);
    await sleep(50);
  }
  registerPerson(p.doc, p.id, { name: p.name, groupId: p.groupId, role: 'participant' }, ORIGIN.local);
  room.tracker.stamp(`person:${p.id}`, false);
  // Presence once, as the app sets it at join; no cursors (a room of 300 would drown in them).
  p.device.provider.awareness.setLocalStateField('user', { name: p.name, groupId: p.groupId, role: 'participant', id: p.id });
  room.log.people.set(p.id, {
    id: p.id,
    name: p.name,
    groupId: p.groupId,
    stakeholderTable: p.stakeholderTable?.id ?? null,
    mixedTable: p.mixedTable?.id ?? null,
    device: 'protocol',
  });
}

/** Joins many people, a few at a time (a room fills over minutes, not in one millisecond). */
export async function joinAll(room: Room, people: readonly Participant[], timeoutMs: number): Promise<void> {
  const batch = 16;
  for (let i = 0; i < people.length; i += batch) {
    await Promise.all(people.slice(i, i + batch).map((p) => join(room, p, timeoutMs)));
  }
}

/**
 * Runs `act` for every (person, k < perPerson) at a random moment within `windowMs`, one at a time
 * in time order, so a phase's writes are spread as a room's are.
 */
export async function paced<T>(room: Room, actors: readonly T[], perActor: number, windowMs: number, act: (actor: T, k: number) => void): Promise<void> {
  const plan: { at: number; actor: T; k: number }[] = [];
  for (const actor of actors) for (let k = 0; k < perActor; k++) plan.push({ at: room.random.next() * windowMs, actor, k });
  plan.sort((a, b) => a.at - b.at);
  const start = performance.now();
  for (const step of plan) {
    const wait = step.at - (performance.now() - start);
    if (wait > 0) await sleep(wait);
    act(step.actor, step.k);
  }
  const rest = windowMs - (performance.now() - start);
  if (rest > 0) await sleep(rest);
}

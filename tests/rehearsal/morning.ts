/**
 * The morning of the day: timelines (with private writing and the survey import), the trends mind
 * map with connectors and a dot vote per stakeholder group, prouds and sorries at the stakeholder
 * tables; with the late joiner, the projector link that tries to write, a person moving to another
 * device, a moment of board lock, and the server killed mid-task.
 *
 * Why: these are the tasks where everyone writes at once; the faults land where a real day has them
 * (people arriving late, a laptop swapped, a restart while the room is busy).
 */
import { createConnector, createNote, listNotes, notesMap, ORIGIN } from '../../shared/index.ts';
import { frameTask, goToStep, importSurvey, lockForAMoment, openLoggedVote, closeVote, privateWriting, type Layout } from './facilitator.ts';
import { join, paced } from './people.ts';
import type { Participant, Room } from './room.ts';
import { sleep } from './room.ts';
import { placeLoggedDot, writeNote, editNote } from './writes.ts';
import type { DayContext } from './dayContext.ts';

const local = ORIGIN.local;

export async function timelines(ctx: DayContext): Promise<void> {
  const { room, layout } = ctx;
  await ctx.phase('past', async () => {
    await goToStep(room, 'past');
    await frameTask(room, ctx.phaseMs, null);
    await privateWriting(room, true);
    importSurvey(room, layout.survey, Math.max(6, Math.min(24, Math.round(ctx.present().length / 4))));
    const lanes = layout.byStep.past ?? [];
    const each = ctx.each(2);
    const writing = paced(room, ctx.present(), each, ctx.phaseMs * 0.8, (p, k) => {
      if (p.index === 0 && k === each - 1) writeNote(room, p, null, { x: layout.parking.x - 1500, y: layout.parking.y });
      else if (p.index === 1 && k === each - 1) writeNote(room, p, layout.parking);
      else writeNote(room, p, room.random.pick(lanes));
    });
    await Promise.all([writing, ctx.tabletsWrite('past', (i) => lanes[i % lanes.length]!.id, 1)]);
    await privateWriting(room, false);
  });
}

export async function mindMap(ctx: DayContext, lateJoiner: Participant): Promise<void> {
  const { room, layout } = ctx;
  await ctx.phase('present', async () => {
    await goToStep(room, 'present');
    await frameTask(room, ctx.phaseMs, null);
    const map = layout.byStep.present![0]!;
    const late = join(room, lateJoiner, ctx.convergeTimeoutMs).then(() => {
      room.log.event(`late joiner: ${lateJoiner.name}`);
      ctx.seat(lateJoiner);
    });
    const trends: string[] = [];
    const writing = paced(room, ctx.present(), ctx.each(2), ctx.phaseMs * 0.5, (p) => {
      const id = writeNote(room, p, map);
      // Every third trend is connected to an earlier one its writer can see: the mind map's lines.
      const earlier = trends.filter((t) => notesMap(p.doc).has(t));
      if (earlier.length && room.random.chance(0.34)) {
        createConnector(p.doc, room.random.pick(earlier), id, room.random.chance(0.5) ? 'leidt tot' : 'feeds', local);
        room.tracker.edit();
      }
      trends.push(id);
    });
    // The lock comes once the tablets have written: a person does not double-tap into a locked board.
    const tabletsThenLock = ctx.tabletsWrite('present', () => map.id, 1).then(() => lockForAMoment(room, Math.min(1500, ctx.phaseMs / 10)));
    await Promise.all([writing, late, tabletsThenLock, projectorTriesToWrite(ctx)]);
    await ctx.converge('the mind map');
    await switchDevice(ctx, ctx.present()[2]!);

    // Each stakeholder group puts its dots on the trends that matter most to it: the whole group
    // shares three dots. The first group's members all tap at the same moment, before any of them
    // sees the others' dots, so that group's dots go beyond the limit; the others place in turn.
    const vote = openLoggedVote(room, { title: 'Trends die ertoe doen', target: 'notes', budget: 'group', dots: 3, onePerItem: false });
    await ctx.converge('the trends vote opening');
    const onMap = listNotes(room.facilitator.doc).filter((n) => n.x >= map.x && n.x <= map.x + map.w && n.y >= map.y && n.y <= map.y + map.h);
    const firstGroup = ctx.present()[0]!.groupId;
    for (const p of ctx.present().filter((x) => x.groupId === firstGroup)) placeLoggedDot(room, p, vote, room.random.pick(onMap).id);
    await Promise.all([
      paced(room, ctx.present().filter((x) => x.groupId !== firstGroup), 1, ctx.phaseMs * 0.3, (p) => placeLoggedDot(room, p, vote, room.random.pick(onMap).id)),
      ctx.tabletsVote(vote),
    ]);
    await ctx.converge('the trends vote');
    closeVote(room, vote);
  });
}

export async function proudsAndSorries(ctx: DayContext): Promise<void> {
  const { room, layout } = ctx;
  await ctx.phase('prouds', async () => {
    await goToStep(room, 'prouds');
    await frameTask(room, ctx.phaseMs, 'stakeholder');
    const columns = layout.byStep.prouds ?? [];
    const sorriesOf = (p: Participant) => columns[columns.indexOf(p.stakeholderTable!) + 1] ?? p.stakeholderTable!;
    const each = ctx.each(2);
    const writing = paced(room, ctx.present(), each, ctx.phaseMs * 0.8, (p, k) => {
      writeNote(room, p, k % 2 === (p.index % 2) ? p.stakeholderTable : sorriesOf(p));
      // Someone rewrites their first note of the day.
      if (k === each - 1 && p.index % 7 === 3 && p.notes.length) editNote(room, p, p.notes[0]!);
    });
    // The server dies half-way through the task, with the room writing; it comes back on its own.
    const kill = sleep(ctx.phaseMs * 0.4).then(() => ctx.killServer());
    await Promise.all([writing, kill]);
  });
}

/** A projector link tries to write a note: the server must apply nothing of it. */
async function projectorTriesToWrite(ctx: DayContext): Promise<void> {
  const { room } = ctx;
  const projector = room.open(room.board.projectorToken, undefined, false);
  for (let i = 0; i < 100 && !projector.synced; i++) await sleep(50);
  const text = `Projector write attempt ${room.random.int(1e9)}`;
  const id = createNote(projector.doc, { text, x: 0, y: 0, authorId: room.facilitatorId }, local);
  ctx.refusedNotes.push({ id, text });
  room.log.event(`projector link tried to write note ${id} ("${text}")`);
  await sleep(500);
  projector.close();
}

/** A participant continues on another device: a new copy with the same person and key; the old closes. */
async function switchDevice(ctx: DayContext, p: Participant): Promise<void> {
  const { room } = ctx;
  const old = p.device;
  const next = room.open(room.board.participantToken, { id: p.id, key: p.key });
  for (let i = 0; i < 200 && !next.synced; i++) await sleep(50);
  if (!next.synced) throw new Error(`${p.name}'s new device did not sync`);
  p.device = next;
  old.close();
  room.updateListening();
  next.provider.awareness.setLocalStateField('user', { name: p.name, groupId: p.groupId, role: 'participant', id: p.id });
  room.log.event(`${p.name} continues on another device`);
  writeNote(room, p, ctx.layout.byStep.present![0]!);
}

export type { Layout };

/**
 * The afternoon: the ideal future at mixed tables (while one table's Wi-Fi is down), then common
 * ground (clusters made by several tables at once, merged, suggested clusters accepted, dot votes
 * per person and per group, offline dots, stances per group before and after merges, the three
 * lists confirmed) and action planning (cards with owners and volunteers), with notes edited, moved
 * and deleted along the way.
 *
 * Why: this is where the room's result is decided; every rule the report and the lists rest on
 * (merges, budgets, one per item, offline dots, stances across merges) is exercised here.
 */
import { createCluster, listNotes, ORIGIN, setActionCard, setActionOwner, setVolunteer, suggestClusters } from '../../shared/index.ts';
import type { DayContext } from './dayContext.ts';
import { goToStep, frameTask } from './facilitator.ts';
import { paced } from './people.ts';
import type { Participant } from './room.ts';
import { deleteNote, editNote, moveNote, writeNote } from './writes.ts';

const local = ORIGIN.local;

/** The ideal future at mixed tables (the agenda was moved here at the quiet moment before). */
export async function idealFuture(ctx: DayContext): Promise<void> {
  const { room, layout } = ctx;
  await ctx.phase('future', async () => {
    await frameTask(room, ctx.phaseMs, 'mixed');
    const each = ctx.each(2);
    const writing = paced(room, ctx.present(), each, ctx.phaseMs * 0.8, (p, k) => {
      writeNote(room, p, p.mixedTable);
      if (k !== each - 1) return;
      // Some people change their mind about an earlier note: rewrite, move to the parking area, delete.
      const own = p.notes.filter((id) => !room.log.notes.get(id)!.deleted && room.log.notes.get(id)!.kind === 'note');
      const first = own[0];
      if (!first) return;
      if (p.index % 11 === 4) editNote(room, p, own[own.length - 1]!);
      else if (p.index % 11 === 5) moveNote(room, p, first, layout.parking);
      else if (p.index % 11 === 6) deleteNote(room, p, first);
    });
    await Promise.all([writing, ctx.tabletsWrite('future', (i) => ctx.tabletTable(i), 1).then(() => ctx.tabletsDrag('future'))]);
  });
}

/** Clusters of the ideal-future notes: each table clusters its own, several tables one set at once. */
export function makeClusters(ctx: DayContext): string[] {
  const { room, layout } = ctx;
  const made: string[] = [];
  const logCluster = (id: string, label: string, noteIds: readonly string[], candidates: string[] | null) => {
    room.log.clusters.set(id, { id, label, mergedInto: null });
    for (const n of noteIds) {
      const note = room.log.notes.get(n);
      if (!note) continue;
      note.clusterId = candidates ? candidates[0]! : id;
      note.clusterCandidates = candidates;
    }
    room.tracker.edit();
    made.push(id);
  };
  // One person per online mixed table clusters two or three of the table's notes, as that device sees them.
  for (const table of layout.mixedTables) {
    const p = ctx.present().find((x) => x.mixedTable === table && !x.device.offline);
    if (!p) continue;
    const onTable = listNotes(p.doc).filter((n) => room.log.notes.get(n.id)?.areaId === table.id && !n.clusterId && room.log.notes.get(n.id)?.kind === 'note');
    if (onTable.length < 2) continue;
    const ids = onTable.slice(0, 2 + room.random.int(2)).map((n) => n.id);
    const label = room.texts.label(p.lang, room.random.int(room.texts.themes));
    logCluster(createCluster(p.doc, ids, label, local, p.id), label, ids, null);
  }
  // Three tables cluster the same notes at the same moment (before any of them hears of the others).
  const shared = listNotes(room.facilitator.doc).filter((n) => room.log.notes.get(n.id)?.phase === 'prouds' && !n.clusterId).slice(0, 4).map((n) => n.id);
  const makers = ctx.present().filter((p) => !p.device.offline && shared.every((id) => p.doc.getMap('notes').has(id))).slice(0, 3);
  if (shared.length >= 2 && makers.length >= 2) {
    const labels = makers.map((p) => room.texts.label(p.lang, 0));
    const ids = makers.map((p, i) => createCluster(p.doc, shared, labels[i]!, local, p.id));
    ids.forEach((id, i) => {
      room.log.clusters.set(id, { id, label: labels[i]!, mergedInto: null });
      made.push(id);
    });
    for (const n of shared) {
      const note = room.log.notes.get(n)!;
      note.clusterId = ids[0]!;
      note.clusterCandidates = ids;
    }
    room.log.event(`${ids.length} tables clustered the same ${shared.length} notes at once`);
  }
  return made;
}

/** Accepts the cluster suggestions for the survey answers, as a table would from the suggestions panel. */
export function acceptSuggestions(ctx: DayContext): string[] {
  const { room, layout } = ctx;
  const p = ctx.present().find((x) => !x.device.offline)!;
  const notes = listNotes(p.doc).filter((n) => room.log.notes.get(n.id)?.areaId === layout.survey.id && !n.clusterId);
  const groups = suggestClusters(notes.map((n) => ({ id: n.id, text: n.text }))).filter((g) => g.length >= 2).slice(0, 3);
  const made: string[] = [];
  for (const ids of groups) {
    const label = `Suggestie ${made.length + 1}`;
    const id = createCluster(p.doc, ids, label, local, p.id);
    room.log.clusters.set(id, { id, label, mergedInto: null });
    for (const n of ids) room.log.notes.get(n)!.clusterId = id;
    room.tracker.edit();
    made.push(id);
  }
  room.log.event(`accepted ${made.length} suggested clusters`);
  return made;
}

/** Action planning: cards with an owner, volunteers signing up, one card deleted again. */
export async function actionPlanning(ctx: DayContext): Promise<void> {
  const { room, layout } = ctx;
  await ctx.phase('action', async () => {
    await goToStep(room, 'action');
    await frameTask(room, ctx.phaseMs, null);
    const area = layout.byStep.action![0]!;
    const writers = ctx.present().filter((p) => p.index % 4 === 0);
    const cards: { id: string; by: Participant }[] = [];
    await paced(room, writers, 1, ctx.phaseMs * 0.4, (p) => {
      const id = writeNote(room, p, area);
      setActionCard(p.doc, id, true, local);
      const owner = p.index % 8 === 0 ? p.name : room.random.pick(ctx.present()).name;
      setActionOwner(p.doc, id, owner, local);
      const logged = room.log.notes.get(id)!;
      logged.kind = 'action';
      logged.owner = owner;
      cards.push({ id, by: p });
    });
    await ctx.converge('the action cards');
    await paced(room, ctx.present(), 1, ctx.phaseMs * 0.4, (p) => {
      if (!cards.length || !room.random.chance(0.6)) return;
      const card = room.random.pick(cards);
      setVolunteer(p.doc, card.id, p.id, p.name, local);
      room.tracker.edit();
      const volunteers = room.log.notes.get(card.id)!.volunteers;
      if (!volunteers.includes(p.id)) volunteers.push(p.id);
    });
    await ctx.converge('the volunteers');
    // One card was a duplicate: its maker deletes it.
    const dup = cards[cards.length - 1];
    if (dup && cards.length > 1) deleteNote(room, dup.by, dup.id);
  });
}

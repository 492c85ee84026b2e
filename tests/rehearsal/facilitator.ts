/**
 * The facilitator's device: sets up the day (stakeholder groups, the Future Search layout, a survey
 * area, seats, the projector following), steps the agenda on the server's clock, runs the timer,
 * private writing, a moment of board lock, summons, votes, merges and confirmations, and imports the
 * survey answers from a CSV, all through the shared mutations, each logged.
 *
 * Why: the facilitator holds the frame of the day; the server lets only this link change it, so the
 * rehearsal drives the frame the way the app's facilitator panel does.
 */
import {
  applyTemplate,
  assignSeat,
  clearOutcome,
  confirmOutcome,
  createArea,
  createGroup,
  listAreas,
  mergeClusters,
  openVote,
  ORIGIN,
  readFacilitation,
  registerPerson,
  setAgendaStep,
  setBoardLocked,
  setPrivateWriting,
  setProjectorMode,
  setSeating,
  setVoteOpen,
  startTimer,
  stopTimer,
  summonToTables,
  summonToTask,
  agendaSteps,
  type Area,
  type OutcomeList,
  type VoteInput,
} from '../../shared/index.ts';
import { importNotes, parseNotesCsv } from '../../shared/report/csvImport.ts';
import { serverNow } from './api.ts';
import type { Room } from './room.ts';
import { newLoggedNote } from './log.ts';
import { outcomeAt } from './writes.ts';
import { GROUPS, surveyCsv } from './words.ts';

const local = ORIGIN.local;
export const FACILITATOR_NAME = 'Fien Faciliteert';

/** The laid-out board: the areas of each agenda step, the tables, and the areas outside the agenda. */
export interface Layout {
  readonly byStep: Record<string, Area[]>;
  readonly stakeholderTables: Map<string, Area>;
  readonly mixedTables: Area[];
  /** Areas the facilitator drew beside the agenda (their notes are "elsewhere on the board"). */
  readonly survey: Area;
  readonly parking: Area;
}

/** Registers the facilitator, creates the groups, lays out the day and the extra areas. */
export function setUpBoard(room: Room, groupCount: number, mixedTables: number): Layout {
  const doc = room.facilitator.doc;
  registerPerson(doc, room.facilitatorId, { name: FACILITATOR_NAME, groupId: null, role: 'facilitator' }, local);
  room.log.people.set(room.facilitatorId, { id: room.facilitatorId, name: FACILITATOR_NAME, groupId: null, stakeholderTable: null, mixedTable: null, device: 'facilitator' });
  for (const g of GROUPS.slice(0, groupCount)) room.log.groups.set(createGroup(doc, g, local), g.name);
  applyTemplate(doc, 'futureSearch', { lang: 'nl', mixedTables, year: new Date().getFullYear() }, local);
  const agendaAreas = listAreas(doc);
  const right = Math.max(...agendaAreas.map((a) => a.x + a.w)) + 800;
  createArea(doc, { name: 'Enquête / Survey', x: right, y: 0, w: 1200, h: 1400, color: '#eeeeee' }, local);
  createArea(doc, { name: 'Parkeerplaats', x: right, y: 2000, w: 1200, h: 900, color: '#dddddd' }, local);
  setProjectorMode(doc, 'follow', local);
  room.log.event(`board laid out: ${groupCount} groups, ${mixedTables} mixed tables`);
  return readLayout(room);
}

/** The layout as the facilitator's device sees it now. */
export function readLayout(room: Room): Layout {
  const doc = room.facilitator.doc;
  const areas = new Map(listAreas(doc).map((a) => [a.id, a]));
  const agenda = readFacilitation(doc).agenda.areas;
  const byStep: Record<string, Area[]> = {};
  for (const [step, ids] of Object.entries(agenda)) byStep[step] = ids.map((id) => areas.get(id)!).filter(Boolean);
  const all = [...areas.values()];
  return {
    byStep,
    stakeholderTables: new Map(all.filter((a) => a.table === 'stakeholder' && a.tableGroup).map((a) => [a.tableGroup!, a])),
    mixedTables: all.filter((a) => a.table === 'mixed'),
    survey: all.find((a) => a.name === 'Enquête / Survey')!,
    parking: all.find((a) => a.name === 'Parkeerplaats')!,
  };
}

/** Seats every participant at their stakeholder and mixed table. */
export function seatEveryone(room: Room): void {
  const doc = room.facilitator.doc;
  for (const p of room.people) {
    if (p.stakeholderTable) assignSeat(doc, p.id, 'stakeholder', p.stakeholderTable.id, local);
    if (p.mixedTable) assignSeat(doc, p.id, 'mixed', p.mixedTable.id, local);
  }
}

/** Moves the agenda to the step with this id, on the server's clock. */
export async function goToStep(room: Room, stepId: string): Promise<void> {
  const index = agendaSteps('futureSearch').findIndex((s) => s.id === stepId);
  setAgendaStep(room.facilitator.doc, index, await serverNow(room.board.baseUrl), local);
  room.log.event(`agenda: ${stepId}`);
}

/** The frame of a task: the timer, "bring everyone to this task", and the seating for it. */
export async function frameTask(room: Room, ms: number, seating: 'stakeholder' | 'mixed' | null): Promise<void> {
  const doc = room.facilitator.doc;
  startTimer(doc, ms, await serverNow(room.board.baseUrl), local);
  summonToTask(doc, await serverNow(room.board.baseUrl), local);
  if (seating) {
    setSeating(doc, seating, local);
    summonToTables(doc, await serverNow(room.board.baseUrl), local);
  }
}

export async function stopTaskTimer(room: Room): Promise<void> {
  stopTimer(room.facilitator.doc, local);
}

/** Private writing on (everyone writes unseen) or off (the reveal). */
export async function privateWriting(room: Room, on: boolean): Promise<void> {
  setPrivateWriting(room.facilitator.doc, on, await serverNow(room.board.baseUrl), local);
  room.log.event(`private writing ${on ? 'on' : 'off'}`);
}

/** Locks the board for a moment (participants' writes wait), then unlocks it. */
export async function lockForAMoment(room: Room, ms: number): Promise<void> {
  setBoardLocked(room.facilitator.doc, true, local);
  room.log.event('board locked');
  await new Promise((r) => setTimeout(r, ms));
  setBoardLocked(room.facilitator.doc, false, local);
  room.log.event('board unlocked');
}

/** Opens a vote and logs it. */
export function openLoggedVote(room: Room, input: Required<Pick<VoteInput, 'title' | 'target' | 'budget' | 'dots' | 'onePerItem'>>): string {
  const id = openVote(room.facilitator.doc, { ...input, live: true }, local);
  room.log.votes.set(id, { id, ...input });
  room.log.event(`vote opened: ${input.title} (${input.budget}, ${input.dots} dots, one per item ${input.onePerItem ? 'on' : 'off'})`);
  return id;
}

export function closeVote(room: Room, id: string): void {
  setVoteOpen(room.facilitator.doc, id, false, local);
  room.log.event(`vote closed: ${room.log.votes.get(id)?.title}`);
}

/** Merges cluster `from` into `into` and logs it. */
export function mergeLogged(room: Room, from: string, into: string): void {
  mergeClusters(room.facilitator.doc, from, into, local);
  room.tracker.edit();
  room.log.clusters.get(from)!.mergedInto = into;
  room.log.event(`merged cluster ${from} into ${into}`);
}

/** Confirms an item into a list (or clears it with null) and logs the time the device wrote. */
export function confirmLogged(room: Room, itemId: string, list: OutcomeList | null): void {
  const doc = room.facilitator.doc;
  if (list === null) {
    clearOutcome(doc, itemId, local);
    room.log.outcomes.push({ itemId, list: null, at: Date.now() });
    return;
  }
  confirmOutcome(doc, itemId, list, room.facilitatorId, local);
  room.tracker.edit();
  room.log.outcomes.push({ itemId, list, at: outcomeAt(doc, itemId) });
}

/** Imports survey answers from a CSV into `area` as the app's import does; logs every note. */
export function importSurvey(room: Room, area: Area, rows: number): string[] {
  const groupNames = [...room.log.groups.values()];
  const parsed = parseNotesCsv(surveyCsv(room.texts, rows, groupNames, room.random));
  const ids = importNotes(room.facilitator.doc, area.id, parsed, room.facilitatorId, local);
  const groupIdOf = (name: string) => [...room.log.groups].find(([, n]) => n.toLowerCase() === name.toLowerCase())?.[0] ?? null;
  ids.forEach((id, i) => {
    room.tracker.stamp(`note:${id}`, false);
    room.log.notes.set(id, newLoggedNote({ id, text: parsed[i]!.text, authorId: room.facilitatorId, groupId: groupIdOf(parsed[i]!.group), areaId: area.id, phase: room.log.phase }));
  });
  room.log.event(`imported ${ids.length} survey answers from a CSV into "${area.name}"`);
  return ids;
}

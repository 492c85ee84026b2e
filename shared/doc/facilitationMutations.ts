/**
 * The facilitator's changes to the frame of the day: agenda templates and steps, the timer, locks,
 * "bring everyone here", private writing, the projector's mode and seating; each one named function
 * in one `doc.transact`.
 *
 * Why: the facilitator controls the frame and the time, never the content, so these change only the
 * frame. Times are given by the caller in server time (`serverNow`), so every screen counts down from
 * the same moment; the server refuses these changes from anyone but the facilitator.
 */
import * as Y from 'yjs';
import { MAX_TIMER_MS, STOPPED_TIMER, type ProjectorMode, type Seating, type TemplateId, type Timer } from '../model/facilitation.ts';
import { isCrowdThreshold, type CrowdSettings } from '../model/crowd.ts';
import { newRecordId } from '../model/ids.ts';
import { modelError } from '../model/errors.ts';
import { taskFrame } from '../model/taskFrame.ts';
import { toParticipantTools, type ParticipantTools } from '../model/participantTools.ts';
import { agendaSteps } from '../templates/agenda.ts';
import { futureSearchAreas } from '../templates/futureSearchLayout.ts';
import { readFacilitation } from './facilitationQueries.ts';
import type { TxOrigin } from './origins.ts';
import { areaMap } from './recordMaps.ts';
import { listNotes } from './queries.ts';
import { AREA, areasMap, FACILITATION, facilitationMap, seatsMap } from './roots.ts';
import { listAreas } from './shapeQueries.ts';
import { listGroups } from './cocreationQueries.ts';

const set = (doc: Y.Doc, key: string, value: unknown, origin: TxOrigin) => doc.transact(() => facilitationMap(doc).set(key, value), origin);

/** Locks or unlocks the whole board for participants (the server enforces it). */
export function setBoardLocked(doc: Y.Doc, locked: boolean, origin: TxOrigin): void {
  set(doc, FACILITATION.boardLocked, locked, origin);
}

/** Locks or unlocks one area (and the notes in it) for participants. */
export function setAreaLocked(doc: Y.Doc, areaId: string, locked: boolean, origin: TxOrigin): void {
  const m = areasMap(doc).get(areaId);
  if (!m) throw modelError('areaGone');
  doc.transact(() => (locked ? m.set(AREA.locked, true) : m.delete(AREA.locked)), origin);
}

/**
 * Lays out a template's areas below whatever the board holds (covering nothing) and starts its
 * agenda at the first task. The blank template lays out nothing. Returns the ids of the new areas.
 */
export function applyTemplate(
  doc: Y.Doc,
  template: TemplateId,
  options: { lang: 'en' | 'nl'; mixedTables: number; year: number; serverNow?: number },
  origin: TxOrigin,
): string[] {
  if (!Number.isInteger(options.mixedTables) || options.mixedTables < 1 || options.mixedTables > 40) {
    throw modelError('mixedTablesOutOfRange', { min: 1, max: 40 });
  }
  const planned =
    template === 'futureSearch'
      ? futureSearchAreas({ lang: options.lang, groups: listGroups(doc).filter((g) => !g.archived), mixedTables: options.mixedTables, year: options.year, origin: freeCorner(doc) })
      : [];
  const byStep: Record<string, string[]> = {};
  const now = Date.now();
  doc.transact(() => {
    planned.forEach((a, i) => {
      const id = newRecordId();
      // createdAt `now + i` keeps the layout's drawing order.
      areasMap(doc).set(id, areaMap({ ...a, createdAt: now + i }));
      (byStep[a.step] ??= []).push(id);
    });
    facilitationMap(doc).set(FACILITATION.agenda, { template, step: 0, areas: byStep, stepStartedAt: options.serverNow ?? now });
  }, origin);
  return Object.values(byStep).flat();
}

/**
 * Moves the room to task `step` of the agenda (kept within the agenda). Going forward to a new task
 * clears the timer: its countdown and its "time is up" belonged to the task before. Going back keeps
 * a countdown that still has time left (an accidental "Next" then "Previous" loses nothing) but
 * clears one that has run out, whose "time is up" would be stale. `serverNow` tells the two apart,
 * and is kept as `stepStartedAt` when the task changes (what tables did "this task" counts from it).
 */
export function setAgendaStep(doc: Y.Doc, step: number, serverNow: number, origin: TxOrigin): void {
  const agenda = readFacilitation(doc).agenda;
  const steps = agendaSteps(agenda.template);
  if (steps.length === 0) throw modelError('noAgenda');
  const clamped = Math.min(steps.length - 1, Math.max(0, Math.floor(step)));
  const timer = readFacilitation(doc).timer;
  const runOut =
    (timer.state === 'running' && timer.endsAt !== null && timer.endsAt <= serverNow) ||
    (timer.state === 'paused' && (timer.remainingMs ?? 0) <= 0);
  const clear = clamped > agenda.step || (clamped < agenda.step && runOut);
  doc.transact(() => {
    facilitationMap(doc).set(FACILITATION.agenda, { ...agenda, step: clamped, stepStartedAt: clamped === agenda.step ? agenda.stepStartedAt : serverNow });
    if (clear && timer.state !== 'stopped') facilitationMap(doc).set(FACILITATION.timer, { ...STOPPED_TIMER });
  }, origin);
}

/** Starts a countdown of `durationMs` from server time `serverNow`. */
export function startTimer(doc: Y.Doc, durationMs: number, serverNow: number, origin: TxOrigin): void {
  if (!Number.isFinite(durationMs) || durationMs < 1000 || durationMs > MAX_TIMER_MS) {
    throw modelError('timerOutOfRange');
  }
  setTimer(doc, { state: 'running', durationMs, endsAt: serverNow + durationMs, remainingMs: null }, origin);
}

/** Pauses a running timer, keeping what is left. */
export function pauseTimer(doc: Y.Doc, serverNow: number, origin: TxOrigin): void {
  const t = readFacilitation(doc).timer;
  if (t.state !== 'running' || t.endsAt === null) return;
  setTimer(doc, { ...t, state: 'paused', endsAt: null, remainingMs: Math.max(0, t.endsAt - serverNow) }, origin);
}

/** Resumes a paused timer from what was left. */
export function resumeTimer(doc: Y.Doc, serverNow: number, origin: TxOrigin): void {
  const t = readFacilitation(doc).timer;
  if (t.state !== 'paused' || t.remainingMs === null) return;
  setTimer(doc, { ...t, state: 'running', endsAt: serverNow + t.remainingMs, remainingMs: null }, origin);
}

/** Adds time to a running or paused timer (one that ran out starts again with the extra time). */
export function extendTimer(doc: Y.Doc, extraMs: number, serverNow: number, origin: TxOrigin): void {
  if (!Number.isFinite(extraMs) || extraMs <= 0) throw modelError('timerExtendNotPositive');
  const t = readFacilitation(doc).timer;
  if (t.state === 'running' && t.endsAt !== null) {
    setTimer(doc, { ...t, durationMs: t.durationMs + extraMs, endsAt: Math.max(t.endsAt, serverNow) + extraMs }, origin);
  } else if (t.state === 'paused' && t.remainingMs !== null) {
    setTimer(doc, { ...t, durationMs: t.durationMs + extraMs, remainingMs: t.remainingMs + extraMs }, origin);
  } else {
    startTimer(doc, extraMs, serverNow, origin);
  }
}

/** Stops and clears the timer. */
export function stopTimer(doc: Y.Doc, origin: TxOrigin): void {
  setTimer(doc, { state: 'stopped', durationMs: 0, endsAt: null, remainingMs: null }, origin);
}

function setTimer(doc: Y.Doc, timer: Timer, origin: TxOrigin): void {
  set(doc, FACILITATION.timer, { ...timer }, origin);
}

/** "Bring everyone here": every screen shows this board rectangle (people can step out again). */
export function summonToView(doc: Y.Doc, rect: { x: number; y: number; w: number; h: number }, serverNow: number, origin: TxOrigin): void {
  if (![rect.x, rect.y, rect.w, rect.h].every(Number.isFinite) || rect.w <= 0 || rect.h <= 0) throw modelError('nothingToShow');
  set(doc, FACILITATION.summon, { at: serverNow, kind: 'view', rect: { ...rect } }, origin);
}

/**
 * "Bring everyone to this task": every screen frames the current task's areas for its own size.
 * Written with `kind: 'task'`, the task's id and the frame's `rect`: a screen that does not know the
 * kind `task` reads it as a `view` summon with that rect, so it shows the same frame. Throws `nothingToShow` when the task has no areas.
 */
export function summonToTask(doc: Y.Doc, serverNow: number, origin: TxOrigin): void {
  const areas = Object.fromEntries(listAreas(doc).map((a) => [a.id, a]));
  const frame = taskFrame(readFacilitation(doc).agenda, areas);
  if (!frame) throw modelError('nothingToShow');
  set(doc, FACILITATION.summon, { at: serverNow, kind: 'task', rect: { ...frame.rect }, step: frame.stepId }, origin);
}

/** "Go to your table": every device shows its own table's area for the current seating. */
export function summonToTables(doc: Y.Doc, serverNow: number, origin: TxOrigin): void {
  set(doc, FACILITATION.summon, { at: serverNow, kind: 'tables', rect: null }, origin);
}

/** Starts or ends private writing (ending it is the reveal). */
export function setPrivateWriting(doc: Y.Doc, on: boolean, serverNow: number, origin: TxOrigin): void {
  set(doc, FACILITATION.privateWriting, { on, since: serverNow }, origin);
}

/** What the projector shows: the facilitator's view, or the whole board. */
export function setProjectorMode(doc: Y.Doc, mode: ProjectorMode, origin: TxOrigin): void {
  set(doc, FACILITATION.projector, mode === 'board' ? 'board' : 'follow', origin);
}

/** Switches the whole room between stakeholder tables and mixed tables. */
export function setSeating(doc: Y.Doc, seating: Seating, origin: TxOrigin): void {
  set(doc, FACILITATION.seating, seating === 'mixed' ? 'mixed' : 'stakeholder', origin);
}

/** Seats a participant (device) at a table of one kind, or unseats them with `null`. */
export function assignSeat(doc: Y.Doc, participantId: string, kind: Seating, areaId: string | null, origin: TxOrigin): void {
  if (areaId !== null && !areasMap(doc).has(areaId)) throw modelError('tableGone');
  const seats = seatsMap(doc);
  const current = seats.get(participantId);
  const seat = { ...(typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : {}) };
  if (areaId === null) delete seat[kind];
  else seat[kind] = areaId;
  doc.transact(() => seats.set(participantId, seat), origin);
}

/** Takes a participant's raised hand (the queue moves on); a hand they raise later shows again. */
export function markHandDone(doc: Y.Doc, participantId: string, serverNow: number, origin: TxOrigin): void {
  const done = readFacilitation(doc).handsDone;
  set(doc, FACILITATION.handsDone, { ...done, [participantId]: serverNow }, origin);
}

/** Calls "Ready?" to every table (a new call: answers to an earlier one no longer count); returns its id. */
export function callReady(doc: Y.Doc, serverNow: number, origin: TxOrigin): string {
  const id = newRecordId();
  set(doc, FACILITATION.readyCall, { id, at: serverNow }, origin);
  return id;
}

/** Ends the "Ready?" call: the prompt goes away on every tablet. */
export function endReadyCall(doc: Y.Doc, origin: TxOrigin): void {
  set(doc, FACILITATION.readyCall, null, origin);
}

/** Whether the projector shows the tables' progress instead of the board. */
export function setProjectorProgress(doc: Y.Doc, on: boolean, origin: TxOrigin): void {
  set(doc, FACILITATION.projectorProgress, on === true, origin);
}

/** Top-left corner for new areas: below everything on the board (or the origin of an empty one). */
function freeCorner(doc: Y.Doc): { x: number; y: number } {
  const boxes = [...listAreas(doc), ...listNotes(doc)];
  if (boxes.length === 0) return { x: 0, y: 0 };
  return { x: Math.min(...boxes.map((b) => b.x)), y: Math.max(...boxes.map((b) => b.y + b.h)) + 600 };
}

/** Sets which tools participants may use: notes only, notes and votes, or everything (the server enforces it). */
export function setParticipantTools(doc: Y.Doc, tools: ParticipantTools, origin: TxOrigin): void {
  set(doc, FACILITATION.participantTools, toParticipantTools(tools), origin);
}

/**
 * Changes the crowd settings: the number of people above which the board is a crowd (each screen
 * then gets only the presence it draws, the rest as head counts) and whether cursors show at all.
 */
export function setCrowdPresence(doc: Y.Doc, change: Partial<CrowdSettings>, origin: TxOrigin): void {
  if (change.threshold !== undefined && !isCrowdThreshold(change.threshold)) {
    throw modelError('invalidInput', { detail: 'threshold: a whole number of people from 1 to 10000' });
  }
  const crowd = { ...readFacilitation(doc).crowd, ...change };
  set(doc, FACILITATION.crowd, { threshold: crowd.threshold, cursors: crowd.cursors }, origin);
}

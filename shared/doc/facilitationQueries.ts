/**
 * Typed reads of the facilitator's frame (`facilitation` root) and the seating (`seats` root).
 *
 * Why: as everywhere, reads never trust the stored shape: a missing or mistyped value reads as its
 * default (an unlocked board, a stopped timer), so a stray value from another tool cannot crash a
 * screen or lock a room.
 */
import * as Y from 'yjs';
import {
  DEFAULT_FACILITATION,
  STOPPED_TIMER,
  type AgendaState,
  type Facilitation,
  type Summon,
  type Timer,
} from '../model/facilitation.ts';
import { toParticipantTools } from '../model/participantTools.ts';
import { toCrowdSettings, type CrowdSettings } from '../model/crowd.ts';
import { agendaSteps } from '../templates/agenda.ts';
import { FACILITATION, facilitationMap, seatsMap } from './roots.ts';

/** The facilitator's frame as plain values. */
export function readFacilitation(doc: Y.Doc): Facilitation {
  const m = facilitationMap(doc);
  const projector = m.get(FACILITATION.projector);
  const seating = m.get(FACILITATION.seating);
  return {
    boardLocked: m.get(FACILITATION.boardLocked) === true,
    agenda: toAgenda(m.get(FACILITATION.agenda)),
    timer: toTimer(m.get(FACILITATION.timer)),
    summon: toSummon(m.get(FACILITATION.summon)),
    privateWriting: toPrivate(m.get(FACILITATION.privateWriting)),
    projector: projector === 'board' ? 'board' : 'follow',
    seating: seating === 'mixed' ? 'mixed' : 'stakeholder',
    handsDone: toHandsDone(m.get(FACILITATION.handsDone)),
    readyCall: toReadyCall(m.get(FACILITATION.readyCall)),
    projectorProgress: m.get(FACILITATION.projectorProgress) === true,
    participantTools: toParticipantTools(m.get(FACILITATION.participantTools)),
    crowd: toCrowdSettings(m.get(FACILITATION.crowd)),
  };
}

/** Whether the whole board is locked for participants (read straight from the document). */
export function isBoardLocked(doc: Y.Doc): boolean {
  return facilitationMap(doc).get(FACILITATION.boardLocked) === true;
}

/** Seat assignments: participant id -> the areas of their tables. */
export type Seats = Record<string, { stakeholder?: string; mixed?: string }>;

/** Every participant's assigned tables. */
export function readSeats(doc: Y.Doc): Seats {
  const out: Seats = {};
  seatsMap(doc).forEach((value, id) => {
    if (!isObject(value)) return;
    const seat: { stakeholder?: string; mixed?: string } = {};
    if (typeof value.stakeholder === 'string') seat.stakeholder = value.stakeholder;
    if (typeof value.mixed === 'string') seat.mixed = value.mixed;
    out[id] = seat;
  });
  return out;
}

function toAgenda(v: unknown): AgendaState {
  if (!isObject(v)) return DEFAULT_FACILITATION.agenda;
  const template = v.template === 'futureSearch' || v.template === 'blank' ? v.template : null;
  const areas: Record<string, string[]> = {};
  if (isObject(v.areas)) {
    for (const [step, ids] of Object.entries(v.areas)) {
      if (Array.isArray(ids)) areas[step] = ids.filter((x): x is string => typeof x === 'string');
    }
  }
  // A task past the agenda's last (written by another tool) reads as the last, the same on every screen and in the report.
  const last = agendaSteps(template).length - 1;
  return { template, step: Math.max(0, Math.min(last < 0 ? Infinity : last, Math.floor(num(v.step, 0)))), areas, stepStartedAt: num(v.stepStartedAt, 0) };
}

function toReadyCall(v: unknown): Facilitation['readyCall'] {
  return isObject(v) && typeof v.id === 'string' && v.id && typeof v.at === 'number' && Number.isFinite(v.at) ? { id: v.id, at: v.at } : null;
}

function toTimer(v: unknown): Timer {
  if (!isObject(v)) return STOPPED_TIMER;
  const state = v.state === 'running' || v.state === 'paused' ? v.state : 'stopped';
  const endsAt = num(v.endsAt, NaN);
  const remaining = num(v.remainingMs, NaN);
  if (state === 'running' && !Number.isFinite(endsAt)) return STOPPED_TIMER;
  if (state === 'paused' && !Number.isFinite(remaining)) return STOPPED_TIMER;
  return {
    state,
    durationMs: Math.max(0, num(v.durationMs, 0)),
    endsAt: state === 'running' ? endsAt : null,
    remainingMs: state === 'paused' ? Math.max(0, remaining) : null,
  };
}

function toSummon(v: unknown): Summon | null {
  if (!isObject(v) || typeof v.at !== 'number') return null;
  const kind = v.kind === 'tables' ? 'tables' : v.kind === 'task' ? 'task' : 'view';
  const r = v.rect;
  const rect =
    isObject(r) && [r.x, r.y, r.w, r.h].every((n) => typeof n === 'number' && Number.isFinite(n)) && (r.w as number) > 0 && (r.h as number) > 0
      ? { x: r.x as number, y: r.y as number, w: r.w as number, h: r.h as number }
      : null;
  if (kind !== 'tables' && !rect) return null;
  if (kind === 'task') return { at: v.at, kind, rect, step: typeof v.step === 'string' ? v.step : '' };
  return { at: v.at, kind, rect };
}

function toHandsDone(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (isObject(v)) for (const [id, at] of Object.entries(v)) if (typeof at === 'number' && Number.isFinite(at)) out[id] = at;
  return out;
}

function toPrivate(v: unknown): Facilitation['privateWriting'] {
  if (!isObject(v)) return DEFAULT_FACILITATION.privateWriting;
  return { on: v.on === true, since: num(v.since, 0) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Y.AbstractType);
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The crowd settings alone (read often by the server, without the rest of the frame). */
export function readCrowdSettings(doc: Y.Doc): CrowdSettings {
  return toCrowdSettings(facilitationMap(doc).get(FACILITATION.crowd));
}

/**
 * The facilitator's frame of the day as plain values: the agenda and its current task, the timer
 * (anchored to the server's clock), board and area locks, "bring everyone here", private writing,
 * the projector's mode and the seating; with the rules derived from them.
 *
 * Why: the facilitator controls the frame and the time of the day, never its content. These values live in the
 * board document (so every screen, offline too, shows the same task and time), written only by the
 * facilitator: the server refuses anyone else's change to them.
 */
import { DEFAULT_PARTICIPANT_TOOLS, type ParticipantTools } from './participantTools.ts';
import { DEFAULT_CROWD, type CrowdSettings } from './crowd.ts';

export type TemplateId = 'futureSearch' | 'blank';

/** The agenda in use, where the room is in it, and the areas the template laid out per task. */
export interface AgendaState {
  readonly template: TemplateId | null;
  /** Index of the current task in the template's steps. */
  readonly step: number;
  /** Area ids the template made, per task id (to bring everyone to a task's areas). */
  readonly areas: Readonly<Record<string, readonly string[]>>;
  /** When the current task began (server time, ms); 0 when not known (boards from before it was kept). */
  readonly stepStartedAt?: number;
}

/**
 * The countdown. Times are the server's clock (ms since the epoch): every screen computes what is
 * left from the same `endsAt`, whatever its own clock says.
 */
export interface Timer {
  readonly state: 'running' | 'paused' | 'stopped';
  /** The length it was set to, ms. */
  readonly durationMs: number;
  /** When it ends (server time), while running. */
  readonly endsAt: number | null;
  /** What was left when it was paused, ms. */
  readonly remainingMs: number | null;
}

/** A "bring everyone here" (or "go to your tables"): each screen moves once per new `at`. */
export interface Summon {
  /** When it was given (server time): screens act on a summon newer than the last they acted on. */
  readonly at: number;
  /**
   * `view`: show the rectangle; `tables`: each device goes to its own table's area; `task`: each
   * device frames the current task's areas for its own screen (`rect` is that frame when it was given,
   * so a screen that knows only `view` shows the same rectangle).
   */
  readonly kind: 'view' | 'tables' | 'task';
  /** The board rectangle to show (for `view` and `task`). */
  readonly rect: { readonly x: number; readonly y: number; readonly w: number; readonly h: number } | null;
  /** For `task`: the id of the task it was given for. */
  readonly step?: string;
}

export type ProjectorMode = 'follow' | 'board';
export type Seating = 'stakeholder' | 'mixed';

/** Everything in the `facilitation` root, with defaults for what is not set. */
export interface Facilitation {
  readonly boardLocked: boolean;
  readonly agenda: AgendaState;
  readonly timer: Timer;
  readonly summon: Summon | null;
  /** Private writing: while `on`, notes made since `since` (server time) show only to their authors. */
  readonly privateWriting: { readonly on: boolean; readonly since: number };
  readonly projector: ProjectorMode;
  readonly seating: Seating;
  /** Per participant id: hands raised up to this server time have been taken. */
  readonly handsDone: Readonly<Record<string, number>>;
  /** Crowd presence: from how many people the board is a crowd, and whether cursors show. */
  readonly crowd: CrowdSettings;
  /** Which tools participants may use (see participantTools.ts); `everything` when not set. */
  readonly participantTools: ParticipantTools;
  /** The facilitator's open "Ready?" call, or null: tables answer it in their people's entries. */
  readonly readyCall: ReadyCall | null;
  /** Whether the projector shows the tables' progress instead of the board. */
  readonly projectorProgress: boolean;
}

/** A "Ready?" call: a person's answer counts only for the call with this id. */
export interface ReadyCall {
  readonly id: string;
  /** When it was called (server time, ms). */
  readonly at: number;
}

export const STOPPED_TIMER: Timer = { state: 'stopped', durationMs: 0, endsAt: null, remainingMs: null };

export const DEFAULT_FACILITATION: Facilitation = {
  boardLocked: false,
  agenda: { template: null, step: 0, areas: {}, stepStartedAt: 0 },
  timer: STOPPED_TIMER,
  summon: null,
  privateWriting: { on: false, since: 0 },
  projector: 'follow',
  seating: 'stakeholder',
  handsDone: {},
  readyCall: null,
  projectorProgress: false,
  participantTools: DEFAULT_PARTICIPANT_TOOLS,
  crowd: DEFAULT_CROWD,
};

/** Longest timer, ms (a long afternoon session). */
export const MAX_TIMER_MS = 4 * 60 * 60 * 1000;

/** What is left on the timer at server time `now`, ms (0 when stopped or run out). */
export function timerRemaining(timer: Timer, now: number): number {
  if (timer.state === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
  if (timer.state === 'paused' && timer.remainingMs !== null) return Math.max(0, timer.remainingMs);
  return 0;
}

/** `m:ss` (or `h:mm:ss`) for a number of ms, rounded up to the second (so 0:00 means done). */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Whether a note is hidden from `viewer` by private writing (its content shows only to its author). */
export function isPrivateFrom(
  note: { authorId: string; createdAt: number },
  viewer: { id: string; role: string },
  privateWriting: Facilitation['privateWriting'],
): boolean {
  return privateWriting.on && note.createdAt >= privateWriting.since && note.authorId !== viewer.id && viewer.role !== 'facilitator';
}

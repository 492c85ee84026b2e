/**
 * The JSON API's bodies: what the client sends and what the server answers on each route, and the
 * error body every failed request gets.
 *
 * Why: the server writes these and the client reads them; one definition keeps both sides in step,
 * so a renamed field fails the type check instead of a tablet on the day. Types only, plus the one
 * reading of the error body.
 */
import type { CreateBoardBody } from '../model/records.ts';
import type { Role } from './token.ts';

/** The body of `POST /api/boards` (validated by `createBoardBodySchema`). */
export type NewBoardRequest = CreateBoardBody;

/** A board's three links, one per role, each with its token in the URL fragment. */
export type BoardLinks = Record<Role, string>;

/**
 * The answer of `POST /api/boards` (201), and of the restores that make a new board
 * (`POST /api/boards/restore`, `POST /api/boards/<id>/history/<snapshot>/restore`).
 */
export interface CreatedBoard {
  readonly id: string;
  readonly title: string;
  readonly links: BoardLinks;
}

/** The answer of `GET /api/boards/<id>`: what a device checks before merging its copy. */
export interface BoardInfo {
  readonly id: string;
  readonly title: string;
  /** The board's incarnation: a restored board has a new one. */
  readonly epoch: string;
  readonly schemaVersion: number;
  /** The role of the token that asked. */
  readonly role: Role;
  /** The short join code (`/j/<code>`) of the current participant link, as the projector shows it. */
  readonly joinCode: string;
}

/** The answer of `GET /api/boards/<id>/links` (facilitator only). */
export interface LinksAnswer {
  readonly links: BoardLinks;
}

/** The answer of `POST /api/boards/<id>/links/<participant|projector>/rotate`. */
export interface RotatedLink {
  readonly role: 'participant' | 'projector';
  /** The role's new link; the old one no longer opens the board. */
  readonly link: string;
  /** How many sockets opened with the old link were closed. */
  readonly closed: number;
}

/** The answer of `GET /api/boards/<id>/connections`: open sockets per role. */
export interface ConnectionsAnswer {
  readonly connections: Record<Role, number>;
}

/** The answer of `GET /api/boards/<id>/join`: the short join URL of the current participant link. */
export interface JoinCodeAnswer {
  readonly code: string;
  /** `<base>/j/<code>`, which redirects to the participant link. */
  readonly url: string;
}

/** One kept state of a board, as the history lists it. */
export interface HistorySnapshot {
  readonly id: number;
  readonly takenAt: number;
  /** Why it was taken: `schedule`, `agenda`, `unload`, `before-restore`. */
  readonly reason: string;
  readonly bytes: number;
}

/** The answer of `GET /api/boards/<id>/history`: the kept snapshots, oldest first. */
export interface HistoryAnswer {
  readonly snapshots: readonly HistorySnapshot[];
}

/** The answer of `GET /api/time`: the server's clock, ms since 1970. */
export interface ServerTimeAnswer {
  readonly now: number;
}

/** The body of every failed API request: what went wrong and what to do, in a sentence. */
export interface ApiErrorBody {
  readonly error: string;
}

/** The server's message in a failed request's body, if the body is an `ApiErrorBody`. */
export function apiErrorMessage(body: unknown): string | undefined {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return typeof error === 'string' ? error : undefined;
}

/**
 * The control channel: short messages from one server to all the others over Redis pub/sub, such
 * as "the participant link of board X was rotated to key version 3" or "server Y stopped".
 *
 * Why: a rotated link must close the old link's sockets on whichever server owns the board, at once.
 * Redis pub/sub delivers each message at most once: a server that is disconnected from Redis at that
 * moment never sees it. So a message only makes things faster, never safe: an owner also re-reads the
 * board's key versions from storage each time it renews its lease and closes what they revoke
 * (`closeRevokedSockets`), so a lost message leaves a revoked socket open for at most one lease.
 * A message's sender does not receive its own message: it acts on what it did itself.
 */
import type { Redis } from 'ioredis';
import type { Role } from '../../shared/protocol/token.ts';
import type { Logger } from '../log.ts';
import type { RedisLink } from './redisLink.ts';

/** The Redis channel every server listens on. */
export const CONTROL_CHANNEL = 'olifant:control';

/** Each kind of message and what it carries. */
export interface ControlMessages {
  /** A board's link for `role` was rotated: sockets opened with a key older than `keyVersion` must close. */
  linkRotated: { readonly boardId: string; readonly role: Role; readonly keyVersion: number };
  /** Server `nodeId` stopped cleanly: its boards may be taken over now. */
  nodeGone: { readonly nodeId: string };
}

/** A kind of control message. */
export type ControlKind = keyof ControlMessages;

const ROLE_NAMES: readonly string[] = ['facilitator', 'participant', 'projector'];

/** Whether `payload`, read from Redis, has the shape of a `kind` message (anyone with Redis may publish). */
function wellFormed(kind: string, payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  const p = payload as Record<string, unknown>;
  if (kind === 'linkRotated') {
    return typeof p.boardId === 'string' && typeof p.role === 'string' && ROLE_NAMES.includes(p.role) && Number.isInteger(p.keyVersion);
  }
  if (kind === 'nodeGone') return typeof p.nodeId === 'string';
  return false;
}

type Handler = (payload: never, from: string) => void;

/** Publishes control messages and hands the others' messages to the handlers of their kind. */
export class ControlChannel {
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly subscribed: Promise<unknown>;

  constructor(
    private readonly link: RedisLink,
    private readonly nodeId: string,
    private readonly log: Logger,
  ) {
    const sub: Redis = link.subscriber;
    sub.on('message', (channel: string, text: string) => {
      if (channel === CONTROL_CHANNEL) this.deliver(text);
    });
    this.subscribed = sub.subscribe(CONTROL_CHANNEL).catch((err: Error) => {
      this.log.warn({ module: 'control', err: { message: err.message } }, '[control] could not subscribe yet; it will when Redis is back');
    });
  }

  /** Resolves once the first subscription was asked for (answered, or failed and left to the reconnect). */
  ready(): Promise<unknown> {
    return this.subscribed;
  }

  /** Sends a message to every other server; false when Redis could not take it (nobody will get it). */
  async publish<K extends ControlKind>(kind: K, payload: ControlMessages[K]): Promise<boolean> {
    const text = JSON.stringify({ kind, from: this.nodeId, payload });
    const receivers = await this.link.attempt('publish', (r) => r.publish(CONTROL_CHANNEL, text));
    return receivers !== undefined;
  }

  /** Calls `handler` with each `kind` message from another server; returns the way to stop. */
  on<K extends ControlKind>(kind: K, handler: (payload: ControlMessages[K], from: string) => void): () => void {
    let set = this.handlers.get(kind);
    if (!set) this.handlers.set(kind, (set = new Set()));
    set.add(handler as Handler);
    return () => set.delete(handler as Handler);
  }

  private deliver(text: string): void {
    let message: { kind?: unknown; from?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      this.log.warn({ module: 'control' }, '[control] dropped a message that is not JSON');
      return;
    }
    const { kind, from, payload } = message;
    if (typeof kind !== 'string' || typeof from !== 'string' || !wellFormed(kind, payload)) {
      this.log.warn({ module: 'control', kind: String(kind) }, '[control] dropped a malformed message');
      return;
    }
    if (from === this.nodeId) return;
    for (const handler of this.handlers.get(kind) ?? []) {
      try {
        handler(payload as never, from);
      } catch (err) {
        this.log.error({ module: 'control', kind, err }, '[control] a handler failed');
      }
    }
  }
}

/** A board's current link key versions, as storage holds them. */
export type KeyVersions = { readonly [R in Role]: number };

/**
 * Closes a board's sockets opened with a revoked key: for each role, those older than the version
 * storage holds now. What an owner runs on each lease renewal (and for each `linkRotated` message),
 * so a lost message cannot leave a revoked socket open. Returns how many were closed.
 */
export function closeRevokedSockets(
  boardId: string,
  current: KeyVersions,
  closeRevoked: (boardId: string, role: Role, keyVersion: number) => number,
): number {
  let closed = 0;
  for (const role of ROLE_NAMES as Role[]) closed += closeRevoked(boardId, role, current[role]);
  return closed;
}

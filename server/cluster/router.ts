/**
 * Where a board's socket is served: here (this process owns the board, or now takes it), or at the
 * owner, through a tunnel.
 *
 * Why: a client may reach any process. The board's lease in PostgreSQL names its owner; a free or
 * expired lease is taken by the process the client reached. An owner that is gone (its heartbeat in
 * Redis ran out, or it said it stopped) is not waited for until its lease runs out: its board is taken
 * over at once, which is safe because the new lease number fences anything the old owner might still
 * write. Without Redis, nobody is known to be gone, and a dead owner's boards move when their leases
 * expire. A socket that already came through a tunnel is never tunnelled again (no loops between two
 * processes that disagree for a moment): it is served here or refused with a "try again".
 */
import type { Heartbeats } from './heartbeats.ts';
import type { LeaseKeeper } from './leases.ts';
import type { RedisLink } from './redisLink.ts';

export type Route =
  | { readonly kind: 'here'; readonly fence: number }
  | { readonly kind: 'tunnel'; readonly nodeId: string; readonly nodeUrl: string }
  | { readonly kind: 'retry'; readonly reason: string };

export interface RouterOptions {
  readonly nodeId: string;
  readonly leases: LeaseKeeper;
  /** Redis heartbeats: who is alive (absent or down: nobody is known to be gone). */
  readonly heartbeats?: Heartbeats;
  readonly link?: RedisLink;
}

/** Decides, per upgrade, where a board's socket is served. */
export class BoardRouter {
  constructor(private readonly opts: RouterOptions) {}

  /** Where to serve a socket for `boardId`; `tunnelled`: it came from another process already. */
  async route(boardId: string, tunnelled: boolean): Promise<Route> {
    const { leases } = this.opts;
    let owned = await leases.acquire(boardId);
    if (owned.kind === 'elsewhere' && (await this.knownGone(owned.nodeId))) owned = await leases.acquire(boardId, owned.nodeId);
    if (owned.kind === 'ours') return { kind: 'here', fence: owned.fence };
    if (tunnelled) return { kind: 'retry', reason: `board ${boardId} is moving between servers` };
    return { kind: 'tunnel', nodeId: owned.nodeId, nodeUrl: owned.nodeUrl };
  }

  /**
   * Whether `nodeId` is surely gone: Redis answers, and neither the last reading of the heartbeats
   * nor a fresh one lists it (the fresh one covers a process that started since the last reading).
   */
  async knownGone(nodeId: string): Promise<boolean> {
    const { heartbeats, link } = this.opts;
    if (!heartbeats || !link || link.status() !== 'ok' || nodeId === this.opts.nodeId) return false;
    if (heartbeats.isAlive(nodeId)) return false;
    await heartbeats.beat();
    return link.status() === 'ok' && !heartbeats.isAlive(nodeId) && heartbeats.isAlive(this.opts.nodeId);
  }
}

/**
 * The boards this process owns, and the leases that prove it: taken when a board is loaded, renewed
 * together on a timer, given up when the board is unloaded or the process stops.
 *
 * Why: a board is served by one process at a time. Its lease row in PostgreSQL says which, until when
 * (on the database's clock), and under which lease number; every append and compaction carries that
 * number, so a process that lost the lease writes nothing. This keeper is the process's side of it:
 * it stops serving a board *before* its lease can have expired (the local deadline is counted from
 * when a renewal was asked, which is never later than the database's `now()` for it), and tells the
 * room to close its sockets (1012) so clients reconnect to whoever takes the board over.
 */
import type { Logger } from '../log.ts';
import type { BoardRecord, LeaseStore } from '../persistence/store.ts';

/** What the keeper needs from the store (PostgreSQL's lease table). */
export type LeaseBackend = Pick<LeaseStore, 'takeLease' | 'takeLeaseFrom' | 'renewLeases' | 'releaseLease'>;

/** How this process stands to a board. */
export type Ownership =
  | { readonly kind: 'ours'; readonly fence: number }
  | { readonly kind: 'elsewhere'; readonly nodeId: string; readonly nodeUrl: string };

interface Held {
  readonly fence: number;
  /** Local (monotonic) time by which this process must have stopped serving the board. */
  deadline: number;
}

export interface LeaseKeeperOptions {
  readonly backend: LeaseBackend;
  readonly nodeId: string;
  readonly nodeUrl: string;
  /** OLIFANT_LEASE_MS. */
  readonly leaseMs: number;
  readonly log: Logger;
  /** The lease of a board was lost or could not be renewed in time: stop serving it now. */
  readonly onLost: (boardId: string) => void;
  /** After each renewal, the key versions of the boards still owned (to close revoked links). */
  readonly onKeyVersions?: (boardId: string, versions: BoardRecord['keyVersions']) => void;
  /** The number of boards owned changed (for the metrics). */
  readonly onCount?: (owned: number) => void;
  /** Every renewal round, for the metrics (`ok`: the round reached the database). */
  readonly onRenewal?: (ok: boolean) => void;
}

const now = () => performance.now();

/** Takes, renews and gives up this process's board leases. */
export class LeaseKeeper {
  private readonly held = new Map<string, Held>();
  /** Leases being asked for: sockets that open at once share the one ask (two asks would fence each other). */
  private readonly asking = new Map<string, Promise<Ownership>>();
  private readonly timer: NodeJS.Timeout;
  private readonly deadlines: NodeJS.Timeout;
  private renewing = false;

  constructor(private readonly opts: LeaseKeeperOptions) {
    // Three renewals per lease: one can fail (a slow query, a failover) and the next still be in time.
    this.timer = setInterval(() => void this.renew(), Math.max(100, Math.floor(opts.leaseMs / 3)));
    this.timer.unref();
    // Deadlines are checked more often than renewals, so a board stops within a tenth of a lease.
    this.deadlines = setInterval(() => this.expireOverdue(), Math.max(50, Math.floor(opts.leaseMs / 10)));
    this.deadlines.unref();
  }

  /** Number of boards owned. */
  get size(): number {
    return this.held.size;
  }

  /** The lease number of a board this process owns, or undefined. */
  fenceOf(boardId: string): number | undefined {
    return this.held.get(boardId)?.fence;
  }

  /**
   * Makes this process the board's owner if nobody else is (or the owner is `deadOwner`, which
   * another sign says is gone), or says who owns it.
   */
  acquire(boardId: string, deadOwner?: string): Promise<Ownership> {
    const mine = this.held.get(boardId);
    if (mine) return Promise.resolve({ kind: 'ours', fence: mine.fence });
    let asking = this.asking.get(boardId);
    if (!asking) {
      asking = this.take(boardId, deadOwner).finally(() => this.asking.delete(boardId));
      this.asking.set(boardId, asking);
    }
    return asking;
  }

  private async take(boardId: string, deadOwner: string | undefined): Promise<Ownership> {
    const asked = now();
    const { backend, nodeId, nodeUrl, leaseMs } = this.opts;
    const taken = deadOwner
      ? await backend.takeLeaseFrom(boardId, deadOwner, nodeId, nodeUrl, leaseMs)
      : await backend.takeLease(boardId, nodeId, nodeUrl, leaseMs);
    if (!taken.taken) return { kind: 'elsewhere', nodeId: taken.owner.nodeId, nodeUrl: taken.owner.nodeUrl };
    this.held.set(boardId, { fence: taken.fence, deadline: asked + this.safeMs() });
    this.opts.onCount?.(this.held.size);
    return { kind: 'ours', fence: taken.fence };
  }

  /** Gives up a board's lease (the board was unloaded); errors are logged, the lease then just expires. */
  async release(boardId: string): Promise<void> {
    const mine = this.held.get(boardId);
    if (!mine) return;
    this.held.delete(boardId);
    this.opts.onCount?.(this.held.size);
    try {
      await this.opts.backend.releaseLease(boardId, mine.fence);
    } catch (err) {
      this.opts.log.warn({ err, board: boardId }, '[leases] could not give up a lease; it expires on its own');
    }
  }

  /** At shutdown: gives up every lease, so other processes take the boards over at once. */
  async releaseAll(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.deadlines);
    await Promise.all([...this.held.keys()].map((id) => this.release(id)));
  }

  /** How long after asking a renewal this process may still serve: the lease less a margin for clock drift. */
  private safeMs(): number {
    return this.opts.leaseMs * 0.8;
  }

  private async renew(): Promise<void> {
    if (this.renewing) return;
    this.renewing = true;
    const asked = now();
    const fences = new Map([...this.held].map(([id, h]) => [id, h.fence]));
    try {
      if (fences.size > 0) {
        const kept = await this.opts.backend.renewLeases(fences, this.opts.leaseMs);
        for (const [id, fence] of fences) {
          const mine = this.held.get(id);
          if (!mine || mine.fence !== fence) continue;
          const versions = kept.get(id);
          if (!versions) {
            this.lose(id, 'taken over');
            continue;
          }
          mine.deadline = asked + this.safeMs();
          this.opts.onKeyVersions?.(id, versions);
        }
      }
      this.opts.onRenewal?.(true);
    } catch (err) {
      this.opts.onRenewal?.(false);
      this.opts.log.warn({ err, boards: fences.size }, '[leases] could not renew leases');
    } finally {
      this.renewing = false;
    }
    this.expireOverdue();
  }

  /** Stops serving every board whose lease may run out before the next renewal can confirm it. */
  private expireOverdue(): void {
    const t = now();
    for (const [id, h] of this.held) if (t >= h.deadline) this.lose(id, 'not renewed in time');
  }

  private lose(boardId: string, why: string): void {
    this.held.delete(boardId);
    this.opts.onCount?.(this.held.size);
    this.opts.log.warn({ board: boardId, why }, '[leases] lease lost; board closed here');
    this.opts.onLost(boardId);
  }
}

/**
 * The storing side of a room's turns: what a turn applied is written in one `appendUpdates` (fenced by
 * the board's lease), and only once it resolves is it broadcast and followed by what a change brings:
 * a compaction when the log budget says so (at most once per interval), a resync asked of participants
 * when a lock lifts, a snapshot at a new agenda task. Compaction and snapshots asked for from outside
 * run here too, between turns.
 *
 * Why: persist first, then broadcast, is the heart of the durability promise: a kill -9 never loses
 * what another client has seen. Keeping the write, the broadcast and the bookkeeping of the log
 * (sequence number, budget, snapshots) in one place makes that order readable at a glance. A write or
 * a compaction that fails is handed to the room (`fail`), which closes the board's sockets.
 */
import type * as Y from 'yjs';
import { isBoardLocked } from '../../shared/index.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { BoardStore, ClientWriters, Fence } from '../persistence/store.ts';
import { UpdateBatch } from './broadcast.ts';
import type { Connection } from './connection.ts';
import { agendaKeyOf, keepSnapshot } from './history.ts';
import { compactBoard, LogBudget, type StoredSizes } from './logBudget.ts';
import { syncStep1Message } from './messages.ts';

/** What the storing side needs of its room. */
export interface WritesContext {
  readonly boardId: string;
  readonly doc: Y.Doc;
  /** The room's open connections (the broadcast's receivers). */
  readonly conns: ReadonlySet<Connection>;
  readonly store: BoardStore;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** Compact the log after this many appended updates. */
  readonly compactEvery: number;
  /** Shortest time between two compactions (and from the load to the first), ms; 0: as soon as due. */
  readonly compactMinIntervalMs: number;
  /** Runs `fn` between turns (see Room.run). */
  run(fn: () => Promise<void>): Promise<void>;
  /** The board's lease number now (see Room.fence). */
  fence(): Fence;
  /** Whether the room is broken (a write failed; it writes nothing more). */
  isBroken(): boolean;
  /** Whether the room was destroyed. */
  isDestroyed(): boolean;
  /** Storage failed, or another process took the board over: the room must close its sockets. */
  fail(err: unknown): void;
  /** Client ID bindings made since the last write (stored with its updates), if any. */
  takeBindings(): ClientWriters | undefined;
}

/** Writes, broadcasts and keeps the log of one room (see above). */
export class RoomWrites {
  /** What was appended since the last compaction, and when to compact. */
  private readonly logBudget: LogBudget;
  /** Stored updates, broadcast merged per turn of the event loop (per window in a large room). */
  private readonly updateBatch: UpdateBatch<Connection>;
  /** Updates applied in this turn and not yet written, with the connection each came from. */
  private applied: { update: Uint8Array; origin: Connection | undefined }[] = [];
  /** Whether the board was locked after the last update (to notice the lift). */
  private locked: boolean;
  /** Whether the board changed since its last snapshot. */
  private changedSinceSnapshot = false;
  /** The agenda task the board was at (a new task is a moment to keep). */
  private agendaKey: string;
  /** A due compaction waiting for the end of its interval. */
  private deferredCompaction: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: WritesContext,
    /** Sequence number of the last update already in the store. */
    private lastSeq: number,
    /** What the store holds for the board. */
    stored?: StoredSizes,
  ) {
    this.logBudget = new LogBudget(ctx.compactEvery, stored, ctx.compactMinIntervalMs);
    this.locked = isBoardLocked(ctx.doc);
    this.agendaKey = agendaKeyOf(ctx.doc);
    const broadcastFailed = (err: unknown) => ctx.log.error({ err, board: ctx.boardId }, '[room] broadcast failed');
    this.updateBatch = new UpdateBatch<Connection>((message, except) => ctx.conns.forEach((c) => c !== except && c.send(message)), () => ctx.conns.size, broadcastFailed);
  }

  /** Notes an update the turn applied (from `origin`, if a client sent it); written at the end of the turn. */
  collect(update: Uint8Array, origin: Connection | undefined): void {
    this.applied.push({ update, origin });
  }

  /**
   * Writes what the turn applied in one append; once stored, broadcasts it and does what follows a
   * change. Resolves to false when the write failed (the room is broken).
   */
  async write(): Promise<boolean> {
    const { ctx } = this;
    const applied = this.applied;
    this.applied = [];
    if (ctx.isBroken()) return false;
    const bindings = ctx.takeBindings();
    if (applied.length === 0 && !bindings) return true;
    const started = performance.now();
    try {
      const seq = await ctx.store.appendUpdates(ctx.boardId, applied.map((a) => a.update), ctx.fence(), bindings);
      if (applied.length > 0) this.lastSeq = seq;
    } catch (err) {
      ctx.fail(err);
      return false;
    }
    if (ctx.isBroken() || ctx.isDestroyed()) return false;
    if (applied.length === 0) return true;
    ctx.metrics.persistWrite.observe({ op: 'append' }, (performance.now() - started) / 1000);
    let compact = false;
    for (const { update, origin } of applied) {
      this.updateBatch.add(update, origin);
      if (this.logBudget.appended(update.byteLength)) compact = true;
    }
    if (compact) await this.compactWhenAllowed();
    const locked = isBoardLocked(ctx.doc);
    if (this.locked && !locked) this.askParticipantsToResync();
    this.locked = locked;
    this.changedSinceSnapshot = true;
    const agenda = agendaKeyOf(ctx.doc);
    if (agenda !== this.agendaKey) {
      this.agendaKey = agenda;
      await this.snapshot('agenda');
    }
    return !ctx.isBroken();
  }

  /** Keeps the board's state as it is now (history); with `onlyIfChanged`, only if it changed since. Between turns. */
  async snapshot(reason: string, onlyIfChanged = false): Promise<void> {
    const { ctx } = this;
    if (ctx.isBroken() || (onlyIfChanged && !this.changedSinceSnapshot)) return;
    this.changedSinceSnapshot = false;
    if (!(await keepSnapshot(ctx, ctx.boardId, ctx.doc, reason))) this.changedSinceSnapshot = true;
  }

  /** Writes the whole document as the board's state and drops the log it replaces, if due. Between turns. */
  async compact(): Promise<void> {
    const { ctx } = this;
    if (ctx.isBroken()) return;
    try {
      await compactBoard(ctx, ctx.boardId, ctx.doc, this.lastSeq, this.logBudget, ctx.fence());
    } catch (err) {
      ctx.fail(err); // another process took the board over (other failures are only logged)
    }
  }

  /**
   * A compaction is due: runs it now if the interval since the last one is over, else once it is
   * (between turns, whether or not more updates come), covering every update appended meanwhile.
   */
  private async compactWhenAllowed(): Promise<void> {
    const wait = this.logBudget.waitMs();
    if (wait === 0) return this.compact();
    this.deferredCompaction ??= setTimeout(() => {
      this.deferredCompaction = undefined;
      this.ctx.run(async () => {
        if (this.logBudget.isDue) await this.compact();
      }).catch(() => {}); // the room stopped meanwhile: its log stays the source of truth
    }, wait);
  }

  /** Sends the updates gathered for broadcast now (e.g. before the sockets close). */
  flush(): void {
    this.updateBatch.flush();
  }

  /** Drops what is gathered for broadcast; nothing is sent afterwards. */
  destroy(): void {
    clearTimeout(this.deferredCompaction);
    this.updateBatch.destroy();
  }

  /**
   * After a lock lifts: updates refused during it are missing here, and Yjs holds back a client's
   * later updates until the gap is filled. The server's state vector (sync step 1) makes every
   * participant send what the server lacks, as at a reconnect.
   */
  private askParticipantsToResync(): void {
    const message = syncStep1Message(this.ctx.doc);
    for (const c of this.ctx.conns) if (c.role === 'participant') c.send(message);
  }
}

/**
 * The rooms a server holds in memory: load on first connection, unload after a grace period.
 *
 * Why: a day-long conference opens many boards; memory must follow the connections. A board is put
 * in the registry only after it is completely loaded and migrated, so no client is ever served a
 * half-loaded board, and a board left empty is compacted and freed after `unloadGraceMs`.
 */
import * as Y from 'yjs';
import { migrateBoard, readMeta, type BoardMeta, type Role } from '../../shared/index.ts';
import { OncePerWindow } from '../limits/budgets.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { BoardStore } from '../persistence/store.ts';
import { Room } from './room.ts';

/** How often a board may be reloaded after a failure inside Yjs, ms. */
const RELOAD_EVERY_MS = 60_000;

/** How the registry stores, counts, logs, and when it compacts, snapshots and unloads. */
export interface RegistryOptions {
  readonly store: BoardStore;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly unloadGraceMs: number;
  readonly compactEvery: number;
  /** Snapshot changed boards this often (ms); 0 turns the schedule off. */
  readonly snapshotEveryMs?: number;
  /** Most boards open for connections at once (unbounded when unset). */
  readonly maxLoadedBoards?: number;
}

/** The boards held in memory, by id. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Boards reloaded after a failure inside Yjs in the last minute (see reload). */
  private readonly reloads = new Map<string, OncePerWindow>();

  private readonly snapshotTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: RegistryOptions) {
    if (opts.snapshotEveryMs) {
      this.snapshotTimer = setInterval(() => {
        for (const room of this.rooms.values()) room.snapshot('schedule', true);
      }, opts.snapshotEveryMs);
      this.snapshotTimer.unref();
    }
  }

  /** Number of boards in memory. */
  get size(): number {
    return this.rooms.size;
  }

  /**
   * Whether a connection to `boardId` can be served now: it is loaded, or there is room for one more
   * board. At the cap, an idle board (no connections, waiting out its grace period) is compacted and
   * freed to make room; when every board is in use, the answer is no.
   */
  makeRoomFor(boardId: string): boolean {
    const max = this.opts.maxLoadedBoards ?? Number.POSITIVE_INFINITY;
    if (this.rooms.has(boardId) || this.rooms.size < max) return true;
    const idle = [...this.unloadTimers.keys()].map((id) => this.rooms.get(id)).find((room) => room && room.size === 0);
    if (!idle) return false;
    this.unload(idle);
    return true;
  }

  /** The loaded room for `boardId`, loading it from the store if needed. Throws if it cannot be loaded. */
  acquire(boardId: string): Room {
    const timer = this.unloadTimers.get(boardId);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(boardId);
    }
    const existing = this.rooms.get(boardId);
    if (existing) return existing;
    const room = this.load(boardId);
    this.rooms.set(boardId, room);
    this.opts.metrics.boardsLoaded.set(this.rooms.size);
    return room;
  }

  /** The board's meta (title, epoch, ...), loading the board if needed; an unused load is unloaded later. */
  readMeta(boardId: string): BoardMeta {
    return this.read(boardId, readMeta);
  }

  /**
   * Reads a board's document with `read`: loading it if needed (an unused load is unloaded later), or,
   * when every board the server may hold is in use, from a copy freed at once. HTTP reads (a board's
   * title, its report) must not hold more boards in memory than connections may.
   */
  read<T>(boardId: string, read: (doc: Y.Doc) => T): T {
    if (this.makeRoomFor(boardId)) return this.readLoaded(boardId, read);
    const doc = docOf(this.opts.store.loadDocument(boardId));
    try {
      migrateBoard(doc);
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  private readLoaded<T>(boardId: string, read: (doc: Y.Doc) => T): T {
    const room = this.acquire(boardId);
    try {
      return read(room.doc);
    } finally {
      if (room.size === 0) this.scheduleUnload(room);
    }
  }

  /** Keeps a snapshot of a board as it is now (loading it if needed). */
  snapshot(boardId: string, reason: string): void {
    this.readLoaded(boardId, () => this.rooms.get(boardId)?.snapshot(reason));
  }

  /** Closes a board's sockets of `role` opened with an older key (after a rotation). */
  closeRevoked(boardId: string, role: Role, keyVersion: number): number {
    return this.rooms.get(boardId)?.closeRevoked(role, keyVersion) ?? 0;
  }

  /** Open sockets per role on a board (none when it is not in memory). */
  connectionCounts(boardId: string): Record<Role, number> {
    return this.rooms.get(boardId)?.connectionCounts() ?? { facilitator: 0, participant: 0, projector: 0 };
  }

  /** The room for `boardId` if it is in memory. */
  peek(boardId: string): Room | undefined {
    return this.rooms.get(boardId);
  }

  private load(boardId: string): Room {
    const { store, log } = this.opts;
    const stored = store.loadDocument(boardId);
    const doc = docOf(stored);
    const migration = migrateBoard(doc);
    let sizes = { stateBytes: stored.state?.byteLength ?? 0, logBytes: stored.updates.reduce((n, u) => n + u.byteLength, 0), logCount: stored.updates.length };
    if (migration.applied.length > 0) {
      // Store the migrated board before any client sees it.
      const state = Y.encodeStateAsUpdate(doc);
      store.compact(boardId, state, stored.lastSeq);
      sizes = { stateBytes: state.byteLength, logBytes: 0, logCount: 0 };
      log.info({ board: boardId, ...migration }, '[registry] migrated board');
    }
    return new Room(boardId, doc, stored.lastSeq, {
      store,
      metrics: this.opts.metrics,
      log,
      compactEvery: this.opts.compactEvery,
      onEmpty: (room) => this.scheduleUnload(room),
      onBroken: (room) => this.drop(room),
      reload: (room, err) => this.reload(room, err),
    }, sizes, stored.updates.length === 0 && migration.applied.length === 0 ? stored.state ?? undefined : undefined);
  }

  /**
   * After a failure inside Yjs: loads the board afresh from its log and puts it in `room`'s place, whose
   * connections then reconnect to it (1012). Only if that load works, and at most once per board a
   * minute (a client that keeps sending what Yjs fails on must not keep disconnecting everyone);
   * otherwise `room` serves on and the update's sender alone is closed (4422).
   */
  private reload(room: Room, err: unknown): boolean {
    const { boardId } = room;
    if (this.rooms.get(boardId) !== room || !this.mayReload(boardId)) return false;
    let fresh: Room;
    try {
      fresh = this.load(boardId);
    } catch (loadErr) {
      this.opts.log.error({ err: loadErr, board: boardId }, '[registry] board could not be reloaded; it is served as it is');
      return false;
    }
    this.opts.metrics.errors.inc({ kind: 'board_reload' });
    this.opts.log.error({ err, board: boardId }, '[registry] an update failed inside Yjs; board reloaded from storage');
    this.rooms.set(boardId, fresh);
    room.retire();
    this.scheduleUnload(fresh); // unless its clients are back within the grace period
    return true;
  }

  /** Whether `boardId` was not reloaded in the last minute; if so, this reload is counted. */
  private mayReload(boardId: string): boolean {
    for (const [id, last] of this.reloads) if (last.idle) this.reloads.delete(id);
    let last = this.reloads.get(boardId);
    if (!last) this.reloads.set(boardId, (last = new OncePerWindow(RELOAD_EVERY_MS)));
    return last.tryNow();
  }

  private scheduleUnload(room: Room): void {
    if (this.unloadTimers.has(room.boardId)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.boardId);
      if (room.size === 0 && this.rooms.get(room.boardId) === room) this.unload(room);
    }, this.opts.unloadGraceMs);
    timer.unref();
    this.unloadTimers.set(room.boardId, timer);
  }

  /** Compacts and frees one room (keeping a snapshot if it changed since the last one). */
  private unload(room: Room): void {
    room.snapshot('unload', true);
    room.compact();
    this.drop(room);
  }

  /** Frees a room without compacting it (its log stays the source of truth). */
  private drop(room: Room): void {
    if (this.rooms.get(room.boardId) !== room) return;
    this.rooms.delete(room.boardId);
    const timer = this.unloadTimers.get(room.boardId);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(room.boardId);
    room.destroy();
    this.opts.metrics.boardsLoaded.set(this.rooms.size);
  }

  /** At shutdown: close every connection, compact and free every room. */
  closeAll(): void {
    if (this.snapshotTimer) clearInterval(this.snapshotTimer);
    for (const room of [...this.rooms.values()]) {
      room.closeAll('goingAway');
      this.unload(room);
    }
  }
}

/** A board's document from what the store holds: its state, then its log. */
function docOf(stored: ReturnType<BoardStore['loadDocument']>): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  doc.transact(() => {
    if (stored.state) Y.applyUpdate(doc, stored.state);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

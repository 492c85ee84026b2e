/**
 * The rooms a server holds in memory: load on first connection, unload after a grace period.
 *
 * Why: a day-long conference opens many boards; memory must follow the connections. A board is put
 * in the registry only after it is completely loaded and migrated, so no client is ever served a
 * half-loaded board, and a board left empty is compacted and freed after `unloadGraceMs`.
 *
 * Loading reads the store, so it takes a while: every caller asking for a board being loaded shares
 * that one load (one promise per board). A board being unloaded is gone from the registry at once,
 * but a new load of it waits until its unload (a last snapshot and compaction) is stored, so it reads
 * what the unload wrote and no two copies of one board ever write at the same time.
 */
import * as Y from 'yjs';
import { migrateBoard, readMeta, type BoardMeta, type Role } from '../../shared/index.ts';
import { OncePerWindow } from '../limits/budgets.ts';
import { docOf, NotOwnerError, readStored, type BoardOwnership } from './ownership.ts';
import { Room, type RoomOptions } from './room.ts';

/** How often a board may be reloaded after a failure inside Yjs, ms. */
const RELOAD_EVERY_MS = 60_000;

/** How the registry stores, counts, logs, and when it compacts, snapshots and unloads. */
export interface RegistryOptions extends Pick<RoomOptions, 'store' | 'metrics' | 'log' | 'compactEvery' | 'compactMinIntervalMs'> {
  readonly unloadGraceMs: number;
  /** Snapshot changed boards this often (ms); 0 turns the schedule off. */
  readonly snapshotEveryMs?: number;
  /** Most boards open for connections at once (unbounded when unset). */
  readonly maxLoadedBoards?: number;
  /** With several processes: which boards this one owns, under which lease number (see ownership.ts). */
  readonly ownership?: BoardOwnership;
}

/** The boards held in memory, by id. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Boards being loaded: every caller shares the one load. */
  private readonly loading = new Map<string, Promise<Room>>();
  /** Boards being unloaded: a new load waits for that to be stored. */
  private readonly unloading = new Map<string, Promise<void>>();
  /** Set at shutdown: no board is loaded from then on. */
  private closed = false;
  /** Boards reloaded after a failure inside Yjs in the last minute (see reload). */
  private readonly reloads = new Map<string, OncePerWindow>();

  private readonly snapshotTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: RegistryOptions) {
    if (opts.snapshotEveryMs) {
      this.snapshotTimer = setInterval(() => {
        for (const room of this.rooms.values()) room.snapshot('schedule', true).catch(() => undefined); // a room gone meanwhile
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
    if (this.rooms.has(boardId) || this.loading.has(boardId) || this.rooms.size + this.loading.size < max) return true;
    const idle = [...this.unloadTimers.keys()].map((id) => this.rooms.get(id)).find((room) => room && room.size === 0);
    if (!idle) return false;
    this.unload(idle);
    return true;
  }

  /**
   * The loaded room for `boardId`, loading it from the store if needed (callers at the same time share
   * one load). Rejects if it cannot be loaded. A caller that then does not add a connection (its socket
   * closed meanwhile) gives it back with `release`.
   */
  async acquire(boardId: string): Promise<Room> {
    const timer = this.unloadTimers.get(boardId);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(boardId);
    }
    const existing = this.rooms.get(boardId);
    if (existing) return existing;
    let loading = this.loading.get(boardId);
    if (!loading) {
      loading = this.loadRoom(boardId).finally(() => this.loading.delete(boardId));
      this.loading.set(boardId, loading);
    }
    return loading;
  }

  /** A room acquired but not used (no connection was added): it is unloaded after the grace period. */
  release(room: Room): void {
    if (room.size === 0 && this.rooms.get(room.boardId) === room) this.scheduleUnload(room);
  }

  private async loadRoom(boardId: string): Promise<Room> {
    await this.unloading.get(boardId);
    if (this.closed) throw new Error('the server is shutting down');
    const room = await this.load(boardId);
    if (this.closed) {
      room.destroy();
      throw new Error('the server is shutting down');
    }
    this.rooms.set(boardId, room);
    this.opts.metrics.boardsLoaded.set(this.rooms.size);
    return room;
  }

  /** The board's meta (title, epoch, ...), loading the board if needed; an unused load is unloaded later. */
  readMeta(boardId: string): Promise<BoardMeta> {
    return this.read(boardId, readMeta);
  }

  /**
   * Reads a board's document with `read`: loading it if needed (an unused load is unloaded later), or,
   * when every board the server may hold is in use, from a copy freed at once. HTTP reads (a board's
   * title, its report) must not hold more boards in memory than connections may. A loaded board is
   * read between its turns, as stored.
   */
  async read<T>(boardId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const here = this.rooms.has(boardId) || this.loading.has(boardId);
    if (here || (!this.opts.ownership && this.makeRoomFor(boardId))) return this.readLoaded(boardId, (room) => room.run(() => read(room.doc)));
    return readStored(this.opts.store, boardId, read);
  }

  private async readLoaded<T>(boardId: string, read: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.acquire(boardId);
    try {
      return await read(room);
    } finally {
      this.release(room);
    }
  }

  /** Keeps a snapshot of a board as it is now (loading it if needed; as stored, where another process serves it). */
  async snapshot(boardId: string, reason: string): Promise<void> {
    if (!this.opts.ownership || this.rooms.has(boardId) || this.loading.has(boardId)) return this.readLoaded(boardId, (room) => room.snapshot(reason));
    const { store } = this.opts;
    await store.addSnapshot(boardId, await readStored(store, boardId, (doc) => Y.encodeStateAsUpdate(doc)), reason, Date.now());
  }

  /** This process lost the board's lease: its sockets reconnect (1012) to whoever took it over. */
  surrender(boardId: string): void {
    this.rooms.get(boardId)?.leaseLost();
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

  private async load(boardId: string): Promise<Room> {
    const { store, log, ownership } = this.opts;
    const fence = ownership?.fenceOf(boardId);
    if (ownership && fence === undefined) throw new NotOwnerError(boardId);
    const stored = await store.loadDocument(boardId);
    const doc = docOf(stored);
    const migration = migrateBoard(doc);
    let sizes = { stateBytes: stored.state?.byteLength ?? 0, logBytes: stored.updates.reduce((n, u) => n + u.byteLength, 0), logCount: stored.updates.length };
    if (migration.applied.length > 0) {
      // Store the migrated board before any client sees it.
      const state = Y.encodeStateAsUpdate(doc);
      await store.compact(boardId, state, stored.lastSeq, fence);
      sizes = { stateBytes: state.byteLength, logBytes: 0, logCount: 0 };
      log.info({ board: boardId, ...migration }, '[registry] migrated board');
    }
    const room = new Room(boardId, doc, stored.lastSeq, {
      store,
      metrics: this.opts.metrics,
      log,
      compactEvery: this.opts.compactEvery,
      compactMinIntervalMs: this.opts.compactMinIntervalMs,
      onEmpty: (room) => this.scheduleUnload(room),
      onBroken: (room) => this.drop(room),
      reload: (room, err) => this.reload(room, err),
    }, sizes, stored.updates.length === 0 && migration.applied.length === 0 ? stored.state ?? undefined : undefined, stored.writers);
    room.fence = fence;
    return room;
  }

  /**
   * After a failure inside Yjs (what the room applied is stored by then): loads the board afresh from
   * its log and puts it in `room`'s place, whose connections then reconnect to it (1012). Only if that
   * load works, and at most once per board a minute (a client that keeps sending what Yjs fails on
   * must not keep disconnecting everyone); otherwise `room` serves on and the update's sender alone
   * is closed (4422).
   */
  private async reload(room: Room, err: unknown): Promise<boolean> {
    const { boardId } = room;
    if (this.rooms.get(boardId) !== room || !this.mayReload(boardId)) return false;
    let fresh: Room;
    try {
      fresh = await this.load(boardId);
    } catch (loadErr) {
      this.opts.log.error({ err: loadErr, board: boardId }, '[registry] board could not be reloaded; it is served as it is');
      return false;
    }
    if (this.rooms.get(boardId) !== room) {
      fresh.destroy();
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

  /**
   * Compacts and frees one room (keeping a snapshot if it changed since the last one). It leaves the
   * registry at once; a new load of the board waits until this is stored.
   */
  private unload(room: Room): void {
    if (this.rooms.get(room.boardId) !== room) return;
    this.forget(room);
    const { boardId } = room;
    const done: Promise<void> = room
      .unload()
      .catch((err: unknown) => this.opts.log.error({ err, board: boardId }, '[registry] unload failed'))
      .finally(() => {
        if (this.unloading.get(boardId) === done) this.unloading.delete(boardId);
        // Kept when the board is already being loaded again here: that load writes under this lease.
        if (!this.loading.has(boardId)) this.opts.ownership?.released(boardId);
      });
    this.unloading.set(boardId, done);
  }

  /** Frees a room without compacting it (its log stays the source of truth). */
  private drop(room: Room): void {
    if (this.rooms.get(room.boardId) !== room) return;
    this.forget(room);
    room.destroy();
    this.opts.ownership?.released(room.boardId);
  }

  private forget(room: Room): void {
    this.rooms.delete(room.boardId);
    const timer = this.unloadTimers.get(room.boardId);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(room.boardId);
    this.opts.metrics.boardsLoaded.set(this.rooms.size);
  }

  /**
   * At shutdown: close every connection, then let each room finish its writes, compact and free it;
   * resolves once all of that is stored (the store may then be closed).
   */
  async closeAll(): Promise<void> {
    this.closed = true;
    if (this.snapshotTimer) clearInterval(this.snapshotTimer);
    await Promise.allSettled(this.loading.values());
    for (const room of [...this.rooms.values()]) {
      room.closeAll('goingAway');
      this.unload(room);
    }
    await Promise.allSettled(this.unloading.values());
  }
}

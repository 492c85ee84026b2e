/**
 * A loaded board: its Y.Doc, awareness and connections, speaking y-protocols sync and awareness.
 *
 * Why: this is where the server's promises are kept. Each update a client sends is validated, applied,
 * appended to the board's log, and only then broadcast, so a kill -9 never loses what another client
 * has seen. The store is asynchronous, so the room works in turns (turns.ts): a turn hands the messages
 * queued since the last one, in order, to the dispatcher (dispatch.ts), which admits and applies
 * updates (the document's 'update' events collect what was applied, with the connection it came from)
 * and applies awareness at once. Then one `appendUpdates` writes everything the turn applied, and only
 * once it resolves is it broadcast and followed by what a change brings (writes.ts), and are sync
 * requests answered, so no client is ever sent a change that is not yet stored. Compaction, snapshots
 * and HTTP reads run between turns (`run`). A write that fails closes the board's sockets (4500, or
 * 1012 when another process took the board over) and the room is dropped: clients reconnect and
 * resync. Whose each Yjs client ID is (clientIds.ts) is kept here too: bindings a turn makes are
 * stored with its updates. This class keeps the connections, the order of a turn and the room's
 * lifecycle.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readCrowdSettings, type Role } from '../../shared/index.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { LeaseLostError, SERVER_WRITER, type BoardStore, type ClientWriters, type Fence } from '../persistence/store.ts';
import { Connection } from './connection.ts';
import { ProtocolError } from './protocolError.ts';
import { stampIdentity } from './identity.ts';
import { ClientIds } from './clientIds.ts';
import type { StoredSizes } from './logBudget.ts';
import { syncStep1Message } from './messages.ts';
import { AwarenessBatch } from './broadcast.ts';
import { CrowdPresence } from './crowdPresence.ts';
import { Dispatcher } from './dispatch.ts';
import { RoomWrites } from './writes.ts';
import { Turns, type Incoming } from './turns.ts';

/** What a room needs from its registry and the server. */
export interface RoomOptions {
  readonly store: BoardStore;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** Compact the log after this many appended updates. */
  readonly compactEvery: number;
  /** Shortest time between two compactions, ms (0 or unset: as soon as due). */
  readonly compactMinIntervalMs?: number;
  /** Called when the last connection leaves. */
  readonly onEmpty: (room: Room) => void;
  /** Called when the room can no longer keep its promises (storage failed) and must be dropped. */
  readonly onBroken: (room: Room) => void;
  /** Puts a room loaded afresh from the store in this one's place, if it can (see retire()); resolves to whether it did. */
  readonly reload: (room: Room, err: unknown) => Promise<boolean>;
}

/** One loaded board and its connections. */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly conns = new Set<Connection>();
  private broken = false;
  private destroyed = false;
  /** Whose each client ID is: its bound writer, and which connection holds it in awareness. */
  private readonly clientIds: ClientIds;
  /** Awareness changes, broadcast together a few dozen times a second. */
  private readonly awarenessBatch: AwarenessBatch;
  /** In a crowd, who is sent whose awareness (see crowdPresence.ts). */
  private readonly crowd: CrowdPresence;
  /** What each message of a turn does (dispatch.ts). */
  private readonly dispatcher: Dispatcher;
  /** What a turn applied: stored, then broadcast; compaction and snapshots (writes.ts). */
  private readonly writes: RoomWrites;
  /** The queue of messages and work, handled one turn at a time. */
  private readonly turns: Turns;
  /** Connections closed for a bad message: what they sent after it is not handled. */
  private readonly refused = new WeakSet<Connection>();
  /**
   * The board's lease number, passed with every append and compaction so that they write nothing
   * once another process has taken the board over; none while this process alone serves its boards.
   */
  fence: Fence = undefined;

  constructor(
    readonly boardId: string,
    readonly doc: Y.Doc,
    /** Sequence number of the last update already in the store. */
    lastSeq: number,
    private readonly opts: RoomOptions,
    /** What the store holds for the board. */
    stored?: StoredSizes,
    /** The stored state the document is exactly (no log, no migration): the first joins get it as is. */
    storedState?: Uint8Array,
    /** The board's stored client ID bindings. */
    writers?: ClientWriters,
  ) {
    const { store, metrics, log, compactEvery } = opts;
    this.writes = new RoomWrites({
      boardId, doc, conns: this.conns, store, metrics, log, compactEvery,
      compactMinIntervalMs: opts.compactMinIntervalMs ?? 0,
      run: (fn) => this.run(fn),
      fence: () => this.fence,
      isBroken: () => this.broken,
      isDestroyed: () => this.destroyed,
      fail: (err) => this.breakRoom(err),
      takeBindings: () => this.clientIds.takePending(),
    }, lastSeq, stored);
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.clientIds = new ClientIds(this.awareness, writers);
    const broadcastFailed = (err: unknown) => log.error({ err, board: boardId }, '[room] broadcast failed');
    this.crowd = new CrowdPresence(this.awareness, () => this.conns, () => readCrowdSettings(doc).threshold);
    this.awarenessBatch = new AwarenessBatch(this.awareness, (message, ids) => this.crowd.deliver(ids, message), () => this.conns.size, broadcastFailed);
    this.dispatcher = new Dispatcher({ doc, awareness: this.awareness, clientIds: this.clientIds, crowd: this.crowd, conns: this.conns, store, metrics }, storedState);
    this.turns = new Turns((messages) => this.turn(messages), (err) => log.error({ err, board: boardId }, '[room] turn failed'));
    this.awareness.setLocalState(null);
    doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Number of open connections. */
  get size(): number {
    return this.conns.size;
  }

  /** Adds a connection and starts the sync handshake (server's step 1, then everyone's awareness). */
  add(conn: Connection): void {
    this.conns.add(conn);
    conn.send(syncStep1Message(this.doc));
    if (this.awareness.getStates().size > 0) conn.send(this.crowd.messageFor(conn));
  }

  /** Closes the connections opened with a link of `role` older than `keyVersion` (a rotated link). */
  closeRevoked(role: Role, keyVersion: number): number {
    const revoked = [...this.conns].filter((c) => c.role === role && c.keyVersion < keyVersion);
    for (const c of revoked) c.close('revoked');
    return revoked.length;
  }

  /** How many connections of each role are open. */
  connectionCounts(): Record<Role, number> {
    const counts: Record<Role, number> = { facilitator: 0, participant: 0, projector: 0 };
    for (const c of this.conns) counts[c.role]++;
    return counts;
  }

  /** Removes a connection and its awareness states; tells the registry when the room is empty. */
  remove(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.crowd.forget(conn);
    if (conn.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    if (this.conns.size === 0 && !this.destroyed) this.opts.onEmpty(this);
  }

  /**
   * Queues one binary message of `conn` for the next turn; `reject` is called (with a
   * `ProtocolError` for anything malformed) if it is refused, to close that socket alone.
   */
  receive(conn: Connection, data: Uint8Array, reject: (err: unknown) => void): void {
    if (!this.broken) this.turns.push({ conn, data, reject });
  }

  /** Runs `fn` between turns, when the document is exactly what the store holds. */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.turns.run(fn);
  }

  /** One turn: apply the messages, store what they applied in one write, then send it and the answers. */
  private async turn(messages: Incoming[]): Promise<void> {
    const { failed, rejected } = this.dispatcher.handleAll(messages, this.refused);
    if (!(await this.writes.write())) return;
    for (const { message, send } of this.dispatcher.takeAnswers()) {
      try {
        send();
      } catch (err) {
        this.refused.add(message.conn);
        message.reject(err);
      }
    }
    for (const { message, err } of rejected) message.reject(err);
    if (failed) await this.afterYjsFailure(failed.err, failed.message, messages);
  }

  /**
   * Yjs failed half-way through an update: what it did apply is stored (above), but the document may
   * now hold what it will not pass on (held-back structs). The registry starts the board again from
   * the store if it can (rarely); if not, the sender alone is closed and the rest of the turn goes on.
   */
  private async afterYjsFailure(err: unknown, message: Incoming, rest: Incoming[]): Promise<void> {
    if (await this.opts.reload(this, err)) return;
    this.refused.add(message.conn);
    message.reject(new ProtocolError('invalidUpdate', `update could not be applied: ${(err as Error).message}`));
    if (rest.length > 0 && !this.broken) await this.turn(rest);
  }

  /** Collects what the turn applied; it is written, then broadcast, at the end of the turn. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.dispatcher.changed();
    // The server's own changes (a migration, an HTTP call): nobody may write ahead under their IDs.
    if (!(origin instanceof Connection)) this.clientIds.bind(Y.parseUpdateMeta(update).to.keys(), SERVER_WRITER);
    this.writes.collect(update, origin instanceof Connection ? origin : undefined);
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    this.clientIds.changed(added, updated, removed, origin instanceof Connection ? origin : undefined);
    if (origin instanceof Connection) {
      // Others see a connection's role as its link says, and only the id it proved.
      stampIdentity(this.awareness, this.doc, origin, added.concat(updated));
    }
    this.awarenessBatch.add(added.concat(updated, removed));
  };

  /** Keeps the board's state as it is now (history); with `onlyIfChanged`, only if it changed since. */
  snapshot(reason: string, onlyIfChanged = false): Promise<void> {
    return this.run(() => this.writes.snapshot(reason, onlyIfChanged));
  }

  /** Writes the whole document as the board's state and drops the log it replaces (between turns). */
  compact(): Promise<void> {
    return this.run(() => this.writes.compact());
  }

  /**
   * Storage failed: close every connection so clients resync (they still hold their changes). When
   * another process took the board over, they reconnect to reach it (1012).
   */
  private breakRoom(err: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.turns.stop();
    const leaseLost = err instanceof LeaseLostError;
    this.opts.metrics.errors.inc({ kind: leaseLost ? 'lease_lost' : 'storage' });
    if (leaseLost) this.opts.log.warn({ board: this.boardId }, '[room] another process took the board over; closing board connections');
    else this.opts.log.error({ err, board: this.boardId }, '[room] could not append updates; closing board connections');
    for (const c of [...this.conns]) c.close(leaseLost ? 'leaseLost' : 'storageFailure');
    this.opts.onBroken(this);
  }

  /** Another process took the board over (its lease was lost): clients reconnect to reach it (1012). */
  leaseLost(): void {
    this.breakRoom(new LeaseLostError(this.boardId));
  }

  /** A room loaded afresh took this one's place: its connections reconnect to it (1012), uncompacted. */
  retire(): void {
    this.broken = true;
    this.turns.stop();
    for (const c of [...this.conns]) c.close('boardReloaded');
    this.destroy();
  }

  /** Closes every connection with `kind` (e.g. at shutdown). */
  closeAll(kind: 'goingAway' | 'revoked'): void {
    this.writes.flush();
    for (const c of [...this.conns]) c.close(kind);
  }

  /**
   * Unloads the room: lets queued turns finish (their writes included), keeps a snapshot if the board
   * changed since the last one, compacts, then frees the room.
   */
  async unload(): Promise<void> {
    try {
      await this.run(async () => {
        await this.writes.snapshot('unload', true);
        await this.writes.compact();
      });
    } catch {
      // The room broke meanwhile: its log stays the source of truth.
    } finally {
      this.destroy();
    }
  }

  /** Whether a turn is under way (a write may be in flight). */
  get busy(): boolean {
    return this.turns.busy;
  }

  /** Resolves once no turn is under way (no write in flight). */
  idle(): Promise<void> {
    return this.turns.idle();
  }

  /** Frees the document and awareness; the room must not be used afterwards. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.turns.stop();
    this.awarenessBatch.destroy();
    this.crowd.destroy();
    this.writes.destroy();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

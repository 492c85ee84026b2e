/**
 * A loaded board: its Y.Doc, awareness and connections, speaking y-protocols sync and awareness.
 *
 * Why: this is where the server's promises are kept. Each update a client sends is validated, applied,
 * appended to the board's log, and only then broadcast (encoded once for everyone), so a kill -9
 * never loses what another client has seen. Read-only (projector) connections receive everything but
 * their updates and awareness are dropped here, on the server, not just hidden in the UI.
 *
 * The store is asynchronous, so the room works in turns (turns.ts). A turn takes the messages queued
 * since the last one, in order: updates are admitted and applied (the document's 'update' events
 * collect what was applied, with the connection it came from), awareness is applied at once (it
 * carries no document data). Then one `appendUpdates` writes everything the turn applied, and only
 * once it resolves does the room broadcast it, check the log budget (compaction), ask participants
 * to resync after a lock lifts, and keep an agenda snapshot. Answers to sync step 1 are computed then
 * too, so no client is ever sent a change that is not yet stored, even one that would only come to it
 * in a sync answer. Compaction, snapshots and HTTP reads run between turns (`run`), when the document
 * is exactly what the store holds. A write that fails closes the board's sockets (4500, or 1012 when
 * another process took the board over) and the room is dropped: clients reconnect and resync.
 */
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { isBoardLocked, readCrowdSettings, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, type Role } from '../../shared/index.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { LeaseLostError, type BoardStore, type Fence } from '../persistence/store.ts';
import { Connection } from './connection.ts';
import { ProtocolError } from './protocolError.ts';
import { applyOwnAwareness, AwarenessHolders, stampIdentity } from './identity.ts';
import { compactBoard, LogBudget, type StoredSizes } from './logBudget.ts';
import { admitUpdate } from './incoming.ts';
import { agendaKeyOf, keepSnapshot } from './history.ts';
import { fullStateMessage, fullStateMessageOf, knowsNothingOf, readOrThrow, syncStep1Message, syncStep2Message } from './messages.ts';
import { AwarenessBatch, UpdateBatch } from './broadcast.ts';
import { CrowdPresence } from './crowdPresence.ts';
import { Turns, type Incoming } from './turns.ts';

/** What a room needs from its registry and the server. */
export interface RoomOptions {
  readonly store: BoardStore;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** Compact the log after this many appended updates. */
  readonly compactEvery: number;
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
  /** What was appended since the last compaction, and when to compact. */
  private readonly logBudget: LogBudget;
  private broken = false;
  private destroyed = false;
  /** Whether the board was locked after the last update (to notice the lift). */
  private locked = false;
  /** Which connection holds each awareness client ID. */
  private readonly awarenessHolders: AwarenessHolders;
  /** Awareness changes, broadcast together a few dozen times a second. */
  private readonly awarenessBatch: AwarenessBatch;
  /** In a crowd, who is sent whose awareness (see crowdPresence.ts). */
  private readonly crowd: CrowdPresence;
  /** Stored updates, broadcast merged per turn of the event loop (per window in a large room). */
  private readonly updateBatch: UpdateBatch<Connection>;
  /** Sync step 2 for a client that has nothing yet (a join), encoded once per document state. */
  private fullStateMessage: Uint8Array | null = null;
  /** Whether the board changed since its last snapshot. */
  private changedSinceSnapshot = false;
  /** The agenda task the board was at (a new task is a moment to keep). */
  private agendaKey = '';
  /** The queue of messages and work, handled one turn at a time. */
  private readonly turns: Turns;
  /** Updates applied in this turn and not yet written, with the connection each came from. */
  private applied: { update: Uint8Array; origin: Connection | undefined }[] = [];
  /** Answers to sync step 1 in this turn, sent once what the turn applied is stored. */
  private answers: { message: Incoming; send: () => void }[] = [];
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
    private lastSeq: number,
    private readonly opts: RoomOptions,
    /** What the store holds for the board. */
    stored?: StoredSizes,
    /** The stored state the document is exactly (no log, no migration): the first joins get it as is. */
    private storedState?: Uint8Array,
  ) {
    this.logBudget = new LogBudget(opts.compactEvery, stored);
    this.locked = isBoardLocked(doc);
    this.agendaKey = agendaKeyOf(doc);
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awarenessHolders = new AwarenessHolders(this.awareness);
    const broadcastFailed = (err: unknown) => opts.log.error({ err, board: boardId }, '[room] broadcast failed');
    this.crowd = new CrowdPresence(this.awareness, () => this.conns, () => readCrowdSettings(doc).threshold);
    this.awarenessBatch = new AwarenessBatch(this.awareness, (message, ids) => this.crowd.deliver(ids, message), () => this.conns.size, broadcastFailed);
    this.updateBatch = new UpdateBatch<Connection>((message, except) => this.conns.forEach((c) => c !== except && c.send(message)), () => this.conns.size, broadcastFailed);
    this.turns = new Turns((messages) => this.turn(messages), (err) => opts.log.error({ err, board: boardId }, '[room] turn failed'));
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
    let failed: { err: unknown; message: Incoming } | undefined;
    // A refused message closes its socket after the answers to what that socket sent before it.
    const rejected: { message: Incoming; err: unknown }[] = [];
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i]!;
      if (this.refused.has(message.conn)) continue;
      try {
        this.handleMessage(message);
      } catch (err) {
        if (err instanceof YjsFailure) {
          failed = { err: err.cause, message };
          messages.splice(0, i + 1);
          break;
        }
        this.refused.add(message.conn);
        rejected.push({ message, err });
      }
    }
    if (!(await this.writeApplied())) return;
    const answers = this.answers;
    this.answers = [];
    for (const { message, send } of answers) {
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

  /** Handles one binary message; throws `ProtocolError` for anything malformed. */
  private handleMessage(message: Incoming): void {
    const { conn, data } = message;
    const decoder = decoding.createDecoder(data);
    const type = readOrThrow(() => decoding.readVarUint(decoder));
    switch (type) {
      case MESSAGE_SYNC:
        this.handleSync(message, decoder);
        return;
      case MESSAGE_AWARENESS: {
        const update = readOrThrow(() => decoding.readVarUint8Array(decoder));
        // A socket gone while this waited its turn: its states are already removed.
        if (!this.conns.has(conn)) return;
        if (conn.readOnly) {
          // Not applied nor forwarded; the answer keeps a lone projector's 30 s watchdog quiet.
          this.opts.metrics.ignoredWrites.inc();
          conn.send(this.crowd.messageFor(conn));
          return;
        }
        // Only for the connection's own client IDs (see identity.ts).
        const refused = applyOwnAwareness(this.awareness, update, conn, this.awarenessHolders);
        if (refused) this.opts.metrics.ignoredWrites.inc(refused);
        return;
      }
      case MESSAGE_QUERY_AWARENESS:
        conn.send(this.crowd.messageFor(conn));
        return;
      default:
        throw new ProtocolError('unknownMessageType', `message type ${type}`);
    }
  }

  private handleSync(message: Incoming, decoder: decoding.Decoder): void {
    const { conn } = message;
    const syncType = readOrThrow(() => decoding.readVarUint(decoder));
    const payload = readOrThrow(() => decoding.readVarUint8Array(decoder));
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        // Joins of a big board at once (the room after a break) share one encoding of the state; an
        // answer that must be encoded (what the client lacks, or the board changed since) is limited.
        const whole = knowsNothingOf(this.doc, payload);
        const cached = whole && (this.fullStateMessage !== null || this.storedState !== undefined);
        if (!cached && !conn.mayReadState()) throw new ProtocolError('tooManyMessages', 'sync requests faster than one every 5 s');
        // Answered once this turn's updates are stored, from the document as stored.
        this.answers.push({
          message,
          send: () => {
            if (!whole) return conn.send(syncStep2Message(this.doc, payload));
            this.fullStateMessage ??= this.storedState ? fullStateMessageOf(this.storedState) : fullStateMessage(this.doc);
            conn.send(this.fullStateMessage);
          },
        });
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate:
        if (conn.readOnly) {
          this.opts.metrics.ignoredWrites.inc();
          return;
        }
        this.applyClientUpdate(conn, payload);
        return;
      default:
        throw new ProtocolError('unknownMessageType', `sync message type ${syncType}`);
    }
  }

  private applyClientUpdate(conn: Connection, sent: Uint8Array): void {
    const admission = admitUpdate(this.doc, sent, conn, { holders: this.awarenessHolders, isPersonBound: (id) => this.opts.store.isPersonKnownBound(id) });
    if (admission.kind !== 'apply') {
      this.opts.metrics.ignoredWrites.inc();
      if (admission.kind === 'ask') conn.askToResync(() => syncStep1Message(this.doc));
      return;
    }
    const update = admission.update;
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (err) {
      throw new YjsFailure(err);
    }
  }

  /** Collects what the turn applied; it is written, then broadcast, at the end of the turn. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.fullStateMessage = null;
    this.storedState = undefined;
    this.applied.push({ update, origin: origin instanceof Connection ? origin : undefined });
  };

  /**
   * Persist first, then broadcast: the heart of the durability promise. Writes what the turn applied
   * in one append; once stored, broadcasts it and does what follows a change. Resolves to false when
   * the write failed (the room is broken).
   */
  private async writeApplied(): Promise<boolean> {
    const applied = this.applied;
    this.applied = [];
    if (this.broken) return false;
    if (applied.length === 0) return true;
    const started = performance.now();
    try {
      this.lastSeq = await this.opts.store.appendUpdates(this.boardId, applied.map((a) => a.update), this.fence);
    } catch (err) {
      this.breakRoom(err);
      return false;
    }
    if (this.broken || this.destroyed) return false;
    this.opts.metrics.persistWrite.observe({ op: 'append' }, (performance.now() - started) / 1000);
    let compact = false;
    for (const { update, origin } of applied) {
      this.updateBatch.add(update, origin);
      if (this.logBudget.appended(update.byteLength)) compact = true;
    }
    if (compact) await this.compactNow();
    const locked = isBoardLocked(this.doc);
    if (this.locked && !locked) this.askParticipantsToResync();
    this.locked = locked;
    this.changedSinceSnapshot = true;
    const agenda = agendaKeyOf(this.doc);
    if (agenda !== this.agendaKey) {
      this.agendaKey = agenda;
      await this.snapshotNow('agenda');
    }
    return !this.broken;
  }

  /** Keeps the board's state as it is now (history); with `onlyIfChanged`, only if it changed since. */
  snapshot(reason: string, onlyIfChanged = false): Promise<void> {
    return this.run(() => this.snapshotNow(reason, onlyIfChanged));
  }

  private async snapshotNow(reason: string, onlyIfChanged = false): Promise<void> {
    if (this.broken || (onlyIfChanged && !this.changedSinceSnapshot)) return;
    this.changedSinceSnapshot = false;
    if (!(await keepSnapshot(this.opts, this.boardId, this.doc, reason))) this.changedSinceSnapshot = true;
  }

  /**
   * After a lock lifts: updates refused during it are missing here, and Yjs holds back a client's
   * later updates until the gap is filled. The server's state vector (sync step 1) makes every
   * participant send what the server lacks, as at a reconnect.
   */
  private askParticipantsToResync(): void {
    const message = syncStep1Message(this.doc);
    for (const c of this.conns) if (c.role === 'participant') c.send(message);
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    this.awarenessHolders.changed(added, updated, removed, origin instanceof Connection ? origin : undefined);
    if (origin instanceof Connection) {
      // Others see a connection's role as its link says, and only the id it proved.
      stampIdentity(this.awareness, this.doc, origin, added.concat(updated));
    }
    this.awarenessBatch.add(added.concat(updated, removed));
  };

  /** Writes the whole document as the board's state and drops the log it replaces (between turns). */
  compact(): Promise<void> {
    return this.run(() => this.compactNow());
  }

  private async compactNow(): Promise<void> {
    if (this.broken) return;
    try {
      await compactBoard(this.opts, this.boardId, this.doc, this.lastSeq, this.logBudget, this.fence);
    } catch (err) {
      this.breakRoom(err); // another process took the board over (other failures are only logged)
    }
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
    this.updateBatch.flush();
    for (const c of [...this.conns]) c.close(kind);
  }

  /**
   * Unloads the room: lets queued turns finish (their writes included), keeps a snapshot if the board
   * changed since the last one, compacts, then frees the room.
   */
  async unload(): Promise<void> {
    try {
      await this.run(async () => {
        await this.snapshotNow('unload', true);
        await this.compactNow();
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
    this.updateBatch.destroy();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** Yjs itself failed inside an update that passed every check (see afterYjsFailure). */
class YjsFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('an update failed inside Yjs');
  }
}

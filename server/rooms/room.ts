/**
 * A loaded board: its Y.Doc, awareness and connections, speaking y-protocols sync and awareness.
 *
 * Why: this is where the server's promises are kept. Each update a client sends is validated, applied,
 * appended to the board's log, and only then broadcast (encoded once for everyone), so a kill -9
 * never loses what another client has seen. Read-only (projector) connections receive everything but
 * their updates and awareness are dropped here, on the server, not just hidden in the UI.
 */
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { isBoardLocked, readCrowdSettings, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, type Role } from '../../shared/index.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { BoardStore } from '../persistence/store.ts';
import { Connection } from './connection.ts';
import { ProtocolError } from './protocolError.ts';
import { applyOwnAwareness, AwarenessHolders, stampIdentity } from './identity.ts';
import { compactBoard, LogBudget, type StoredSizes } from './logBudget.ts';
import { admitUpdate } from './incoming.ts';
import { agendaKeyOf, keepSnapshot } from './history.ts';
import { fullStateMessage, fullStateMessageOf, knowsNothingOf, readOrThrow, syncStep1Message, syncStep2Message } from './messages.ts';
import { AwarenessBatch, UpdateBatch } from './broadcast.ts';
import { CrowdPresence } from './crowdPresence.ts';

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
  /** Puts a room loaded afresh from the store in this one's place, if it can (see retire()). */
  readonly reload: (room: Room, err: unknown) => boolean;
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

  /** Handles one binary message; throws `ProtocolError` for anything malformed. */
  handleMessage(conn: Connection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = readOrThrow(() => decoding.readVarUint(decoder));
    switch (type) {
      case MESSAGE_SYNC:
        this.handleSync(conn, decoder);
        return;
      case MESSAGE_AWARENESS: {
        const update = readOrThrow(() => decoding.readVarUint8Array(decoder));
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

  private handleSync(conn: Connection, decoder: decoding.Decoder): void {
    const syncType = readOrThrow(() => decoding.readVarUint(decoder));
    const payload = readOrThrow(() => decoding.readVarUint8Array(decoder));
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        // Joins of a big board at once (the room after a break) share one encoding of the state; an
        // answer that must be encoded (what the client lacks, or the board changed since) is limited.
        const whole = knowsNothingOf(this.doc, payload);
        const cached = whole && (this.fullStateMessage !== null || this.storedState !== undefined);
        if (!cached && !conn.mayReadState()) throw new ProtocolError('tooManyMessages', 'sync requests faster than one every 5 s');
        if (!whole) return conn.send(syncStep2Message(this.doc, payload));
        this.fullStateMessage ??= this.storedState ? fullStateMessageOf(this.storedState) : fullStateMessage(this.doc);
        conn.send(this.fullStateMessage);
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
    const admission = admitUpdate(this.doc, sent, conn, { holders: this.awarenessHolders, isPersonBound: (id) => this.opts.store.isPersonBound(id) });
    if (admission.kind !== 'apply') {
      this.opts.metrics.ignoredWrites.inc();
      if (admission.kind === 'ask') conn.askToResync(() => syncStep1Message(this.doc));
      return;
    }
    const update = admission.update;
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (err) {
      // Yjs failed half-way: what it did apply is stored, but the document may now hold what it will
      // not pass on (held-back structs). Start again from the store (the registry allows it rarely).
      if (this.opts.reload(this, err)) return;
      throw new ProtocolError('invalidUpdate', `update could not be applied: ${(err as Error).message}`);
    }
  }

  /** Persist first, then broadcast: the heart of the durability promise. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.broken) return;
    this.fullStateMessage = null;
    this.storedState = undefined;
    const started = performance.now();
    try {
      this.lastSeq = this.opts.store.appendUpdate(this.boardId, update);
    } catch (err) {
      this.breakRoom(err);
      return;
    }
    this.opts.metrics.persistWrite.observe({ op: 'append' }, (performance.now() - started) / 1000);
    this.updateBatch.add(update, origin instanceof Connection ? origin : undefined);
    if (this.logBudget.appended(update.byteLength)) this.compact();
    const locked = isBoardLocked(this.doc);
    if (this.locked && !locked) this.askParticipantsToResync();
    this.locked = locked;
    this.changedSinceSnapshot = true;
    const agenda = agendaKeyOf(this.doc);
    if (agenda !== this.agendaKey) {
      this.agendaKey = agenda;
      this.snapshot('agenda');
    }
  };

  /** Keeps the board's state as it is now (history); with `onlyIfChanged`, only if it changed since. */
  snapshot(reason: string, onlyIfChanged = false): void {
    if (this.broken || (onlyIfChanged && !this.changedSinceSnapshot)) return;
    if (keepSnapshot(this.opts, this.boardId, this.doc, reason)) this.changedSinceSnapshot = false;
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

  /** Writes the whole document as the board's state and drops the log it replaces. */
  compact(): void {
    if (!this.broken) compactBoard(this.opts, this.boardId, this.doc, this.lastSeq, this.logBudget);
  }

  /** Storage failed: close every connection so clients resync (they still hold their changes). */
  private breakRoom(err: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.opts.metrics.errors.inc({ kind: 'storage' });
    this.opts.log.error({ err, board: this.boardId }, '[room] could not append update; closing board connections');
    for (const c of [...this.conns]) c.close('storageFailure');
    this.opts.onBroken(this);
  }

  /** A room loaded afresh took this one's place: its connections reconnect to it (1012), uncompacted. */
  retire(): void {
    this.broken = true;
    for (const c of [...this.conns]) c.close('boardReloaded');
    this.destroy();
  }

  /** Closes every connection with `kind` (e.g. at shutdown). */
  closeAll(kind: 'goingAway' | 'revoked'): void {
    this.updateBatch.flush();
    for (const c of [...this.conns]) c.close(kind);
  }

  /** Frees the document and awareness; the room must not be used afterwards. */
  destroy(): void {
    this.destroyed = true;
    this.awarenessBatch.destroy();
    this.crowd.destroy();
    this.updateBatch.destroy();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

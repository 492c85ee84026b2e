/**
 * What one binary message of a client does in its room's turn: an update is admitted (incoming.ts)
 * and applied, awareness is applied at once for the connection's own client IDs, a sync request is
 * noted to be answered at the end of the turn, and anything else is a protocol error.
 *
 * Why: this is the side of a turn that reads what clients sent and changes the document, nothing
 * more. It never writes to the store nor sends a change on: the document's 'update' events tell the
 * room what was applied, and the room stores it before anyone hears of it. So answers to sync step 1
 * are only collected here (`takeAnswers`), to be sent once the turn's write has resolved, from the
 * document as stored. Read-only (projector) connections get their answers, but their updates and
 * awareness are dropped here, on the server, not just hidden in the UI.
 */
import * as decoding from 'lib0/decoding';
import type * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../../shared/index.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { BoardStore } from '../persistence/store.ts';
import type { Connection } from './connection.ts';
import type { CrowdPresence } from './crowdPresence.ts';
import type { ClientIds } from './clientIds.ts';
import { applyOwnAwareness } from './identity.ts';
import { admitUpdate } from './incoming.ts';
import { fullStateMessage, fullStateMessageOf, knowsNothingOf, readOrThrow, syncStep1Message, syncStep2Message } from './messages.ts';
import { ProtocolError } from './protocolError.ts';
import type { Incoming } from './turns.ts';

/** What a room's messages act on. */
export interface DispatchContext {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Whose each client ID is (bound writer, awareness holder). */
  readonly clientIds: ClientIds;
  /** In a crowd, who is sent whose awareness (see crowdPresence.ts). */
  readonly crowd: CrowdPresence;
  /** The room's open connections. */
  readonly conns: ReadonlySet<Connection>;
  readonly store: BoardStore;
  readonly metrics: Metrics;
}

/** An answer to sync step 1, sent once what the turn applied is stored. */
export interface Answer {
  readonly message: Incoming;
  readonly send: () => void;
}

/**
 * How long a connection's updates may wait for another device's client ID before it is refused: a
 * device's own tabs settle such a wait within a second or two (see incoming.ts).
 */
export const NOT_YOURS_GRACE_MS = 10_000;

/** Yjs itself failed inside an update that passed every check (the room then tries a reload). */
export class YjsFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('an update failed inside Yjs');
  }
}

/** Handles a room's messages, one at a time, inside its turns (see above). */
export class Dispatcher {
  /** Sync step 2 for a client that has nothing yet (a join), encoded once per document state. */
  private fullStateMessage: Uint8Array | null = null;
  /** Answers to sync step 1 in this turn. */
  private answers: Answer[] = [];

  constructor(
    private readonly ctx: DispatchContext,
    /** The stored state the document is exactly (no log, no migration): the first joins get it as is. */
    private storedState?: Uint8Array,
  ) {}

  /** The document changed: the whole state must be encoded again for the next join. */
  changed(): void {
    this.fullStateMessage = null;
    this.storedState = undefined;
  }

  /** The answers collected since the last call, to send now that the turn's updates are stored. */
  takeAnswers(): Answer[] {
    const answers = this.answers;
    this.answers = [];
    return answers;
  }

  /**
   * Handles a turn's messages in order, skipping those of connections already `refused`. A message
   * that is refused adds its connection to `refused` and is returned in `rejected` (its socket closes
   * after the answers to what it sent before). Stops at a failure inside Yjs (`failed`); the messages
   * after it are left in `messages`.
   */
  handleAll(messages: Incoming[], refused: WeakSet<Connection>): { failed?: { err: unknown; message: Incoming }; rejected: { message: Incoming; err: unknown }[] } {
    const rejected: { message: Incoming; err: unknown }[] = [];
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i]!;
      if (refused.has(message.conn)) continue;
      try {
        this.handle(message);
      } catch (err) {
        if (err instanceof YjsFailure) {
          messages.splice(0, i + 1);
          return { failed: { err: err.cause, message }, rejected };
        }
        refused.add(message.conn);
        rejected.push({ message, err });
      }
    }
    return { rejected };
  }

  /** Handles one binary message; throws `ProtocolError` for anything malformed, `YjsFailure` when Yjs failed. */
  handle(message: Incoming): void {
    const { conn, data } = message;
    const { ctx } = this;
    const decoder = decoding.createDecoder(data);
    const type = readOrThrow(() => decoding.readVarUint(decoder));
    switch (type) {
      case MESSAGE_SYNC:
        this.handleSync(message, decoder);
        return;
      case MESSAGE_AWARENESS: {
        const update = readOrThrow(() => decoding.readVarUint8Array(decoder));
        // A socket gone while this waited its turn: its states are already removed.
        if (!ctx.conns.has(conn)) return;
        if (conn.readOnly) {
          // Not applied nor forwarded; the answer keeps a lone projector's 30 s watchdog quiet.
          ctx.metrics.ignoredWrites.inc();
          conn.send(ctx.crowd.messageFor(conn));
          return;
        }
        // Only for the connection's own client IDs (see identity.ts).
        const refused = applyOwnAwareness(ctx.awareness, update, conn, ctx.clientIds);
        if (refused) ctx.metrics.ignoredWrites.inc(refused);
        return;
      }
      case MESSAGE_QUERY_AWARENESS:
        conn.send(ctx.crowd.messageFor(conn));
        return;
      default:
        throw new ProtocolError('unknownMessageType', `message type ${type}`);
    }
  }

  private handleSync(message: Incoming, decoder: decoding.Decoder): void {
    const { conn } = message;
    const { doc, metrics } = this.ctx;
    const syncType = readOrThrow(() => decoding.readVarUint(decoder));
    const payload = readOrThrow(() => decoding.readVarUint8Array(decoder));
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        // Joins of a big board at once (the room after a break) share one encoding of the state; an
        // answer that must be encoded (what the client lacks, or the board changed since) is limited.
        const whole = knowsNothingOf(doc, payload);
        const cached = whole && (this.fullStateMessage !== null || this.storedState !== undefined);
        if (!cached && !conn.mayReadState()) throw new ProtocolError('tooManyMessages', 'sync requests faster than one every 5 s');
        // Answered once this turn's updates are stored, from the document as stored.
        this.answers.push({
          message,
          send: () => {
            if (!whole) return conn.send(syncStep2Message(doc, payload));
            this.fullStateMessage ??= this.storedState ? fullStateMessageOf(this.storedState) : fullStateMessage(doc);
            conn.send(this.fullStateMessage);
          },
        });
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate:
        if (conn.readOnly) {
          metrics.ignoredWrites.inc();
          return;
        }
        this.applyClientUpdate(conn, payload);
        return;
      default:
        throw new ProtocolError('unknownMessageType', `sync message type ${syncType}`);
    }
  }

  private applyClientUpdate(conn: Connection, sent: Uint8Array): void {
    const { doc, clientIds, store, metrics } = this.ctx;
    const admission = admitUpdate(doc, sent, conn, { clientIds, isPersonBound: (id) => store.isPersonKnownBound(id) });
    if (admission.kind !== 'apply') {
      metrics.ignoredWrites.inc();
      if (admission.kind === 'ask' && admission.notYours) {
        const now = performance.now();
        conn.notYoursSince ??= now;
        if (now - conn.notYoursSince > NOT_YOURS_GRACE_MS) throw new ProtocolError('notYourClient', 'changes under another device’s client ID');
      }
      if (admission.kind === 'ask') conn.askToResync(() => syncStep1Message(doc));
      return;
    }
    conn.notYoursSince = undefined;
    // Bound before it is applied, so the next message of this turn already finds them bound.
    if (!clientIds.bind(admission.clients, conn.writer, conn)) throw new ProtocolError('invalidUpdate', 'too many new client IDs from one connection');
    const update = admission.update;
    try {
      Y.applyUpdate(doc, update, conn);
    } catch (err) {
      throw new YjsFailure(err);
    }
  }
}

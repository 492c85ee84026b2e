/**
 * One client's websocket on one board: its role, its proven participant id, its awareness client
 * ids, its message rate, and safe sending.
 *
 * Why: the room should not care about socket states or close codes; a connection knows whether it may
 * write, sends only while open, counts its traffic, and closes with a named code.
 */
import type { WebSocket } from 'ws';
import { CLOSE, type CloseKind, type Role } from '../../shared/index.ts';
import { OncePerWindow } from '../limits/budgets.ts';
import { TokenBucket } from '../limits/tokenBucket.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { KEYLESS_WRITER } from '../persistence/store.ts';

let nextConnectionId = 1;
/**
 * Sync requests whose answer must be encoded: 4 at once, then one every 5 s (see mayReadState).
 * An honest client asks once per connection.
 */
const STATE_READS = { capacity: 4, tokens: 1, perMs: 5000 } as const;
/** A client is asked to resync at most once a second (see askToResync). */
const RESYNC_WINDOW_MS = 1000;

/** What one connection may hold and send (all unbounded unless set). */
export interface ConnectionLimits {
  /** Most bytes that may wait to be sent to this client before it counts as not reading. */
  readonly maxBufferedBytes?: number;
  /** Messages per second it may send on average (it may send twice that many at once). */
  readonly messagesPerSecond?: number;
}

/** One board socket, as the room sees it. */
export class Connection {
  /** A process-unique number, for logs. */
  readonly id = nextConnectionId++;
  /** Awareness client ids this connection has announced (removed when it closes). */
  readonly awarenessIds = new Set<number>();
  /** Whether the client answered the last ping. */
  alive = true;
  /**
   * Every participant id this connection proved at join: the one it is (`personId`) and those handed
   * over to its device. Notes, dots and records in these names are its own to write.
   */
  readonly personIds: ReadonlySet<string>;
  /**
   * The hashes of the device keys it sent (`KEYLESS_WRITER` alone when it sent none): a document
   * client ID bound to any of them is this device's to write under.
   */
  readonly writers: ReadonlySet<string>;
  /** The writer new client IDs of this connection are bound to: the hash of the key of `personId`. */
  readonly writer: string;
  /** Since when (performance.now()) its updates have been held back for another device's client ID. */
  notYoursSince: number | undefined;

  constructor(
    readonly ws: WebSocket,
    readonly role: Role,
    private readonly metrics: Metrics,
    /** The key version of the link it was opened with (a rotation closes older ones). */
    readonly keyVersion = 1,
    private readonly limits: ConnectionLimits = {},
    /** The participant id this connection proved at join (its device key), if any. */
    readonly personId?: string,
    /** Who it proved to be at join: every participant id it may write as, and its device keys. */
    who: { readonly personIds?: ReadonlySet<string>; readonly writers?: readonly string[] } = {},
  ) {
    this.personIds = who.personIds ?? new Set(personId === undefined ? [] : [personId]);
    this.writers = new Set(who.writers ?? [KEYLESS_WRITER]);
    this.writer = who.writers?.[0] ?? KEYLESS_WRITER;
    const rate = limits.messagesPerSecond;
    this.messages = rate === undefined ? undefined : new TokenBucket({ capacity: 2 * rate, tokens: rate, perMs: 1000 });
    this.maxWaiting = rate === undefined ? Number.POSITIVE_INFINITY : 2 * rate;
  }

  /** Two seconds' worth of messages at the connection's rate (none when unlimited). */
  private readonly messages: TokenBucket | undefined;
  /** Most messages that may wait their turn: two seconds' worth. */
  private readonly maxWaiting: number;
  private readonly waiting: (() => void)[] = [];
  private waitingBytes = 0;
  private drainTimer: NodeJS.Timeout | NodeJS.Immediate | undefined;

  /**
   * Lets one message the client sent be handled (`handle`) within its rate: a token bucket holding
   * two seconds' worth. Past it, messages wait their turn in order and the server stops reading from
   * the socket meanwhile, so a flooding client is slowed down without anything it sent being dropped
   * (a dropped update would leave a hole Yjs waits on), and the room's other clients go on. A client
   * that piles up more than two seconds' worth (or more bytes than it may have waiting) is closed
   * with 1013, "try again later"; it reconnects and syncs.
   */
  admit(bytes: number, handle: () => void): void {
    const messages = this.messages;
    if (messages === undefined) return handle();
    if (this.waiting.length === 0 && messages.take()) return handle();
    this.waiting.push(handle);
    this.waitingBytes += bytes;
    if (this.waiting.length > this.maxWaiting || this.waitingBytes > (this.limits.maxBufferedBytes ?? Number.POSITIVE_INFINITY)) {
      this.waiting.length = 0;
      this.metrics.errors.inc({ kind: 'too_many_messages' });
      this.close('tooManyMessages');
      return;
    }
    if (this.drainTimer === undefined) {
      this.metrics.throttled.inc();
      this.ws.pause();
      this.scheduleDrain(messages);
    }
  }

  /**
   * Handles waiting messages as the bucket refills; reads from the socket again once none wait. Each
   * turn handles only the messages the bucket held when the turn began, and the next turn comes after
   * the event loop has read the other sockets: tokens earned while slow messages are handled wait for
   * the next turn, so a backlog never holds the other boards up. (A turn due at once is an immediate:
   * a timer set inside a slow turn can fire in the same pass of the loop, before any socket is read.)
   */
  private scheduleDrain(messages: TokenBucket): void {
    const turn = () => {
      this.drainTimer = undefined;
      for (let n = messages.takeUpTo(this.waiting.length); n > 0 && this.waiting.length > 0 && this.ws.readyState === this.ws.OPEN; n--) {
        this.waiting.shift()!();
      }
      if (this.waiting.length > 0 && this.ws.readyState === this.ws.OPEN) return this.scheduleDrain(messages);
      this.waiting.length = 0;
      this.waitingBytes = 0;
      this.ws.resume();
    };
    const wait = messages.msUntil(1);
    this.drainTimer = wait < 1 ? setImmediate(turn) : setTimeout(turn, Math.ceil(wait));
    this.drainTimer.unref();
  }

  private readonly stateReads = new TokenBucket(STATE_READS);
  private readonly resyncs = new OncePerWindow(RESYNC_WINDOW_MS);
  private resyncTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Whether the server may answer another sync step 1 of this client with what it lacks. An honest
   * client asks once per connection; each answer encodes part of the board (tens of ms for a big
   * one), so a burst of them would stall the room: a few at once, then one every 5 s.
   */
  mayReadState(): boolean {
    return this.stateReads.take();
  }

  /**
   * Asks this client for what the server lacks: sends `message()` (a sync step 1) now, or, if it was
   * asked less than a second ago, once that second is over. So a client that keeps sending what cannot
   * be applied yet does not make the server encode its state vector for every message, and an update
   * dropped meanwhile is still asked for.
   */
  askToResync(message: () => Uint8Array): void {
    if (this.resyncTimer !== undefined) return;
    const wait = this.resyncs.waitMs();
    const ask = () => {
      this.resyncTimer = undefined;
      if (this.ws.readyState !== this.ws.OPEN) return;
      this.resyncs.mark();
      this.send(message());
    };
    if (wait <= 0) return ask();
    this.resyncTimer = setTimeout(ask, wait);
    this.resyncTimer.unref();
  }

  /** Projector connections may read everything but change nothing. */
  get readOnly(): boolean {
    return this.role === 'projector';
  }

  /**
   * Sends a binary message if the socket is open; a failed send closes the socket. A client that
   * stopped reading (what waits for it would pass `maxBufferedBytes`) is cut off: what the server
   * holds for it stays bounded, and when it comes back it reconnects and syncs what it missed. A
   * message is always sent when nothing waits before it, however large: the whole board for a client
   * that joins or comes back can be larger than the cap, and it must still be able to sync.
   */
  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    const waiting = this.ws.bufferedAmount;
    if (waiting > 0 && waiting + message.byteLength > (this.limits.maxBufferedBytes ?? Number.POSITIVE_INFINITY)) {
      this.metrics.errors.inc({ kind: 'slow_reader' });
      this.ws.terminate();
      return;
    }
    this.metrics.traffic.out.messages++;
    this.metrics.traffic.out.bytes += message.byteLength;
    this.ws.send(message, this.onSent);
  }

  /** One callback for every send (not a closure per message): a failed send ends the socket. */
  private readonly onSent = (err?: Error): void => {
    if (err) this.ws.terminate();
  };

  /** Closes the socket with a named code and reason. */
  close(kind: CloseKind, detail?: string): void {
    const { code, reason } = CLOSE[kind];
    if (this.ws.readyState === this.ws.CLOSED || this.ws.readyState === this.ws.CLOSING) return;
    // A close reason must fit in 123 bytes.
    this.ws.close(code, (detail ? `${reason}: ${detail}` : reason).slice(0, 120));
  }
}

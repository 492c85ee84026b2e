/**
 * Whose each Yjs client ID of a room is: the device key it is bound to on the board (stored, for
 * good), and which open connection speaks for it in awareness now.
 *
 * Why: a Yjs client writes its changes at its own client ID's next clocks, and every other copy skips
 * what it already has at those clocks. Whoever writes first at another's next clocks makes that
 * other's changes vanish as "already known"; an offline tablet would lose everything it has not yet
 * sent. So each client ID is bound to the writer (the hash of the device key, see personProof.ts) of
 * the first connection that announced it in awareness or wrote under it, and stored with the board
 * (so a restart does not open a race for it), and only connections holding that key may write under
 * it or speak for it. A device's tabs, and a device that reconnects before its old socket is known
 * dead, send the same key: they are the same writer. A connection that sent no key proves nothing
 * (`KEYLESS_WRITER`): its client IDs are kept from keyed connections, and from another open keyless
 * connection only while that one holds the ID in awareness.
 */
import type { Awareness } from 'y-protocols/awareness';
import { KEYLESS_WRITER, type ClientWriters } from '../persistence/store.ts';
import type { Connection } from './connection.ts';

/** How long an ID whose holder left stays the holder's to take back (a tablet's Wi-Fi coming back). */
const KEPT_FOR_MS = 60_000;
/**
 * Most client IDs one connection may bind. An honest page binds one, and a few more for pages it
 * reloaded offline; each binding is stored for good, so a script must not make millions.
 */
export const MAX_BINDINGS_PER_CONNECTION = 256;

/** Who a connection is, as far as telling devices apart goes. */
type Who = Pick<Connection, 'personId' | 'writers'>;

/** Whether two connections are one device: they share a device key, or proved the same person. */
export function sameDevice(a: Who, b: Who): boolean {
  if (a.personId !== undefined && a.personId === b.personId) return true;
  for (const w of a.writers) if (w !== KEYLESS_WRITER && b.writers.has(w)) return true;
  return false;
}

/** The client IDs of a room: bindings to writers, and awareness holders (see above). */
export class ClientIds {
  private readonly holders = new Map<number, Connection>();
  /** IDs whose holder left in the last minute: who it was, and when. */
  private readonly left = new Map<number, { connId: number; who: Who; at: number }>();
  private readonly bound: Map<number, string>;
  /** Bindings made since the last write, to be stored with the turn's updates. */
  private pending = new Map<number, string>();
  private readonly boundBy = new WeakMap<Connection, number>();

  constructor(
    private readonly awareness: Awareness,
    stored: ClientWriters = new Map(),
  ) {
    this.bound = new Map(stored);
  }

  /** The writer `clientId` is bound to, if any. */
  writerOf(clientId: number): string | undefined {
    return this.bound.get(clientId);
  }

  /** The connection that holds `clientId` in awareness now, if any. */
  holderOf(clientId: number): Connection | undefined {
    return this.holders.get(clientId);
  }

  /**
   * Whether `conn` may write under, or speak for, `clientId`: it is bound to one of its keys, or,
   * unbound or keyless, no other open connection of another device holds it, nor held it in the last
   * minute (a dropped tablet's ID stays its own to take back).
   */
  mayUse(clientId: number, conn: Connection): boolean {
    if (clientId === this.awareness.clientID) return false; // the server's own (its crowd summary)
    const writer = this.bound.get(clientId);
    if (writer !== undefined && writer !== KEYLESS_WRITER) return conn.writers.has(writer);
    if (writer === KEYLESS_WRITER && !conn.writers.has(KEYLESS_WRITER)) return false;
    const holder = this.holders.get(clientId);
    if (holder) return holder === conn || sameDevice(holder, conn);
    const left = this.left.get(clientId);
    if (!left || performance.now() - left.at > KEPT_FOR_MS) return true;
    return left.connId === conn.id || sameDevice(left.who, conn);
  }

  /**
   * Binds the IDs not yet bound to `writer` (the connection's, or the server's own); false, binding
   * none, when `conn` would pass its share of bindings.
   */
  bind(clientIds: Iterable<number>, writer: string, conn?: Connection): boolean {
    const fresh = [...new Set(clientIds)].filter((id) => !this.bound.has(id));
    if (fresh.length === 0) return true;
    if (conn) {
      const made = (this.boundBy.get(conn) ?? 0) + fresh.length;
      if (made > MAX_BINDINGS_PER_CONNECTION) return false;
      this.boundBy.set(conn, made);
    }
    for (const id of fresh) {
      this.bound.set(id, writer);
      this.pending.set(id, writer);
    }
    return true;
  }

  /** The bindings made since the last call, to store with the turn's updates (undefined when none). */
  takePending(): ClientWriters | undefined {
    if (this.pending.size === 0) return undefined;
    const pending = this.pending;
    this.pending = new Map();
    return pending;
  }

  /** The awareness clock the server has for `clientId`. */
  clockOf(clientId: number): number | undefined {
    return this.awareness.meta.get(clientId)?.clock;
  }

  /**
   * Records an applied awareness change: removed IDs are nobody's any more; what `origin` added or
   * updated got through, so it is its own (a reconnecting tablet's taken-over ID included), and an
   * ID announced for the first time is bound to it.
   */
  changed(added: readonly number[], updated: readonly number[], removed: readonly number[], origin: Connection | undefined): void {
    const now = performance.now();
    if (this.left.size > 1000) for (const [id, { at }] of this.left) if (now - at > KEPT_FOR_MS) this.left.delete(id);
    for (const id of removed) {
      const holder = this.holders.get(id);
      holder?.awarenessIds.delete(id);
      if (holder) this.left.set(id, { connId: holder.id, who: { personId: holder.personId, writers: holder.writers }, at: now });
      this.holders.delete(id);
    }
    if (!origin) return;
    const announced = [...added, ...updated];
    for (const id of announced) {
      this.left.delete(id);
      this.holders.get(id)?.awarenessIds.delete(id);
      this.holders.set(id, origin);
      origin.awarenessIds.add(id);
    }
    this.bind(announced, origin.writer, origin);
  }
}

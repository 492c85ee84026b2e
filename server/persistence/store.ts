/**
 * The persistence interface the rooms use: boards, an append-only update log, and compacted state.
 *
 * Why: rooms must not know about SQL, nor which engine holds the boards (the embedded SQLite file, or
 * PostgreSQL shared by several servers). Every method is asynchronous, because a networked engine is;
 * a promise from `appendUpdates` settles only once the updates are durable, and the room broadcasts
 * them only then, so a kill -9 cannot lose what another client has seen.
 */

/** A board's row: what the server knows about it besides the document. */
export interface BoardRecord {
  readonly id: string;
  /** The title given at creation (the document's `meta.title` is the live one). */
  readonly title: string;
  readonly createdAt: number;
  /** Current key version per role; tokens with an older version are revoked. */
  readonly keyVersions: { readonly facilitator: number; readonly participant: number; readonly projector: number };
}

/** One kept state of a board. */
export interface SnapshotInfo {
  readonly id: number;
  readonly takenAt: number;
  /** Why it was taken: `schedule`, `agenda`, `unload`, `before-restore`. */
  readonly reason: string;
  readonly bytes: number;
}

/**
 * Which writer each Yjs document client ID of a board is bound to: the hash of the device key it was
 * first written or announced with (as `person_keys` hashes keys), `KEYLESS_WRITER` for a connection
 * that sent no key, `SERVER_WRITER` for the server's own changes. The first binding of an ID stays.
 */
export type ClientWriters = ReadonlyMap<number, string>;

/** The writer of a connection that sent no device key: it proves nothing, so it is no one's in particular. */
export const KEYLESS_WRITER = '';
/** The writer of the server's own changes (migrations, a restore's content): no connection is it. */
export const SERVER_WRITER = '@server';

/** A board's stored document: the compacted state and the log of updates after it, in order. */
export interface StoredDocument {
  readonly state: Uint8Array | null;
  readonly updates: Uint8Array[];
  /** Sequence number of the last update in `updates` (0 when there are none). */
  readonly lastSeq: number;
  /** The board's client ID bindings. */
  readonly writers: ClientWriters;
}

/**
 * Proof that the writer still owns a board (a lease number): an append or compaction that carries one
 * writes nothing once another process has taken the board over, and fails with `LeaseLostError`.
 * A single process on its own file passes none.
 */
export type Fence = number | undefined;

/** The board was taken over by another process: this one must stop serving it. */
export class LeaseLostError extends Error {
  constructor(readonly boardId: string) {
    super(`board ${boardId} is now served by another process`);
    this.name = 'LeaseLostError';
  }
}

/** Where boards, their logs, snapshots, join codes and bound participant ids are kept. */
export interface BoardStore {
  /** Which engine this is, for /healthz and the logs. */
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Creates a board with its initial document state and the client ID bindings of that state, in one
   * write; rejects if the id exists.
   */
  createBoard(board: BoardRecord, initialState: Uint8Array, writers?: ClientWriters): Promise<void>;
  /** The board's record, or `undefined` for an unknown id. */
  getBoard(id: string): Promise<BoardRecord | undefined>;
  /** Revokes every link of `role` for a board by moving its key to the next version; returns it. */
  rotateKey(id: string, role: 'facilitator' | 'participant' | 'projector'): Promise<number>;
  /** The short join code for a board's participant link at `keyVersion` (made on first ask; one per version). */
  joinCode(id: string, keyVersion: number): Promise<string>;
  /** The board and participant key version a join code was made for, or undefined. */
  resolveJoinCode(code: string): Promise<{ boardId: string; keyVersion: number } | undefined>;
  /** Keeps a snapshot of a board's state for good; returns its id. */
  addSnapshot(id: string, state: Uint8Array, reason: string, takenAt: number): Promise<number>;
  /** A board's snapshots, oldest first. */
  listSnapshots(id: string): Promise<SnapshotInfo[]>;
  /** One snapshot with its state, or undefined. */
  getSnapshot(id: string, snapshotId: number): Promise<(Omit<SnapshotInfo, 'bytes'> & { readonly state: Uint8Array }) | undefined>;
  /** The board's client ID bindings alone (empty for an unknown board). */
  clientWriters(id: string): Promise<ClientWriters>;
  /** Reads the board's document in one consistent read. */
  loadDocument(id: string): Promise<StoredDocument>;
  /**
   * Appends updates to the board's log in order, durably, in one write, together with new client ID
   * bindings (`writers`; an ID already bound keeps its first writer); resolves to the sequence number
   * of the last update (sequence numbers grow per board; with no updates it writes the bindings alone
   * and resolves to 0).
   * Rejects with `LeaseLostError` when `fence` is no longer the board's lease, having written nothing.
   */
  appendUpdates(id: string, updates: readonly Uint8Array[], fence?: Fence, writers?: ClientWriters): Promise<number>;
  /** Replaces the compacted state with `state` and drops the log up to `uptoSeq`, atomically (fenced as appends are). */
  compact(id: string, state: Uint8Array, uptoSeq: number, fence?: Fence): Promise<void>;
  /**
   * Binds a participant id to the hash of the device key it is first used with, and says whether
   * `keyHash` is the bound one (true on first use).
   */
  claimPerson(personId: string, keyHash: string): Promise<boolean>;
  /** Whether a participant id is bound to a device key (someone proved it). */
  isPersonBound(personId: string): Promise<boolean>;
  /**
   * The same question answered at once from what this process knows, for the write guard, which
   * judges an update synchronously: every id bound through this process, and every id bound
   * elsewhere that it has read since (see each engine for how fresh that is).
   */
  isPersonKnownBound(personId: string): boolean;
  /** Number of boards stored. */
  countBoards(): Promise<number>;
  /** Closes the store; further calls reject. */
  close(): Promise<void>;
}

/** The process that serves a board now, as its lease row says (times on the database's clock, ms). */
export interface LeaseOwner {
  readonly nodeId: string;
  /** Where other processes reach it (to tunnel a board's sockets to it). */
  readonly nodeUrl: string;
  readonly fence: number;
  readonly expiresAt: number;
}

/** What asking for a board's lease gave: the lease, or who holds it. */
export type LeaseTake =
  | { readonly taken: true; readonly fence: number; readonly expiresAt: number }
  | { readonly taken: false; readonly owner: LeaseOwner };

/**
 * Board leases, for several processes sharing one database: a board is served by the one process
 * that holds its lease. Every time is the database's clock (ms since 1970), so processes whose clocks
 * differ still agree on who holds what. A lease taken after another has expired (or been released)
 * gets the next lease number, which fences the earlier holder's appends and compactions.
 */
export interface LeaseStore {
  /** Takes the board's lease for `ms` if it is free, expired or already this node's; else says who holds it. */
  takeLease(boardId: string, nodeId: string, nodeUrl: string, ms: number): Promise<LeaseTake>;
  /**
   * Takes the lease of a board whose live holder is `deadNode` (known gone from its heartbeats), as
   * `takeLease` would take an expired one; else says who holds it. The next lease number fences the
   * dead holder should it come back.
   */
  takeLeaseFrom(boardId: string, deadNode: string, nodeId: string, nodeUrl: string, ms: number): Promise<LeaseTake>;
  /**
   * Extends several live leases of this node to `ms` from now, in one statement; resolves to those still
   * held, each with its board's current key versions (so revoked links are noticed at every renewal).
   */
  renewLeases(held: ReadonlyMap<string, number>, ms: number): Promise<ReadonlyMap<string, BoardRecord['keyVersions']>>;
  /** Extends a live lease to `ms` from now; resolves to its new expiry, or undefined when it is lost or expired. */
  renewLease(boardId: string, fence: number, ms: number): Promise<number | undefined>;
  /** Ends a live lease at once (another process may take the board); false when it was no longer held. */
  releaseLease(boardId: string, fence: number): Promise<boolean>;
  /** Who holds the board's live lease, or undefined when nobody does. */
  leaseOwner(boardId: string): Promise<LeaseOwner | undefined>;
  /** The database's clock now (ms since 1970). */
  dbTime(): Promise<number>;
}

/** Whether `store` keeps leases (PostgreSQL does; one process on its own SQLite file needs none). */
export function isLeaseStore(store: BoardStore): store is BoardStore & LeaseStore {
  return typeof (store as Partial<LeaseStore>).takeLease === 'function';
}

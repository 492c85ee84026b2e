/**
 * The persistence interface the rooms use: boards, an append-only update log, and compacted state.
 *
 * Why: rooms must not know about SQL. Every method is synchronous on purpose: an update is on disk
 * before the call returns, so the room can broadcast it knowing a kill -9 cannot lose it.
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

/** A board's stored document: the compacted state and the log of updates after it, in order. */
export interface StoredDocument {
  readonly state: Uint8Array | null;
  readonly updates: Uint8Array[];
  /** Sequence number of the last update in `updates` (0 when there are none). */
  readonly lastSeq: number;
}

/** Where boards, their logs, snapshots, join codes and bound participant ids are kept. */
export interface BoardStore {
  /** Creates a board with its initial document state; throws if the id exists. */
  createBoard(board: BoardRecord, initialState: Uint8Array): void;
  /** The board's record, or `undefined` for an unknown id. */
  getBoard(id: string): BoardRecord | undefined;
  /** Revokes every link of `role` for a board by moving its key to the next version; returns it. */
  rotateKey(id: string, role: 'facilitator' | 'participant' | 'projector'): number;
  /** The short join code for a board's participant link at `keyVersion` (made on first ask). */
  joinCode(id: string, keyVersion: number): string;
  /** The board and participant key version a join code was made for, or undefined. */
  resolveJoinCode(code: string): { boardId: string; keyVersion: number } | undefined;
  /** Keeps a snapshot of a board's state for good; returns its id. */
  addSnapshot(id: string, state: Uint8Array, reason: string, takenAt: number): number;
  /** A board's snapshots, oldest first. */
  listSnapshots(id: string): SnapshotInfo[];
  /** One snapshot with its state, or undefined. */
  getSnapshot(id: string, snapshotId: number): (Omit<SnapshotInfo, 'bytes'> & { readonly state: Uint8Array }) | undefined;
  /** Reads the board's document in one consistent read. */
  loadDocument(id: string): StoredDocument;
  /** Appends one update to the board's log, durably; returns its sequence number. */
  appendUpdate(id: string, update: Uint8Array): number;
  /** Replaces the compacted state with `state` and drops the log up to `uptoSeq`, atomically. */
  compact(id: string, state: Uint8Array, uptoSeq: number): void;
  /**
   * Binds a participant id to the hash of the device key it is first used with on this server, and
   * says whether `keyHash` is the bound one (true on first use).
   */
  claimPerson(personId: string, keyHash: string): boolean;
  /** Whether a participant id is bound to a device key on this server (someone proved it). */
  isPersonBound(personId: string): boolean;
  /** Number of boards stored. */
  countBoards(): number;
  /** Closes the store; further calls throw. */
  close(): void;
}

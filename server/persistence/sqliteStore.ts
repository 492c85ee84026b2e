/**
 * The embedded default store: one SQLite file (better-sqlite3) in the data directory.
 *
 * Why: a workshop server must run with no set-up, and must not lose a note if the laptop it runs on
 * is killed. WAL mode makes each append a short sequential write that survives a process crash
 * (synchronous=NORMAL: committed transactions survive kill -9; only an OS crash or power loss can
 * drop the last few). Compaction is one transaction, so a kill during it leaves either the old state
 * plus log or the new state, never half of each. better-sqlite3 is synchronous: each method does its
 * work before it returns its (already settled) promise, so one process on one file needs no fence.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { BoardRecord, BoardStore, ClientWriters, StoredDocument } from './store.ts';

const SCHEMA_VERSION = 6;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  facilitator_key INTEGER NOT NULL DEFAULT 1,
  participant_key INTEGER NOT NULL DEFAULT 1,
  projector_key INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS board_state (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  state BLOB NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id),
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_board ON updates(board_id, seq);
-- Store version 2: short join codes (for the projector's QR code), one per participant key version.
CREATE TABLE IF NOT EXISTS join_codes (
  code TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id),
  key_version INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS join_codes_by_board ON join_codes(board_id, key_version);
-- Store version 3: the board's history, kept for good (snapshots are never overwritten).
CREATE TABLE IF NOT EXISTS snapshots (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id),
  taken_at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_by_board ON snapshots(board_id, id);
-- Store version 4: which device key proves a participant id (its first use binds it).
CREATE TABLE IF NOT EXISTS person_keys (
  person_id TEXT PRIMARY KEY,
  key_hash TEXT NOT NULL
);
-- Store version 5: one join code per board and key version, said by the schema as PostgreSQL says it.
CREATE UNIQUE INDEX IF NOT EXISTS join_codes_one_per_version ON join_codes(board_id, key_version);
-- Store version 6: which writer (device key hash) each document client ID of a board is bound to.
CREATE TABLE IF NOT EXISTS client_writers (
  board_id TEXT NOT NULL REFERENCES boards(id),
  client_id INTEGER NOT NULL,
  writer TEXT NOT NULL,
  PRIMARY KEY (board_id, client_id)
);
`;

interface BoardRow {
  id: string;
  title: string;
  created_at: number;
  facilitator_key: number;
  participant_key: number;
  projector_key: number;
}

/** Opens (creating if needed) `olifant.sqlite` in `dataDir`. */
export function openSqliteStore(dataDir: string): BoardStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'olifant.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`data dir ${dataDir} was written by a newer Olifant (store version ${version})`);
  }
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);

  const insertBoard = db.prepare(
    'INSERT INTO boards (id, title, created_at, facilitator_key, participant_key, projector_key) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?');
  const upsertState = db.prepare(
    `INSERT INTO board_state (board_id, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(board_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const selectState = db.prepare<[string], { state: Buffer }>('SELECT state FROM board_state WHERE board_id = ?');
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq',
  );
  const insertUpdate = db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)');
  const deleteUpdates = db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?');
  const countBoards = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM boards');
  const selectJoin = db.prepare<[string, number], { code: string }>('SELECT code FROM join_codes WHERE board_id = ? AND key_version = ?');
  const insertJoin = db.prepare('INSERT INTO join_codes (code, board_id, key_version) VALUES (?, ?, ?)');
  const resolveJoin = db.prepare<[string], { board_id: string; key_version: number }>('SELECT board_id, key_version FROM join_codes WHERE code = ?');
  const insertSnapshot = db.prepare('INSERT INTO snapshots (board_id, taken_at, reason, state) VALUES (?, ?, ?, ?)');
  const listSnapshots = db.prepare<[string], { id: number; taken_at: number; reason: string; size: number }>(
    'SELECT id, taken_at, reason, length(state) AS size FROM snapshots WHERE board_id = ? ORDER BY id',
  );
  const selectSnapshot = db.prepare<[string, number], { id: number; taken_at: number; reason: string; state: Buffer }>(
    'SELECT id, taken_at, reason, state FROM snapshots WHERE board_id = ? AND id = ?',
  );
  const selectWriters = db.prepare<[string], { client_id: number; writer: string }>('SELECT client_id, writer FROM client_writers WHERE board_id = ?');
  const insertWriter = db.prepare('INSERT INTO client_writers (board_id, client_id, writer) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const claimPerson = db.prepare('INSERT INTO person_keys (person_id, key_hash) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const selectPerson = db.prepare<[string], { key_hash: string }>('SELECT key_hash FROM person_keys WHERE person_id = ?');
  // Column names come from this fixed table, never from input.
  const KEY_COLUMN = { facilitator: 'facilitator_key', participant: 'participant_key', projector: 'projector_key' } as const;
  const rotate = Object.fromEntries(
    Object.entries(KEY_COLUMN).map(([role, col]) => [role, db.prepare<[string], { v: number }>(`UPDATE boards SET ${col} = ${col} + 1 WHERE id = ? RETURNING ${col} AS v`)]),
  ) as Record<keyof typeof KEY_COLUMN, Database.Statement<[string], { v: number }>>;

  const bind = (id: string, writers: ClientWriters | undefined) => {
    for (const [client, writer] of writers ?? []) insertWriter.run(id, client, writer);
  };
  const createTx = db.transaction((board: BoardRecord, state: Uint8Array, writers: ClientWriters | undefined) => {
    const k = board.keyVersions;
    insertBoard.run(board.id, board.title, board.createdAt, k.facilitator, k.participant, k.projector);
    upsertState.run(board.id, state, Date.now());
    bind(board.id, writers);
  });
  const writersOf = (id: string): ClientWriters => new Map(selectWriters.all(id).map((r) => [r.client_id, r.writer]));
  const loadTx = db.transaction((id: string): StoredDocument => {
    const state = selectState.get(id)?.state ?? null;
    const rows = selectUpdates.all(id);
    return { state, updates: rows.map((r) => r.data), lastSeq: rows.at(-1)?.seq ?? 0, writers: writersOf(id) };
  });
  const compactTx = db.transaction((id: string, state: Uint8Array, uptoSeq: number) => {
    upsertState.run(id, state, Date.now());
    deleteUpdates.run(id, uptoSeq);
  });

  const appendTx = db.transaction((id: string, updates: readonly Uint8Array[], writers: ClientWriters | undefined) => {
    bind(id, writers);
    if (updates.length === 0) return 0;
    let seq = 0;
    for (const u of updates) seq = Number(insertUpdate.run(id, u).lastInsertRowid);
    return seq;
  });
  const boardOf = (id: string): BoardRecord | undefined => {
    const row = selectBoard.get(id);
    if (!row) return undefined;
    return {
      id: row.id,
      title: row.title,
      createdAt: row.created_at,
      keyVersions: { facilitator: row.facilitator_key, participant: row.participant_key, projector: row.projector_key },
    };
  };
  const joinCodeOf = (id: string, keyVersion: number): string => {
    const existing = selectJoin.get(id, keyVersion);
    if (existing) return existing.code;
    for (;;) {
      const code = randomCode();
      if (resolveJoin.get(code)) continue;
      insertJoin.run(code, id, keyVersion);
      return code;
    }
  };
  const isBound = (personId: string) => selectPerson.get(personId) !== undefined;

  return {
    engine: 'sqlite',
    createBoard: async (board, state, writers) => void createTx(board, state, writers),
    getBoard: async (id) => boardOf(id),
    async rotateKey(id, role) {
      const row = rotate[role].get(id);
      if (!row) throw new Error(`unknown board ${id}`);
      return row.v;
    },
    joinCode: async (id, keyVersion) => joinCodeOf(id, keyVersion),
    async resolveJoinCode(code) {
      const row = resolveJoin.get(code);
      return row ? { boardId: row.board_id, keyVersion: row.key_version } : undefined;
    },
    addSnapshot: async (id, state, reason, takenAt) => Number(insertSnapshot.run(id, takenAt, reason, state).lastInsertRowid),
    listSnapshots: async (id) => listSnapshots.all(id).map((r) => ({ id: r.id, takenAt: r.taken_at, reason: r.reason, bytes: r.size })),
    async getSnapshot(id, snapshotId) {
      const r = selectSnapshot.get(id, snapshotId);
      return r ? { id: r.id, takenAt: r.taken_at, reason: r.reason, state: r.state } : undefined;
    },
    clientWriters: async (id) => writersOf(id),
    loadDocument: async (id) => loadTx(id),
    appendUpdates: async (id, updates, _fence, writers) => appendTx(id, updates, writers),
    compact: async (id, state, uptoSeq) => compactTx(id, state, uptoSeq),
    async claimPerson(personId, keyHash) {
      claimPerson.run(personId, keyHash);
      return selectPerson.get(personId)?.key_hash === keyHash;
    },
    isPersonBound: async (personId) => isBound(personId),
    isPersonKnownBound: isBound,
    countBoards: async () => countBoards.get()?.n ?? 0,
    close: async () => void db.close(),
  };
}

/** Eight letters and digits a person can read off a screen and type (no 0/o, 1/l/i). */
function randomCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  let code = '';
  for (let i = 0; i < 8; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/**
 * The PostgreSQL store's tables and their migrations, run when a server opens the database.
 *
 * Why: several servers share one database and may start at the same moment, after an upgrade of
 * some of them. Each migration is numbered and recorded in `schema_version`; they run in one
 * transaction under an advisory lock, so two servers starting together never both migrate (the second
 * waits, then finds nothing left to do), and a failed migration leaves the database as it was. A
 * database written by a newer Olifant is refused, as the SQLite store refuses a newer data folder: an
 * older server must not write rows it does not understand.
 *
 * The tables match SQLite's, with two differences: update sequence numbers are per board (the
 * `(board_id, seq)` key, counted by `boards.last_seq`), and join codes are unique per board and key
 * version, so two servers asked for the same code at once agree on one.
 */
import type pg from 'pg';

/** One step of the schema, applied once, in order. */
interface Migration {
  readonly version: number;
  /** What it adds, for the docs and the logs. */
  readonly adds: string;
  readonly sql: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    adds: 'boards, their state and per-board update log, join codes, snapshots, bound participant ids',
    sql: `
CREATE TABLE boards (
  id text PRIMARY KEY,
  title text NOT NULL,
  created_at bigint NOT NULL,
  facilitator_key integer NOT NULL DEFAULT 1,
  participant_key integer NOT NULL DEFAULT 1,
  projector_key integer NOT NULL DEFAULT 1,
  last_seq bigint NOT NULL DEFAULT 0
);
CREATE TABLE board_state (
  board_id text PRIMARY KEY REFERENCES boards(id),
  state bytea NOT NULL,
  updated_at bigint NOT NULL
);
CREATE TABLE updates (
  board_id text NOT NULL REFERENCES boards(id),
  seq bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (board_id, seq)
);
CREATE TABLE join_codes (
  code text PRIMARY KEY,
  board_id text NOT NULL REFERENCES boards(id),
  key_version integer NOT NULL,
  UNIQUE (board_id, key_version)
);
CREATE TABLE snapshots (
  id bigserial PRIMARY KEY,
  board_id text NOT NULL REFERENCES boards(id),
  taken_at bigint NOT NULL,
  reason text NOT NULL,
  state bytea NOT NULL
);
CREATE INDEX snapshots_by_board ON snapshots(board_id, id);
CREATE TABLE person_keys (
  person_id text PRIMARY KEY,
  key_hash text NOT NULL,
  n bigserial NOT NULL
);
CREATE INDEX person_keys_by_n ON person_keys(n);
`,
  },
  {
    version: 2,
    adds: 'board leases (which server serves a board, until when, under which lease number)',
    sql: `
CREATE TABLE board_leases (
  board_id text PRIMARY KEY,
  node_id text NOT NULL,
  node_url text NOT NULL,
  fence bigint NOT NULL,
  expires_at timestamptz NOT NULL
);
`,
  },
  {
    version: 3,
    adds: 'client ID bindings (which writer each document client ID of a board is bound to)',
    sql: `
CREATE TABLE client_writers (
  board_id text NOT NULL REFERENCES boards(id),
  client_id bigint NOT NULL,
  writer text NOT NULL,
  PRIMARY KEY (board_id, client_id)
);
`,
  },
];

/** The schema version this code writes. */
export const PG_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** Any fixed number: the advisory lock that lets one server at a time migrate. */
const MIGRATION_LOCK = 0x6f6c6966616e74;

/** Brings the database up to `PG_SCHEMA_VERSION`; resolves to the migrations it applied (none if current). */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
    const current = rows[0]?.v ?? 0;
    if (current > PG_SCHEMA_VERSION) {
      throw new Error(`the database was written by a newer Olifant (store version ${current}; this one writes ${PG_SCHEMA_VERSION})`);
    }
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [m.version]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * The shared store: boards on PostgreSQL (the `pg` pool), for one server or several.
 *
 * Why: servers on several machines must share the boards on an engine operators already run, back up
 * and trust. Each method is one statement (or one short transaction), so a kill at any moment leaves
 * whole writes or none; `synchronous_commit` is forced on for every connection, so a resolved append
 * is on the database's disk before the room broadcasts it. An append is one statement that checks
 * the lease, counts the board's sequence numbers and writes the updates with their client ID bindings
 * (pgAppend.ts), so a server that lost its board writes nothing (`LeaseLostError`).
 * Join codes rely on unique constraints, not on one process asking: two servers making the code of the
 * same key version at once end up with the same one.
 */
import pg from 'pg';
import { randomInt } from 'node:crypto';
import { migrate } from './pgSchema.ts';
import { bytes, insertWriters, pgAppend, writerArrays } from './pgAppend.ts';
import { fenceOk, pgLeases } from './pgLeases.ts';
import { loadKnownPeople } from './pgPeople.ts';
import { LeaseLostError, type BoardRecord, type BoardStore, type ClientWriters, type Fence, type LeaseStore } from './store.ts';

/** Tuning of the PostgreSQL store; every field has a default. */
export interface PgStoreOptions {
  /** Most connections this server opens (default 10). */
  readonly maxConnections?: number;
  /** How often ids bound through other servers are read (default 3000 ms). */
  readonly knownPeopleRefreshMs?: number;
  /** How long to wait for a connection, and for one statement, before rejecting (default 10000 ms). */
  readonly timeoutMs?: number;
  /** Where background errors go (a dropped idle connection, a failed refresh); they never throw. */
  readonly onError?: (err: Error) => void;
}

/** The PostgreSQL store: a `BoardStore` that also keeps board leases. */
export type PgStore = BoardStore & LeaseStore;

interface BoardRow {
  id: string;
  title: string;
  created_at: string;
  facilitator_key: number;
  participant_key: number;
  projector_key: number;
}

const KEY_COLUMN = { facilitator: 'facilitator_key', participant: 'participant_key', projector: 'projector_key' } as const;

/** How the store connects: bounded waits, and `synchronous_commit` set on at the start of every connection. */
export function pgPoolConfig(url: string, opts: PgStoreOptions = {}): pg.PoolConfig {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return {
    connectionString: url,
    max: opts.maxConnections ?? 10,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    keepAlive: true,
    // Above what the server, database or role say: a commit waits for the disk, and the database
    // itself gives up a statement the client has stopped waiting for.
    options: `-c synchronous_commit=on -c statement_timeout=${timeoutMs}`,
    application_name: 'olifant',
  };
}

/** Opens the database at `url`, migrating its schema first; rejects if it cannot be reached or is too new. */
export async function openPgStore(url: string, opts: PgStoreOptions = {}): Promise<PgStore> {
  const onError = opts.onError ?? (() => {});
  const pool = new pg.Pool(pgPoolConfig(url, opts));
  // An idle connection dropped by the database (a restart) must not end the process; the pool makes a new one.
  pool.on('error', (err) => onError(err));
  try {
    const { rows } = await pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
    if (rows[0]?.synchronous_commit === 'off') throw new Error('synchronous_commit is off on this connection: committed boards could be lost');
    await migrate(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  const known = await loadKnownPeople(pool, opts.knownPeopleRefreshMs ?? 3000, onError);

  const codeOf = async (id: string, keyVersion: number): Promise<string | undefined> => {
    const { rows } = await pool.query<{ code: string }>('SELECT code FROM join_codes WHERE board_id = $1 AND key_version = $2', [id, keyVersion]);
    return rows[0]?.code;
  };
  const boundKey = async (personId: string): Promise<string | undefined> => {
    const { rows } = await pool.query<{ key_hash: string }>('SELECT key_hash FROM person_keys WHERE person_id = $1', [personId]);
    if (rows[0]) known.add(personId);
    return rows[0]?.key_hash;
  };

  return {
    engine: 'postgres',
    async createBoard(board: BoardRecord, state: Uint8Array, writers?: ClientWriters) {
      const k = board.keyVersions;
      // One statement: the board, its first state and that state's bindings exist together or not at all.
      await pool.query(
        `WITH b AS (
           INSERT INTO boards (id, title, created_at, facilitator_key, participant_key, projector_key)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id),
         bound AS (${insertWriters('b', '$9', '$10')})
         INSERT INTO board_state (board_id, state, updated_at) SELECT id, $7, $8 FROM b`,
        [board.id, board.title, board.createdAt, k.facilitator, k.participant, k.projector, bytes(state), Date.now(), ...writerArrays(writers)],
      );
    },

    async getBoard(id) {
      const { rows } = await pool.query<BoardRow>(
        'SELECT id, title, created_at, facilitator_key, participant_key, projector_key FROM boards WHERE id = $1',
        [id],
      );
      const r = rows[0];
      if (!r) return undefined;
      return {
        id: r.id,
        title: r.title,
        createdAt: Number(r.created_at),
        keyVersions: { facilitator: r.facilitator_key, participant: r.participant_key, projector: r.projector_key },
      };
    },

    async rotateKey(id, role) {
      const col = KEY_COLUMN[role];
      const { rows } = await pool.query<{ v: number }>(`UPDATE boards SET ${col} = ${col} + 1 WHERE id = $1 RETURNING ${col} AS v`, [id]);
      if (!rows[0]) throw new Error(`unknown board ${id}`);
      return rows[0].v;
    },

    async joinCode(id, keyVersion) {
      for (;;) {
        const existing = await codeOf(id, keyVersion);
        if (existing) return existing;
        // Either constraint may refuse: the code is taken (try another) or another server just made
        // this version's code (the next read returns it).
        const { rows } = await pool.query<{ code: string }>(
          'INSERT INTO join_codes (code, board_id, key_version) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING code',
          [randomCode(), id, keyVersion],
        );
        if (rows[0]) return rows[0].code;
      }
    },

    async resolveJoinCode(code) {
      const { rows } = await pool.query<{ board_id: string; key_version: number }>('SELECT board_id, key_version FROM join_codes WHERE code = $1', [code]);
      return rows[0] ? { boardId: rows[0].board_id, keyVersion: rows[0].key_version } : undefined;
    },

    async addSnapshot(id, state, reason, takenAt) {
      const { rows } = await pool.query<{ id: string }>(
        'INSERT INTO snapshots (board_id, taken_at, reason, state) VALUES ($1, $2, $3, $4) RETURNING id',
        [id, takenAt, reason, bytes(state)],
      );
      return Number(rows[0]!.id);
    },

    async listSnapshots(id) {
      const { rows } = await pool.query<{ id: string; taken_at: string; reason: string; size: number }>(
        'SELECT id, taken_at, reason, length(state) AS size FROM snapshots WHERE board_id = $1 ORDER BY id',
        [id],
      );
      return rows.map((r) => ({ id: Number(r.id), takenAt: Number(r.taken_at), reason: r.reason, bytes: r.size }));
    },

    async getSnapshot(id, snapshotId) {
      const { rows } = await pool.query<{ id: string; taken_at: string; reason: string; state: Buffer }>(
        'SELECT id, taken_at, reason, state FROM snapshots WHERE board_id = $1 AND id = $2',
        [id, snapshotId],
      );
      const r = rows[0];
      return r ? { id: Number(r.id), takenAt: Number(r.taken_at), reason: r.reason, state: r.state } : undefined;
    },

    async clientWriters(id) {
      const { rows } = await pool.query<{ client_id: string; writer: string }>('SELECT client_id, writer FROM client_writers WHERE board_id = $1', [id]);
      return new Map(rows.map((r) => [Number(r.client_id), r.writer]));
    },

    async loadDocument(id) {
      // One statement reads state, log and bindings from one snapshot of the database (a statement sees
      // one, even at READ COMMITTED): one round trip, and no connection held across a transaction.
      const { rows } = await pool.query<{ kind: 's' | 'u' | 'w'; n: string; data: Buffer | null; writer: string | null }>(
        `SELECT 's' AS kind, 0::bigint AS n, state AS data, NULL::text AS writer FROM board_state WHERE board_id = $1
         UNION ALL SELECT 'u', seq, data, NULL FROM updates WHERE board_id = $1
         UNION ALL SELECT 'w', client_id, NULL, writer FROM client_writers WHERE board_id = $1
         ORDER BY kind, n`,
        [id],
      );
      let state: Buffer | null = null;
      const updates: Buffer[] = [];
      const writers = new Map<number, string>();
      let lastSeq = 0;
      for (const r of rows) {
        if (r.kind === 's') state = r.data;
        else if (r.kind === 'w') writers.set(Number(r.n), r.writer!);
        else {
          updates.push(r.data!);
          lastSeq = Number(r.n);
        }
      }
      return { state, updates, lastSeq, writers };
    },

    appendUpdates: pgAppend(pool),

    async compact(id, state, uptoSeq, fence?: Fence) {
      const { rows } = await pool.query<{ board_id: string }>(
        `WITH st AS (
           UPDATE board_state SET state = $2, updated_at = $4 WHERE board_id = $1 AND ${fenceOk('$5')} RETURNING board_id),
         dropped AS (DELETE FROM updates WHERE board_id = $1 AND seq <= $3 AND EXISTS (SELECT 1 FROM st))
         SELECT board_id FROM st`,
        [id, bytes(state), uptoSeq, Date.now(), fence ?? null],
      );
      if (rows.length === 0) {
        if (fence !== undefined) throw new LeaseLostError(id);
        throw new Error(`unknown board ${id}`);
      }
    },

    async claimPerson(personId, keyHash) {
      // Read first: a repeated claim (every join) then takes no binding number.
      let bound = await boundKey(personId);
      if (bound === undefined) {
        await pool.query('INSERT INTO person_keys (person_id, key_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING', [personId, keyHash]);
        bound = await boundKey(personId);
      }
      return bound === keyHash;
    },

    isPersonBound: async (personId) => (await boundKey(personId)) !== undefined,
    isPersonKnownBound: (personId) => known.has(personId),

    async countBoards() {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM boards');
      return rows[0]?.n ?? 0;
    },

    ...pgLeases(pool),

    async close() {
      known.stop();
      await pool.end();
    },
  };
}

/** Eight letters and digits a person can read off a screen and type (no 0/o, 1/l/i), as SQLite's store makes. */
function randomCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  let code = '';
  for (let i = 0; i < 8; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/**
 * The shared store: boards on PostgreSQL (the `pg` pool), for one server or several.
 *
 * Why: servers on several machines must share the boards on an engine operators already run, back up
 * and trust. Each method is one statement (or one short transaction), so a kill at any moment leaves
 * whole writes or none; `synchronous_commit` is forced on for every connection, so a resolved append
 * is on the database's disk before the room broadcasts it. Appends of several updates are one
 * multi-row INSERT that also counts the board's sequence numbers; with a lease number, that same
 * statement checks the lease, so a server that lost its board writes nothing (`LeaseLostError`).
 * Join codes rely on unique constraints, not on one process asking: two servers making the code of the
 * same key version at once end up with the same one.
 */
import pg from 'pg';
import { randomInt } from 'node:crypto';
import { migrate } from './pgSchema.ts';
import { fenceOk, pgLeases } from './pgLeases.ts';
import { loadKnownPeople } from './pgPeople.ts';
import { LeaseLostError, type BoardRecord, type BoardStore, type Fence, type LeaseStore } from './store.ts';

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

const bytes = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

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

  // Appends to one board run one after another, in the order they were called: on a pool of
  // connections, two statements sent at once could otherwise commit in either order.
  const appending = new Map<string, Promise<unknown>>();
  const inTurn = <T>(id: string, write: () => Promise<T>): Promise<T> => {
    const previous = appending.get(id) ?? Promise.resolve();
    const mine = previous.then(write, write);
    const settled = mine.catch(() => {});
    appending.set(id, settled);
    void settled.then(() => {
      if (appending.get(id) === settled) appending.delete(id);
    });
    return mine;
  };

  const lastSeqOf = async (id: string): Promise<number> => {
    const { rows } = await pool.query<{ last_seq: string }>('SELECT last_seq FROM boards WHERE id = $1', [id]);
    if (!rows[0]) throw new Error(`unknown board ${id}`);
    return Number(rows[0].last_seq);
  };
  const codeOf = async (id: string, keyVersion: number): Promise<string | undefined> => {
    const { rows } = await pool.query<{ code: string }>('SELECT code FROM join_codes WHERE board_id = $1 AND key_version = $2', [id, keyVersion]);
    return rows[0]?.code;
  };
  const boundKey = async (personId: string): Promise<string | undefined> => {
    const { rows } = await pool.query<{ key_hash: string }>('SELECT key_hash FROM person_keys WHERE person_id = $1', [personId]);
    if (rows[0]) known.add(personId);
    return rows[0]?.key_hash;
  };

  const append = async (id: string, updates: readonly Uint8Array[], fence: Fence): Promise<number> => {
    if (updates.length === 0) return lastSeqOf(id);
    // One statement: check the lease, count the board's numbers on, insert every update.
    const { rows } = await pool.query<{ seq: string }>(
      `WITH bump AS (
         UPDATE boards SET last_seq = last_seq + cardinality($2::bytea[])
         WHERE id = $1 AND ${fenceOk('$3')}
         RETURNING last_seq - cardinality($2::bytea[]) AS base)
       INSERT INTO updates (board_id, seq, data)
       SELECT $1, bump.base + u.ord, u.data FROM bump, unnest($2::bytea[]) WITH ORDINALITY AS u(data, ord)
       RETURNING seq`,
      [id, updates.map(bytes), fence ?? null],
    );
    if (rows.length === 0) {
      if (fence !== undefined) throw new LeaseLostError(id);
      throw new Error(`unknown board ${id}`);
    }
    return Math.max(...rows.map((r) => Number(r.seq)));
  };

  return {
    engine: 'postgres',
    async createBoard(board: BoardRecord, state: Uint8Array) {
      const k = board.keyVersions;
      // One statement: the board and its first state exist together or not at all.
      await pool.query(
        `WITH b AS (
           INSERT INTO boards (id, title, created_at, facilitator_key, participant_key, projector_key)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id)
         INSERT INTO board_state (board_id, state, updated_at) SELECT id, $7, $8 FROM b`,
        [board.id, board.title, board.createdAt, k.facilitator, k.participant, k.projector, bytes(state), Date.now()],
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

    async loadDocument(id) {
      // One statement reads state and log from one snapshot of the database.
      const { rows } = await pool.query<{ seq: string; data: Buffer }>(
        `SELECT 0::bigint AS seq, state AS data FROM board_state WHERE board_id = $1
         UNION ALL SELECT seq, data FROM updates WHERE board_id = $1
         ORDER BY seq`,
        [id],
      );
      const state = rows[0]?.seq === '0' ? rows.shift()!.data : null;
      return { state, updates: rows.map((r) => r.data), lastSeq: rows.length > 0 ? Number(rows.at(-1)!.seq) : 0, writers: new Map() };
    },

    appendUpdates: (id: string, updates: readonly Uint8Array[], fence?: Fence) => inTurn(id, () => append(id, updates, fence)),

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

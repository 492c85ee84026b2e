/**
 * Board leases on PostgreSQL: which server serves a board, until when, under which lease number.
 *
 * Why: with several servers, each board must have one writer at a time, and a server that stalls
 * (a long pause, a cut network) must not write after another has taken its boards over. Every time is
 * the database's clock (`clock_timestamp()`), so servers whose clocks differ agree on expiry. A lease
 * row is never deleted: a release only ends it, so lease numbers only grow and an old number can never
 * come back to life. The number fences writes: appends and compactions check it in the same statement
 * (see `FENCE_OK`).
 */
import type pg from 'pg';
import type { LeaseOwner, LeaseStore, LeaseTake } from './store.ts';

/**
 * The SQL condition an append or compaction adds for board `$1` and lease number `$fence`: no number
 * (one server on its own) or the live lease with that number. `FOR SHARE` locks the lease row for the
 * writing statement's transaction, so a takeover waits for a write in flight to commit (and the new
 * owner then reads it), and a write that waited on a takeover sees the new number and writes nothing.
 */
export function fenceOk(fenceParam: string): string {
  return `(${fenceParam}::bigint IS NULL OR EXISTS (
    SELECT 1 FROM board_leases WHERE board_id = $1 AND fence = ${fenceParam}::bigint AND expires_at > clock_timestamp() FOR SHARE))`;
}

interface OwnerRow {
  node_id: string;
  node_url: string;
  fence: string;
  expires_ms: string;
}

const ownerOf = (r: OwnerRow): LeaseOwner => ({
  nodeId: r.node_id,
  nodeUrl: r.node_url,
  fence: Number(r.fence),
  expiresAt: Number(r.expires_ms),
});

/** Milliseconds since 1970 of a timestamptz column, as SQL. */
const ms = (col: string) => `(extract(epoch FROM ${col}) * 1000)::bigint`;

/** The lease methods of the PostgreSQL store, on `pool`. */
export function pgLeases(pool: pg.Pool): LeaseStore {
  const owner = async (boardId: string): Promise<LeaseOwner | undefined> => {
    const { rows } = await pool.query<OwnerRow>(
      `SELECT node_id, node_url, fence, ${ms('expires_at')} AS expires_ms FROM board_leases
       WHERE board_id = $1 AND expires_at > clock_timestamp()`,
      [boardId],
    );
    return rows[0] ? ownerOf(rows[0]) : undefined;
  };

  const leases: LeaseStore = {
    async takeLease(boardId, nodeId, nodeUrl, leaseMs): Promise<LeaseTake> {
      // The row is free, expired, released or this node's own (a reload): it gets the next number.
      for (let attempt = 0; attempt < 5; attempt++) {
        const { rows } = await pool.query<{ fence: string; expires_ms: string }>(
          `INSERT INTO board_leases AS l (board_id, node_id, node_url, fence, expires_at)
           VALUES ($1, $2, $3, 1, clock_timestamp() + $4 * interval '1 millisecond')
           ON CONFLICT (board_id) DO UPDATE SET node_id = excluded.node_id, node_url = excluded.node_url,
             fence = l.fence + 1, expires_at = excluded.expires_at
           WHERE l.expires_at <= clock_timestamp() OR l.node_id = excluded.node_id
           RETURNING fence, ${ms('expires_at')} AS expires_ms`,
          [boardId, nodeId, nodeUrl, leaseMs],
        );
        if (rows[0]) return { taken: true, fence: Number(rows[0].fence), expiresAt: Number(rows[0].expires_ms) };
        const holder = await owner(boardId);
        if (holder) return { taken: false, owner: holder };
        // It expired between the two statements: ask again.
      }
      throw new Error(`board ${boardId}: its lease changed hands too often to take`);
    },

    async takeLeaseFrom(boardId, deadNode, nodeId, nodeUrl, leaseMs): Promise<LeaseTake> {
      const { rows } = await pool.query<{ fence: string; expires_ms: string }>(
        `UPDATE board_leases SET node_id = $3, node_url = $4, fence = fence + 1,
           expires_at = clock_timestamp() + $5 * interval '1 millisecond'
         WHERE board_id = $1 AND node_id = $2
         RETURNING fence, ${ms('expires_at')} AS expires_ms`,
        [boardId, deadNode, nodeId, nodeUrl, leaseMs],
      );
      if (rows[0]) return { taken: true, fence: Number(rows[0].fence), expiresAt: Number(rows[0].expires_ms) };
      // Someone else took it first (or it was free): the ordinary way.
      return leases.takeLease(boardId, nodeId, nodeUrl, leaseMs);
    },

    async renewLeases(held, leaseMs) {
      if (held.size === 0) return new Map();
      const { rows } = await pool.query<{ board_id: string; f: number; p: number; r: number }>(
        `UPDATE board_leases l SET expires_at = clock_timestamp() + $3 * interval '1 millisecond'
         FROM unnest($1::text[], $2::bigint[]) AS h(board_id, fence), boards b
         WHERE l.board_id = h.board_id AND l.fence = h.fence AND l.expires_at > clock_timestamp() AND b.id = l.board_id
         RETURNING l.board_id, b.facilitator_key AS f, b.participant_key AS p, b.projector_key AS r`,
        [[...held.keys()], [...held.values()], leaseMs],
      );
      return new Map(rows.map((r) => [r.board_id, { facilitator: Number(r.f), participant: Number(r.p), projector: Number(r.r) }]));
    },

    async renewLease(boardId, fence, leaseMs) {
      const { rows } = await pool.query<{ expires_ms: string }>(
        `UPDATE board_leases SET expires_at = clock_timestamp() + $3 * interval '1 millisecond'
         WHERE board_id = $1 AND fence = $2 AND expires_at > clock_timestamp()
         RETURNING ${ms('expires_at')} AS expires_ms`,
        [boardId, fence, leaseMs],
      );
      return rows[0] ? Number(rows[0].expires_ms) : undefined;
    },

    async releaseLease(boardId, fence) {
      const { rowCount } = await pool.query(
        `UPDATE board_leases SET expires_at = clock_timestamp()
         WHERE board_id = $1 AND fence = $2 AND expires_at > clock_timestamp()`,
        [boardId, fence],
      );
      return (rowCount ?? 0) > 0;
    },

    leaseOwner: owner,

    async dbTime() {
      const { rows } = await pool.query<{ now_ms: string }>(`SELECT ${ms('clock_timestamp()')} AS now_ms`);
      return Number(rows[0]!.now_ms);
    },
  };
  return leases;
}

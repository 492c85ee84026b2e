/**
 * The PostgreSQL store's writes of a board's log: appends, each with the client ID bindings of what it
 * carries, one after another per board.
 *
 * Why: an append is what the room waits on before it broadcasts, so it is one statement: it checks the
 * lease, counts the board's sequence numbers on, inserts every update and every new binding. A server
 * that lost its board therefore writes neither updates nor bindings (`LeaseLostError`), and a binding
 * is never durable without the updates it came with, nor the other way round. An ID already bound keeps
 * its first writer (`ON CONFLICT DO NOTHING`), even when two servers race on an unfenced write.
 */
import type pg from 'pg';
import { fenceOk } from './pgLeases.ts';
import { LeaseLostError, type ClientWriters, type Fence } from './store.ts';

/** A byte array as the `pg` driver sends `bytea` (no copy). */
export const bytes = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** The bindings as two parallel arrays, for `unnest($n::bigint[], $m::text[])`. */
export function writerArrays(writers: ClientWriters | undefined): [number[], string[]] {
  const clients: number[] = [];
  const names: string[] = [];
  for (const [client, writer] of writers ?? []) {
    clients.push(client);
    names.push(writer);
  }
  return [clients, names];
}

/** SQL inserting the bindings `$clients`/`$writers` for every board id the CTE `from` returns (as `id`). */
export const insertWriters = (from: string, clients: string, writers: string): string =>
  `INSERT INTO client_writers (board_id, client_id, writer)
   SELECT ${from}.id, w.client_id, w.writer FROM ${from}, unnest(${clients}::bigint[], ${writers}::text[]) AS w(client_id, writer)
   ON CONFLICT DO NOTHING`;

/** `appendUpdates` of the PostgreSQL store, on `pool`. */
export function pgAppend(pool: pg.Pool): (id: string, updates: readonly Uint8Array[], fence?: Fence, writers?: ClientWriters) => Promise<number> {
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

  const append = async (id: string, updates: readonly Uint8Array[], fence: Fence, writers: ClientWriters | undefined): Promise<number> => {
    const [clients, names] = writerArrays(writers);
    if (updates.length === 0 && clients.length === 0) return 0;
    // One statement: check the lease (and lock the board's row), count the board's numbers on, insert
    // every binding and every update. Each data-modifying part runs whether or not the last reads it.
    const { rows } = await pool.query<{ last_seq: string }>(
      `WITH bump AS (
         UPDATE boards SET last_seq = last_seq + cardinality($2::bytea[])
         WHERE id = $1 AND ${fenceOk('$3')}
         RETURNING id, last_seq, last_seq - cardinality($2::bytea[]) AS base),
       bound AS (${insertWriters('bump', '$4', '$5')}),
       added AS (
         INSERT INTO updates (board_id, seq, data)
         SELECT $1, bump.base + u.ord, u.data FROM bump, unnest($2::bytea[]) WITH ORDINALITY AS u(data, ord))
       SELECT last_seq FROM bump`,
      [id, updates.map(bytes), fence ?? null, clients, names],
    );
    if (!rows[0]) {
      if (fence !== undefined) throw new LeaseLostError(id);
      throw new Error(`unknown board ${id}`);
    }
    return updates.length === 0 ? 0 : Number(rows[0].last_seq);
  };

  return (id, updates, fence, writers) => inTurn(id, () => append(id, updates, fence, writers));
}

/**
 * Opens the store the configuration asks for: the SQLite file in the data folder, or PostgreSQL.
 *
 * Why: a fresh clone must run with nothing set (one SQLite file), and the same server must run on a
 * shared PostgreSQL when `OLIFANT_DATABASE_URL` is given, also as a single process. The rest of the
 * server sees one `BoardStore` either way.
 */
import { openPgStore, type PgStoreOptions } from './pgStore.ts';
import { openSqliteStore } from './sqliteStore.ts';
import type { BoardStore } from './store.ts';

/** What choosing and opening the store needs from the server's configuration. */
export interface StoreConfig {
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
}

/** Opens PostgreSQL when `databaseUrl` is set, else `olifant.sqlite` in `dataDir`. */
export async function openStore(config: StoreConfig, pgOptions: PgStoreOptions = {}): Promise<BoardStore> {
  if (config.databaseUrl) return openPgStore(config.databaseUrl, pgOptions);
  return openSqliteStore(config.dataDir);
}

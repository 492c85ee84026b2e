/**
 * Typed transaction origins.
 *
 * Why: every change runs in one `doc.transact(fn, origin)`. The origin says who made it, so the undo
 * manager tracks only the local user's own changes and the store bridge can tell its own echoes apart.
 * Origins are compared by identity, hence the frozen singletons.
 */

/** Who made a change. */
export type OriginKind = 'local' | 'server' | 'import' | 'migration';

/** A transaction origin; pass one of `ORIGIN`'s members, never a fresh object. */
export interface TxOrigin {
  readonly kind: OriginKind;
}

/** The origins of changes made through the shared mutations. Changes arriving from the network carry
 * their provider or connection as origin instead. */
export const ORIGIN: Readonly<Record<OriginKind, TxOrigin>> = Object.freeze({
  /** This device's user, through the UI (tracked by undo). */
  local: Object.freeze({ kind: 'local' }),
  /** The server itself (board creation, housekeeping). */
  server: Object.freeze({ kind: 'server' }),
  /** Bulk imports (CSV, restore). */
  import: Object.freeze({ kind: 'import' }),
  /** Schema migrations run when the server loads a board. */
  migration: Object.freeze({ kind: 'migration' }),
});

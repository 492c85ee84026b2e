/**
 * The board schema version and the migration runner the server runs when it loads a board.
 *
 * Why: boards outlive releases (a conference's board is reopened months later for the report) and may
 * be written by other Yjs tools. Migrations are named `up` steps from one version to the next with no
 * gaps; they add or fill in, never drop unknown fields, and run before any client syncs.
 */
import * as Y from 'yjs';
import { newEpoch } from '../model/ids.ts';
import { ORIGIN } from './origins.ts';
import { META, metaMap } from './roots.ts';

/** The schema version this code writes and understands. */
export const CURRENT_SCHEMA_VERSION = 2;

/** One step from version `from` to `from + 1`. */
export interface Migration {
  /** The version this step starts from. */
  readonly from: number;
  /** A short name for logs. */
  readonly name: string;
  /** Changes the document in place; runs inside the runner's transaction. */
  up(doc: Y.Doc): void;
}

/** The migrations, in order. Version 0 is a document without `meta.schemaVersion`. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    name: 'v1: stamp schemaVersion and fill in missing meta',
    up(doc) {
      const meta = metaMap(doc);
      if (typeof meta.get(META.title) !== 'string') meta.set(META.title, '');
      if (typeof meta.get(META.createdAt) !== 'number') meta.set(META.createdAt, Date.now());
    },
  },
  {
    from: 1,
    name: 'v2: give the board an epoch',
    up(doc) {
      const meta = metaMap(doc);
      if (typeof meta.get(META.epoch) !== 'string' || meta.get(META.epoch) === '') meta.set(META.epoch, newEpoch());
    },
  },
];

/** What `migrateBoard` did. */
export interface MigrationResult {
  readonly from: number;
  readonly to: number;
  /** Names of the steps that ran, in order. */
  readonly applied: readonly string[];
}

/** A board that cannot be migrated (written by a newer Olifant, or a gap in the steps). */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Checks that `list` runs 0 -> 1 -> ... -> `target` in order with no gaps. */
export function checkMigrations(list: readonly Migration[], target: number): void {
  list.forEach((m, i) => {
    if (m.from !== i) throw new MigrationError(`migration ${i} starts at version ${m.from}, expected ${i}`);
  });
  if (list.length !== target) {
    throw new MigrationError(`migrations reach version ${list.length}, expected ${target}`);
  }
}

/**
 * Brings `doc` up to `target` in one transaction (origin `migration`), so clients never see a
 * half-migrated board. Returns what ran; throws `MigrationError` for a board newer than `target`.
 */
export function migrateBoard(
  doc: Y.Doc,
  list: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  checkMigrations(list, target);
  const raw = metaMap(doc).get(META.schemaVersion);
  const from = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : 0;
  if (from > target) {
    throw new MigrationError(`board has schema version ${from}; this server understands up to ${target}`);
  }
  const applied: string[] = [];
  if (from === target) return { from, to: target, applied };
  doc.transact(() => {
    for (const step of list.slice(from)) {
      step.up(doc);
      applied.push(step.name);
      metaMap(doc).set(META.schemaVersion, step.from + 1);
    }
  }, ORIGIN.migration);
  return { from, to: target, applied };
}

/**
 * Board backups: the full Yjs state (so a restore is exact) with a readable JSON view of everything
 * on the board beside it (so the content is usable without Olifant), and restoring one as a new
 * board incarnation.
 *
 * Why: nothing the room made may be lost after the day. A restore never writes into an existing
 * board: it makes a new one, with a new epoch, so devices holding the old board cannot merge into it
 * by mistake. The restored state keeps the backup's document client IDs (the new incarnation only
 * adds changes of its own), so the backup also carries which writer each ID is bound to (the proof of
 * who wrote what), and a restore binds them again on the new board.
 */
import * as Y from 'yjs';
import { z } from '../model/zod.ts';
import { listClusters, listDots, listGroups, listOutcomes, listStances, listVotes } from '../doc/cocreationQueries.ts';
import { readFacilitation, readSeats } from '../doc/facilitationQueries.ts';
import { CURRENT_SCHEMA_VERSION, migrateBoard } from '../doc/migrations.ts';
import { listPeople } from '../doc/people.ts';
import { listNotes, readMeta } from '../doc/queries.ts';
import { META, metaMap } from '../doc/roots.ts';
import { listAreas, listConnectors } from '../doc/shapeQueries.ts';
import { newEpoch } from '../model/ids.ts';
import { modelError } from '../model/errors.ts';
import { MAX_TITLE, parseOrThrow } from '../model/records.ts';

export const BACKUP_FORMAT = 'olifant-backup';
export const BACKUP_VERSION = 1;
/** Most client ID bindings a restore accepts (a conference board has a few thousand at most). */
export const MAX_BACKUP_CLIENT_WRITERS = 100_000;

/** Which writer (a device key's hash, `@server`, or '' for keyless) each document client ID is bound to. */
export type ClientWriterMap = ReadonlyMap<number, string>;

/** Everything on a board as plain JSON (for reading; the restore uses `state`). */
export function readableView(doc: Y.Doc) {
  return {
    meta: readMeta(doc),
    notes: listNotes(doc),
    areas: listAreas(doc),
    connectors: listConnectors(doc),
    groups: listGroups(doc),
    clusters: listClusters(doc),
    votes: listVotes(doc),
    dots: listDots(doc),
    stances: listStances(doc),
    outcomes: listOutcomes(doc),
    facilitation: readFacilitation(doc),
    seats: readSeats(doc),
    people: listPeople(doc),
  };
}

export interface Backup {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly exportedAt: number;
  readonly board: { readonly id: string; readonly title: string; readonly epoch: string; readonly schemaVersion: number };
  /** `Y.encodeStateAsUpdate(doc)`, base64. */
  readonly state: string;
  readonly view: ReturnType<typeof readableView>;
  /** The board's client ID bindings: decimal client ID to writer (absent in backups from before them). */
  readonly clientWriters?: Readonly<Record<string, string>>;
}

/** A backup of a board, with its client ID bindings `writers`. */
export function makeBackup(doc: Y.Doc, boardId: string, now: number, writers: ClientWriterMap = new Map()): Backup {
  const meta = readMeta(doc);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    board: { id: boardId, title: meta.title, epoch: meta.epoch, schemaVersion: meta.schemaVersion },
    state: toBase64(Y.encodeStateAsUpdate(doc)),
    view: readableView(doc),
    clientWriters: clientWritersField(writers),
  };
}

/** Bindings as the backup's `clientWriters` field: decimal client ID to writer, in client ID order. */
export function clientWritersField(writers: ClientWriterMap): Record<string, string> {
  return Object.fromEntries([...writers].sort(([a], [b]) => a - b).map(([client, writer]) => [String(client), writer]));
}

const CLIENT_ID_RULE = 'a client ID is a whole number from 0 to 4294967295';
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The bindings field: an object of at most `MAX_BACKUP_CLIENT_WRITERS` client IDs, counted before each is checked. */
const clientWritersSchema = z.pipe(
  z.custom<Record<string, unknown>>((v) => isPlainObject(v) && Object.keys(v).length <= MAX_BACKUP_CLIENT_WRITERS, {
    error: (iss) =>
      isPlainObject(iss.input)
        ? `more than ${MAX_BACKUP_CLIENT_WRITERS} client ID bindings`
        : 'expected an object of client IDs and their writers',
  }),
  z.record(
    z.string().check(z.regex(/^(0|[1-9]\d{0,9})$/), z.refine((k) => Number(k) <= 0xffffffff)),
    z.string().check(z.regex(/^[\w@-]{0,64}$/, 'a writer is a device key hash (base64url), "@server", or empty')),
    { error: (iss) => (iss.code === 'invalid_key' ? CLIENT_ID_RULE : undefined) },
  ),
);

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: `not an Olifant backup (format must be "${BACKUP_FORMAT}")` }),
  version: z.number().check(z.int(), z.minimum(1), z.maximum(BACKUP_VERSION, { error: 'this backup was made by a newer Olifant; update the server first' })),
  board: z.looseObject({ title: z.string().check(z.maxLength(MAX_TITLE)) }),
  state: z.string({ error: 'the backup has no board state' }).check(z.minLength(1, 'the backup has no board state')),
  clientWriters: z.optional(clientWritersSchema),
});

/** A restored backup: the new incarnation's document and the backup's client ID bindings (none in older backups). */
export interface RestoredBackup {
  readonly doc: Y.Doc;
  readonly writers: Map<number, string>;
}

/**
 * The board document in a backup, as a new incarnation (a fresh epoch) titled `title` (or the
 * backup's title), with the backup's client ID bindings. Refuses what is not a backup, bindings that
 * are malformed or too many, or a state that is not a board.
 */
export function restoreBackup(input: unknown, title?: string): RestoredBackup {
  const backup = parseOrThrow(backupSchema, input);
  const writers = new Map(Object.entries(backup.clientWriters ?? {}).map(([client, writer]) => [Number(client), writer]));
  return { doc: newIncarnation(fromBase64(backup.state), title), writers };
}

/**
 * A board state (a backup's, or a kept snapshot's) as a new incarnation: migrated, with a fresh epoch
 * and, if given, a new title. Refuses a state that is not a board.
 */
export function newIncarnation(state: Uint8Array, title?: string): Y.Doc {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
  } catch (err) {
    throw modelError('stateDamaged', { detail: (err as Error).message });
  }
  // Yjs keeps what it cannot place (a damaged state often reads as such) and writes it out again;
  // a board made from it could never be loaded.
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy();
    throw modelError('stateIncomplete');
  }
  const meta = readMeta(doc);
  if (meta.schemaVersion > CURRENT_SCHEMA_VERSION) throw modelError('stateFromNewerVersion');
  if (!meta.title && !title) throw modelError('stateHasNoBoard');
  migrateBoard(doc);
  doc.transact(() => {
    metaMap(doc).set(META.epoch, newEpoch());
    const clean = (title ?? meta.title).trim().slice(0, MAX_TITLE);
    if (clean) metaMap(doc).set(META.title, clean);
  });
  return doc;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  let s: string;
  try {
    s = atob(text);
  } catch {
    throw modelError('backupNotBase64');
  }
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

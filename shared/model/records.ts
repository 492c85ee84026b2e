/**
 * The board's records as plain, read-only values, with runtime validators for anything that comes
 * from outside (API bodies, imports).
 *
 * Why: the React layer and the server read boards through these types only, never through Y types,
 * and every external input is checked here once, with an error message a person can act on.
 */
import { modelError } from './errors.ts';
import { z } from './zod.ts';

/** A stakeholder-group id or `null` when the author has not picked one. */
export type GroupId = string | null;

/** Board-level facts stored in `doc.getMap('meta')`. */
export interface BoardMeta {
  /** Version of the board document layout; see `CURRENT_SCHEMA_VERSION`. */
  readonly schemaVersion: number;
  /** The board's title as shown to everyone. */
  readonly title: string;
  /** When the board was created, ms since the epoch. */
  readonly createdAt: number;
  /**
   * This incarnation of the board: random, set when the board is made and changed whenever its
   * content is replaced wholesale (restored or recreated). A device whose copy has another epoch
   * must not merge it blindly, or deleted notes would come back and restored ones double.
   */
  readonly epoch: string;
}

/** One sticky note, as stored under its id in `doc.getMap('notes')`. */
export interface Note {
  /** The note's id (its key in the `notes` map). */
  readonly id: string;
  /** The note's text (a `Y.Text` in the document, so concurrent typing merges per character). */
  readonly text: string;
  /** Left edge, in board units. */
  readonly x: number;
  /** Top edge, in board units. */
  readonly y: number;
  /** Width, in board units. */
  readonly w: number;
  /** Height, in board units. */
  readonly h: number;
  /** Fill colour as `#rrggbb`. */
  readonly color: string;
  /** Who made the note: a per-device participant id. */
  readonly authorId: string;
  /** The author's stakeholder group, or `null`. */
  readonly groupId: GroupId;
  /** The cluster the note was put in, or `null`. As stored: the cluster may since have been merged
   * (follow `mergedInto`) or dissolved; `resolveCluster` gives the cluster it is in now. */
  readonly clusterId: string | null;
  /** `'action'` for an action card (action planning), else `'note'`. */
  readonly kind: 'note' | 'action';
  /** An action card's owner ('' when none yet). */
  readonly owner: string;
  /** An action card's volunteers, in id order. */
  readonly volunteers: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** When the note was made, ms since the epoch. */
  readonly createdAt: number;
}

/** Size of a new note when none is given, in board units. */
export const DEFAULT_NOTE_SIZE = 160;
/** Colour of a new note when none is given (sticky-note yellow). */
export const DEFAULT_NOTE_COLOR = '#fff176';
/** Longest text a note may hold, in characters. */
export const MAX_NOTE_TEXT = 5_000;
/** Longest owner or volunteer name on an action card, in characters. */
export const MAX_PERSON_NAME = 60;
/** Longest board title, in characters. */
export const MAX_TITLE = 200;
/** Note sizes are kept within this range, in board units. */
export const MIN_NOTE_SIZE = 20;
export const MAX_NOTE_SIZE = 5_000;

const finite = z.number({ error: 'must be a finite number' });
export const colorSchema = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #ffcc00'));
const sizeSchema = z.number({ error: 'must be a finite number' }).check(
  z.minimum(MIN_NOTE_SIZE, `must be at least ${MIN_NOTE_SIZE}`),
  z.maximum(MAX_NOTE_SIZE, `must be at most ${MAX_NOTE_SIZE}`),
);
/** An id-like string: 1 to 100 characters. */
const idSchema = z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(100, 'must be at most 100 characters'));

/** A board title: trimmed, 1 to 200 characters. */
export const titleSchema = z
  .string({ error: 'must be a string' })
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(MAX_TITLE, `must be at most ${MAX_TITLE} characters`));

/** Body of `POST /api/boards`. */
export const createBoardBodySchema = z.strictObject({ title: titleSchema });
export type CreateBoardBody = z.infer<typeof createBoardBodySchema>;

/** What a caller supplies to make a note; the rest is filled in by `createNote`. */
export const newNoteSchema = z.strictObject({
  text: z._default(z.string().check(z.maxLength(MAX_NOTE_TEXT, `must be at most ${MAX_NOTE_TEXT} characters`)), ''),
  x: finite,
  y: finite,
  w: z._default(sizeSchema, DEFAULT_NOTE_SIZE),
  h: z._default(sizeSchema, DEFAULT_NOTE_SIZE),
  color: z._default(colorSchema, DEFAULT_NOTE_COLOR),
  authorId: idSchema,
  groupId: z._default(z.nullable(idSchema), null),
  createdAt: z.optional(finite),
});
export type NewNote = z.input<typeof newNoteSchema>;

/**
 * Parses `value` with `schema`, or throws a `ValidationError` (`invalidInput`) whose message names
 * every bad field, such as "title: must not be empty".
 */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const message = result.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  throw modelError('invalidInput', { detail: message });
}

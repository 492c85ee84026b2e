/**
 * The root names of the board document: the single place that knows the Yjs layout.
 *
 * Why: other Yjs tools read and write boards through these names (a public contract, documented in the
 * README), so they are spelled once, here, and everything else asks these getters.
 */
import * as Y from 'yjs';

/** Root map names, schema v1. Later versions may add roots, never rename these. */
export const ROOT = {
  meta: 'meta',
  notes: 'notes',
  areas: 'areas',
  connectors: 'connectors',
} as const;

/** Keys of the `meta` map. */
export const META = {
  schemaVersion: 'schemaVersion',
  title: 'title',
  createdAt: 'createdAt',
  epoch: 'epoch',
} as const;

/** Keys of each note's `Y.Map`. */
export const NOTE = {
  text: 'text',
  x: 'x',
  y: 'y',
  w: 'w',
  h: 'h',
  color: 'color',
  authorId: 'authorId',
  groupId: 'groupId',
  createdAt: 'createdAt',
} as const;

/** Keys of each area's `Y.Map`. */
export const AREA = {
  name: 'name',
  x: 'x',
  y: 'y',
  w: 'w',
  h: 'h',
  color: 'color',
  createdAt: 'createdAt',
} as const;

/** Keys of each connector's `Y.Map`. */
export const CONNECTOR = {
  from: 'from',
  to: 'to',
  label: 'label',
  createdAt: 'createdAt',
} as const;

/** A note as it lives in the document: a map of its fields, with `text` a `Y.Text`. */
export type YNote = Y.Map<unknown>;

/** The board's `meta` map. */
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.meta);
}

/** The board's `notes` map: note id -> `YNote`. */
export function notesMap(doc: Y.Doc): Y.Map<YNote> {
  return doc.getMap<YNote>(ROOT.notes);
}

/** The board's `areas` map: area id -> `Y.Map` of its fields. */
export function areasMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROOT.areas);
}

/** The board's `connectors` map: connector id -> `Y.Map` of its fields. */
export function connectorsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROOT.connectors);
}

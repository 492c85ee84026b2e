/**
 * Areas and connectors as plain, read-only values, with validators for their inputs.
 *
 * Why: areas (the space of a breakout table, a timeline lane, a column) and connectors (the arrows of
 * the trends mind map) are records of their own, next to notes; the UI and the server read them
 * through these types only.
 */
import { z } from './zod.ts';

/** A named rectangle drawn behind notes, stored in `doc.getMap('areas')`. */
export interface Area {
  /** The area's id (its key in the `areas` map). */
  readonly id: string;
  /** The area's name, shown on its top edge. */
  readonly name: string;
  /** Left edge, in board units. */
  readonly x: number;
  /** Top edge, in board units. */
  readonly y: number;
  /** Width, in board units. */
  readonly w: number;
  /** Height, in board units. */
  readonly h: number;
  /** Fill colour as `#rrggbb` (drawn faintly). */
  readonly color: string;
  /** When the area was made, ms since the epoch. */
  readonly createdAt: number;
  /** Locked by the facilitator: participants cannot change it or the notes in it. */
  readonly locked: boolean;
  /** Whether this area is a table people sit at, and which kind. */
  readonly table: 'stakeholder' | 'mixed' | null;
  /** For a stakeholder table: its stakeholder group. */
  readonly tableGroup: string | null;
  /** A template area's name in English and Dutch: each viewer sees their language's while the area
   * is not renamed (`name` is still one of these). Absent on areas people drew. */
  readonly names?: AreaNames;
}

/** An area's name in each UI language. */
export interface AreaNames {
  readonly en: string;
  readonly nl: string;
}

/** The name of `area` for a viewer in `lang`: its template name in that language, unless renamed. */
export function areaName(area: Pick<Area, 'name' | 'names'>, lang: 'en' | 'nl'): string {
  const names = area.names;
  return names && (area.name === names.en || area.name === names.nl) ? names[lang] : area.name;
}

/** An arrow from one note to another, stored in `doc.getMap('connectors')`. */
export interface Connector {
  /** The connector's id (its key in the `connectors` map). */
  readonly id: string;
  /** The note the arrow starts at. */
  readonly from: string;
  /** The note the arrow points to. */
  readonly to: string;
  /** An optional label drawn at the arrow's middle ('' for none). */
  readonly label: string;
  /** When the connector was made, ms since the epoch. */
  readonly createdAt: number;
}

/** Default area size and colour. */
export const DEFAULT_AREA = { w: 800, h: 560, color: '#cfe3f7' } as const;
/** Longest area name and connector label, in characters. */
export const MAX_AREA_NAME = 120;
export const MAX_CONNECTOR_LABEL = 120;
/** Smallest area side, in board units. */
export const MIN_AREA_SIZE = 80;

const finite = z.number({ error: 'must be a finite number' });
const side = z.number({ error: 'must be a finite number' }).check(z.minimum(MIN_AREA_SIZE, `must be at least ${MIN_AREA_SIZE}`));
const trimmed = (max: number) => z.string().check(z.trim(), z.maxLength(max, `must be at most ${max} characters`));

/** What a caller supplies to make an area. */
export const newAreaSchema = z.strictObject({
  name: z._default(trimmed(MAX_AREA_NAME), ''),
  x: finite,
  y: finite,
  w: z._default(side, DEFAULT_AREA.w),
  h: z._default(side, DEFAULT_AREA.h),
  color: z._default(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #ffcc00')), DEFAULT_AREA.color),
});
export type NewArea = z.input<typeof newAreaSchema>;

/** An area name (trimmed, up to 120 characters). */
export const areaNameSchema = trimmed(MAX_AREA_NAME);
/** A connector label (trimmed, up to 120 characters). */
export const connectorLabelSchema = trimmed(MAX_CONNECTOR_LABEL);

/**
 * Which tools participants may use on a board, as the facilitator set it: notes only, notes and dot
 * votes, or everything (areas, connectors, clusters, action cards too). The facilitator always has
 * everything.
 *
 * Why: one rule, read by the client (which hides what is off) and by the server (which refuses what
 * is off), so the two can never disagree on what a setting allows.
 */

/** The facilitator's setting, stored as `facilitation.participantTools`. */
export type ParticipantTools = 'notes' | 'notesAndVotes' | 'everything';

/** The settings, from the narrowest to the widest (the order the facilitator sees them in). */
export const PARTICIPANT_TOOLS: readonly ParticipantTools[] = ['notes', 'notesAndVotes', 'everything'];

/** What a board allows when nothing is set (boards made before the setting existed keep working). */
export const DEFAULT_PARTICIPANT_TOOLS: ParticipantTools = 'everything';

/**
 * The kinds of write a setting can switch off. Notes themselves (writing, moving, deleting one's
 * notes) are always allowed.
 * - `dots`: placing or taking back a dot in a vote;
 * - `areas`: making, moving, renaming or deleting an area;
 * - `connectors`: drawing, relabelling or deleting a connector (except those a deleted note takes along);
 * - `clusters`: making, renaming, merging or dissolving a cluster, and putting notes in or out of one;
 * - `actionCards`: making a note an action card (or back), and its owner and volunteers.
 */
export type ToolKind = 'dots' | 'areas' | 'connectors' | 'clusters' | 'actionCards';

/** Every kind of write a setting can switch off. */
export const TOOL_KINDS: readonly ToolKind[] = ['dots', 'areas', 'connectors', 'clusters', 'actionCards'];

/** A stored value as a setting: anything unknown (another tool's typo, an older board) reads as the default. */
export function toParticipantTools(value: unknown): ParticipantTools {
  return value === 'notes' || value === 'notesAndVotes' || value === 'everything' ? value : DEFAULT_PARTICIPANT_TOOLS;
}

/** Whether `setting` lets participants make writes of kind `kind`. */
export function participantsMay(setting: ParticipantTools, kind: ToolKind): boolean {
  if (setting === 'everything') return true;
  if (kind === 'dots') return setting === 'notesAndVotes';
  return false;
}

/**
 * Whether a person with `role` may use tools of kind `kind` under `setting`: the setting limits
 * participants only (the facilitator always may; a projector writes nothing but shows what is going on).
 */
export function mayUseTool(role: string, setting: ParticipantTools, kind: ToolKind): boolean {
  return role !== 'participant' || participantsMay(setting, kind);
}

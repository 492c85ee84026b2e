/**
 * The columns and cells of the vote results table: one column per stakeholder group that placed a
 * dot (in the groups' order), and one for dots without a group when there are any.
 *
 * Why: the split by group was a coloured bar whose numbers showed only in a hover tooltip, which a
 * tablet and the projector never show. A table says each group's number in words a screen reader
 * reads too; groups that placed no dot are left out so the table fits a side panel.
 */
import type { VoteRow } from '../store/derived.ts';

/** A column of the table: a group (or '' for no group), with its name and colour. */
export interface ResultColumn {
  groupId: string;
  name: string;
  color: string;
}

/** The group columns of `rows`: groups in the order of `groupOrder`, then any others, then no group. */
export function resultColumns(rows: readonly VoteRow[], groupOrder: readonly string[]): ResultColumn[] {
  const seen = new Map<string, ResultColumn>();
  for (const row of rows) for (const part of row.split) if (part.count > 0 && !seen.has(part.groupId)) seen.set(part.groupId, { groupId: part.groupId, name: part.name, color: part.color });
  const rank = (id: string) => (id === '' ? Number.MAX_SAFE_INTEGER : groupOrder.indexOf(id) < 0 ? groupOrder.length : groupOrder.indexOf(id));
  return [...seen.values()].sort((a, b) => rank(a.groupId) - rank(b.groupId));
}

/** The count of `groupId`'s dots in `row` (0 when it placed none). */
export function cellCount(row: VoteRow, groupId: string): number {
  return row.split.find((p) => p.groupId === groupId)?.count ?? 0;
}

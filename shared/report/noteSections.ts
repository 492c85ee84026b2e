/**
 * Which of the report's note sections lists each note: every note of the board in exactly one.
 *
 * - an action card under Actions;
 * - else a clustered note under Clusters, with its cluster (even inside a task's area: the cluster is
 *   where the room put it);
 * - else a note whose area belongs to an agenda task under Agenda, with that task and area (an area
 *   used by two tasks lists its notes under the first);
 * - else under Elsewhere on the board: per area, in board order, then the notes in no area.
 *
 * Why: the report is what the room made, handed to the sponsor. A note that no section claims would
 * silently drop out of it, and one listed twice would count twice in anyone's reading.
 */
import { coverageOf } from '../analysis/clusters.ts';
import type { AgendaStep } from '../templates/agenda.ts';
import type { Note } from '../model/records.ts';
import { areaName, type Area } from '../model/shapes.ts';
import type { BoardOutcomes } from './boardOutcomes.ts';

/** A note as a note section lists it: its id, its text (the untitled word when empty), its group's name ('' without one). */
export interface ReportNote {
  readonly id: string;
  readonly text: string;
  readonly group: string;
}

export interface ReportTask {
  readonly title: string;
  readonly instruction: string;
  readonly current: boolean;
  readonly areas: { name: string; notes: ReportNote[] }[];
}

export interface ReportCluster {
  readonly label: string;
  /** The cluster's notes (action cards left out: they are listed under Actions), per group in the board's order of groups. */
  readonly byGroup: { group: string; notes: ReportNote[] }[];
  readonly present: string[];
  readonly missing: string[];
}

export interface ReportElsewhere {
  /** Areas of no agenda task that hold unclustered notes, in board order. */
  readonly areas: { name: string; notes: ReportNote[] }[];
  /** Unclustered notes in no area at all. */
  readonly outside: ReportNote[];
}

export interface ReportAction extends ReportNote {
  readonly owner: string;
  readonly volunteers: string[];
}

export interface NoteSections {
  readonly tasks: ReportTask[];
  readonly clusters: ReportCluster[];
  readonly elsewhere: ReportElsewhere;
  readonly actions: ReportAction[];
}

export interface SectionOptions {
  readonly lang: 'en' | 'nl';
  readonly untitled: string;
  /** The group line's name for clustered notes of nobody's group. */
  readonly noGroup: string;
  readonly steps: readonly AgendaStep[];
  /** The current agenda step's index. */
  readonly step: number;
  /** Area ids per agenda step id, as the layout wrote them. */
  readonly stepAreas: Readonly<Record<string, readonly string[]>>;
}

/** Puts every note of the board in its one note section (see the module comment). */
export function noteSections(board: BoardOutcomes, options: SectionOptions): NoteSections {
  const groupName = (id: string | null) => (id ? (board.groups.find((g) => g.id === id)?.name ?? '') : '');
  const entry = (n: Note): ReportNote => ({ id: n.id, text: n.text.trim() || options.untitled, group: groupName(n.groupId) });
  const areaById = new Map(board.areas.map((a) => [a.id, a]));

  // Each task area belongs to the first task that uses it.
  const taskAreas = options.steps.map((step) => {
    const ids = (options.stepAreas[step.id] ?? []).filter((id, i, all) => areaById.has(id) && all.indexOf(id) === i);
    return ids.map((id) => areaById.get(id)!);
  });
  const claimed = new Set<string>();
  const owned = taskAreas.map((areas) => areas.filter((a) => !claimed.has(a.id) && (claimed.add(a.id), true)));

  const byArea = new Map<string, ReportNote[]>();
  const outside: ReportNote[] = [];
  const actions: ReportAction[] = [];
  for (const n of board.notes) {
    if (n.kind === 'action') {
      actions.push({ ...entry(n), owner: n.owner, volunteers: n.volunteers.map((v) => v.name) });
      continue;
    }
    if (board.clusterOf(n) !== null) continue;
    const area = board.areaOf(n);
    if (!area) outside.push(entry(n));
    else byArea.set(area.id, [...(byArea.get(area.id) ?? []), entry(n)]);
  }
  const listed = (a: Area) => ({ name: areaName(a, options.lang), notes: byArea.get(a.id) ?? [] });

  const tasks = options.steps.map((step, i) => ({
    title: step.title[options.lang],
    instruction: step.instruction[options.lang],
    current: i === options.step,
    areas: owned[i]!.map(listed),
  }));

  const clusters = [...board.members].map(([id, ids]) => {
    const members = ids.map((n) => board.noteById.get(n)!);
    const cov = coverageOf(members, board.groups);
    const byGroup = new Map<string, ReportNote[]>();
    for (const n of members.filter((m) => m.kind !== 'action')) {
      const key = groupName(n.groupId) || options.noGroup;
      byGroup.set(key, [...(byGroup.get(key) ?? []), entry(n)]);
    }
    // Groups in the board's order (as Participants lists them), notes of no group last.
    const rank = (name: string) => {
      const i = board.groups.findIndex((g) => g.name === name);
      return i < 0 ? board.groups.length : i;
    };
    return {
      label: board.clusters.get(id)?.label || options.untitled,
      byGroup: [...byGroup].sort((a, b) => rank(a[0]) - rank(b[0])).map(([group, notes]) => ({ group, notes })),
      present: cov.present.map((g) => groupName(g) || options.noGroup),
      missing: cov.missing.map((g) => groupName(g) || options.noGroup),
    };
  });

  const elsewhere = board.areas.filter((a) => !claimed.has(a.id) && byArea.has(a.id)).map(listed);
  return { tasks, clusters, elsewhere: { areas: elsewhere, outside }, actions };
}

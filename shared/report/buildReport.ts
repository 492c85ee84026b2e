/**
 * The conference report as plain data, derived from the board document by the shared rules: who took
 * part per stakeholder group, the note sections (the agenda's tasks with their areas and notes, the
 * clusters with their notes by group and their coverage, the notes elsewhere on the board, the action
 * cards: every note in exactly one), the vote results with the split by group, and the common-ground
 * lists with each group's standing.
 *
 * Why: one derivation for every output (Markdown, HTML, and later the client), so the report says
 * what every screen said during the day. The renderers only format and escape.
 */
import type * as Y from 'yjs';
import { activeGroups } from '../analysis/clusters.ts';
import type { AgreementItem } from '../analysis/standing.ts';
import { countVote } from '../analysis/votes.ts';
import type { OutcomeList, StanceValue } from '../model/cocreation.ts';
import type { Note } from '../model/records.ts';
import { listDots, listVotes } from '../doc/cocreationQueries.ts';
import { readFacilitation } from '../doc/facilitationQueries.ts';
import { listPeople } from '../doc/people.ts';
import { readMeta } from '../doc/queries.ts';
import { agendaSteps } from '../templates/agenda.ts';
import { boardOutcomes } from './boardOutcomes.ts';
import { noteSections, type ReportAction, type ReportCluster, type ReportElsewhere, type ReportTask } from './noteSections.ts';

export interface ReportGroup {
  readonly name: string;
  readonly color: string;
  readonly people: string[];
  readonly notes: number;
}

export interface ReportItem {
  readonly title: string;
  readonly notes: string[];
  readonly stances: { group: string; stance: StanceValue | null }[];
  readonly contested: boolean;
}

export interface Report {
  readonly title: string;
  readonly createdAt: number;
  readonly generatedAt: number;
  /** The reader's IANA time zone for the report's dates (UTC when the request named none). */
  readonly timeZone: string;
  readonly groups: ReportGroup[];
  /** People who picked no stakeholder group (the facilitator, often). */
  readonly withoutGroup: string[];
  /** The agenda's tasks, each with its areas and their unclustered notes (see `noteSections`). */
  readonly tasks: ReportTask[];
  /** The clusters, each with its notes by group. */
  readonly clusters: ReportCluster[];
  /** The unclustered notes no agenda task lists: per area, then those in no area. */
  readonly elsewhere: ReportElsewhere;
  readonly votes: { title: string; open: boolean; rows: { title: string; total: number; split: { group: string; count: number }[] }[] }[];
  readonly lists: Record<OutcomeList | 'disagreements', ReportItem[]>;
  /** The action cards (listed only here). */
  readonly actions: ReportAction[];
}

/** Builds the report of a board; headings and fallbacks come from the renderer, texts are raw. */
export function buildReport(doc: Y.Doc, options: { lang: 'en' | 'nl'; now: number; untitled: string; noGroup: string; timeZone?: string }): Report {
  const meta = readMeta(doc);
  const board = boardOutcomes(doc);
  const { notes, noteById, groups, members, resolve, lists } = board;
  const active = activeGroups(groups);
  const groupName = (id: string | null) => (id ? (groups.find((g) => g.id === id)?.name ?? options.noGroup) : options.noGroup);
  const people = listPeople(doc);
  const text = (n: Note) => n.text.trim() || options.untitled;
  const itemTitle = (id: string) => (noteById.has(id) ? text(noteById.get(id)!) : board.clusters.get(id)?.label || options.untitled);
  const itemNotes = (id: string) => (members.get(id) ?? (noteById.has(id) ? [id] : [])).map((n) => text(noteById.get(n)!));

  const facilitation = readFacilitation(doc);
  const sections = noteSections(board, {
    lang: options.lang,
    untitled: options.untitled,
    noGroup: options.noGroup,
    steps: agendaSteps(facilitation.agenda.template),
    step: facilitation.agenda.step,
    stepAreas: facilitation.agenda.areas,
  });

  const toItem = (item: AgreementItem): ReportItem => ({
    title: itemTitle(item.itemId),
    notes: itemNotes(item.itemId),
    stances: active.map((g) => ({ group: g.name, stance: item.byGroup[g.id] ?? null })),
    contested: item.contested,
  });
  const dots = listDots(doc);

  return {
    title: meta.title,
    createdAt: meta.createdAt,
    generatedAt: options.now,
    timeZone: options.timeZone ?? 'UTC',
    groups: active.map((g) => ({
      name: g.name,
      color: g.color,
      people: people.filter((p) => p.groupId === g.id).map((p) => p.name),
      notes: notes.filter((n) => n.groupId === g.id).length,
    })),
    withoutGroup: people.filter((p) => !p.groupId || !active.some((g) => g.id === p.groupId)).map((p) => p.name),
    tasks: sections.tasks,
    clusters: sections.clusters,
    elsewhere: sections.elsewhere,
    votes: listVotes(doc).map((v) => {
      const count = countVote(v, dots, resolve);
      return {
        title: v.title,
        open: v.open,
        rows: count.ranking.map((r) => ({
          title: itemTitle(r.itemId),
          total: r.total,
          split: Object.entries(count.byGroup[r.itemId] ?? {}).map(([g, n]) => ({ group: groupName(g || null), count: n })),
        })),
      };
    }),
    lists: {
      commonGround: lists.commonGround.map(toItem),
      potentialProject: lists.potentialProject.map(toItem),
      notAgreed: lists.notAgreed.map(toItem),
      disagreements: lists.disagreements.map(toItem),
    },
    actions: sections.actions,
  };
}

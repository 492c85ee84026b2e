/**
 * The conference report as plain data, derived from the board document by the shared rules: who took
 * part per stakeholder group, the agenda's tasks with their areas and notes, the clusters with their
 * notes by group and their coverage, the vote results with the split by group, the common-ground
 * lists with each group's standing, and the action cards.
 *
 * Why: one derivation for every output (Markdown, HTML, and later the client), so the report says
 * what every screen said during the day. The renderers only format and escape.
 */
import type * as Y from 'yjs';
import { activeGroups, clusterIndex, clusterMembers, coverageOf, lastMergeTimes, resolveCluster } from '../analysis/clusters.ts';
import { agreementLists, type AgreementItem } from '../analysis/standing.ts';
import { countVote } from '../analysis/votes.ts';
import type { OutcomeList, StanceValue } from '../model/cocreation.ts';
import type { Note } from '../model/records.ts';
import { listClusters, listDots, listGroups, listOutcomes, listStances, listVotes } from '../doc/cocreationQueries.ts';
import { readFacilitation } from '../doc/facilitationQueries.ts';
import { listPeople } from '../doc/people.ts';
import { listNotes, readMeta } from '../doc/queries.ts';
import { isNoteInArea, listAreas } from '../doc/shapeQueries.ts';
import { agendaSteps } from '../templates/agenda.ts';
import { areaName } from '../model/shapes.ts';

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
  readonly tasks: { title: string; instruction: string; current: boolean; areas: { name: string; notes: string[] }[] }[];
  readonly clusters: { label: string; byGroup: { group: string; notes: string[] }[]; present: string[]; missing: string[] }[];
  readonly votes: { title: string; open: boolean; rows: { title: string; total: number; split: { group: string; count: number }[] }[] }[];
  readonly lists: Record<OutcomeList | 'disagreements', ReportItem[]>;
  readonly actions: { text: string; owner: string; volunteers: string[] }[];
}

/** Builds the report of a board; headings and fallbacks come from the renderer, texts are raw. */
export function buildReport(doc: Y.Doc, options: { lang: 'en' | 'nl'; now: number; untitled: string; noGroup: string; timeZone?: string }): Report {
  const meta = readMeta(doc);
  const notes = listNotes(doc);
  const noteById = new Map(notes.map((n) => [n.id, n]));
  const groups = listGroups(doc);
  const active = activeGroups(groups);
  const groupName = (id: string | null) => (id ? (groups.find((g) => g.id === id)?.name ?? options.noGroup) : options.noGroup);
  const people = listPeople(doc);
  const clusters = listClusters(doc);
  const index = clusterIndex(clusters);
  const members = clusterMembers(notes, index);
  const resolve = (id: string) => (noteById.has(id) ? id : resolveCluster(id, index));
  const text = (n: Note) => n.text.trim() || options.untitled;
  const itemTitle = (id: string) => (noteById.has(id) ? text(noteById.get(id)!) : index.get(id)?.label || options.untitled);
  const itemNotes = (id: string) => (members.get(id) ?? (noteById.has(id) ? [id] : [])).map((n) => text(noteById.get(n)!));

  const areas = listAreas(doc);
  const facilitation = readFacilitation(doc);
  const steps = agendaSteps(facilitation.agenda.template);
  const tasks = steps.map((step, i) => ({
    title: step.title[options.lang],
    instruction: step.instruction[options.lang],
    current: i === facilitation.agenda.step,
    areas: (facilitation.agenda.areas[step.id] ?? [])
      .map((id) => areas.find((a) => a.id === id))
      .filter((a) => a !== undefined)
      .map((a) => ({ name: areaName(a, options.lang), notes: notes.filter((n) => isNoteInArea(n, a)).map(text) })),
  }));

  const merged = lastMergeTimes(index);
  const lists = agreementLists(listStances(doc), listOutcomes(doc), groups, resolve, (id) => merged.get(id) ?? -Infinity);
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
    tasks,
    clusters: [...members].map(([id, ids]) => {
      const memberNotes = ids.map((n) => noteById.get(n)!);
      const cov = coverageOf(memberNotes, groups);
      const byGroup = new Map<string, string[]>();
      for (const n of memberNotes) {
        const key = groupName(n.groupId);
        byGroup.set(key, [...(byGroup.get(key) ?? []), text(n)]);
      }
      return {
        label: index.get(id)?.label || options.untitled,
        byGroup: [...byGroup].map(([group, list]) => ({ group, notes: list })),
        present: cov.present.map(groupName),
        missing: cov.missing.map(groupName),
      };
    }),
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
    actions: notes.filter((n) => n.kind === 'action').map((n) => ({ text: text(n), owner: n.owner, volunteers: n.volunteers.map((v) => v.name) })),
  };
}

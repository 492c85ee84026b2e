/**
 * The board as a fresh stock client sees it (read with the shared queries into plain values), its
 * layout for the oracle, and the check of the board against the log's count: every living note once
 * with its text, group, topmost area and resolved cluster; no deleted note; the dots, their totals
 * and splits; the confirmations as lists; the people and their groups.
 *
 * Why: the board document is the source every other output is made from; a note lost there is lost
 * everywhere, and a note lost only in the report shows up as a difference between the two.
 */
import * as Y from 'yjs';
import {
  agendaSteps,
  isNoteInArea,
  listAreas,
  listClusters,
  listDots,
  listNotes,
  listOutcomes,
  listPeople,
  listVotes,
  readFacilitation,
  type Cluster,
  type Dot,
  type Note,
  type Outcome,
  type Person,
  type Vote,
} from '../../../shared/index.ts';
import { connectClient, waitSynced } from '../../helpers/clients.ts';
import { countDots, type BoardLayout, type Expected } from './expected.ts';

/** What the oracle reads of a board. */
export interface BoardView {
  readonly notes: Note[];
  readonly clusters: Cluster[];
  readonly votes: Vote[];
  readonly dots: Dot[];
  readonly outcomes: Outcome[];
  readonly people: Person[];
  readonly layout: BoardLayout;
}

/** Reads a document with the shared queries. */
export function viewOf(doc: Y.Doc): BoardView {
  const clusters = listClusters(doc);
  const agenda = readFacilitation(doc).agenda;
  const layout: BoardLayout = {
    areas: listAreas(doc),
    template: agenda.template,
    steps: agendaSteps(agenda.template).map((s) => ({ id: s.id, title: s.title, areaIds: agenda.areas[s.id] ?? [] })),
    mergedAt: new Map(clusters.map((c) => [c.id, c.mergedAt])),
  };
  return { notes: listNotes(doc), clusters, votes: listVotes(doc), dots: listDots(doc), outcomes: listOutcomes(doc), people: listPeople(doc), layout };
}

/** Connects a fresh stock provider with the facilitator's token, waits for its first sync, reads. */
export async function readBoard(baseUrl: string, boardId: string, token: string): Promise<BoardView> {
  const client = connectClient(baseUrl, boardId, token);
  try {
    await waitSynced(client, 30_000);
    return viewOf(client.doc);
  } finally {
    client.destroy();
  }
}

/** The board's own resolution of a cluster id (its records, followed the documented way). */
function boardCluster(view: BoardView, id: string | null): string | null {
  const byId = new Map(view.clusters.map((c) => [c.id, c]));
  const seen: string[] = [];
  for (let cur = id; cur !== null; ) {
    const c = byId.get(cur);
    if (!c) return null;
    if (seen.includes(cur)) return seen.slice(seen.indexOf(cur)).sort()[0]!;
    seen.push(cur);
    if (c.mergedInto === null) return cur;
    cur = c.mergedInto;
  }
  return null;
}

/** The topmost area holding a note (the last in board order), or null. */
export const topArea = (view: BoardView, note: Note) => view.layout.areas.filter((a) => isNoteInArea(note, a)).at(-1)?.id ?? null;

/**
 * Where tables clustered a note at once, settles which candidate the main board holds, so that every
 * output is judged against that one. A board holding none of them is a difference.
 */
export function settleClusters(expected: Expected, view: BoardView): string[] {
  const out: string[] = [];
  const onBoard = new Map(view.notes.map((n) => [n.id, n]));
  for (const note of expected.notes.values()) {
    if (note.clusterOptions.length < 2) continue;
    const board = onBoard.get(note.id);
    const held = board ? boardCluster(view, board.clusterId) : null;
    if (board && note.clusterOptions.includes(held)) note.clusterId = held;
    else if (board) out.push(`note ${note.id} "${note.text.slice(0, 60)}": the board has it in cluster ${held}, none of the candidates ${note.clusterOptions.join(', ')}`);
  }
  return out;
}

/** Every difference between a board and the log's count, one line each. */
export function checkBoard(output: string, view: BoardView, expected: Expected): string[] {
  const out: string[] = [];
  const name = (id: string, text: string) => `note ${id} "${text.slice(0, 60)}"`;
  const onBoard = new Map(view.notes.map((n) => [n.id, n]));
  for (const note of expected.notes.values()) {
    const n = onBoard.get(note.id);
    onBoard.delete(note.id);
    if (!n) {
      out.push(`${name(note.id, note.text)}: missing from ${output}`);
      continue;
    }
    const facts: [string, unknown, unknown][] = [
      ['text', n.text, note.text],
      ['group', n.groupId, note.groupId],
      ['area', topArea(view, n), note.areaId],
      ['cluster', boardCluster(view, n.clusterId), note.clusterId],
      ['kind', n.kind, note.kind],
    ];
    for (const [what, have, want] of facts) {
      if (have !== want) out.push(`${name(note.id, note.text)}: ${output} has ${what} ${JSON.stringify(have)}, the log ${JSON.stringify(want)}`);
    }
  }
  for (const n of onBoard.values()) {
    out.push(expected.deleted.has(n.id) ? `deleted ${name(n.id, n.text)}: still on ${output}` : `${name(n.id, n.text)}: on ${output} but never made by the log`);
  }

  const dots = new Map(view.dots.map((d) => [d.id, d]));
  const noteIds = new Set(view.notes.map((n) => n.id));
  const resolveOnBoard = (id: string) => (noteIds.has(id) ? id : boardCluster(view, id));
  for (const v of expected.votes) {
    if (!view.votes.some((x) => x.id === v.vote.id)) out.push(`vote ${v.vote.id} "${v.vote.title}": missing from ${output}`);
    for (const id of v.dotIds) if (!dots.has(id)) out.push(`dot ${id} of vote "${v.vote.title}": missing from ${output}`);
    const boardDots = view.dots.filter((d) => d.voteId === v.vote.id);
    for (const d of boardDots) if (!v.dotIds.has(d.id)) out.push(`dot ${d.id} of vote "${v.vote.title}" on item ${d.itemId}: on ${output}, taken back or never placed in the log`);
    // The board's dots counted by the same documented rule, items resolved through the board.
    const counted = countDots(v.vote, boardDots, resolveOnBoard);
    for (const item of new Set([...v.totals.keys(), ...counted.totals.keys()])) {
      const [have, want] = [counted.totals.get(item) ?? 0, v.totals.get(item) ?? 0];
      const split = (m: Map<string, number> | undefined) => [...(m ?? [])].map(([g, n]) => `${g || '-'} ${n}`).sort().join(', ');
      if (have !== want) out.push(`vote "${v.vote.title}", item ${item} "${expected.title(item, '')}": the dots on ${output} count ${have}, the log ${want}`);
      else if (split(counted.byGroup.get(item)) !== split(v.byGroup.get(item))) {
        out.push(`vote "${v.vote.title}", item ${item} "${expected.title(item, '')}": split by group on ${output} "${split(counted.byGroup.get(item))}", the log "${split(v.byGroup.get(item))}"`);
      }
    }
  }

  // The confirmations as lists: the board's outcomes resolved through its own clusters.
  const confirmed = new Map<string, string>();
  for (const o of [...view.outcomes].sort((a, b) => a.at - b.at || (a.itemId < b.itemId ? -1 : 1))) {
    const item = resolveOnBoard(o.itemId);
    if (item !== null) confirmed.set(item, o.list);
  }
  for (const key of ['commonGround', 'potentialProject', 'notAgreed'] as const) {
    const want = new Set(expected.lists[key]);
    const have = new Set([...confirmed].filter(([, list]) => list === key).map(([id]) => id));
    for (const id of want) if (!have.has(id)) out.push(`item ${id} "${expected.title(id, '')}": not confirmed as ${key} on ${output}`);
    for (const id of have) if (!want.has(id)) out.push(`item ${id}: confirmed as ${key} on ${output}, not in the log`);
  }

  const people = new Map(view.people.map((p) => [p.id, p]));
  for (const p of expected.people) {
    const seen = people.get(p.id);
    if (!seen) out.push(`person ${p.id} "${p.name}": not among ${output}'s people`);
    else if (seen.name !== p.name.trim() || seen.groupId !== p.groupId) {
      out.push(`person ${p.id} "${p.name}": ${output} has "${seen.name}" in group ${seen.groupId}, the log "${p.name}" in ${p.groupId}`);
    }
  }
  return out;
}

/**
 * The co-creation half of the Yjs-to-zustand bridge: groups, clusters, votes, dots, stances,
 * outcomes and the facilitator's frame, re-read whole when any of them changes (once per frame, by `bridgeDocToStore`).
 *
 * Why: these collections are small next to the notes, so whole re-reads keep the bridge simple; the
 * derived values (members, coverage, counts, standing) are computed from these plain values by the
 * shared rules, in `store/derived.ts`.
 */
import type * as Y from 'yjs';
import {
  clustersMap,
  dotsMap,
  facilitationMap,
  groupsMap,
  listClusters,
  listDots,
  listGroups,
  listOutcomes,
  listPeople,
  listStances,
  listVotes,
  outcomesMap,
  peopleMap,
  readFacilitation,
  readSeats,
  seatsMap,
  stancesMap,
  votesMap,
} from '../../shared/index.ts';
import type { CocreationSlice, FrameSlice } from '../store/store.ts';

/** A plain snapshot of every co-creation record and the facilitator's frame. */
export function readCocreation(doc: Y.Doc): CocreationSlice & Pick<FrameSlice, 'facilitation' | 'seats'> {
  return {
    facilitation: readFacilitation(doc),
    seats: readSeats(doc),
    groups: listGroups(doc),
    clusters: Object.fromEntries(listClusters(doc).map((c) => [c.id, c])),
    votes: listVotes(doc),
    dots: listDots(doc),
    stances: listStances(doc),
    outcomes: listOutcomes(doc),
    people: listPeople(doc),
  };
}

/** Calls `onChange` whenever any co-creation root changes; returns the function that stops it. */
export function watchCocreation(doc: Y.Doc, onChange: () => void): () => void {
  const roots = [groupsMap(doc), clustersMap(doc), votesMap(doc), dotsMap(doc), stancesMap(doc), outcomesMap(doc), facilitationMap(doc), seatsMap(doc), peopleMap(doc)] as Y.Map<unknown>[];
  const handler = () => onChange();
  for (const r of roots) r.observeDeep(handler);
  return () => roots.forEach((r) => r.unobserveDeep(handler));
}

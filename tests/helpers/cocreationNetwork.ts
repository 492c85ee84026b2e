/**
 * `CocreationNetwork`: the sync harness with tables of a workshop that cluster, vote and mark stances
 * at random, and `deterministicRun`, which draws ids and clocks from the seed.
 *
 * Why: the co-creation rules must hold for every order of arrival and every offline spell, not only
 * the scenarios the unit tests spell out. The network reuses `SyncNetwork`'s queued, reordered
 * delivery and offline spells and only swaps the random edit; ids and clocks are drawn from the seed
 * (see `deterministicRun`), so a failing seed replays exactly.
 */
import * as prng from 'lib0/prng';
import { vi } from 'vitest';
import {
  clusterIndex,
  clusterMembers,
  createCluster,
  createGroup,
  createNote,
  deleteNotes,
  dissolveCluster,
  GROUP_PALETTE,
  listClusters,
  listDots,
  listGroups,
  listNotes,
  listVotes,
  membershipAfterDrop,
  mergeClusters,
  moveNotes,
  openVote,
  ORIGIN,
  OUTCOME_LISTS,
  placeDot,
  setGroupArchived,
  setNotesCluster,
  setStance,
  setVoteOpen,
  clearStance,
  confirmOutcome,
  STANCES,
  takeBackDot,
  ValidationError,
  type Note,
  type Vote,
} from '../../shared/index.ts';
import { SyncNetwork, type Peer } from './syncHarness.ts';

/**
 * Runs `fn` with note/cluster/dot ids drawn from `seed` (instead of the system's randomness) and a
 * fake clock starting at `start`; restores both afterwards. Returns a `tick` to move the clock.
 */
export function deterministicRun<T>(seed: number, start: number, fn: (tick: (ms: number) => void) => T): T {
  const gen = prng.create(seed ^ 0x5bd1e995);
  const spy = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<A extends ArrayBufferView | null>(array: A): A => {
    if (array) {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let i = 0; i < bytes.length; i++) bytes[i] = prng.uint32(gen, 0, 255);
    }
    return array;
  });
  vi.useFakeTimers({ toFake: ['Date'] });
  let now = start;
  vi.setSystemTime(now);
  try {
    return fn((ms) => vi.setSystemTime((now += ms)));
  } finally {
    vi.useRealTimers();
    spy.mockRestore();
  }
}

/** How often each kind of operation ran, was refused, and what the end state looked like. */
export interface OpStats {
  done: Record<string, number>;
  refused: Record<string, number>;
}

const GROUP_COUNT = 4;

/**
 * `SyncNetwork` whose peers are tables of a workshop: each table sits for one stakeholder group (table
 * i for group i mod 4, so two tables share each group), has two voters, and one roaming person votes
 * from tables 0 and 1 (two devices, one budget). A random edit adds or deletes notes, clusters them
 * (create, add, remove, drag, merge, dissolve), places or takes back dots, sets or clears stances,
 * confirms outcomes, and now and then closes or reopens the 'Ideas' vote or archives a group. Votes:
 * 'Trends' (2 dots a person), 'Themes' (3 dots a group, one per cluster), 'Ideas' (2, one per note).
 */
export class CocreationNetwork extends SyncNetwork {
  readonly groupIds: string[] = [];
  readonly voteIds: string[] = [];
  readonly stats: OpStats = { done: {}, refused: {} };
  /** Number of random edits made so far (deliveries and offline spells not included). */
  edits = 0;

  constructor(
    seed: number,
    peerCount: number,
    private readonly tick: (ms: number) => void = () => {},
  ) {
    super(seed, peerCount);
    // Yjs breaks ties between concurrent writes by client id: fixed ones make a seed replay exactly.
    this.peers.forEach((p, i) => (p.doc.clientID = 1000 + i));
    const facilitator = this.peers[0]!.doc;
    for (let i = 0; i < GROUP_COUNT; i++) this.groupIds.push(createGroup(facilitator, { name: `Group ${i}`, color: GROUP_PALETTE[i]! }, ORIGIN.local));
    this.voteIds.push(
      openVote(facilitator, { title: 'Trends', target: 'notes', budget: 'person', dots: 2 }, ORIGIN.local),
      openVote(facilitator, { title: 'Themes', target: 'clusters', budget: 'group', dots: 3, onePerItem: true }, ORIGIN.local),
      openVote(facilitator, { title: 'Ideas', target: 'notes', budget: 'person', dots: 2, onePerItem: true }, ORIGIN.local),
    );
    this.settle();
  }

  /** The stakeholder group a table sits for. */
  groupOf(peer: Peer): string {
    return this.groupIds[this.peers.indexOf(peer) % GROUP_COUNT]!;
  }

  /** The people voting at a table: two of its own, and the roaming person at tables 0 and 1. */
  votersAt(peer: Peer): { voterId: string; groupId: string | null }[] {
    const i = this.peers.indexOf(peer);
    const group = this.groupOf(peer);
    const voters: { voterId: string; groupId: string | null }[] = [
      { voterId: `t${i}a`, groupId: group },
      { voterId: `t${i}b`, groupId: group },
    ];
    if (i <= 1) voters.push({ voterId: 'roaming', groupId: this.groupIds[0]! });
    return voters;
  }

  override randomEdit(peer: Peer): void {
    const g = this.gen;
    this.edits++;
    this.tick(prng.int31(g, 0, 3)); // device clocks tie often: the id then decides
    const doc = peer.doc;
    const notes = listNotes(doc);
    const clusters = listClusters(doc).map((c) => c.id);
    const live = [...clusterMembers(notes, clusterIndex(listClusters(doc))).keys()];
    const pickNote = () => prng.oneOf(g, notes).id;
    const pickCluster = () => prng.oneOf(g, clusters);
    const someNotes = () => [...new Set(Array.from({ length: prng.int31(g, 1, 3) }, pickNote))];
    const pickItem = () => (live.length && prng.bool(g) ? prng.oneOf(g, live) : pickNote());
    const roll = notes.length < 3 ? 0 : prng.int31(g, 0, 99);
    let kind: string;
    if (roll < 14) kind = 'createNote';
    else if (roll < 17) kind = 'deleteNotes';
    else if (roll < 24) kind = 'createCluster';
    else if (roll < 30) kind = clusters.length ? 'addToCluster' : 'createCluster';
    else if (roll < 33) kind = 'removeFromCluster';
    else if (roll < 38) kind = 'drag';
    else if (roll < 46) kind = clusters.length > 1 ? 'merge' : 'createCluster';
    else if (roll < 49) kind = clusters.length ? 'dissolve' : 'createCluster';
    else if (roll < 67) kind = 'placeDot';
    else if (roll < 74) kind = 'takeBackDot';
    else if (roll < 86) kind = 'setStance';
    else if (roll < 89) kind = 'clearStance';
    else if (roll < 94) kind = 'confirmOutcome';
    else if (roll < 96) kind = 'toggleVote';
    else if (roll < 97) kind = 'toggleArchived';
    else kind = 'createNote';
    try {
      switch (kind) {
        case 'createNote':
          createNote(doc, { text: prng.word(g, 1, 6), x: prng.int31(g, -800, 800), y: prng.int31(g, -800, 800), w: 100, h: 100, authorId: `t${this.peers.indexOf(peer)}a`, groupId: prng.int31(g, 0, 9) ? this.groupOf(peer) : null }, ORIGIN.local);
          break;
        case 'deleteNotes':
          deleteNotes(doc, [pickNote()], ORIGIN.local);
          break;
        case 'createCluster':
          createCluster(doc, someNotes(), prng.word(g, 0, 8), ORIGIN.local);
          break;
        case 'addToCluster': {
          const target = pickCluster();
          setNotesCluster(doc, new Map(someNotes().map((id) => [id, target])), ORIGIN.local);
          break;
        }
        case 'removeFromCluster':
          setNotesCluster(doc, new Map(someNotes().map((id) => [id, null])), ORIGIN.local);
          break;
        case 'drag': {
          const byId = new Map(notes.map((n) => [n.id, n]));
          const dragged = someNotes().map((id) => ({ ...byId.get(id)!, x: prng.int31(g, -800, 800), y: prng.int31(g, -800, 800) }));
          const changes = membershipAfterDrop(dragged, notes, clusterIndex(listClusters(doc)));
          moveNotes(doc, dragged.map(({ id, x, y }) => ({ id, x, y })), ORIGIN.local);
          setNotesCluster(doc, changes, ORIGIN.local);
          break;
        }
        case 'merge': {
          // Half the time the two oldest clusters drawn, either way round: tables that have not seen
          // each other's merge then make cycles (A into B here, B into A there).
          const oldest = listClusters(doc).filter((c) => live.includes(c.id)).slice(0, 2).map((c) => c.id);
          const [from, into] = oldest.length === 2 && prng.bool(g) ? (prng.bool(g) ? oldest : [...oldest].reverse()) : [pickCluster(), pickCluster()];
          mergeClusters(doc, from!, into!, ORIGIN.local);
          break;
        }
        case 'dissolve':
          dissolveCluster(doc, pickCluster(), ORIGIN.local);
          break;
        case 'placeDot':
        case 'takeBackDot': {
          const voters = this.votersAt(peer);
          // Taking back mostly aims at a dot someone at this table placed (as a person would).
          const ours = kind === 'takeBackDot' ? listDots(doc).filter((d) => voters.some((v) => v.voterId === d.voterId)) : [];
          const mine = ours.length && prng.int31(g, 0, 4) ? prng.oneOf(g, ours) : undefined;
          // The roaming person votes a lot, mostly in 'Trends', from both devices: their
          // budget runs over while the two devices do not see each other.
          const roaming = voters.find((v) => v.voterId === 'roaming');
          const voter = voters.find((v) => v.voterId === mine?.voterId) ?? (roaming && prng.int31(g, 0, 3) ? roaming : prng.oneOf(g, voters));
          const voteId = mine?.voteId ?? (voter === roaming && prng.bool(g) ? this.voteIds[0]! : prng.oneOf(g, this.voteIds));
          const vote = listVotes(doc).find((v) => v.id === voteId)!;
          const itemId = mine?.itemId ?? this.voteItem(vote, notes, clusters, pickNote, pickCluster);
          if (kind === 'placeDot') placeDot(doc, { voteId: vote.id, itemId, ...voter }, ORIGIN.local);
          else if (!takeBackDot(doc, { voteId: vote.id, itemId, ...voter }, ORIGIN.local)) throw new ValidationError('no dot there');
          break;
        }
        case 'setStance':
          setStance(doc, pickItem(), this.groupOf(peer), prng.oneOf(g, [...STANCES]), `t${this.peers.indexOf(peer)}a`, ORIGIN.local);
          break;
        case 'clearStance':
          clearStance(doc, pickItem(), this.groupOf(peer), ORIGIN.local);
          break;
        case 'confirmOutcome':
          confirmOutcome(doc, pickItem(), prng.oneOf(g, [...OUTCOME_LISTS]), 'facilitator', ORIGIN.local);
          break;
        case 'toggleVote': {
          const vote = listVotes(doc).find((v) => v.id === this.voteIds[2])!; // 'Ideas'; the others stay open
          setVoteOpen(doc, vote.id, !vote.open, ORIGIN.local);
          break;
        }
        case 'toggleArchived': {
          const group = prng.oneOf(g, listGroups(doc));
          setGroupArchived(doc, group.id, !group.archived, ORIGIN.local);
          break;
        }
      }
      this.stats.done[kind] = (this.stats.done[kind] ?? 0) + 1;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      this.stats.refused[kind] = (this.stats.refused[kind] ?? 0) + 1;
    }
  }

  /** An item to vote on: a note or a cluster record (maybe merged or gone), as the vote asks. */
  private voteItem(vote: Vote, notes: Note[], clusters: string[], pickNote: () => string, pickCluster: () => string): string {
    if (vote.target === 'clusters' && clusters.length) return pickCluster();
    return notes.length ? pickNote() : 'no-such-item';
  }
}

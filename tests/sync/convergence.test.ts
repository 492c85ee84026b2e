import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, deleteNotes, initBoard, listNotes, moveNotes, ORIGIN, readNote, setNoteText } from '../../shared/index.ts';
import { SyncNetwork } from '../helpers/syncHarness.ts';

/** Seeds that once failed (none yet); each is replayed by name forever. */
const REGRESSION_SEEDS: number[] = [];

function runSeed(seed: number, peers: number, steps: number): void {
  const net = new SyncNetwork(seed, peers);
  for (let i = 0; i < steps; i++) net.step();
  net.settle();
  const [first, ...rest] = net.snapshots();
  try {
    for (const other of rest) expect(other).toEqual(first);
    const vectors = net.peers.map((p) => Array.from(Y.encodeStateVector(p.doc)).join(','));
    expect(new Set(vectors).size).toBe(1);
  } catch (err) {
    throw new Error(`peers diverged for seed ${seed} (${peers} peers, ${steps} steps); add it to REGRESSION_SEEDS\n${String(err)}`);
  }
}

describe('convergence under queued, reordered delivery', () => {
  const base = Number(process.env.OLIFANT_SYNC_SEED ?? Date.now() % 1_000_000);
  it(`converges for 60 random runs starting at seed ${base}`, () => {
    for (let i = 0; i < 60; i++) runSeed(base + i, 2 + (i % 4), 300);
  });

  for (const seed of REGRESSION_SEEDS) {
    it(`regression seed ${seed}`, () => runSeed(seed, 4, 300));
  }

  it('concurrent create / move / text edit / delete of the same note: one agreed outcome', () => {
    const [a, b, c] = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    initBoard(a, { title: 't', createdAt: 1 }, ORIGIN.server);
    const id = createNote(a, { text: 'base', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    const start = Y.encodeStateAsUpdate(a);
    Y.applyUpdate(b, start);
    Y.applyUpdate(c, start);
    moveNotes(a, [{ id, x: 100, y: 100 }], ORIGIN.local);
    setNoteText(b, id, 'base edited', ORIGIN.local);
    deleteNotes(c, [id], ORIGIN.local);
    const updates = [a, b, c].map((d) => Y.encodeStateAsUpdate(d));
    for (const d of [a, b, c]) for (const u of [...updates].reverse()) Y.applyUpdate(d, u);
    // Documented outcome: a delete wins over concurrent moves and edits of the same note.
    for (const d of [a, b, c]) expect(readNote(d, id)).toBeUndefined();
  });

  it('merging gives the same board in either order', () => {
    const a = new Y.Doc();
    initBoard(a, { title: 't', createdAt: 1 }, ORIGIN.server);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const n1 = createNote(a, { text: 'from a', x: 1, y: 1, authorId: 'a' }, ORIGIN.local);
    createNote(b, { text: 'from b', x: 2, y: 2, authorId: 'b' }, ORIGIN.local);
    moveNotes(b, [{ id: n1, x: 50, y: 50 }], ORIGIN.local);
    const ua = Y.encodeStateAsUpdate(a);
    const ub = Y.encodeStateAsUpdate(b);
    const ab = new Y.Doc();
    Y.applyUpdate(ab, ua);
    Y.applyUpdate(ab, ub);
    const ba = new Y.Doc();
    Y.applyUpdate(ba, ub);
    Y.applyUpdate(ba, ua);
    expect(listNotes(ab)).toEqual(listNotes(ba));
    expect(listNotes(ab)).toHaveLength(2);
  });
});

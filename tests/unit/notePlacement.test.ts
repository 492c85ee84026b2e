/**
 * Where a new note fits (placeNewNote, and "+ Add note" through newNoteSpot): in free space nearest
 * the view's centre, spiralling outwards, never on a note (mine or anyone's) while free space is
 * left, and inside my table's area when I am seated.
 *
 * Why: many people add notes at once at a conference; a note on top of another hides it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { placeNewNote, spotTaken, type Box } from '../../client/tools/notePlacement.ts';
import { initialState, resetStore, useStore } from '../../client/store/store.ts';
import { newNoteSpot } from '../../client/tools/commands.ts';
import { DEFAULT_NOTE_SIZE, type Area, type Note } from '../../shared/index.ts';

afterEach(() => resetStore());

const S = DEFAULT_NOTE_SIZE;
const size = { w: S, h: S };
const box = (p: { x: number; y: number }): Box => ({ x: p.x - S / 2, y: p.y - S / 2, w: S, h: S });
const overlapsAny = (p: { x: number; y: number }, notes: readonly Box[]) => spotTaken(p, size, notes, 0);

/** A small seeded random source (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('placeNewNote', () => {
  it('takes the wanted place when it is free, else the nearest free one to its right first', () => {
    expect(placeNewNote({ near: { x: 0, y: 0 }, size, notes: [] })).toEqual({ x: 0, y: 0 });
    const next = placeNewNote({ near: { x: 0, y: 0 }, size, notes: [box({ x: 0, y: 0 })] });
    expect(next.y).toBe(0);
    expect(next.x).toBeGreaterThanOrEqual(S);
  });

  it('spirals outwards: 150 notes in a row never overlap, and each lands no farther than it must', () => {
    const notes: Box[] = [];
    let farthest = 0;
    for (let i = 0; i < 150; i++) {
      const p = placeNewNote({ near: { x: 0, y: 0 }, size, notes });
      expect(overlapsAny(p, notes), `note ${i} at ${p.x},${p.y}`).toBe(false);
      const d = Math.max(Math.abs(p.x), Math.abs(p.y));
      // Never a whole ring beyond the farthest so far: the spiral fills inwards first.
      expect(d).toBeLessThanOrEqual(farthest + S + 16);
      farthest = Math.max(farthest, d);
      notes.push(box(p));
    }
  });

  it('never lands on notes others put anywhere, while free space is left', () => {
    const random = seeded(20);
    const notes: Box[] = [];
    for (let i = 0; i < 120; i++) notes.push(box({ x: (random() - 0.5) * 2400, y: (random() - 0.5) * 1600 }));
    for (let i = 0; i < 60; i++) {
      const near = { x: (random() - 0.5) * 1200, y: (random() - 0.5) * 800 };
      const p = placeNewNote({ near, size, notes });
      expect(overlapsAny(p, notes), `seed 20, note ${i}`).toBe(false);
      notes.push(box(p));
    }
  });

  it('stays inside the area it is given, fills it without overlaps, and stays inside when it is full', () => {
    const area: Box = { x: 1000, y: 1000, w: 700, h: 900 };
    const inside = (p: { x: number; y: number }) => p.x - S / 2 >= area.x && p.x + S / 2 <= area.x + area.w && p.y - S / 2 >= area.y && p.y + S / 2 <= area.y + area.h;
    // Someone else's note at an odd place in the table already.
    const notes: Box[] = [{ x: 1210, y: 1333, w: S, h: S }];
    // The view's centre is far outside the table: the note still goes into it.
    for (let i = 0; i < 16; i++) {
      const p = placeNewNote({ near: { x: 0, y: 0 }, size, notes, within: area });
      expect(inside(p), `note ${i}`).toBe(true);
      expect(overlapsAny(p, notes), `note ${i}`).toBe(false);
      notes.push(box(p));
    }
    // 700 x 900 holds at most 4 x 5 notes with gaps: after some more it is full, and still inside.
    for (let i = 0; i < 10; i++) {
      const p = placeNewNote({ near: { x: 1350, y: 1450 }, size, notes, within: area });
      expect(inside(p)).toBe(true);
      notes.push(box(p));
    }
  });
});

describe('"+ Add note" in a crowded view', () => {
  const put = (p: { x: number; y: number }, author: string) => {
    const id = `n${Object.keys(useStore.getState().notes).length}`;
    const note: Note = { id, text: '', ...box(p), color: '#fff176', authorId: author, groupId: null, clusterId: null, kind: 'note', owner: '', volunteers: [], createdAt: 0 };
    useStore.setState((s) => ({ notes: { ...s.notes, [id]: note }, noteIds: [...s.noteIds, id] }));
  };

  it('80 notes added at one view centre, between notes others added at odd places, never overlap', () => {
    useStore.setState({ ...initialState, viewport: { x: 0, y: 0, scale: 1 }, screen: { w: 1024, h: 768 } });
    const random = seeded(7);
    for (let i = 0; i < 30; i++) put({ x: 512 + (random() - 0.5) * 2000, y: 384 + (random() - 0.5) * 1500 }, 'someone-else');
    for (let i = 0; i < 80; i++) {
      const p = newNoteSpot();
      const others = Object.values(useStore.getState().notes);
      expect(overlapsAny(p, others), `note ${i} at ${p.x},${p.y}`).toBe(false);
      put(p, 'me');
    }
  });

  it('when seated: in my table, never on a note, nearest the view’s centre inside it', () => {
    const table: Area = { id: 't', name: 'Table', x: 0, y: 0, w: 900, h: 700, color: '#dcefd4', createdAt: 0, locked: false, table: 'stakeholder', tableGroup: 'g1' };
    useStore.setState({ ...initialState, me: { ...initialState.me, id: 'me', groupId: 'g1' }, areas: { t: table }, areaIds: ['t'], viewport: { x: 0, y: 0, scale: 1 }, screen: { w: 900, h: 700 } });
    put({ x: 450, y: 350 }, 'someone-else');
    put({ x: 470, y: 520 }, 'someone-else');
    for (let i = 0; i < 8; i++) {
      const p = newNoteSpot();
      expect(p.x - S / 2).toBeGreaterThanOrEqual(0);
      expect(p.y - S / 2).toBeGreaterThanOrEqual(0);
      expect(p.x + S / 2).toBeLessThanOrEqual(900);
      expect(p.y + S / 2).toBeLessThanOrEqual(700);
      expect(overlapsAny(p, Object.values(useStore.getState().notes)), `note ${i}`).toBe(false);
      // The first lands beside the taken centre, not in a far corner of the table.
      if (i === 0) expect(Math.hypot(p.x - 450, p.y - 350)).toBeLessThanOrEqual(S + 16);
      put(p, 'me');
    }
  });
});

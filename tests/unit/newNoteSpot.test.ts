/**
 * Where "+ Add note" puts a new note: at the view's centre, beside (never on) a note already there,
 * and in my table's area when I am seated, unless I have zoomed in on another part of the board or
 * the current task does not use my table (the timelines, the wall, action planning).
 *
 * Why: a note must land where the person is working, and two new notes must never hide each other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { initialState, resetStore, useStore } from '../../client/store/store.ts';
import { addNoteAtCenter, newNoteSpot } from '../../client/tools/commands.ts';
import { visibleBoardRect } from '../../client/store/ui.ts';
import type { BoardActions } from '../../client/sync/actions.ts';
import { DEFAULT_NOTE_SIZE, type Area, type Note } from '../../shared/index.ts';

afterEach(() => resetStore());

const HALF = DEFAULT_NOTE_SIZE / 2;
const table: Area = { id: 't', name: 'Citizens: prouds', x: 5000, y: 5000, w: 700, h: 900, color: '#dcefd4', createdAt: 0, locked: false, table: 'stakeholder', tableGroup: 'g1' };

/** Adds a note centred at `p`, as addNoteAt would. */
function put(p: { x: number; y: number }, id = `n${Object.keys(useStore.getState().notes).length}`): void {
  const note: Note = { id, text: '', x: p.x - HALF, y: p.y - HALF, w: DEFAULT_NOTE_SIZE, h: DEFAULT_NOTE_SIZE, color: '#fff176', authorId: 'me', groupId: null, clusterId: null, kind: 'note', owner: '', volunteers: [], createdAt: 0 };
  useStore.setState((s) => ({ notes: { ...s.notes, [id]: note }, noteIds: [...s.noteIds, id] }));
}

const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < DEFAULT_NOTE_SIZE && Math.abs(a.y - b.y) < DEFAULT_NOTE_SIZE;

/** Me, seated in group g1 whose table is area `t`, looking at the board through `view` on `screen`. */
function seatMe(view: { scale: number }, screen: { w: number; h: number }, extra: Partial<typeof initialState> = {}): void {
  useStore.setState({
    ...initialState,
    me: { ...initialState.me, id: 'me', groupId: 'g1' },
    areas: { t: table },
    areaIds: ['t'],
    viewport: { x: 0, y: 0, scale: view.scale },
    screen,
    ...extra,
  });
}

describe('where a new note lands', () => {
  it('at the view’s centre, then beside it (to the right first), never on top of another', () => {
    useStore.setState({ ...initialState, viewport: { x: 0, y: 0, scale: 1 }, screen: { w: 1000, h: 800 } });
    expect(newNoteSpot()).toEqual({ x: 500, y: 400 });
    put(newNoteSpot());
    const second = newNoteSpot();
    expect(second.y).toBe(400);
    expect(second.x).toBeGreaterThan(500 + DEFAULT_NOTE_SIZE);
    const spots = [{ x: 500, y: 400 }];
    for (let i = 0; i < 30; i++) {
      const p = newNoteSpot();
      expect(spots.some((q) => overlaps(p, q))).toBe(false);
      spots.push(p);
      put(p);
    }
  });

  it('in my table’s area when I am seated, row by row, even with the whole board fitted far out', () => {
    seatMe({ scale: 0.06 }, { w: 390, h: 700 });
    const inTable = (p: { x: number; y: number }) => p.x - HALF >= table.x && p.x + HALF <= table.x + table.w && p.y - HALF >= table.y && p.y + HALF <= table.y + table.h;
    const first = newNoteSpot();
    expect(inTable(first)).toBe(true);
    put(first);
    const second = newNoteSpot();
    expect(inTable(second)).toBe(true);
    expect(second.y).toBe(first.y);
    expect(overlaps(first, second)).toBe(false);
  });

  it('stops following the facilitator when the new note lands at my table out of sight, and shows it', () => {
    seatMe({ scale: 0.3 }, { w: 390, h: 700 }, { following: true });
    let added: { x: number; y: number } | null = null;
    const actions = { addNoteAt: (p: { x: number; y: number }) => ((added = p), 'new') } as unknown as BoardActions;
    addNoteAtCenter(actions);
    const s = useStore.getState();
    expect(s.editingNote).toBe('new');
    // The facilitator's next pan must not carry the note and its editor off this screen.
    expect(s.following).toBe(false);
    const view = visibleBoardRect();
    expect(added!.x).toBeGreaterThanOrEqual(view.x);
    expect(added!.x).toBeLessThanOrEqual(view.x + view.w);
    expect(added!.y).toBeGreaterThanOrEqual(view.y);
    expect(added!.y).toBeLessThanOrEqual(view.y + view.h);
  });

  it('in the task on screen when the current task does not use my table; at my table when it does', () => {
    const timeline: Area = { ...table, id: 'p', name: 'World · 1997–2006', x: 0, y: 0, w: 1000, h: 560, table: null, tableGroup: null };
    const agenda = { template: 'futureSearch' as const, step: 0, areas: { past: ['p'], prouds: ['t'] } };
    // The timelines, framed far out: the note goes on them, not to my stakeholder table far below.
    seatMe({ scale: 0.5 }, { w: 500, h: 280 }, { areas: { t: table, p: timeline }, areaIds: ['t', 'p'], facilitation: { ...initialState.facilitation, agenda } });
    const spot = newNoteSpot();
    expect(spot.x - HALF >= timeline.x && spot.x + HALF <= timeline.x + timeline.w && spot.y - HALF >= timeline.y && spot.y + HALF <= timeline.y + timeline.h).toBe(true);
    // Prouds and sorries (step 2 of the day) uses my table.
    useStore.setState((s) => ({ facilitation: { ...s.facilitation, agenda: { ...agenda, step: 2 } }, viewport: { x: 0, y: 0, scale: 0.06 } }));
    const atTable = newNoteSpot();
    expect(atTable.x - HALF >= table.x && atTable.y - HALF >= table.y).toBe(true);
  });

  it('not seated: in the task’s area nearest the view’s centre, not in the gap between two tables', () => {
    // Two mixed tables side by side; the view's centre falls in the gap between them.
    const left: Area = { ...table, id: 'a', name: 'Mixed table 1', x: 0, y: 0, w: 900, h: 700, table: 'mixed', tableGroup: null };
    const right: Area = { ...left, id: 'b', name: 'Mixed table 2', x: 1020 };
    const agenda = { template: 'futureSearch' as const, step: 3, areas: { future: ['a', 'b'] } };
    useStore.setState({ ...initialState, areas: { a: left, b: right }, areaIds: ['a', 'b'], facilitation: { ...initialState.facilitation, agenda }, viewport: { x: 0, y: 0, scale: 0.5 }, screen: { w: 962, h: 350 } });
    const inside = (p: { x: number; y: number }, a: Area) => p.x - HALF >= a.x && p.x + HALF <= a.x + a.w && p.y - HALF >= a.y && p.y + HALF <= a.y + a.h;
    for (let i = 0; i < 4; i++) {
      const p = newNoteSpot();
      expect(inside(p, left) || inside(p, right), `${p.x},${p.y}`).toBe(true);
      put(p);
    }
  });

  it('at the view’s centre when I have zoomed in on another part of the board', () => {
    seatMe({ scale: 1 }, { w: 1000, h: 800 });
    expect(newNoteSpot()).toEqual({ x: 500, y: 400 });
  });
});

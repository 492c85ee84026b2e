/**
 * The common-ground wall: cards go into the matching list area in a tidy grid around notes people
 * put there, and the lists on the board, in the panel and in the report always agree.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyTemplate,
  clearOutcome,
  confirmOutcome,
  createCluster,
  createGroup,
  createNote,
  initBoard,
  listAreaIds,
  ORIGIN,
  OUTCOME_LISTS,
  outcomesMap,
  readFacilitation,
  setStance,
  wallLayout,
  WALL_STANCE_RATIO,
  type AgreementItem,
  type OutcomeList,
  type StanceValue,
} from '../../shared/index.ts';
import { buildReport } from '../../shared/report/index.ts';
import { bridgeDocToStore } from '../../client/sync/bridge.ts';
import { agreement } from '../../client/store/derived.ts';
import { useStore } from '../../client/store/store.ts';
import { wallCards } from '../../client/store/wallSelectors.ts';

beforeAll(() => {
  globalThis.requestAnimationFrame ??= ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number);
  globalThis.cancelAnimationFrame ??= ((id: number) => clearTimeout(id)) as typeof cancelAnimationFrame;
});
const nextFrame = () => new Promise((r) => setTimeout(r, 5));

const item = (itemId: string): AgreementItem => ({ itemId, standing: 'commonGround', byGroup: {}, confirmed: null, contested: false });
const empty = { commonGround: [], potentialProject: [], notAgreed: [] };
const AREAS = {
  commonGround: { x: 0, y: 0, w: 1000, h: 1200 },
  potentialProject: { x: 1120, y: 0, w: 1000, h: 1200 },
  notAgreed: { x: 2240, y: 0, w: 1000, h: 1200 },
};
const inside = (c: { x: number; y: number; w: number; h: number }, a: { x: number; y: number; w: number; h: number }) =>
  c.x >= a.x && c.y >= a.y && c.x + c.w <= a.x + a.w && c.y + c.h <= a.y + a.h;
const overlap = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('placing cards on the common-ground wall', () => {
  it('puts each item in its own list area, inside it, without cards overlapping', () => {
    const cards = wallLayout({ commonGround: [item('a'), item('b')], potentialProject: [item('c')], notAgreed: [item('d'), item('e'), item('f')] }, AREAS);
    expect(cards.map((c) => [c.item.itemId, c.list])).toEqual([
      ['a', 'commonGround'], ['b', 'commonGround'], ['c', 'potentialProject'], ['d', 'notAgreed'], ['e', 'notAgreed'], ['f', 'notAgreed'],
    ]);
    for (const c of cards) expect(inside(c, AREAS[c.list])).toBe(true);
    for (const a of cards) for (const b of cards) if (a !== b) expect(overlap(a, b)).toBe(false);
  });

  it('lays cards out in a grid fixed by the area’s width, large enough to read on the projector', () => {
    const two = wallLayout({ ...empty, commonGround: ['a', 'b'].map(item) }, AREAS);
    expect(two[0]!.y).toBe(two[1]!.y);
    expect(two[0]!.x + two[0]!.w).toBeLessThan(two[1]!.x);
    // The wall alone on a 1920 px projector is shown at about 0.55: stance lines 20 px or more.
    for (const c of two) expect(c.font * WALL_STANCE_RATIO * 0.55).toBeGreaterThanOrEqual(20);
    const six = wallLayout({ ...empty, commonGround: 'abcdef'.split('').map(item) }, AREAS);
    expect(new Set(six.map((c) => c.x)).size).toBe(2);
    for (const c of six) expect(inside(c, AREAS.commonGround)).toBe(true);
  });

  it('keeps every card in its cell as more items are confirmed', () => {
    const at = (id: string) => id.charCodeAt(0);
    let before = wallLayout({ ...empty, commonGround: [item('a')] }, AREAS, [], at);
    for (const next of 'bcdefghij') {
      const ids = 'abcdefghij'.slice(0, 'abcdefghij'.indexOf(next) + 1).split('');
      const after = wallLayout({ ...empty, commonGround: ids.map(item) }, AREAS, [], at);
      for (const c of before) expect(after.find((d) => d.item.itemId === c.item.itemId)).toEqual(c);
      before = after;
    }
  });

  it('a note that arrives after the cards moves none of them; one that was there first keeps its cell free', () => {
    const at: Record<string, number> = { a: 10, b: 20, c: 30 };
    const three = { ...empty, commonGround: ['a', 'b', 'c'].map(item) };
    const cards = wallLayout(three, AREAS, [], (id) => at[id]!);
    const onA = { x: cards[0]!.x + 100, y: cards[0]!.y + 50, w: 200, h: 200, at: 40 };
    expect(wallLayout(three, AREAS, [onA], (id) => at[id]!)).toEqual(cards);
    // Made before "c" was confirmed, in c's cell: c takes the next cell, a and b stay.
    const inC = { x: cards[2]!.x + 20, y: cards[2]!.y + 20, w: 200, h: 200, at: 25 };
    const moved = wallLayout(three, AREAS, [inC], (id) => at[id]!);
    expect(moved.slice(0, 2)).toEqual(cards.slice(0, 2));
    expect(overlap(moved[2]!, inC)).toBe(false);
  });

  it('leaves notes people put in a list area uncovered', () => {
    const note = { x: 40, y: 100, w: 200, h: 200 };
    const cards = wallLayout({ ...empty, commonGround: [item('a'), item('b')] }, AREAS, [note]);
    for (const c of cards) expect(overlap(c, note)).toBe(false);
    for (const c of cards) expect(inside(c, AREAS.commonGround)).toBe(true);
  });

  it('keeps the order of confirmation, so a new card goes after the others', () => {
    const at: Record<string, number> = { z: 1, a: 2, m: 3 };
    const cards = wallLayout({ ...empty, potentialProject: ['a', 'm', 'z'].map(item) }, AREAS, [], (id) => at[id]!);
    expect(cards.map((c) => c.item.itemId)).toEqual(['z', 'a', 'm']);
  });

  it('finds the list areas in the agenda record (in layout order) and leaves out a list whose area is gone', () => {
    const ids = listAreaIds({ commonGround: ['cg', 'pp', 'na'] }, (id) => id !== 'pp');
    expect(ids).toEqual({ commonGround: 'cg', potentialProject: null, notAgreed: 'na' });
    expect(wallLayout({ ...empty, potentialProject: [item('a')] }, { ...AREAS, potentialProject: null })).toEqual([]);
  });
});

describe('one derivation of the three lists', () => {
  it('the wall, the panel and the report list the same items, through confirming, moving, un-confirming and undo', async () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Wall', createdAt: 1 }, ORIGIN.server);
    const stop = bridgeDocToStore(doc);
    const groups = ['Health', 'Schools', 'Council'].map((name, i) => createGroup(doc, { name, color: ['#1b9e77', '#d95f02', '#7570b3'][i]! }, ORIGIN.local));
    applyTemplate(doc, 'futureSearch', { lang: 'en', mixedTables: 1, year: 2026 }, ORIGIN.local);
    const clusters = Array.from({ length: 6 }, (_, i) => {
      const a = createNote(doc, { text: `a${i}`, x: i * 400, y: -2000, authorId: 'p', groupId: groups[0]! }, ORIGIN.local);
      const b = createNote(doc, { text: `b${i}`, x: i * 400 + 200, y: -2000, authorId: 'p', groupId: groups[1]! }, ORIGIN.local);
      return createCluster(doc, [a, b], `Theme ${i}`, ORIGIN.local);
    });
    const undo = new Y.UndoManager(outcomesMap(doc), { trackedOrigins: new Set([ORIGIN.local]), captureTimeout: 0 });
    const areaIds = listAreaIds(readFacilitation(doc).agenda.areas, () => true);
    let seed = 7;
    let most = 0;
    const rnd = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
    const stances: StanceValue[] = ['agree', 'agree', 'disagree', 'unsure'];
    for (let step = 0; step < 60; step++) {
      const c = clusters[rnd(clusters.length)]!;
      const op = [0, 0, 0, 1, 1, 1, 2, 3][rnd(8)];
      if (op === 0) setStance(doc, c, groups[rnd(groups.length)]!, stances[rnd(stances.length)]!, 'p', ORIGIN.local);
      else if (op === 1) {
        try {
          confirmOutcome(doc, c, OUTCOME_LISTS[rnd(3)]!, 'f', ORIGIN.local);
        } catch {
          // Common ground is refused while some group does not agree: the lists stay as they were.
        }
      } else if (op === 2) clearOutcome(doc, c, ORIGIN.local);
      else undo.undo();
      await nextFrame();
      const s = useStore.getState();
      const panel = agreement(s);
      const cards = wallCards(s);
      const report = buildReport(doc, { lang: 'en', now: 1, untitled: '', noGroup: '' });
      const label = (id: string) => s.clusters[id]!.label;
      most = Math.max(most, cards.length);
      for (const list of OUTCOME_LISTS) {
        const onWall = cards.filter((x) => x.list === list).map((x) => x.item.itemId).sort();
        expect(onWall, `${list} after step ${step}`).toEqual(panel[list].map((x) => x.itemId).sort());
        expect(onWall.map(label).sort()).toEqual(report.lists[list].map((x) => x.title).sort());
        const area = s.areas[areaIds[list as OutcomeList]!]!;
        for (const card of cards.filter((x) => x.list === list)) expect(inside(card, area)).toBe(true);
      }
    }
    expect(most).toBeGreaterThanOrEqual(3);
    stop();
  });
});

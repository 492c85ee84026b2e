/**
 * What is drawn besides notes (the wall's cards, the mind map's centre topic, clusters' outlines with
 * their name bars) is kept clear by everything that places notes: "+ Add note", "Make a cluster" and
 * accepting a suggestion; a note the facilitator locked stays out of a new cluster.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTemplate, clusterBounds, confirmOutcome, createCluster, createNote, DEFAULT_NOTE_SIZE, initBoard, ORIGIN } from '../../shared/index.ts';
import { bridgeDocToStore } from '../../client/sync/bridge.ts';
import { drawnObstacles } from '../../client/store/drawnObstacles.ts';
import { resetStore, useStore } from '../../client/store/store.ts';
import { mindMapArea, mindMapCentreBox, wallCards } from '../../client/store/wallSelectors.ts';
import { clusterSelection } from '../../client/tools/clusterCommands.ts';
import { deleteSelection, newNoteSpot } from '../../client/tools/commands.ts';
import { dismissToast, useToastStore } from '../../client/store/toast.ts';
import { gatherMoves } from '../../client/tools/gatherNotes.ts';
import type { BoardActions } from '../../client/sync/actions.ts';

beforeAll(() => {
  globalThis.requestAnimationFrame ??= ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number);
  globalThis.cancelAnimationFrame ??= ((id: number) => clearTimeout(id)) as typeof cancelAnimationFrame;
});
const nextFrame = () => new Promise((r) => setTimeout(r, 5));
afterEach(() => resetStore());

type Box = { x: number; y: number; w: number; h: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const HALF = DEFAULT_NOTE_SIZE / 2;
const noteAt = (p: { x: number; y: number }): Box => ({ x: p.x - HALF, y: p.y - HALF, w: DEFAULT_NOTE_SIZE, h: DEFAULT_NOTE_SIZE });

/** A laid-out Future Search board with one cluster confirmed onto the wall (Potential projects). */
async function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Our town', createdAt: 1 }, ORIGIN.server);
  const stop = bridgeDocToStore(doc);
  applyTemplate(doc, 'futureSearch', { lang: 'en', mixedTables: 1, year: 2026 }, ORIGIN.local);
  const a = createNote(doc, { text: 'a', x: 0, y: -3000, authorId: 'p', groupId: null }, ORIGIN.local);
  const b = createNote(doc, { text: 'b', x: 250, y: -3000, authorId: 'p', groupId: null }, ORIGIN.local);
  const cluster = createCluster(doc, [a, b], 'Parks', ORIGIN.local);
  confirmOutcome(doc, cluster, 'potentialProject', 'f', ORIGIN.local);
  await nextFrame();
  return { doc, stop, cluster, members: [a, b] };
}

/** Looks at the board at scale 1 with `p` in the middle of a 1000 x 800 screen. */
function lookAt(p: { x: number; y: number }): void {
  useStore.setState({ viewport: { x: 500 - p.x, y: 400 - p.y, scale: 1 }, screen: { w: 1000, h: 800 } });
}

describe('drawn things that new notes keep clear of', () => {
  it('lists the wall’s cards, the centre topic and every cluster’s outline with its name bar', async () => {
    const { stop, members } = await board();
    const s = useStore.getState();
    const boxes = drawnObstacles(s);
    const card = wallCards(s)[0]!;
    expect(boxes).toContainEqual({ x: card.x, y: card.y, w: card.w, h: card.h });
    expect(boxes).toContainEqual(mindMapCentreBox(mindMapArea(s)!));
    expect(boxes).toContainEqual(clusterBounds(members.map((id) => s.notes[id]!)));
    stop();
  });

  it('"+ Add note" over a wall card, the centre topic or a cluster’s name bar puts the note beside it', async () => {
    const { stop, members } = await board();
    const s = useStore.getState();
    const card = wallCards(s)[0]!;
    lookAt({ x: card.x + card.w / 2, y: card.y + card.h / 2 });
    expect(overlap(noteAt(newNoteSpot()), card)).toBe(false);
    const topic = mindMapCentreBox(mindMapArea(s)!);
    lookAt({ x: topic.x + topic.w / 2, y: topic.y + topic.h / 2 });
    expect(overlap(noteAt(newNoteSpot()), topic)).toBe(false);
    const outline = clusterBounds(members.map((id) => s.notes[id]!))!;
    lookAt({ x: outline.x + outline.w / 2, y: outline.y - HALF + 20 });
    expect(overlap(noteAt(newNoteSpot()), outline)).toBe(false);
    stop();
  });

  it('gathering a cluster near a wall card or the centre topic keeps its notes and outline off them', async () => {
    const { doc, stop } = await board();
    let s = useStore.getState();
    const card = wallCards(s)[0]!;
    const topic = mindMapCentreBox(mindMapArea(s)!);
    for (const target of [card, topic]) {
      const ids = [0, 1, 2].map((i) => createNote(doc, { text: `t${i}`, x: target.x + 10, y: target.y + 10 + i * 5000, authorId: 'p', groupId: null }, ORIGIN.local));
      await nextFrame();
      s = useStore.getState();
      const { moves, box } = gatherMoves(s, ids);
      for (const m of moves) expect(overlap({ ...m, w: DEFAULT_NOTE_SIZE, h: DEFAULT_NOTE_SIZE }, target)).toBe(false);
      expect(overlap(box!, target)).toBe(false);
    }
    stop();
  });
});

describe('Make a cluster with a locked note in the selection', () => {
  it('leaves the locked note out of the cluster, so the outline is drawn around the gathered notes only', async () => {
    const { doc, stop } = await board();
    let s = useStore.getState();
    const table = s.areas[s.areaIds[0]!]!;
    const locked = createNote(doc, { text: 'kept', x: table.x + 40, y: table.y + 80, authorId: 'p', groupId: null }, ORIGIN.local);
    const free = [0, 1].map((i) => createNote(doc, { text: `f${i}`, x: -5000 + i * 900, y: -5000, authorId: 'p', groupId: null }, ORIGIN.local));
    await nextFrame();
    useStore.setState((st) => ({
      me: { ...st.me, id: 'p', role: 'participant' },
      areas: { ...st.areas, [table.id]: { ...table, locked: true } },
      selection: [free[0]!, locked, free[1]!],
      viewport: { x: 0, y: 0, scale: 1 },
      screen: { w: 1000, h: 800 },
    }));
    s = useStore.getState();
    const made: { ids: string[]; moves: { id: string }[] }[] = [];
    const actions = { acceptProposal: (ids: string[], _label: string, moves: { id: string }[]) => (made.push({ ids, moves }), 'c1') } as unknown as BoardActions;
    clusterSelection(actions);
    expect(made).toHaveLength(1);
    expect(made[0]!.ids).toEqual(free);
    expect(made[0]!.moves.map((m) => m.id).sort()).toEqual([...free].sort());
    stop();
  });
});

describe('the delete toast', () => {
  /** Actions whose deleteItems makes an undo step only when `makesStep` (sealStep reads the stack's top, as the real one does). */
  function fakeActions(makesStep: boolean): BoardActions {
    const stack: object[] = [{ older: true }];
    return {
      sealStep: () => stack.at(-1),
      deleteItems: () => void (makesStep && stack.push({})),
      undoStep: () => true,
    } as unknown as BoardActions;
  }

  it('counts the notes deleted, not a selected cluster, and offers Undo only when the delete made an undo step', async () => {
    const { stop, cluster, members } = await board();
    useStore.setState((st) => ({ me: { ...st.me, role: 'facilitator' }, selection: [...members, cluster] }));
    deleteSelection(fakeActions(true), 'en', () => true);
    expect(useToastStore.getState().toast?.message).toBe('2 items deleted');
    dismissToast();
    // Nothing came of it (no undo step): no toast, whose Undo would take back an older, unrelated step.
    useStore.setState({ selection: [...members] });
    deleteSelection(fakeActions(false), 'en', () => true);
    expect(useToastStore.getState().toast).toBeNull();
    stop();
  });
});

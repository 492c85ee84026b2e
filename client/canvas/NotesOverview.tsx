/**
 * The overview: far out on a board of hundreds of notes, the notes are drawn by one Konva shape as
 * plain coloured cards (group strip, lens and private writing kept; text, shadows and dots are too
 * small to see there anyway). Selected and edited notes are still drawn as themselves, on top.
 * A tap on a card selects its note, a double tap opens it, and a drag that starts on a card draws
 * that note as itself and hands the drag to it, so every gesture means what it means up close.
 *
 * Why: one node per note costs Konva a transform, a save and a restore each per frame; with the
 * whole room's wall in view that was 80 ms a frame at 5,000 notes. One shape draws them in one pass.
 */
import type { KonvaEventObject } from 'konva/lib/Node';
import type { Context } from 'konva/lib/Context';
import { useMemo } from 'react';
import { isPrivateFrom } from '../../shared/index.ts';
import { groupColor, lensState } from '../store/cocreationSelectors.ts';
import { isLockedForMe } from '../store/locks.ts';
import { useStore, type StoreState } from '../store/store.ts';
import { select, toBoard } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';
import { isAdding, tapNote } from '../tools/noteTap.ts';
import { boardTaps } from '../tools/doubleTap.ts';
import { Shape } from './konva.ts';
import { tint } from './NoteShape.tsx';

/** Below this zoom (where note text is no longer drawn) ... */
export const OVERVIEW_SCALE = 0.2;
/** ... on a board of more notes than this, notes are drawn as the overview. */
export const OVERVIEW_MIN_NOTES = 300;
/** A press that moves this far (CSS px) is a drag. */
const DRAG_DISTANCE = 4;

const PRIVATE_FILL = '#e9e6df';
const STRIP_HEIGHT = 8;

interface Cards {
  /** Note ids in drawing order, and their boxes (x, y, w, h) four numbers each. */
  ids: string[];
  boxes: number[];
  /** Boxes by fill colour, and group strips by colour; dimmed ones (the lens) apart. */
  fills: Map<string, number[]>;
  strips: Map<string, number[]>;
  dimmed: Map<string, number[]>;
}

/** `ids`: the notes on screen; `own`: those drawn as themselves (still found under the pointer). */
function cardsOf(s: StoreState, ids: readonly string[], own: ReadonlySet<string>): Cards {
  const cards: Cards = { ids: [], boxes: [], fills: new Map(), strips: new Map(), dimmed: new Map() };
  const add = (map: Map<string, number[]>, key: string, ...v: number[]) => {
    const list = map.get(key);
    if (list) list.push(...v);
    else map.set(key, v);
  };
  // Notes carried by an area or cluster drag move with it (the store holds the live offset).
  const carried = new Set(s.drag?.ids);
  for (const id of ids) {
    const stored = s.notes[id];
    if (!stored) continue;
    const n = carried.has(id) ? { ...stored, x: stored.x + s.drag!.dx, y: stored.y + s.drag!.dy } : stored;
    const lens = lensState(s, n.groupId);
    if (lens === 'hidden') continue;
    cards.ids.push(id);
    cards.boxes.push(n.x, n.y, n.w, n.h);
    if (own.has(id)) continue;
    if (isPrivateFrom(n, s.me, s.facilitation.privateWriting)) {
      add(cards.fills, PRIVATE_FILL, n.x, n.y, n.w, n.h);
      continue;
    }
    const strip = groupColor(s, n.groupId);
    const fill = strip && s.lens.colorByGroup ? tint(strip) : n.color;
    add(lens === 'dim' ? cards.dimmed : cards.fills, fill, n.x, n.y, n.w, n.h);
    if (strip && lens !== 'dim') add(cards.strips, strip, n.x, n.y, n.w, STRIP_HEIGHT);
  }
  return cards;
}

function fillAll(c: CanvasRenderingContext2D, map: Map<string, number[]>): void {
  for (const [color, r] of map) {
    c.fillStyle = color;
    for (let i = 0; i < r.length; i += 4) c.fillRect(r[i]!, r[i + 1]!, r[i + 2]!, r[i + 3]!);
  }
}

/** The note whose card is under board point `p` (the topmost), if any. */
function cardAt(cards: Cards, p: { x: number; y: number }): string | null {
  const b = cards.boxes;
  for (let i = cards.ids.length - 1; i >= 0; i--) {
    const x = b[i * 4]!, y = b[i * 4 + 1]!;
    if (p.x >= x && p.y >= y && p.x <= x + b[i * 4 + 2]! && p.y <= y + b[i * 4 + 3]!) return cards.ids[i]!;
  }
  return null;
}

/** Notes `ids` drawn as one shape (far out on a big board), except those in `own`, which draw themselves. */
export function NotesOverview({ ids, own }: { ids: readonly string[]; own: ReadonlySet<string> }) {
  const notes = useStore((s) => s.notes);
  const groups = useStore((s) => s.groups);
  const lens = useStore((s) => s.lens);
  const me = useStore((s) => s.me);
  const privateWriting = useStore((s) => s.facilitation.privateWriting);
  // A drag matters here only when it carries cards (an area or a cluster drag); a note dragged as
  // itself moves on its own node, and the cards need not be rebuilt on each of its frames.
  const drag = useStore((s) => (s.drag && s.drag.ids.some((id) => !own.has(id)) ? s.drag : null));
  const actions = useActions();
  const cards = useMemo(() => cardsOf(useStore.getState(), ids, own), [ids, own, notes, groups, lens, me, privateWriting, drag]);

  const noteUnderPointer = (e: KonvaEventObject<Event>): string | null => {
    const p = e.target.getStage()?.getPointerPosition();
    return p ? cardAt(cards, toBoard(useStore.getState().viewport, p)) : null;
  };
  const onTap = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    const id = noteUnderPointer(e);
    if (!id) return;
    e.cancelBubble = true;
    // Not the end of a two-finger pan, nor the click a browser makes up after a touch.
    if (!boardTaps.isTap() || boardTaps.followsTouch(e.evt)) return;
    // A second tap on the same card opens the note (tapNote knows the last tap).
    tapNote(id, isAdding(e.evt), actions, true, e.evt.timeStamp);
  };
  // A press on a card is not a pan: once it moves, the note is drawn as itself and dragged.
  const onPress = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    const s = useStore.getState();
    const id = noteUnderPointer(e);
    if (!id || s.spaceHeld || isLockedForMe(s, id)) return;
    e.cancelBubble = true;
    const stage = e.target.getStage()!;
    const start = 'touches' in e.evt ? e.evt.touches[0]! : e.evt;
    const from = { x: start.clientX, y: start.clientY };
    const done = () => {
      removeEventListener('pointermove', move);
      removeEventListener('pointerup', done);
      removeEventListener('pointercancel', done);
    };
    const move = (ev: PointerEvent) => {
      if (Math.hypot(ev.clientX - from.x, ev.clientY - from.y) < DRAG_DISTANCE) return;
      done();
      if (!useStore.getState().selection.includes(id)) select([id]);
      // Once React has drawn the note as itself (a selected note always is), it takes the drag over.
      requestAnimationFrame(() => stage.findOne(`#${id}`)?.startDrag());
    };
    addEventListener('pointermove', move);
    addEventListener('pointerup', done);
    addEventListener('pointercancel', done);
  };

  return (
    <Shape
      name="notes-overview"
      perfectDrawEnabled={false}
      sceneFunc={(ctx: Context) => {
        const c = ctx._context;
        fillAll(c, cards.fills);
        fillAll(c, cards.strips);
        c.globalAlpha = 0.22;
        fillAll(c, cards.dimmed);
        c.globalAlpha = 1;
      }}
      hitFunc={(ctx: Context, shape) => {
        const b = cards.boxes;
        ctx.beginPath();
        for (let i = 0; i < b.length; i += 4) ctx.rect(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!);
        ctx.closePath();
        ctx.fillShape(shape);
      }}
      onMouseDown={onPress}
      onTouchStart={onPress}
      onClick={onTap}
      onTap={onTap}
    />
  );
}

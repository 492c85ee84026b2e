/**
 * The common-ground wall on the canvas: one card per confirmed item in its list's area, with its title
 * and each stakeholder group's stance in words and colour; and the trends mind map's centre topic.
 *
 * Why: the room sees the wall fill as the facilitator confirms, on every screen and the projector,
 * without anyone copying notes by hand. A card is a view of the item (drawn from the same lists as
 * the panel and the report), not a copy: tapping it selects the item itself, and un-confirming,
 * moving it to another list or undoing takes the card down or moves it. Stances are written out
 * ("✓ Agree: Health, Schools"), never colour alone.
 */
import type { KonvaEventObject } from 'konva/lib/Node';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { activeGroups, STANCES, WALL_STANCE_RATIO, type OutcomeList, type StanceValue, type WallCard } from '../../shared/index.ts';
import { useT } from '../i18n/i18n.ts';
import { itemTitle } from '../store/derived.ts';
import { useStore } from '../store/store.ts';
import { editNote, select } from '../store/ui.ts';
import { mindMapArea, wallCards } from '../store/wallSelectors.ts';
import { FONT_FAMILY } from './fitText.ts';
import { Text as KonvaText } from 'konva/lib/shapes/Text';
import { Group, Rect, Text } from './konva.ts';
import { directionProps } from './textDirection.ts';

/** Border colour of a card per list (the list areas' colours, darker). */
const LIST_INK: Record<OutcomeList, string> = { commonGround: '#2e7d32', potentialProject: '#1f5fa8', notAgreed: '#b3261e' };
/** Text colour and sign of each stance (the sign and the word carry it; the colour repeats it). */
const STANCE_INK: Record<StanceValue | 'none', string> = { agree: '#1e6b30', disagree: '#a1221b', unsure: '#7a5600', none: '#56606b' };
const STANCE_SIGN: Record<StanceValue | 'none', string> = { agree: '✓', disagree: '✗', unsure: '?', none: '–' };

/** The wall's cards (drawn on the areas layer, under the notes). */
export function WallCardsLayer() {
  const cards = useStore(wallCards);
  return (
    <>
      {cards.map((c) => (
        <WallCardShape key={c.item.itemId} card={c} />
      ))}
    </>
  );
}

const WallCardShape = memo(function WallCardShape({ card }: { card: WallCard }) {
  const t = useT();
  const title = useStore((s) => itemTitle(s, card.item.itemId, { cluster: t('clusterDefault'), note: t('emptyNote') }));
  const groups = useStore(useShallow((s) => activeGroups(s.groups)));
  const { x, y, w, h, font, item } = card;
  const pad = Math.round(font * 0.45);
  const small = Math.round(font * WALL_STANCE_RATIO);
  const inner = w - 2 * pad;
  const lines: Array<{ text: string; ink: string }> = [];
  for (const stance of [...STANCES, 'none'] as const) {
    const names = groups.filter((g) => (item.byGroup[g.id] ?? 'none') === stance).map((g) => g.name);
    if (names.length === 0) continue;
    const word = stance === 'none' ? t('wallNotMarked') : t(stance);
    lines.push({ text: `${STANCE_SIGN[stance]} ${t('wallStanceLine', word, names.join(', '))}`, ink: STANCE_INK[stance] });
  }
  if (item.contested) lines.push({ text: `⚠ ${t('wallContested')}`, ink: STANCE_INK.disagree });
  // Every stance line must show: with three or more, the title keeps to one line, in a size at which
  // its words fit whole (a shorter title keeps the card's size).
  const maxTitleLines = lines.length >= 3 ? 1 : 2;
  const titleFont = titleSize(title, inner - 6, font, Math.round(small * 0.8), maxTitleLines);
  const titleLines = Math.min(maxTitleLines, wrappedLines(title, inner - 6, titleFont));
  const onTap = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    e.cancelBubble = true;
    if (useStore.getState().editingNote) editNote(null);
    select([item.itemId]);
  };
  // A double-tap on a card is not a double-tap on the board (that would write a note under it).
  const stop = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    e.cancelBubble = true;
  };
  let lineY = pad + titleLines * titleFont * 1.15 + pad * 0.5;
  return (
    <Group id={`wall-${item.itemId}`} name={`wallCard wall-${card.list}`} x={x} y={y} onClick={onTap} onTap={onTap} onDblClick={stop} onDblTap={stop}>
      <Rect width={w} height={h} fill="#ffffff" stroke={LIST_INK[card.list]} strokeWidth={5} cornerRadius={12} shadowColor="#000" shadowOpacity={0.12} shadowBlur={8} perfectDrawEnabled={false} />
      <Rect width={12} height={h} fill={LIST_INK[card.list]} cornerRadius={[12, 0, 0, 12]} listening={false} perfectDrawEnabled={false} />
      <Text
        text={title}
        x={pad + 6}
        y={pad}
        width={inner - 6}
        height={titleLines * titleFont * 1.15 + 2}
        fontSize={titleFont}
        lineHeight={1.15}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill="#1d2733"
        ellipsis
        {...directionProps(title)}
        listening={false}
      />
      {lines.map((line, i) => {
        const rows = wrappedLines(line.text, inner - 6, small);
        const top = lineY;
        const room = h - pad * 0.5 - top;
        lineY += rows * small * 1.15;
        if (room < small) return null;
        return (
          <Text
            key={i}
            text={line.text}
            x={pad + 6}
            y={top}
            width={inner - 6}
            height={Math.min(rows * small * 1.15 + 2, room)}
            fontSize={small}
            lineHeight={1.15}
            fontFamily={FONT_FAMILY}
            fontStyle="bold"
            fill={line.ink}
            ellipsis
            listening={false}
          />
        );
      })}
    </Group>
  );
}, sameCard);

/** Whether a card would look the same (the layout makes new card objects whenever a note moves). */
function sameCard(a: { card: WallCard }, b: { card: WallCard }): boolean {
  const p = a.card, q = b.card;
  return (
    p.x === q.x && p.y === q.y && p.w === q.w && p.h === q.h && p.font === q.font && p.list === q.list &&
    p.item.itemId === q.item.itemId && p.item.contested === q.item.contested && JSON.stringify(p.item.byGroup) === JSON.stringify(q.item.byGroup)
  );
}

/**
 * The largest size from `max` down to `min` at which `text` takes at most `maxLines` lines `width`
 * wide with every word whole (a long word such as "neighbourhood" is never cut); `min` if none.
 */
function titleSize(text: string, width: number, max: number, min: number, maxLines: number): number {
  const words = text.split(/\s+/).filter(Boolean);
  const probe = new KonvaText({ fontStyle: 'bold', fontFamily: FONT_FAMILY });
  try {
    for (let size = max; size > min; size--) {
      probe.fontSize(size);
      if (words.every((w) => probe.measureSize(w).width <= width) && wrappedLines(text, width, size) <= maxLines) return size;
    }
    return min;
  } finally {
    probe.destroy();
  }
}

/** How many lines `text` takes in bold at `size` in a box `width` wide (measured as Konva wraps it). */
function wrappedLines(text: string, width: number, size: number): number {
  const probe = new KonvaText({ text, width, fontSize: size, fontStyle: 'bold', fontFamily: FONT_FAMILY, lineHeight: 1.15, wrap: 'word' });
  const lines = Math.max(1, Math.round(probe.height() / (size * 1.15)));
  probe.destroy();
  return lines;
}

/** The trends mind map's centre topic: the board's title in the middle of its area. */
export function MindMapCentre() {
  const t = useT();
  const area = useStore(mindMapArea);
  const title = useStore((s) => s.meta?.title ?? '');
  if (!area) return null;
  const text = title.trim() || t('wallTopic');
  const w = Math.min(900, area.w * 0.34);
  const h = Math.min(240, area.h * 0.2);
  return (
    <Group name="mindMapCentre" x={area.x + (area.w - w) / 2} y={area.y + (area.h - h) / 2} listening={false}>
      <Rect width={w} height={h} cornerRadius={h / 2} fill="#6a3d9a" opacity={0.92} stroke="#4a2a6e" strokeWidth={4} perfectDrawEnabled={false} />
      <Text
        text={text}
        width={w}
        height={h}
        padding={h * 0.16}
        verticalAlign="middle"
        fontSize={Math.min(64, h / 3)}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill="#ffffff"
        ellipsis
        direction={directionProps(text).direction}
        align="center"
      />
    </Group>
  );
}

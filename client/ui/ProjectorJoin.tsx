/**
 * The projector's corner: the QR code and short URL for joining as a participant, in large type.
 * It measures itself (with the group legend above it), so the projector frames the board's content
 * beside it, never under it.
 *
 * Why: the projector is where the room looks; whoever arrives late or switches devices joins from
 * there, without asking the facilitator for a link, and the card must not hide what people wrote.
 */
import { useLayoutEffect, useRef } from 'react';
import { useT } from '../i18n/i18n.ts';
import { setReserved } from '../store/projector.ts';
import { useStore } from '../store/store.ts';
import { JoinQr, useJoinUrl } from './JoinQr.tsx';

/** Space kept between the card and the content framed beside it, CSS px. */
const GAP = 8;

/** On the projector: the QR code and short address to join the board from a tablet. */
export function ProjectorJoin({ boardId, token }: { boardId: string; token: string }) {
  const t = useT();
  // Asked again when the screen reconnects (a rotated participant link gets a new code).
  const synced = useStore((s) => s.synced);
  const url = useJoinUrl(boardId, token, synced);
  const card = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = card.current;
    const body = el?.parentElement;
    if (!el || !body) return;
    // The corner the card and the group legend above it take, relative to the board body (where
    // the canvas starts).
    const measure = () => {
      const b = body.getBoundingClientRect();
      const card = el.getBoundingClientRect();
      body.style.setProperty('--projector-join-height', `${Math.round(b.bottom - card.top)}px`);
      const legend = body.querySelector('.group-legend');
      if (legend) observer.observe(legend);
      const r = legend ? union(card, legend.getBoundingClientRect()) : card;
      setReserved([{ x: r.left - b.left - GAP, y: r.top - b.top - GAP, w: r.right - r.left + 2 * GAP, h: r.bottom - r.top + 2 * GAP }]);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    observer.observe(body);
    // The legend comes and goes with the stakeholder groups.
    const children = new MutationObserver(measure);
    children.observe(body, { childList: true });
    measure();
    return () => {
      observer.disconnect();
      children.disconnect();
      setReserved([]);
    };
  }, [url]);
  if (!url) return null;
  return (
    <div className="projector-join" ref={card}>
      <JoinQr url={url} label={t('joinHere')} size={200} />
    </div>
  );
}

function union(a: DOMRect, b: DOMRect): { left: number; top: number; right: number; bottom: number } {
  return { left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) };
}

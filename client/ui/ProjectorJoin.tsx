/**
 * The projector's corner: the QR code and short URL for joining as a participant, in large type, and
 * the buttons that show the vote, common ground or clusters panel beside the board. It measures
 * itself (with the group legend and an open panel), so the projector frames the board's content
 * beside them, never under them.
 *
 * Why: the projector is where the room looks; whoever arrives late or switches devices joins from
 * there, without asking the facilitator for a link, and the card must not hide what people wrote.
 */
import { useLayoutEffect, useRef } from 'react';
import { useT } from '../i18n/i18n.ts';
import { setReserved } from '../store/projector.ts';
import { useStore } from '../store/store.ts';
import { togglePanel } from '../store/ui.ts';
import { JoinQr, useJoinUrl } from './JoinQr.tsx';

/** The read-only panels the projector can show beside the board (the results people look up at). */
const PANELS = ['vote', 'commonGround', 'clusters'] as const;

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
    // The column the card, the group legend above it, an open panel and the vote banner take,
    // relative to the board body (where the canvas starts).
    const measure = () => {
      const b = body.getBoundingClientRect();
      const card = el.getBoundingClientRect();
      body.style.setProperty('--projector-join-height', `${Math.round(b.bottom - card.top)}px`);
      let r: Box = card;
      for (const other of body.querySelectorAll(':scope > .group-legend, :scope > .panel, :scope > .vote-banner')) {
        observer.observe(other);
        r = union(r, other.getBoundingClientRect());
      }
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
  const panel = useStore((s) => s.panel);
  if (!url) return null;
  return (
    <div className="projector-join" ref={card}>
      <JoinQr url={url} label={t('joinHere')} size={200} />
      <div className="projector-panels" role="group" aria-label={t('projectorPanels')}>
        {PANELS.map((p) => (
          <button key={p} type="button" aria-pressed={panel === p} onClick={() => togglePanel(p)}>
            {t(p)}
          </button>
        ))}
      </div>
    </div>
  );
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function union(a: Box, b: Box): Box {
  return { left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) };
}

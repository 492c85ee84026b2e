/**
 * A "more" button with a popover of the tools that do not fit beside it (the toolbar, the selection
 * bar and the header on a phone), and the hook that says whether the screen is narrow.
 *
 * Why: on a phone the toolbar keeps one row and never covers the selection bar, so the tools that
 * have no room move here, one tap away. It is a disclosure popover: the button says whether it is
 * open (`aria-expanded`), focus moves into it, Escape, a tap elsewhere or Tab out of it closes it, and
 * focus goes back to its button (Escape is the dialog's own while a dialog is open over it). Its content stays mounted while closed (hidden), so a tool that keeps state of
 * its own (a raised hand) keeps it.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Screens up to this wide (CSS px) get the phone layout: the compact header and bars. */
export const PHONE_MAX_WIDTH = 600;

/** Whether the window is at most `maxWidth` CSS px wide, kept up to date as it turns or resizes. */
export function useNarrowScreen(maxWidth = PHONE_MAX_WIDTH): boolean {
  const query = `(max-width: ${maxWidth}px)`;
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setNarrow(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return narrow;
}

/**
 * The button `label` (with `icon`, or the label as its text) and, while open, the popover with
 * `children` above it (`placement` "up", for the bars at the bottom) or below it ("down", the header).
 * Activating any button inside closes it.
 */
export function MoreMenu({
  label,
  icon,
  className = 'tool',
  placement = 'up',
  children,
}: {
  label: string;
  icon?: ReactNode;
  className?: string;
  placement?: 'up' | 'down';
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  /** Opened by a key (not a finger or mouse): focus moves into the popover. */
  const byKey = useRef(false);

  // As tall as the room between the button and the edge of the board (beyond it, it scrolls), and
  // moved sideways if it would run off the screen.
  useLayoutEffect(() => {
    const el = popover.current;
    const b = button.current?.getBoundingClientRect();
    if (!open || !b || !el) return;
    const board = button.current?.closest('.board-body')?.getBoundingClientRect();
    const room = placement === 'up' ? b.top - (board?.top ?? 0) - 20 : window.innerHeight - b.bottom - 14;
    el.style.maxHeight = `${Math.max(120, room)}px`;
    el.style.translate = '';
    const r = el.getBoundingClientRect();
    const shift = r.left < 8 ? 8 - r.left : r.right > window.innerWidth - 8 ? window.innerWidth - 8 - r.right : 0;
    if (shift) el.style.translate = `${shift}px 0`;
  }, [open, placement]);

  useEffect(() => {
    if (!open) return;
    // Opened by a key: focus moves to the first tool inside, so the keyboard continues there.
    if (byKey.current) popover.current?.querySelector<HTMLElement>('button:not(:disabled), input, select, [tabindex="0"]')?.focus({ preventScroll: true });
    const onKey = (e: KeyboardEvent) => {
      // A dialog over the board closes first, on its own Escape; the popover waits for the next one.
      if (e.key !== 'Escape' || document.querySelector('[aria-modal="true"]')) return;
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      button.current?.focus({ preventScroll: true });
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!popover.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [open]);

  return (
    <span
      className="more-menu"
      onBlur={(e) => {
        // Focus moved on past the button and the popover (Tab): the popover closes, as for a tap elsewhere.
        const to = e.relatedTarget;
        if (open && to instanceof Node && !e.currentTarget.contains(to)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={className}
        aria-label={icon ? label : undefined}
        title={label}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onPointerDown={(e) => e.preventDefault()}
        onClick={(e) => {
          byKey.current = e.detail === 0;
          setOpen((o) => !o);
        }}
      >
        {icon ?? label}
      </button>
      <div
        ref={popover}
        id={id}
        className={`more-popover more-${placement}`}
        role="group"
        aria-label={label}
        hidden={!open}
        onClick={(e) => {
          // A tool was used: the popover closes; a keyboard's focus goes back to the button.
          if (!(e.target as HTMLElement).closest('button')) return;
          setOpen(false);
          if (e.detail === 0) button.current?.focus({ preventScroll: true });
        }}
      >
        {children}
      </div>
    </span>
  );
}

/** Three dots, the usual sign for "more". */
export function MoreIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
      <circle cx="5" cy="12" r="2" />
      <circle cx="12" cy="12" r="2" />
      <circle cx="19" cy="12" r="2" />
    </svg>
  );
}

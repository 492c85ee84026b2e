/**
 * Focus for dialogs and panels. `useModal`: a dialog takes focus when it opens, keeps it (Tab and
 * Shift+Tab cycle inside), closes on Escape where closing is allowed, and gives focus back to what had
 * it before. `useFocusReturn`: a side panel (not modal) gives focus back to the button that opened it
 * when it closes.
 *
 * Why: a keyboard or screen-reader user must never be left behind a dialog, nor dropped on the page
 * after one; one hook keeps every dialog the same.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { focusCanvas } from '../tools/keyboardFocus.ts';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements inside `root` that Tab reaches, in order. */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/**
 * Gives focus back to `el` if focus is nowhere in particular (or still in `left`, a closing panel).
 * An opener inside a "more" popover (closed by now) gives way to that popover's button; one that is
 * gone or hidden meanwhile (the note editor closed under a dialog) gives way to the board itself.
 */
function giveBack(opener: Element | null, left: HTMLElement | null): void {
  const active = document.activeElement;
  const lost = !active || active === document.body || !active.isConnected || (left !== null && left.contains(active));
  if (!lost) return;
  const el = opener?.closest('.more-popover')?.parentElement?.querySelector(':scope > button') ?? opener;
  const usable = el instanceof HTMLElement && el.isConnected && el !== document.body && !el.closest('[aria-hidden="true"]') && el.getClientRects().length > 0;
  if (usable) el.focus({ preventScroll: true });
  else focusCanvas();
}

/**
 * Makes the element in `ref` (role="dialog", aria-modal="true") a real modal while it is mounted:
 * focus moves in (to its first control), stays in, and returns on close. `onEscape` closes it; without
 * it Escape does nothing (a question that must be answered).
 */
export function useModal(ref: RefObject<HTMLElement | null>, onEscape?: () => void): void {
  const escape = useRef(onEscape);
  escape.current = onEscape;
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const opener = document.activeElement;
    (focusables(root)[0] ?? root).focus({ preventScroll: true });
    const keys = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && escape.current) {
        e.preventDefault();
        e.stopPropagation();
        escape.current();
      } else if (e.key === 'Tab') {
        const list = focusables(root);
        if (list.length === 0) {
          e.preventDefault();
          return;
        }
        const i = list.indexOf(document.activeElement as HTMLElement);
        const next = e.shiftKey ? (i <= 0 ? list.at(-1)! : list[i - 1]!) : i === -1 || i === list.length - 1 ? list[0]! : list[i + 1]!;
        e.preventDefault();
        next.focus();
      }
    };
    // Focus that wanders out (a click behind the backdrop, a script) comes back in.
    const focusIn = (e: FocusEvent) => {
      if (e.target instanceof Node && !root.contains(e.target)) (focusables(root)[0] ?? root).focus({ preventScroll: true });
    };
    document.addEventListener('keydown', keys, true);
    document.addEventListener('focusin', focusIn);
    return () => {
      document.removeEventListener('keydown', keys, true);
      document.removeEventListener('focusin', focusIn);
      // After this render: the dialog's elements are gone from the page by then.
      setTimeout(() => giveBack(opener, null), 0);
    };
  }, [ref]);
}

/**
 * A panel in `ref` gives focus back, when it closes, to `opener()`: what had focus when it was opened
 * (a panel's code may load after the click, while focus has moved on), else what had it at mount.
 */
export function useFocusReturn(ref: RefObject<HTMLElement | null>, opener: () => Element | null = () => null): void {
  const openedBy = useRef(opener);
  useEffect(() => {
    const opener = openedBy.current() ?? document.activeElement;
    const panel = ref.current;
    return () => {
      setTimeout(() => giveBack(opener, panel), 0);
    };
  }, [ref]);
}

/**
 * The toast: one short message over the board with a button or two and a close ×; and the undo toast
 * that shows what a command just changed, with its Undo button.
 *
 * Why: one look and one place for "this happened, take it back?" (and for what a reconnect merged),
 * so a person learns it once; a toast never blocks the board, unlike a question before every tap.
 * Toasts sit in one stack (BoardPage's `.toasts`), so two never cover each other. The undo toast is
 * said through the page's live region (store/toast.ts), not by a live region of its own that a screen
 * reader may miss when it appears already filled; it waits while a hand or the focus is on it.
 */
import type { FocusEvent, ReactNode } from 'react';
import { useT } from '../i18n/i18n.ts';
import { dismissToast, holdToast, takeBackToast, useToastStore } from '../store/toast.ts';

/** A toast's button. */
export interface ToastButton {
  readonly label: string;
  readonly onClick: () => void;
}

/** A toast: `message`, its buttons, and a close ×. `role` "status" makes it its own live region. */
export function Toast({
  message,
  buttons = [],
  onClose,
  className,
  testId,
  role,
  onHold,
}: {
  message: ReactNode;
  buttons?: readonly ToastButton[];
  onClose: () => void;
  className?: string;
  testId?: string;
  role?: 'status';
  /** Told when a hand or the focus comes onto the toast or leaves it. */
  onHold?: (how: 'hover' | 'focus', on: boolean) => void;
}) {
  const t = useT();
  const leaveFocus = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onHold?.('focus', false);
  };
  return (
    <div
      className={className ? `toast ${className}` : 'toast'}
      role={role}
      data-testid={testId}
      onPointerEnter={() => onHold?.('hover', true)}
      onPointerLeave={() => onHold?.('hover', false)}
      onFocus={() => onHold?.('focus', true)}
      onBlur={leaveFocus}
    >
      <span>{message}</span>
      {buttons.map((b) => (
        <button key={b.label} type="button" onClick={b.onClick}>
          {b.label}
        </button>
      ))}
      <button type="button" className="secondary" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** The toast after a change of what notes are: what changed, and Undo. */
export function UndoToast() {
  const t = useT();
  const toast = useToastStore((s) => s.toast);
  if (!toast) return null;
  const buttons = toast.undo ? [{ label: t('toastUndo'), onClick: takeBackToast }] : [];
  return <Toast key={toast.id} message={toast.message} buttons={buttons} onClose={() => dismissToast(toast.id)} className="undo-toast" testId="undo-toast" onHold={holdToast} />;
}

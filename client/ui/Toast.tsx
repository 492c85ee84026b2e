/**
 * The toast: one short message over the board with a button or two and a close ×; and the undo toast
 * that shows what a command just changed, with its Undo button.
 *
 * Why: one look and one place for "this happened, take it back?" (and for what a reconnect merged),
 * so a person learns it once; a toast never blocks the board, unlike a question before every tap.
 */
import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.ts';
import { dismissToast, useToastStore } from '../store/toast.ts';

/** How long the undo toast stays when nobody touches it. */
const UNDO_TOAST_MS = 10_000;

/** A toast's button. */
export interface ToastButton {
  readonly label: string;
  readonly onClick: () => void;
}

/** A toast: `message`, its buttons, and a close ×. */
export function Toast({ message, buttons = [], onClose, className, testId }: { message: ReactNode; buttons?: readonly ToastButton[]; onClose: () => void; className?: string; testId?: string }) {
  const t = useT();
  return (
    <div className={className ? `toast ${className}` : 'toast'} role="status" data-testid={testId}>
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
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => dismissToast(toast.id), UNDO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!toast) return null;
  const undo = toast.undo;
  const takeBack = () => {
    undo?.();
    dismissToast(toast.id);
  };
  const buttons = undo ? [{ label: t('toastUndo'), onClick: takeBack }] : [];
  return <Toast key={toast.id} message={toast.message} buttons={buttons} onClose={() => dismissToast(toast.id)} className="undo-toast" testId="undo-toast" />;
}

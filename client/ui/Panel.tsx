/**
 * The frame every side panel shares: a region named by its heading, with a close button.
 *
 * Why: the panels (help, people, outline, groups, clusters, vote, common ground, facilitator) load on
 * their own when first opened; each imports this frame, not the module that chooses between them.
 * A panel is not modal: opened by a key it takes focus (its title, so the keyboard starts there) and
 * gives it back to the button that opened it when it closes. Opened by a pointer it leaves focus
 * where it is (the board's arrow keys keep working), and it never takes focus from a field someone
 * is typing in (the note editor would close under their hands).
 */
import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/i18n.ts';
import { useBoardFocus } from '../store/focus.ts';
import { panelOpener } from '../tools/keyboardFocus.ts';
import { useFocusReturn } from './useModal.ts';

/** A side panel titled `title`, with a close button that calls `onClose`. */
export function Panel({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useFocusReturn(ref, panelOpener);
  useEffect(() => {
    const active = document.activeElement;
    const typing = active instanceof HTMLElement && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT' || active.isContentEditable);
    if (useBoardFocus.getState().keyboardUsed && !typing) heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section className="panel" aria-labelledby={headingId} ref={ref}>
      <header>
        <h2 id={headingId} ref={heading} tabIndex={-1}>{title}</h2>
        <button type="button" className="tool" aria-label={t('close')} onClick={onClose}>×</button>
      </header>
      {children}
    </section>
  );
}

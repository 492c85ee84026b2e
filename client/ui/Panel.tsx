/**
 * The frame every side panel shares: a region named by its heading, with a close button.
 *
 * Why: the panels (help, people, outline, groups, clusters, vote, common ground, facilitator) load on
 * their own when first opened; each imports this frame, not the module that chooses between them.
 * A panel is not modal: it takes focus when it opens (its title, so the keyboard starts there) and
 * gives it back to the button that opened it when it closes.
 */
import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/i18n.ts';
import { panelOpener } from '../tools/keyboardFocus.ts';
import { useFocusReturn } from './useModal.ts';

/** A side panel titled `title`, with a close button that calls `onClose`. */
export function Panel({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useFocusReturn(ref, panelOpener);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
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

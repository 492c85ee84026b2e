/**
 * The frame every side panel shares: a region named by its heading, with a close button.
 *
 * Why: the panels (help, people, outline, groups, clusters, vote, common ground, facilitator) load on
 * their own when first opened; each imports this frame, not the module that chooses between them.
 */
import { useId } from 'react';
import { useT } from '../i18n/i18n.ts';

/** A side panel titled `title`, with a close button that calls `onClose`. */
export function Panel({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) {
  const t = useT();
  const heading = useId();
  return (
    <section className="panel" aria-labelledby={heading}>
      <header>
        <h2 id={heading}>{title}</h2>
        <button type="button" className="tool" aria-label={t('close')} onClick={onClose}>×</button>
      </header>
      {children}
    </section>
  );
}

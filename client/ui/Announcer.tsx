/**
 * The board's one polite live region: says what `store/announcements.ts` queued (others' new notes,
 * the selection, votes, the timer's end), unseen on the screen.
 *
 * Why: a screen reader hears a live region's new content without the person moving there. Each
 * announcement is a new node (keyed by its number), so the same words said twice are heard twice.
 */
import type { CSSProperties } from 'react';
import { useAnnouncement } from '../store/announcements.ts';

/** Hidden from the eye, not from assistive technology. */
const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};

export function Announcer() {
  const { text, seq } = useAnnouncement();
  return (
    <div className="announcer" role="status" aria-live="polite" aria-atomic="true" style={VISUALLY_HIDDEN}>
      {text && <span key={seq}>{text}</span>}
    </div>
  );
}

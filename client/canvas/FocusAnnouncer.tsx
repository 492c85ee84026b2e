/**
 * What a screen reader says as the keyboard moves over the notes: "Note 2 of 5, selected: text", in a
 * polite live region inside the canvas element.
 *
 * Why: the notes are drawn, not DOM elements, so moving among them with Tab changes nothing a screen
 * reader sees; this line says which note the keyboard is on, as the focus ring shows it to the eye.
 */
import { isPrivateFrom } from '../../shared/index.ts';
import { useT } from '../i18n/i18n.ts';
import { useBoardFocus } from '../store/focus.ts';
import { useStore } from '../store/store.ts';
import { notesInReadingOrder } from '../tools/keyboardFocus.ts';

/** The live line about the keyboard's note (empty while the keyboard is on no note). */
export function FocusAnnouncer() {
  const t = useT();
  const id = useBoardFocus((f) => (f.canvasFocused ? f.noteId : null));
  const text = useStore((s) => {
    const n = id ? s.notes[id] : undefined;
    if (!n) return null;
    return isPrivateFrom(n, s.me, s.facilitation.privateWriting) ? t('privateNote') : n.text || t('emptyNote');
  });
  const selected = useStore((s) => (id ? s.selection.includes(id) : false));
  // The place in reading order is read when the keyboard moves, not on every change of the board.
  const order = id && text !== null ? notesInReadingOrder() : [];
  const line = id && text !== null ? t(selected ? 'focusedNoteSelected' : 'focusedNote', order.indexOf(id) + 1, order.length, text) : '';
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="canvas-focus">
      {line}
    </p>
  );
}

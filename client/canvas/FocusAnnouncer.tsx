/**
 * What a screen reader says as the keyboard moves over the notes: "Note 2 of 5, selected: text", in a
 * polite live region inside the canvas element.
 *
 * Why: the notes are drawn, not DOM elements, so moving among them with Tab changes nothing a screen
 * reader sees; this line says which note the keyboard is on, as the focus ring shows it to the eye.
 * It is written when the keyboard moves to another note or the note is selected or let go, not when
 * someone else types in the note (the reader would start the note again at every key), and a long
 * text is cut short. Memoised: the canvas re-renders on every pan frame, this line need not.
 */
import { memo, useMemo } from 'react';
import { isPrivateFrom } from '../../shared/index.ts';
import { translate, useLangValue } from '../i18n/i18n.ts';
import { shortText } from '../store/announcements.ts';
import { useBoardFocus } from '../store/focus.ts';
import { useStore } from '../store/store.ts';
import { notesInReadingOrder } from '../tools/keyboardFocus.ts';

/** The live line about the keyboard's note (empty while the keyboard is on no note). */
export const FocusAnnouncer = memo(function FocusAnnouncer() {
  const lang = useLangValue();
  const id = useBoardFocus((f) => (f.canvasFocused ? f.noteId : null));
  const exists = useStore((s) => (id ? id in s.notes : false));
  const selected = useStore((s) => (id ? s.selection.includes(id) : false));
  // Read from the store when the keyboard moves or the selection changes, not on every edit of the board.
  const line = useMemo(() => {
    const s = useStore.getState();
    const n = id && exists ? s.notes[id] : undefined;
    if (!id || !n) return '';
    const t = (key: Parameters<typeof translate>[1], ...args: (string | number)[]) => translate(lang, key, ...args);
    const text = isPrivateFrom(n, s.me, s.facilitation.privateWriting) ? t('privateNote') : shortText(n.text) || t('emptyNote');
    const order = notesInReadingOrder();
    return t(selected ? 'focusedNoteSelected' : 'focusedNote', order.indexOf(id) + 1, order.length, text);
  }, [id, exists, selected, lang]);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="canvas-focus">
      {line}
    </p>
  );
});

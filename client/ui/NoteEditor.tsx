/**
 * In-place editing of a note's text: an HTML textarea laid exactly over the note.
 *
 * Why: a real textarea gives tablet and phone keyboards, IME composition and spell-check for free.
 * Each keystroke goes through `setText`, which writes only the changed characters, so two people
 * typing in one note merge instead of overwriting each other.
 */
import { useEffect, useRef } from 'react';
import { FONT_FAMILY, fitFontSize, NOTE_PADDING } from '../canvas/fitText.ts';
import { useActions } from '../sync/sessionContext.ts';
import { useStore } from '../store/store.ts';
import { editNote } from '../store/ui.ts';

export function NoteEditor() {
  const id = useStore((s) => s.editingNote);
  const note = useStore((s) => (s.editingNote ? s.notes[s.editingNote] : undefined));
  const v = useStore((s) => s.viewport);
  const actions = useActions();
  const ref = useRef<HTMLTextAreaElement>(null);

  const present = note !== undefined;
  useEffect(() => {
    if (!id || !present) return;
    actions.setBusy([id]);
    const el = ref.current;
    if (el) {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    }
    return () => actions.setBusy([]);
  }, [id, present, actions]);

  // The note was deleted (by anyone) while being edited. A new note reaches the store a frame after
  // it is made, so only a note that was seen and is gone closes the editor.
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (id && note) seen.current = id;
    else if (id && !note && seen.current === id) editNote(null);
  }, [id, note]);

  if (!id || !note) return null;
  const size = fitFontSize(note.text, note.w, note.h) * v.scale;
  return (
    <textarea
      ref={ref}
      className="note-editor"
      aria-label="Note text"
      defaultValue={note.text}
      spellCheck
      maxLength={5000}
      style={{
        left: note.x * v.scale + v.x,
        top: note.y * v.scale + v.y,
        width: note.w * v.scale,
        height: note.h * v.scale,
        padding: NOTE_PADDING * v.scale,
        fontSize: size,
        fontFamily: FONT_FAMILY,
        background: note.color,
      }}
      onChange={(e) => actions.setText(id, e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.metaKey || e.ctrlKey))) {
          e.preventDefault();
          editNote(null);
        }
        e.stopPropagation();
      }}
      onBlur={() => editNote(null)}
    />
  );
}

/**
 * In-place editing of a note's text: one HTML textarea, always in the page, laid exactly over the
 * note being edited.
 *
 * Why: a real textarea gives tablet and phone keyboards, IME composition and spell-check. It is always
 * mounted, and focuses itself the moment a note is opened (`editNote`), still inside the tap that
 * opened it: iPadOS only opens the keyboard then.
 * Each keystroke becomes one positional edit of the shared text, and what others type in the same
 * note meanwhile is merged into the textarea with the caret kept in place, so nobody's words are lost.
 * Its text is never smaller than a readable size: where the view is zoomed so far out (a whole Future
 * Search wall fitted on a phone) that the note on screen is too small to write in, the same textarea
 * opens as a composer across the top of the board instead, the note taking the words as they come.
 * The view does not jump, so the person keeps their place on the wall, and the composer stays above a
 * phone's keyboard.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { MAX_NOTE_TEXT, textDiff } from '../../shared/index.ts';
import { FONT_FAMILY, MAX_FONT, NOTE_PADDING } from '../canvas/fitText.ts';
import { hasGroupMark, noteFontSize } from '../canvas/noteText.ts';
import { useT } from '../i18n/i18n.ts';
import { useActions } from '../sync/sessionContext.ts';
import { useStore } from '../store/store.ts';
import { editNote, notify } from '../store/ui.ts';

/** The smallest text (CSS px) a person can write in comfortably; the editor never shows less. */
export const READABLE_TEXT_PX = 16;
/** The narrowest note on screen (CSS px) written in place; a smaller one opens the composer. */
const MIN_IN_PLACE_WIDTH = 120;

/**
 * Whether a `w` x `h` note is written in place at zoom `scale`: its text can be shown at a readable
 * size in a box of useful width. It depends on the zoom and the note's size, not on its text, so the
 * editor does not change shape while the person types.
 */
export function writesInPlace(w: number, h: number, scale: number): boolean {
  return MAX_FONT * scale >= READABLE_TEXT_PX && Math.min(w, h) * scale >= MIN_IN_PLACE_WIDTH;
}

/** Where the caret goes when `edit` happens elsewhere in the text. */
function shiftCaret(pos: number, edit: { index: number; remove: number; insert: string }): number {
  if (pos <= edit.index) return pos;
  if (pos >= edit.index + edit.remove) return pos - edit.remove + edit.insert.length;
  return edit.index + edit.insert.length;
}

/**
 * Pastes `pasted` into `el` up to the note's length limit; returns how much was kept, or null when it
 * all fits (the browser pastes it). The textarea's own limit would cut it without a word.
 */
function pasteWithinLimit(el: HTMLTextAreaElement, pasted: string): number | null {
  const room = MAX_NOTE_TEXT - (el.value.length - (el.selectionEnd - el.selectionStart));
  if (pasted.length <= room) return null;
  let kept = pasted.slice(0, Math.max(0, room));
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1); // never half a character
  el.setRangeText(kept, el.selectionStart, el.selectionEnd, 'end');
  return kept.length;
}

/** The textarea over the note being edited (`editingNote`), idle and out of sight when none is. */
export function NoteEditor() {
  const id = useStore((s) => s.editingNote);
  const note = useStore((s) => (s.editingNote ? s.notes[s.editingNote] : undefined));
  const marked = useStore((s) => hasGroupMark(s, note?.groupId));
  const v = useStore((s) => s.viewport);
  const actions = useActions();
  const t = useT();
  const ref = useRef<HTMLTextAreaElement>(null);
  /** The textarea's value as last sent to (or taken from) the document. */
  const sent = useRef('');
  /** The note's text as last published by the document. */
  const known = useRef('');
  const composing = useRef(false);
  const seen = useRef<string | null>(null);

  // A note is opened: focus now, in the same call as `editNote(id)` (inside the person's tap or key),
  // not after the render that follows.
  useEffect(
    () =>
      useStore.subscribe((s, prev) => {
        if (s.editingNote && s.editingNote !== prev.editingNote) ref.current?.focus({ preventScroll: true });
      }),
    [],
  );

  // A different note is opened (or the editor closes): start from that note's text.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const text = id ? (useStore.getState().notes[id]?.text ?? '') : '';
    el.value = text;
    sent.current = text;
    known.current = text;
    seen.current = null;
    if (!id) {
      if (document.activeElement === el) el.blur();
      return;
    }
    el.focus({ preventScroll: true });
    el.setSelectionRange(text.length, text.length);
    actions.setBusy([id]);
    return () => actions.setBusy([]);
  }, [id, actions]);

  // The document's text changed: take in what others typed, keeping my caret where it was.
  const docText = note?.text;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || docText === undefined || docText === known.current || composing.current) return;
    known.current = docText;
    if (docText === el.value) return;
    const edit = textDiff(el.value, docText);
    const [start, end] = [shiftCaret(el.selectionStart, edit), shiftCaret(el.selectionEnd, edit)];
    el.value = docText;
    sent.current = docText;
    if (document.activeElement === el) el.setSelectionRange(start, end);
  }, [docText]);

  // The note was deleted (by anyone) while being edited: only a note that was seen here and is gone
  // closes the editor (not one opened before its record reached the store).
  useEffect(() => {
    if (id && note) seen.current = id;
    else if (id && !note && seen.current === id) editNote(null);
  }, [id, note]);

  const push = () => {
    const el = ref.current;
    if (!el || !id || el.value === sent.current) return;
    actions.editText(id, textDiff(sent.current, el.value));
    sent.current = el.value;
  };

  const open = id !== null && note !== undefined;
  const inPlace = open && writesInPlace(note.w, note.h, v.scale);
  // The size the canvas draws the text at (above the note's group mark, if it has one).
  const size = open ? Math.max(READABLE_TEXT_PX, noteFontSize(note, marked) * v.scale) : 16;
  return (
    <textarea
      ref={ref}
      className={!open ? 'note-editor note-editor-idle' : inPlace ? 'note-editor' : 'note-editor composer'}
      aria-label={t('noteText')}
      aria-hidden={!open}
      tabIndex={open ? 0 : -1}
      dir="auto"
      spellCheck
      maxLength={MAX_NOTE_TEXT}
      placeholder={open && !inPlace ? t('composerPlaceholder') : undefined}
      style={
        open && !inPlace
          ? { fontFamily: FONT_FAMILY, background: note.color }
          : open
          ? {
              left: note.x * v.scale + v.x,
              top: note.y * v.scale + v.y,
              width: note.w * v.scale,
              height: note.h * v.scale,
              padding: NOTE_PADDING * v.scale,
              fontSize: size,
              fontFamily: FONT_FAMILY,
              background: note.color,
              // A long text drawn smaller than readable on the canvas is written larger, and scrolls.
              overflowY: 'auto',
            }
          : undefined
      }
      onInput={() => {
        if (!composing.current) push();
      }}
      onPaste={(e) => {
        const pasted = e.clipboardData.getData('text/plain');
        const kept = pasteWithinLimit(e.currentTarget, pasted);
        if (kept === null) return;
        e.preventDefault();
        push();
        notify(t('pasteTooLong', MAX_NOTE_TEXT, kept, pasted.length));
      }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={() => {
        composing.current = false;
        push();
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.metaKey || e.ctrlKey))) {
          e.preventDefault();
          ref.current?.blur();
        }
      }}
      onBlur={() => {
        push();
        if (useStore.getState().editingNote) editNote(null);
      }}
    />
  );
}

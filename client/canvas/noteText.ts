/**
 * A note's text box and the font size its text is drawn at: the whole card, or, when the note
 * carries a group mark, the part above the mark (and above an action card's band).
 *
 * Why: the canvas draws the text, the projector checks that it can be read from the back of the room
 * and the editor writes it in place; all three must use the same box, or the projector passes a note
 * whose text is drawn smaller than it believes, and the editor jumps in size when it opens.
 */
import type { Note } from '../../shared/index.ts';
import { groupColor } from '../store/cocreationSelectors.ts';
import type { StoreState } from '../store/store.ts';
import { fitFontSize } from './fitText.ts';
import { MARK_H } from './GroupMark.tsx';
import { groupMarkLabel } from './groupMarks.ts';

/** The height of an action card's band at the bottom, board units. */
export const ACTION_BAND = 40;
/** Space between a group mark and the note's edge (or an action card's band), board units. */
const MARK_INSET = 6;

type NoteBox = Pick<Note, 'w' | 'h' | 'kind'>;

/** Whether a note of group `groupId` carries a group mark: the group is active and has a label. */
export function hasGroupMark(s: StoreState, groupId: string | null | undefined): boolean {
  if (!groupId) return false;
  return groupColor(s, groupId) !== undefined && groupMarkLabel(s.groups, groupId) !== '';
}

/** The bottom edge of a note's group mark, in the note's own units (from its top). */
export function markBottom(note: NoteBox): number {
  return note.h - (note.kind === 'action' ? ACTION_BAND : 0) - MARK_INSET;
}

/** The height of a note's text box: the whole note, or down to just above its group mark. */
export function noteTextHeight(note: NoteBox, marked: boolean): number {
  return marked ? markBottom(note) - MARK_H - 2 : note.h;
}

/** The font size (board units) a note's text is drawn at, with or without a group mark. */
export function noteFontSize(note: NoteBox & Pick<Note, 'text'>, marked: boolean): number {
  return fitFontSize(note.text, note.w, noteTextHeight(note, marked));
}

/**
 * Keyboard shortcuts for the board (listed in the help panel), and the keys of the focused canvas
 * (keyboardFocus.ts: Tab through notes, Space and Enter, arrows).
 *
 * Why: laptop users expect Delete, Ctrl/Cmd+Z, Ctrl/Cmd+D and Escape to do the obvious thing, and a
 * person without a pointer needs keys for all the rest (N: new note, arrows: move or pan, D: a dot);
 * shortcuts never fire while typing in a field or while a dialog waits for an answer.
 */
import { useEffect } from 'react';
import { useLangValue } from '../i18n/i18n.ts';
import type { BoardActions } from '../sync/actions.ts';
import { lensState } from '../store/cocreationSelectors.ts';
import { useStore } from '../store/store.ts';
import { setSpaceHeld } from '../store/gestureState.ts';
import { backToBoard, editNote, select, togglePanel, zoomBy, zoomToFit } from '../store/ui.ts';
import { setKeyboardUsed, useBoardFocus } from '../store/focus.ts';
import { dismissToast } from '../store/toast.ts';
import { clusterSelection, dissolveSelectedClusters, unclusterSelection } from './clusterCommands.ts';
import { addAreaAtCenter, addNoteAtCenter, deleteSelection, duplicateSelection, toggleConnectMode } from './commands.ts';
import { dotTarget, voteOn } from './dotKeys.ts';
import { arrowKey, canvasHasFocus, canvasKey, rememberPanelOpener, returnFocusAfterEditing } from './keyboardFocus.ts';

/**
 * The key goes to a field: text typed in a box, or a letter that picks an option of a focused list
 * (`<select>`), where Delete must not delete the board's selection either; Escape still closes.
 */
function isTyping(target: EventTarget | null, key: string): boolean {
  const el = target as HTMLElement | null;
  if (el?.tagName === 'INPUT') return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((el as HTMLInputElement).type);
  if (el?.tagName === 'SELECT') return key !== 'Escape' && key !== 'Tab';
  return !!el && (el.tagName === 'TEXTAREA' || el.isContentEditable);
}

/** The key was pressed inside a side panel (its controls, its title). */
function inPanel(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.panel') !== null;
}

/** Enter and Space belong to a focused button, link or box (keyboard users press them that way). */
function isControl(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  const box = el?.tagName === 'INPUT' && ['checkbox', 'radio'].includes((el as HTMLInputElement).type);
  return !!el && (el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SELECT' || box) && el.matches(':focus-visible');
}

/** A dialog that must be answered first is open (its own keys apply: Tab stays in it, Escape). */
function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

/** Nothing in particular has focus (the page itself): the board's keys apply. */
function pageFocused(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/** Installs the shortcuts while the board is open. */
export function useShortcuts(actions: BoardActions): void {
  const lang = useLangValue();
  useEffect(() => {
    const stops = [returnFocusAfterEditing(), rememberPanelOpener()];
    return () => stops.forEach((stop) => stop());
  }, []);
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (isTyping(e.target, e.key) || modalOpen()) return;
      if ((e.key === 'Enter' || e.key === ' ') && isControl(e.target)) return;
      if (canvasHasFocus() && canvasKey(e)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const s = useStore.getState();
      if ((canvasHasFocus() || pageFocused()) && !e.altKey && arrowKey(e, actions)) return;
      if (s.readOnly && !['+', '=', '-', '_', '0', 'f', '?', 'Escape'].includes(e.key)) return;
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) actions.redo();
        else {
          actions.undo();
          // The undo toast's offer is taken (or overtaken) by this undo.
          dismissToast();
        }
      } else if (mod && key === 'y') {
        e.preventDefault();
        actions.redo();
      } else if (mod && key === 'd') {
        e.preventDefault();
        duplicateSelection(actions);
      } else if (mod && key === 'g') {
        e.preventDefault();
        if (e.shiftKey) unclusterSelection(actions);
        else clusterSelection(actions);
      } else if (mod && key === 'a') {
        e.preventDefault();
        select(s.noteIds.filter((id) => lensState(s, s.notes[id]!.groupId) !== 'hidden'));
      } else if (mod) {
        return;
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        if (s.selection.length > 0 && s.selection.every((id) => id in s.clusters)) dissolveSelectedClusters(actions, lang);
        else deleteSelection(actions, lang);
      } else if (e.key === 'Escape') {
        // In a panel, Escape closes the panel (focus back to its button) and keeps the selection made there.
        if (!inPanel(e.target)) select([]);
        backToBoard();
      } else if (e.key === 'Enter' && s.selection.length === 1 && s.selection[0]! in s.notes) {
        e.preventDefault();
        editNote(s.selection[0]!);
      } else if (e.key === ' ') {
        e.preventDefault();
        if (!s.spaceHeld) setSpaceHeld(true);
      } else if (e.key === '+' || e.key === '=') {
        zoomBy(1.2);
      } else if (e.key === '-' || e.key === '_') {
        zoomBy(1 / 1.2);
      } else if (key === '0' || key === 'f') {
        zoomToFit();
      } else if (key === 'n') {
        e.preventDefault();
        addNoteAtCenter(actions);
      } else if (key === 'd') {
        const target = dotTarget(s, canvasHasFocus() ? useBoardFocus.getState().noteId : null);
        if (target) voteOn(actions, s, target, e.shiftKey);
      } else if (key === 'c') {
        toggleConnectMode();
      } else if (key === 'a') {
        addAreaAtCenter(actions, lang);
      } else if (e.key === '?') {
        togglePanel('help');
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.key === ' ') setSpaceHeld(false);
    };
    const blur = () => setSpaceHeld(false);
    // The focus ring on the canvas shows while keys are used, not after a pointer.
    const pointer = () => setKeyboardUsed(false);
    // Space is also a pointer user's pan key (held while dragging): it alone does not show the ring.
    const anyKey = (e: KeyboardEvent) => {
      if (e.key !== ' ') setKeyboardUsed(true);
    };
    window.addEventListener('pointerdown', pointer, true);
    window.addEventListener('keydown', anyKey, true);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
      window.removeEventListener('pointerdown', pointer, true);
      window.removeEventListener('keydown', anyKey, true);
    };
  }, [actions, lang]);
}

/**
 * The undo toast: it offers exactly one step and closes once that step is no longer my last one (a
 * later step, Undo from the toolbar); its Undo says so when it cannot work any more; it waits while a
 * hand or the focus is on it; a screen reader hears it through the page's one live region; and
 * "Action card" shows pressed by the same rule it acts by.
 *
 * Why: a toast whose Undo silently does nothing, that vanishes under the pointer, or that a screen
 * reader never says, is worse than none; a pressed state that disagrees with what a tap does misleads.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { initBoard, listNotes, ORIGIN } from '../../shared/index.ts';
import { languageStore } from '../../client/i18n/i18n.ts';
import { announcerStore } from '../../client/store/announcements.ts';
import { initialState, resetStore, useStore, type StoreState } from '../../client/store/store.ts';
import { dismissToast, holdToast, showToast, takeBackToast, UNDO_TOAST_MS, useToastStore } from '../../client/store/toast.ts';
import { createActions } from '../../client/sync/actions.ts';
import { createUndoManager } from '../../client/sync/undo.ts';
import { actionCardNotes, actionCardsPressed, offerUndo } from '../../client/tools/undoToast.ts';

beforeAll(() => {
  globalThis.requestAnimationFrame ??= ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number);
});
beforeEach(() => languageStore.setState({ lang: 'en' }));
afterEach(() => {
  dismissToast();
  resetStore();
  vi.useRealTimers();
});

const noPresence = { setCursor: () => {}, setBusy: () => {}, setGroup: () => {}, setView: () => {}, setHand: () => {}, stop: () => {} };

/** A board with three notes of mine, my actions, and "3 items deleted · Undo" just offered. */
function deletedThree() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Toast', createdAt: 1 }, ORIGIN.server);
  const actions = createActions(doc, createUndoManager(doc), noPresence);
  const ids = [0, 1, 2, 3].map((i) => actions.addNoteAt({ x: i * 300, y: 0 }));
  useStore.setState({ notes: Object.fromEntries(ids.map((id) => [id, {} as never])) }); // what the bridge shows
  actions.deleteItems(ids.slice(0, 3));
  offerUndo(actions, '3 items deleted');
  return { doc, actions, kept: ids[3]! };
}

const toast = () => useToastStore.getState().toast;

describe('the undo toast offers one step, honestly', () => {
  it('a later step of mine (moving a note) closes the toast: its Undo cannot take back the delete any more', () => {
    const { doc, actions, kept } = deletedThree();
    expect(toast()?.message).toBe('3 items deleted');
    actions.moveNotes([{ id: kept, x: 940, y: 0 }]);
    expect(toast()).toBeNull();
    expect(listNotes(doc)).toHaveLength(1);
  });

  it('Undo from the toolbar (not the toast) takes the step back and closes the toast, as Ctrl/⌘+Z does', () => {
    const { doc, actions } = deletedThree();
    actions.undo();
    expect(listNotes(doc)).toHaveLength(4);
    expect(toast()).toBeNull();
  });

  it('the toast’s Undo takes the step back; if it cannot, the toast says so instead of closing silently', () => {
    const { doc } = deletedThree();
    takeBackToast();
    expect(listNotes(doc)).toHaveLength(4);
    expect(toast()).toBeNull();

    showToast('2 notes became action cards', () => false);
    takeBackToast();
    expect(toast()?.message).toBe('Cannot undo this any more: later changes came after it');
    expect(toast()?.undo).toBeUndefined();
    languageStore.setState({ lang: 'nl' });
    showToast('2 notities werden actiekaarten', () => false);
    takeBackToast();
    expect(toast()?.message).toBe('Dit kan niet meer ongedaan worden gemaakt: er kwamen later wijzigingen na');
  });

  it('a screen reader hears the toast through the page’s live region, with the keyboard’s way to undo', () => {
    deletedThree();
    expect(announcerStore.getState().text).toBe('3 items deleted. To undo, press Ctrl+Z (⌘+Z on a Mac).');
    languageStore.setState({ lang: 'nl' });
    showToast('3 items verwijderd', () => true);
    expect(announcerStore.getState().text).toBe('3 items verwijderd. Ongedaan maken: Ctrl+Z (⌘+Z op een Mac).');
  });

  it('waits while a hand or the focus is on it, and closes a full while after they left', () => {
    vi.useFakeTimers();
    showToast('3 items deleted', () => true);
    vi.advanceTimersByTime(UNDO_TOAST_MS - 1000);
    holdToast('hover', true);
    holdToast('focus', true);
    vi.advanceTimersByTime(UNDO_TOAST_MS * 3);
    expect(toast()?.message).toBe('3 items deleted');
    holdToast('hover', false);
    vi.advanceTimersByTime(UNDO_TOAST_MS * 3);
    expect(toast()).not.toBeNull(); // the focus is still on it
    holdToast('focus', false);
    vi.advanceTimersByTime(UNDO_TOAST_MS - 1);
    expect(toast()).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(toast()).toBeNull();
  });
});

describe('"Action card" shows pressed by the rule it acts by', () => {
  /** A participant's state: two action cards she may change, and a plain note in a locked area. */
  const state = (): StoreState => {
    const note = (id: string, kind: 'note' | 'action', x: number) => ({ ...listNotesShape(id, x), kind });
    return {
      ...initialState,
      me: { ...initialState.me, role: 'participant' },
      notes: { a: note('a', 'action', 0), b: note('b', 'action', 300), c: note('c', 'note', 2000) },
      noteIds: ['a', 'b', 'c'],
      areas: { locked: { id: 'locked', name: 'Agreed', x: 1900, y: -100, w: 600, h: 600, locked: true } as never },
      areaIds: ['locked'],
      selection: ['a', 'b', 'c'],
    } as StoreState;
  };

  it('pressed when every selected note she may change is an action card, though a locked one is not', () => {
    const s = state();
    expect(actionCardNotes(s).map((n) => n.id)).toEqual(['a', 'b']);
    expect(actionCardsPressed(s)).toBe(true);
    expect(actionCardsPressed({ ...s, selection: ['a', 'c'] })).toBe(true);
    expect(actionCardsPressed({ ...s, selection: ['c'] })).toBe(false);
    expect(actionCardsPressed({ ...s, me: { ...s.me, role: 'facilitator' } })).toBe(false);
  });
});

/** The fields of a note the rule reads. */
function listNotesShape(id: string, x: number) {
  return { id, x, y: 0, w: 200, h: 120, text: id, kind: 'note', owner: '', volunteers: [] } as never as StoreState['notes'][string];
}

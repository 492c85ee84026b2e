/**
 * What the UI may do to a board: every action is one shared, named mutation with the `local` origin.
 *
 * Why: the React layer calls these and never sees a Y type; errors from validation surface as
 * thrown `ValidationError`s the UI can show.
 */
import * as Y from 'yjs';
import {
  createArea,
  createConnector,
  createNote,
  deleteConnectors,
  deleteItems,
  duplicateNotes,
  moveAreaWithNotes,
  moveNotes,
  ORIGIN,
  renameArea,
  setAreaBounds,
  setNoteBounds,
  setConnectorLabel,
  setNotesColor,
  spliceNoteText,
  DEFAULT_NOTE_SIZE,
} from '../../shared/index.ts';
import { toolOff } from '../store/participantTools.ts';
import { useStore } from '../store/store.ts';
import { createCocreationActions } from './cocreationActions.ts';
import { createFacilitationActions } from './facilitationActions.ts';
import { createProgressActions } from './progressActions.ts';
import { deviceId } from './device.ts';
import type { startPresence } from './presence.ts';
import type { BoardUndo } from './undo.ts';

type Presence = ReturnType<typeof startPresence>;
const local = ORIGIN.local;
/** Who is acting: the board's participant id, or this device's before a session has set it. */
const me = () => useStore.getState().me.id || deviceId();

/** Creates the action set bound to one document. */
export function createActions(doc: Y.Doc, undo: BoardUndo, presence: Presence, boardId = '', token = '') {
  /** Ends the current undo step, so the next change is undone on its own. */
  const step = () => undo.manager.stopCapturing();
  return {
    /** A new empty note centred on a board point; returns its id. */
    addNoteAt(p: { x: number; y: number }, color?: string): string {
      step();
      const half = DEFAULT_NOTE_SIZE / 2;
      const groupId = useStore.getState().me.groupId || null;
      return createNote(doc, { x: p.x - half, y: p.y - half, authorId: me(), groupId, ...(color ? { color } : {}) }, local);
    },
    /** One typing edit at a position (from the note editor). */
    editText: (id: string, edit: { index: number; remove: number; insert: string }) => spliceNoteText(doc, id, edit, local),
    moveNotes(moves: { id: string; x: number; y: number }[]) {
      step();
      moveNotes(doc, moves, local);
    },
    /** Moves and resizes a note as one undo step (the resize handles). */
    setNoteBounds(id: string, bounds: { x: number; y: number; w: number; h: number }) {
      step();
      setNoteBounds(doc, id, bounds, local);
    },
    recolor(ids: string[], color: string) {
      step();
      setNotesColor(doc, ids, color, local);
    },
    /** Deletes the given notes and areas (and connectors of deleted notes) as one undo step. */
    deleteItems(ids: string[]) {
      step();
      const s = useStore.getState();
      const areas = ids.filter((id) => id in s.areas);
      // Areas stay when the facilitator switched them off for me (my notes still go).
      deleteItems(doc, { notes: ids.filter((id) => id in s.notes), areas: areas.length > 0 && toolOff('areas') ? [] : areas }, local);
    },
    duplicate(ids: string[]): string[] {
      step();
      const noteIds = ids.filter((id) => id in useStore.getState().notes);
      return duplicateNotes(doc, noteIds, { dx: 30, dy: 30 }, me(), local);
    },
    addAreaAt(p: { x: number; y: number }, name: string): string {
      if (toolOff('areas')) return '';
      step();
      return createArea(doc, { name, x: p.x - 400, y: p.y - 280 }, local);
    },
    renameArea: (id: string, name: string) => void (toolOff('areas') || renameArea(doc, id, name, local)),
    setAreaBounds(id: string, b: { x: number; y: number; w: number; h: number }) {
      if (toolOff('areas')) return;
      step();
      setAreaBounds(doc, id, b, local);
    },
    moveArea(id: string, delta: { dx: number; dy: number }, noteIds: string[]) {
      if (toolOff('areas')) return;
      step();
      moveAreaWithNotes(doc, id, delta, noteIds, local);
    },
    connect(from: string, to: string): string {
      if (toolOff('connectors')) return '';
      step();
      return createConnector(doc, from, to, '', local);
    },
    setConnectorLabel: (id: string, label: string) => void (toolOff('connectors') || setConnectorLabel(doc, id, label, local)),
    deleteConnector(id: string) {
      if (toolOff('connectors')) return;
      step();
      deleteConnectors(doc, [id], local);
    },
    ...createCocreationActions(doc, step, presence, boardId),
    ...createFacilitationActions(doc, boardId, token),
    ...createProgressActions(doc),
    undo: () => undo.undo(),
    redo: () => undo.redo(),
    /** Ends the undo step just made and returns it, so an undo toast can undo exactly it later. */
    sealStep(): unknown {
      step();
      return undo.manager.undoStack.at(-1);
    },
    /** Undoes step `mark` (from `sealStep`) if it is still my last one; whether it did. */
    undoStep(mark: unknown): boolean {
      if (mark === undefined || undo.manager.undoStack.at(-1) !== mark) return false;
      undo.undo();
      return true;
    },
    setCursor: presence.setCursor,
    setBusy: presence.setBusy,
    setView: presence.setView,
    setHand: presence.setHand,
  };
}

export type BoardActions = ReturnType<typeof createActions>;

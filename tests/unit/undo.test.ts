import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard, listNotes, ORIGIN, readNote } from '../../shared/index.ts';
import { createActions } from '../../client/sync/actions.ts';
import { createUndoManager } from '../../client/sync/undo.ts';

beforeAll(() => {
  globalThis.requestAnimationFrame ??= ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number);
});

const noPresence = { setCursor: () => {}, setBusy: () => {}, setGroup: () => {}, setView: () => {}, setHand: () => {}, stop: () => {} };

/** Two people's docs, kept in sync both ways, each with the client's own actions and undo manager. */
function twoPeople() {
  const a = new Y.Doc();
  initBoard(a, { title: 'Undo', createdAt: 1 }, ORIGIN.server);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(b, u, 'net'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(a, u, 'net'));
  const make = (doc: Y.Doc) => createActions(doc, createUndoManager(doc), noPresence);
  return { a, b, actA: make(a), actB: make(b) };
}

describe('undo and redo of one own changes only', () => {
  it('undo in one client removes its own note and never the other person’s', () => {
    const { a, b, actA, actB } = twoPeople();
    const mine = actA.addNoteAt({ x: 0, y: 0 });
    const theirs = actB.addNoteAt({ x: 300, y: 0 });
    actA.editText(mine, { index: 0, remove: 0, insert: 'mine' });
    actB.editText(theirs, { index: 0, remove: 0, insert: 'theirs' });
    actA.undo(); // the note and its text (one step: typed right after it was made)
    expect(listNotes(a).map((n) => n.text)).toEqual(['theirs']);
    expect(listNotes(b).map((n) => n.text)).toEqual(['theirs']);
    actA.undo(); // nothing of A's left: B's note stays
    expect(listNotes(b).map((n) => n.id)).toEqual([theirs]);
    actA.redo();
    expect(listNotes(b).map((n) => n.id).sort()).toEqual([mine, theirs].sort());
  });

  it('a move is one undo step, even for many notes', () => {
    const { a, actA } = twoPeople();
    const ids = [actA.addNoteAt({ x: 0, y: 0 }), actA.addNoteAt({ x: 200, y: 0 })];
    const before = listNotes(a).map((n) => [n.x, n.y]);
    actA.moveNotes(ids.map((id, i) => ({ id, x: 1000 + i, y: 1000 })));
    actA.undo();
    expect(listNotes(a).map((n) => [n.x, n.y])).toEqual(before);
  });

  it('undoing a note I made keeps it when someone else has written in it since', () => {
    const { a, b, actA, actB } = twoPeople();
    const note = actA.addNoteAt({ x: 0, y: 0 });
    actB.editText(note, { index: 0, remove: 0, insert: 'Cor wrote this important idea' });
    actA.undo();
    expect(readNote(a, note)?.text).toBe('Cor wrote this important idea');
    expect(readNote(b, note)?.text).toBe('Cor wrote this important idea');
  });

  it('my move of a note others wrote in is still undoable', () => {
    const { a, actA, actB } = twoPeople();
    const note = actB.addNoteAt({ x: 80, y: 80 });
    actB.editText(note, { index: 0, remove: 0, insert: 'Bram’s' });
    actA.moveNotes([{ id: note, x: 500, y: 500 }]);
    actA.undo();
    expect(readNote(a, note)).toMatchObject({ x: 0, y: 0, text: 'Bram’s' });
  });
});

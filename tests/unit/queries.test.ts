import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CLOSE,
  createNote,
  deleteNotes,
  DEFAULT_NOTE_COLOR,
  DEFAULT_NOTE_SIZE,
  listNotes,
  noteEverOnBoard,
  ORIGIN,
  readMeta,
  readNote,
  refusesAChange,
} from '../../shared/index.ts';

describe('reads of documents written by other tools', () => {
  it('reads a never-initialised document as schema version 0 with empty meta', () => {
    expect(readMeta(new Y.Doc())).toEqual({ schemaVersion: 0, title: '', createdAt: 0, epoch: '' });
  });

  it('reads mistyped or missing note fields as defaults instead of throwing', () => {
    const doc = new Y.Doc();
    const note = new Y.Map<unknown>();
    doc.getMap('notes').set('n1', note);
    note.set('text', 'plain string text');
    note.set('x', 'twelve');
    note.set('color', 'javascript:alert(1)');
    note.set('groupId', 42);
    expect(readNote(doc, 'n1')).toEqual({
      id: 'n1',
      text: 'plain string text',
      x: 0,
      y: 0,
      w: DEFAULT_NOTE_SIZE,
      h: DEFAULT_NOTE_SIZE,
      color: DEFAULT_NOTE_COLOR,
      authorId: '',
      groupId: null,
      clusterId: null,
      kind: 'note',
      owner: '',
      volunteers: [],
      createdAt: 0,
    });
    doc.getMap('notes').set('junk', 'not a map');
    expect(listNotes(doc).map((n) => n.id)).toEqual(['n1']);
    expect(readNote(doc, 'junk')).toBeUndefined();
  });

  it('lists notes by creation time, then id', () => {
    const doc = new Y.Doc();
    for (const [id, t] of [['b', 2], ['c', 1], ['a', 2]] as const) {
      const m = new Y.Map<unknown>();
      doc.getMap('notes').set(id, m);
      m.set('createdAt', t);
    }
    expect(listNotes(doc).map((n) => n.id)).toEqual(['c', 'a', 'b']);
  });

  it('tells a deleted note from one the board never had, also in a copy synced from its bytes', () => {
    const doc = new Y.Doc();
    const kept = createNote(doc, { text: 'kept', x: 0, y: 0, authorId: 'ann' }, ORIGIN.local);
    const gone = createNote(doc, { text: 'gone', x: 0, y: 0, authorId: 'ann' }, ORIGIN.local);
    deleteNotes(doc, [gone], ORIGIN.local);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    for (const d of [doc, copy]) {
      expect([kept, gone, 'never'].map((id) => noteEverOnBoard(d, id))).toEqual([true, true, false]);
      expect(readNote(d, gone)).toBeUndefined();
    }
  });
});

describe('close codes', () => {
  it('tells a refused change (start again) from a dead link, a framing fault or a passing one', () => {
    const refused = (['invalidUpdate', 'forbiddenWrite', 'notYourDot', 'notYourCluster'] as const).map((k) => CLOSE[k].code);
    const not = (['malformedMessage', 'textFrame', 'unknownMessageType', 'revoked', 'goingAway', 'storageFailure', 'boardReloaded', 'tooManyMessages', 'loadFailure', 'internalError'] as const).map((k) => CLOSE[k].code);
    expect(refused.map(refusesAChange)).toEqual(refused.map(() => true));
    expect(not.map(refusesAChange)).toEqual(not.map(() => false));
  });
});

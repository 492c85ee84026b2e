import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_NOTE_COLOR, DEFAULT_NOTE_SIZE, listNotes, readMeta, readNote } from '../../shared/index.ts';

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
});

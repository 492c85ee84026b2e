import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  countNotes,
  createNote,
  CURRENT_SCHEMA_VERSION,
  DEFAULT_NOTE_COLOR,
  DEFAULT_NOTE_SIZE,
  deleteNotes,
  initBoard,
  listNotes,
  MAX_NOTE_SIZE,
  MIN_NOTE_SIZE,
  moveNotes,
  notesMap,
  ORIGIN,
  readMeta,
  readNote,
  resizeNote,
  restoreNote,
  setBoardTitle,
  setNotesColor,
  setNoteText,
  ValidationError,
} from '../../shared/index.ts';

function board(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Toekomst van de zorg', createdAt: 1000 }, ORIGIN.server);
  return doc;
}

/** Records the origin of every transaction on `doc`. */
function origins(doc: Y.Doc): unknown[] {
  const seen: unknown[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(tr.origin));
  return seen;
}

describe('initBoard and setBoardTitle', () => {
  it('writes schema version, trimmed title and creation time', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: '  Future of care  ', createdAt: 42 }, ORIGIN.server);
    const meta = readMeta(doc);
    expect(meta).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, title: 'Future of care', createdAt: 42 });
    expect(meta.epoch).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const other = new Y.Doc();
    initBoard(other, { title: 'Future of care', createdAt: 42 }, ORIGIN.server);
    expect(readMeta(other).epoch).not.toBe(meta.epoch);
  });

  it('renames and refuses empty or over-long titles with a clear error', () => {
    const doc = board();
    setBoardTitle(doc, 'New title', ORIGIN.local);
    expect(readMeta(doc).title).toBe('New title');
    expect(() => setBoardTitle(doc, '   ', ORIGIN.local)).toThrow(/must not be empty/);
    expect(() => setBoardTitle(doc, 'x'.repeat(201), ORIGIN.local)).toThrow(ValidationError);
    expect(readMeta(doc).title).toBe('New title');
  });
});

describe('createNote', () => {
  it('creates a note with defaults, in one transaction with the given origin', () => {
    const doc = board();
    const seen = origins(doc);
    const id = createNote(doc, { text: 'Trust', x: 10, y: 20, authorId: 'dev1', createdAt: 5 }, ORIGIN.local);
    expect(seen).toEqual([ORIGIN.local]);
    expect(readNote(doc, id)).toEqual({
      id,
      text: 'Trust',
      x: 10,
      y: 20,
      w: DEFAULT_NOTE_SIZE,
      h: DEFAULT_NOTE_SIZE,
      color: DEFAULT_NOTE_COLOR,
      authorId: 'dev1',
      groupId: null,
      clusterId: null,
      kind: 'note',
      owner: '',
      volunteers: [],
      createdAt: 5,
    });
    expect(notesMap(doc).get(id)?.get('text')).toBeInstanceOf(Y.Text);
  });

  it('keeps the group and lower-cases the colour', () => {
    const doc = board();
    const id = createNote(doc, { x: 0, y: 0, authorId: 'a', groupId: 'citizens', color: '#AABBCC' }, ORIGIN.local);
    expect(readNote(doc, id)).toMatchObject({ groupId: 'citizens', color: '#aabbcc', text: '' });
  });

  it('refuses bad input and names the field, leaving the board unchanged', () => {
    const doc = board();
    expect(() => createNote(doc, { x: Number.NaN, y: 0, authorId: 'a' }, ORIGIN.local)).toThrow(/x:/);
    expect(() => createNote(doc, { x: 0, y: 0, authorId: 'a', color: 'red' }, ORIGIN.local)).toThrow(/color: must be a colour/);
    expect(() => createNote(doc, { x: 0, y: 0, authorId: '' }, ORIGIN.local)).toThrow(/authorId/);
    expect(countNotes(doc)).toBe(0);
  });

  it('gives every note a distinct id', () => {
    const doc = board();
    const ids = new Set(Array.from({ length: 200 }, () => createNote(doc, { x: 0, y: 0, authorId: 'a' }, ORIGIN.local)));
    expect(ids.size).toBe(200);
  });
});

describe('restoreNote', () => {
  it('puts a note back under its own id and creation time, once, and never one the board had', () => {
    const tablet = board();
    const id = createNote(tablet, { text: 'Written offline', x: 5, y: 6, authorId: 'ann', createdAt: 1234 }, ORIGIN.local);
    const kept = readNote(tablet, id)!;
    const doc = board();
    const gone = createNote(doc, { x: 0, y: 0, authorId: 'bob' }, ORIGIN.local);
    deleteNotes(doc, [gone], ORIGIN.local);
    const input = { text: kept.text, x: kept.x, y: kept.y, authorId: kept.authorId, createdAt: kept.createdAt };
    expect(restoreNote(doc, id, input, ORIGIN.local)).toBe(true);
    expect(readNote(doc, id)).toEqual(kept);
    // Again (a second tab, a reload): still one note. A deleted note stays deleted.
    expect(restoreNote(doc, id, { ...input, text: 'twice' }, ORIGIN.local)).toBe(false);
    expect(restoreNote(doc, gone, input, ORIGIN.local)).toBe(false);
    expect(listNotes(doc).map((n) => n.text)).toEqual(['Written offline']);
    expect(() => restoreNote(doc, 'not an id!', input, ORIGIN.local)).toThrow(ValidationError);
  });

  it('keeps one note when two copies put the same note back at once', () => {
    const [a, b] = [board(), board()];
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const id = createNote(new Y.Doc(), { x: 0, y: 0, authorId: 'ann' }, ORIGIN.local);
    restoreNote(a, id, { text: 'from tab a', x: 0, y: 0, authorId: 'ann' }, ORIGIN.local);
    restoreNote(b, id, { text: 'from tab b', x: 0, y: 0, authorId: 'ann' }, ORIGIN.local);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(countNotes(a)).toBe(1);
    expect(listNotes(a)).toEqual(listNotes(b));
  });
});

describe('moveNotes, resizeNote, setNotesColor, deleteNotes', () => {
  it('moves several notes in one transaction and skips missing ones', () => {
    const doc = board();
    const a = createNote(doc, { x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    const b = createNote(doc, { x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    const seen = origins(doc);
    moveNotes(doc, [{ id: a, x: 5, y: 6 }, { id: 'gone', x: 1, y: 1 }, { id: b, x: -7, y: 8 }], ORIGIN.local);
    expect(seen).toHaveLength(1);
    expect(readNote(doc, a)).toMatchObject({ x: 5, y: 6 });
    expect(readNote(doc, b)).toMatchObject({ x: -7, y: 8 });
    expect(() => moveNotes(doc, [{ id: a, x: Infinity, y: 0 }], ORIGIN.local)).toThrow(ValidationError);
  });

  it('resizes within the allowed range', () => {
    const doc = board();
    const a = createNote(doc, { x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    resizeNote(doc, a, { w: 300, h: 120 }, ORIGIN.local);
    expect(readNote(doc, a)).toMatchObject({ w: 300, h: 120 });
    resizeNote(doc, a, { w: 1, h: 10 ** 9 }, ORIGIN.local);
    expect(readNote(doc, a)).toMatchObject({ w: MIN_NOTE_SIZE, h: MAX_NOTE_SIZE });
  });

  it('recolours many notes and refuses a bad colour', () => {
    const doc = board();
    const a = createNote(doc, { x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    const b = createNote(doc, { x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    setNotesColor(doc, [a, b], '#80CBC4', ORIGIN.local);
    expect(listNotes(doc).map((n) => n.color)).toEqual(['#80cbc4', '#80cbc4']);
    expect(() => setNotesColor(doc, [a], 'blue', ORIGIN.local)).toThrow(ValidationError);
  });

  it('deletes notes and ignores ids already gone', () => {
    const doc = board();
    const a = createNote(doc, { x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    const b = createNote(doc, { x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    deleteNotes(doc, [a, 'never-there'], ORIGIN.local);
    expect(listNotes(doc).map((n) => n.id)).toEqual([b]);
    expect(readNote(doc, a)).toBeUndefined();
  });
});

describe('setNoteText', () => {
  it('replaces only the changed middle, so a concurrent edit elsewhere survives', () => {
    const a = board();
    const id = createNote(a, { text: 'hello world', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setNoteText(a, id, 'hello brave world', ORIGIN.local);
    setNoteText(b, id, 'hello world!', ORIGIN.local);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readNote(a, id)?.text).toBe('hello brave world!');
    expect(readNote(b, id)?.text).toBe('hello brave world!');
  });

  it('handles deletion, insertion at the edges and a no-op without a transaction', () => {
    const doc = board();
    const id = createNote(doc, { text: 'abc', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    for (const text of ['xabc', 'xabcy', 'xy', '', 'ünïcødé 🐘', 'ünïcødé 🐘🐘']) {
      setNoteText(doc, id, text, ORIGIN.local);
      expect(readNote(doc, id)?.text).toBe(text);
    }
    const seen = origins(doc);
    setNoteText(doc, id, 'ünïcødé 🐘🐘', ORIGIN.local);
    expect(seen).toHaveLength(1); // the transaction runs but changes nothing
    expect(() => setNoteText(doc, id, 'x'.repeat(5001), ORIGIN.local)).toThrow(/at most 5000/);
  });

  it('ignores a note that was deleted', () => {
    const doc = board();
    expect(() => setNoteText(doc, 'missing', 'x', ORIGIN.local)).not.toThrow();
    expect(countNotes(doc)).toBe(0);
  });
});

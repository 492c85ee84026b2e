import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createArea,
  createConnector,
  createNote,
  deleteAreas,
  deleteConnectors,
  deleteNotes,
  duplicateNotes,
  initBoard,
  isNoteInArea,
  listAreas,
  listConnectors,
  listNotes,
  MIN_AREA_SIZE,
  moveAreaWithNotes,
  notesInArea,
  ORIGIN,
  readNote,
  renameArea,
  setAreaBounds,
  setConnectorLabel,
  ValidationError,
} from '../../shared/index.ts';

function board(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Areas', createdAt: 1 }, ORIGIN.server);
  return doc;
}
const note = (doc: Y.Doc, x: number, y: number, text = '') => createNote(doc, { text, x, y, w: 100, h: 100, authorId: 'a' }, ORIGIN.local);

describe('areas', () => {
  it('creates, renames, resizes and deletes an area', () => {
    const doc = board();
    const id = createArea(doc, { name: ' Tafel 1 ', x: 0, y: 0 }, ORIGIN.local);
    expect(listAreas(doc)).toMatchObject([{ id, name: 'Tafel 1', x: 0, y: 0, w: 800, h: 560 }]);
    renameArea(doc, id, 'Tijdlijn: wereld', ORIGIN.local);
    setAreaBounds(doc, id, { x: 10, y: 20, w: 30, h: 900 }, ORIGIN.local);
    expect(listAreas(doc)[0]).toMatchObject({ name: 'Tijdlijn: wereld', x: 10, y: 20, w: MIN_AREA_SIZE, h: 900 });
    expect(() => renameArea(doc, id, 'x'.repeat(121), ORIGIN.local)).toThrow(ValidationError);
    expect(() => setAreaBounds(doc, id, { x: NaN, y: 0, w: 100, h: 100 }, ORIGIN.local)).toThrow(ValidationError);
    deleteAreas(doc, [id], ORIGIN.local);
    expect(listAreas(doc)).toEqual([]);
  });

  it('a note belongs to an area when its centre is inside', () => {
    const area = { x: 0, y: 0, w: 500, h: 500 };
    expect(isNoteInArea({ x: 400, y: 400, w: 160, h: 160 }, area)).toBe(true); // centre 480,480
    expect(isNoteInArea({ x: 450, y: 0, w: 160, h: 160 }, area)).toBe(false); // centre 530,80
  });

  it('moving an area carries exactly the given notes, in one transaction', () => {
    const doc = board();
    const area = createArea(doc, { name: 'A', x: 0, y: 0, w: 500, h: 500 }, ORIGIN.local);
    const inside = note(doc, 100, 100);
    const outside = note(doc, 900, 900);
    const carried = notesInArea(listNotes(doc), listAreas(doc)[0]!);
    expect(carried).toEqual([inside]);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    moveAreaWithNotes(doc, area, { dx: 50, dy: -20 }, carried, ORIGIN.local);
    expect(transactions).toBe(1);
    expect(listAreas(doc)[0]).toMatchObject({ x: 50, y: -20 });
    expect(readNote(doc, inside)).toMatchObject({ x: 150, y: 80 });
    expect(readNote(doc, outside)).toMatchObject({ x: 900, y: 900 });
  });
});

describe('connectors', () => {
  it('connects two notes with a label, and refuses a note to itself', () => {
    const doc = board();
    const a = note(doc, 0, 0);
    const b = note(doc, 300, 0);
    const c = createConnector(doc, a, b, ' leads to ', ORIGIN.local);
    expect(listConnectors(doc)).toMatchObject([{ id: c, from: a, to: b, label: 'leads to' }]);
    setConnectorLabel(doc, c, '', ORIGIN.local);
    expect(listConnectors(doc)[0]!.label).toBe('');
    expect(() => createConnector(doc, a, a, '', ORIGIN.local)).toThrow(/two different notes/);
    deleteConnectors(doc, [c], ORIGIN.local);
    expect(listConnectors(doc)).toEqual([]);
  });

  it('deleting a note deletes the connectors attached to it, not others', () => {
    const doc = board();
    const [a, b, c] = [note(doc, 0, 0), note(doc, 300, 0), note(doc, 600, 0)];
    createConnector(doc, a, b, '', ORIGIN.local);
    const keep = createConnector(doc, b, c, '', ORIGIN.local);
    deleteNotes(doc, [a], ORIGIN.local);
    expect(listConnectors(doc).map((x) => x.id)).toEqual([keep]);
  });
});

describe('duplicateNotes', () => {
  it('copies text, size, colour and group with an offset, under the new author', () => {
    const doc = board();
    const a = createNote(doc, { text: 'Origineel', x: 10, y: 10, w: 200, h: 120, color: '#90caf9', groupId: 'burgers', authorId: 'x' }, ORIGIN.local);
    const [copy] = duplicateNotes(doc, [a, 'gone'], { dx: 30, dy: 30 }, 'me', ORIGIN.local);
    expect(readNote(doc, copy!)).toMatchObject({ text: 'Origineel', x: 40, y: 40, w: 200, h: 120, color: '#90caf9', groupId: 'burgers', authorId: 'me' });
    expect(listNotes(doc)).toHaveLength(2);
  });
});

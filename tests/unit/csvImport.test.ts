/**
 * Importing notes from CSV into an area: header or not, quoted cells with commas and new lines, the
 * group matched by name, a grid inside the area that grows to fit, and clear refusals.
 *
 * Why: survey answers from before the day land on the wall in one go, in the right table's area.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createArea, createGroup, initBoard, isNoteInArea, listAreas, listNotes, ORIGIN, ValidationError } from '../../shared/index.ts';
import { importNotes, parseNotesCsv } from '../../shared/report/index.ts';

describe('CSV import', () => {
  it('reads a text column (or the first column), with quoted commas and new lines, and a group column', () => {
    expect(parseNotesCsv('text,group\n"Care, close to home",Citizens\n"Two\nlines",\n,\n')).toEqual([
      { text: 'Care, close to home', group: 'Citizens' },
      { text: 'Two\nlines', group: '' },
    ]);
    expect(parseNotesCsv('\uFEFFMore time for neighbours\nLess paperwork\n')).toEqual([
      { text: 'More time for neighbours', group: '' },
      { text: 'Less paperwork', group: '' },
    ]);
  });

  it('refuses an empty file, a file without text and an over-long row, saying what to do', () => {
    expect(() => parseNotesCsv('')).toThrow(/the file has no rows/);
    expect(() => parseNotesCsv('text,group\n,Citizens\n')).toThrow(new ValidationError('no text found: put one note per row, in a column named "text" or the first column'));
    expect(() => parseNotesCsv(`text\n${'x'.repeat(5001)}\n`)).toThrow(/row 2 is longer than 5000 characters/);
  });

  it('lays the notes out inside the area, growing it to fit, with groups matched by name, in one transaction', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Import', createdAt: 1 }, ORIGIN.server);
    const citizens = createGroup(doc, { name: 'Citizens', color: '#1b9e77' }, ORIGIN.local);
    const area = createArea(doc, { name: 'Survey', x: 100, y: 100, w: 800, h: 300 }, ORIGIN.local);
    const rows = Array.from({ length: 10 }, (_, i) => ({ text: `Answer ${i + 1}`, group: i === 0 ? 'citizens' : 'Unknown' }));
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const ids = importNotes(doc, area, rows, 'fien', ORIGIN.local);
    expect(transactions).toBe(1);
    expect(ids).toHaveLength(10);
    const grown = listAreas(doc)[0]!;
    expect(grown.h).toBeGreaterThan(300);
    const notes = listNotes(doc);
    expect(notes.every((n) => isNoteInArea(n, grown))).toBe(true);
    expect(notes.find((n) => n.text === 'Answer 1')?.groupId).toBe(citizens);
    expect(notes.find((n) => n.text === 'Answer 2')?.groupId).toBeNull();
    expect(() => importNotes(doc, 'gone', rows, 'fien', ORIGIN.local)).toThrow(/that area no longer exists/);
  });
});

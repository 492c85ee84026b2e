/**
 * Action cards: a note made an action, its owner, and volunteers signing up from several tablets.
 *
 * Why: the report lists actions with their owners and volunteers; people sign up at the same moment
 * from different tablets, and every one of them must end up on the card, once.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, initBoard, ORIGIN, readNote, setActionCard, setActionOwner, setVolunteer, ValidationError } from '../../shared/index.ts';

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Actions', createdAt: 1 }, ORIGIN.server);
  const id = createNote(doc, { text: 'A neighbourhood care cooperative', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
  return { doc, id };
}

describe('action cards', () => {
  it('a note becomes an action card with an owner, and a plain note again keeping both', () => {
    const { doc, id } = board();
    expect(readNote(doc, id)).toMatchObject({ kind: 'note', owner: '', volunteers: [] });
    setActionCard(doc, id, true, ORIGIN.local);
    setActionOwner(doc, id, '  Fatima  ', ORIGIN.local);
    expect(readNote(doc, id)).toMatchObject({ kind: 'action', owner: 'Fatima' });
    setActionCard(doc, id, false, ORIGIN.local);
    expect(readNote(doc, id)).toMatchObject({ kind: 'note', owner: 'Fatima' });
  });

  it('refuses an over-long name and a gone note, with messages that say so', () => {
    const { doc, id } = board();
    expect(() => setActionOwner(doc, id, 'x'.repeat(61), ORIGIN.local)).toThrow(new ValidationError('the owner must be at most 60 characters'));
    expect(() => setVolunteer(doc, 'gone', 'p1', 'Ann', ORIGIN.local)).toThrow(new ValidationError('that note no longer exists'));
  });

  it('volunteers signing up on three tablets at once all end up on the card, each once; taking back removes one', () => {
    const { doc, id } = board();
    setActionCard(doc, id, true, ORIGIN.local);
    const tablets = [0, 1, 2].map(() => {
      const d = new Y.Doc();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(doc));
      return d;
    });
    setVolunteer(tablets[0]!, id, 'p-ann', 'Ann', ORIGIN.local);
    setVolunteer(tablets[1]!, id, 'p-bram', 'Bram', ORIGIN.local);
    setVolunteer(tablets[2]!, id, 'p-ann', 'Ann', ORIGIN.local); // Ann again, from her phone
    for (const t of tablets) Y.applyUpdate(doc, Y.encodeStateAsUpdate(t));
    expect(readNote(doc, id)?.volunteers).toEqual([
      { id: 'p-ann', name: 'Ann' },
      { id: 'p-bram', name: 'Bram' },
    ]);
    setVolunteer(doc, id, 'p-bram', null, ORIGIN.local);
    expect(readNote(doc, id)?.volunteers.map((v) => v.name)).toEqual(['Ann']);
  });
});

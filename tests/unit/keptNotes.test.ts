/**
 * Unit: notes kept from a discarded copy are added back in names this device proves on the board (its
 * own id, the ids handed over to it); one in anyone else's name is added in the device's current name.
 *
 * Why: the server takes a participant's note only in a name its connection proved; a kept note in
 * another's name would be refused with the device's copy, and the note lost.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addKeptNotes } from '../../client/sync/epochGate.ts';
import { listNotes, type Note } from '../../shared/index.ts';

const storage = new Map<string, string>();
const store = {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
};
Object.assign(globalThis, { localStorage: store, sessionStorage: store });

const BOARD = 'board-0123456789';
const note = (authorId: string, text: string): Note =>
  ({ id: `${text}-000000000`, text, x: 0, y: 0, w: 160, h: 160, color: '#fff176', authorId, groupId: null, createdAt: 1 }) as Note;

describe('notes kept from a discarded copy', () => {
  beforeEach(() => {
    storage.clear();
    storage.set('olifant.deviceId', 'my-own-tablet-01');
    // Continuing as Ann on this board, after Carl handed over to this tablet before her.
    for (const id of ['carl-device-0001', 'ann-device-00001']) storage.set(`olifant.key.${id}`, `${id}-key-0123456789`);
    storage.set(`olifant.me.${BOARD}`, 'ann-device-00001');
    storage.set(`olifant.adopted.${BOARD}`, JSON.stringify(['ann-device-00001', 'carl-device-0001']));
  });

  it('keep the names the device proves, and take its current name for any other', () => {
    const doc = new Y.Doc();
    const kept = [note('my-own-tablet-01', 'tablet'), note('ann-device-00001', 'ann'), note('carl-device-0001', 'carl'), note('zed-device-00001', 'zed')];
    addKeptNotes(doc, BOARD, { notes: kept, onlyMissing: false });
    const authors = Object.fromEntries(listNotes(doc).map((n) => [n.text, n.authorId]));
    expect(authors).toEqual({ tablet: 'my-own-tablet-01', ann: 'ann-device-00001', carl: 'carl-device-0001', zed: 'ann-device-00001' });
  });

  it('on another board only the device’s own id is its to keep', () => {
    const doc = new Y.Doc();
    addKeptNotes(doc, 'other-board-0123', { notes: [note('ann-device-00001', 'ann'), note('my-own-tablet-01', 'tablet')], onlyMissing: true });
    const authors = Object.fromEntries(listNotes(doc).map((n) => [n.text, n.authorId]));
    expect(authors).toEqual({ ann: 'my-own-tablet-01', tablet: 'my-own-tablet-01' });
  });
});

/**
 * The server's write guard: which roots an update would touch, before it is applied.
 *
 * Why: the facilitator's frame is refused to participants on the strength of this function alone;
 * it must see through Yjs's encoding (parents given by name, by parent item, or only by the item a
 * new one was inserted next to) and through delete sets that repeat old deletions.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listsAClientTwice, rootsTouched, UNKNOWN_ROOT } from '../../server/rooms/writeGuard.ts';
import { craftedUpdate } from '../helpers/craftedUpdate.ts';
import { createGroup, createNote, initBoard, moveNotes, ORIGIN, setBoardLocked, setNoteText, spliceNoteText } from '../../shared/index.ts';

/** A server doc and a client doc in sync; `edit` runs on the client and returns the roots its update touches. */
function setup() {
  const server = new Y.Doc();
  initBoard(server, { title: 'Guard', createdAt: 1 }, ORIGIN.server);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const touched = (edit: () => void): string[] => {
    const updates: Uint8Array[] = [];
    const on = (u: Uint8Array) => updates.push(u);
    client.on('update', on);
    edit();
    client.off('update', on);
    const merged = Y.mergeUpdates(updates);
    const roots = [...rootsTouched(server, Y.decodeUpdate(merged))].sort();
    Y.applyUpdate(server, merged);
    return roots;
  };
  return { server, client, touched };
}

describe('rootsTouched', () => {
  it('names the root of new items, nested edits (text inside a note) and overwrites', () => {
    const { client, touched } = setup();
    let id = '';
    expect(touched(() => (id = createNote(client, { text: 'a', x: 0, y: 0, authorId: 'p' }, ORIGIN.local)))).toEqual(['notes']);
    expect(touched(() => setNoteText(client, id, 'a longer text', ORIGIN.local))).toEqual(['notes']);
    expect(touched(() => spliceNoteText(client, id, { index: 2, remove: 3, insert: 'x' }, ORIGIN.local))).toEqual(['notes']);
    expect(touched(() => moveNotes(client, [{ id, x: 9, y: 9 }], ORIGIN.local))).toEqual(['notes']);
    expect(touched(() => setBoardLocked(client, true, ORIGIN.local))).toEqual(['facilitation']);
    expect(touched(() => setBoardLocked(client, false, ORIGIN.local))).toEqual(['facilitation']);
    expect(touched(() => createGroup(client, { name: 'G', color: '#123456' }, ORIGIN.local))).toEqual(['groups']);
  });

  it('a full-state sync carrying old deletions of the frame touches only what is new', () => {
    const { server, client, touched } = setup();
    touched(() => setBoardLocked(client, true, ORIGIN.local));
    touched(() => setBoardLocked(client, false, ORIGIN.local));
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(client));
    createNote(offline, { text: 'offline', x: 0, y: 0, authorId: 'p' }, ORIGIN.local);
    const step2 = Y.encodeStateAsUpdate(offline, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0); // it does repeat the old deletion
    expect([...rootsTouched(server, Y.decodeUpdate(step2))]).toEqual(['notes']);
  });

  it('an item that depends on something the server never had is unknown; so is deleting such a thing', () => {
    const { server } = setup();
    const elsewhere = new Y.Doc();
    elsewhere.getMap('facilitation').set('boardLocked', true);
    const first = Y.encodeStateAsUpdate(elsewhere);
    elsewhere.getMap('facilitation').set('boardLocked', false); // overwrites: origin = the first item
    const second = Y.encodeStateAsUpdate(elsewhere, Y.encodeStateVectorFromUpdate(first));
    expect([...rootsTouched(server, Y.decodeUpdate(second))]).toContain(UNKNOWN_ROOT);
  });
});

describe('rootsTouched with content made and deleted offline', () => {
  it('a note made and deleted while offline arrives as deleted content: touching nothing the server has', () => {
    const { server, client } = setup();
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(client));
    const id = createNote(offline, { text: 'gone again', x: 0, y: 0, authorId: 'p' }, ORIGIN.local);
    offline.getMap('notes').delete(id);
    createNote(offline, { text: 'kept', x: 0, y: 0, authorId: 'p' }, ORIGIN.local);
    const step2 = Y.encodeStateAsUpdate(offline, Y.encodeStateVector(server));
    expect([...rootsTouched(server, Y.decodeUpdate(step2))]).toEqual(['notes']);
  });
});

describe('updates that list a client twice', () => {
  const C = 424242;
  const forged = { voteId: 'v1', itemId: 'n1', voterId: 'ann', groupId: null, at: 1 };
  const decoys = Array.from({ length: 4 }, (_, i) => ({ parent: 'notes', sub: `a${i}`, values: [1] }));
  const dotOverDecoy = [{ parent: 'dots', sub: 'dot', values: [0] }, { origin: [C, 0] as [number, number], values: [forged] }];

  it('Yjs applies only the last section, so the checks must refuse both layouts', () => {
    // Overlapping sections: decoys at clocks 0-3, then the dot written over a harmless value.
    const overlapping = craftedUpdate([{ client: C, clock: 0, items: decoys }, { client: C, clock: 0, items: dotOverDecoy }]);
    // Adjacent sections: decoys 0-3, then a dot at 4 next to decoy 3 (Yjs holds it until 0-3 come).
    const adjacent = craftedUpdate([{ client: C, clock: 0, items: decoys }, { client: C, clock: 4, items: [{ origin: [C, 3], values: [forged] }] }]);
    for (const update of [overlapping, adjacent]) expect(listsAClientTwice(update, Y.decodeUpdate(update))).toBe(true);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, overlapping);
    expect(doc.getMap('dots').get('dot')).toEqual(forged); // what the decoys would have hidden
    expect(doc.getMap('notes').size).toBe(0);
  });

  it('honest updates list each client once: a document, a change, and merged updates', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    initBoard(a, { title: 'T', createdAt: 1 }, ORIGIN.server);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const sv = Y.encodeStateVector(b);
    createNote(b, { text: 'one', x: 0, y: 0, authorId: 'b' }, ORIGIN.local);
    const change = Y.encodeStateAsUpdate(b, sv);
    const id = createNote(a, { text: 'two', x: 0, y: 0, authorId: 'a' }, ORIGIN.local);
    moveNotes(a, [{ id, x: 5, y: 5 }], ORIGIN.local);
    const updates = [Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b), change, Y.mergeUpdates([change, Y.encodeStateAsUpdate(a)]), Y.encodeStateAsUpdate(new Y.Doc())];
    for (const u of updates) expect(listsAClientTwice(u, Y.decodeUpdate(u))).toBe(false);
  });
});

/**
 * The server's write guard: which roots an update would touch, before it is applied.
 *
 * Why: the facilitator's frame is refused to participants on the strength of this function alone;
 * it must see through Yjs's encoding (parents given by name, by parent item, or only by the item a
 * new one was inserted next to) and through delete sets that repeat old deletions.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rootsTouched, UNKNOWN_ROOT } from '../../server/rooms/writeGuard.ts';
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

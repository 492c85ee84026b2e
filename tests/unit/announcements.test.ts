/**
 * What the screen reader's live region says: others' new notes grouped into one sentence, never the
 * person's own, nothing while the board loads or merges; the selection; votes opened and closed.
 *
 * Why: a table of eight writing at once must not become forty announcements, and a person must not
 * hear their own notes read back to them or the whole board read out when it opens.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createNote, initBoard, openVote, ORIGIN, registerPerson, setVoteOpen } from '../../shared/index.ts';
import { announcerStore, ARRIVALS_MAX_MS, ARRIVALS_QUIET_MS, createArrivalGrouper, selectionText } from '../../client/store/announcements.ts';
import { setSynced } from '../../client/store/connection.ts';
import { setMe } from '../../client/store/people.ts';
import { focusNote, setCanvasFocused, setKeyboardUsed } from '../../client/store/focus.ts';
import { resetStore, useStore } from '../../client/store/store.ts';
import { editNote, select } from '../../client/store/ui.ts';
import { startAnnouncements } from '../../client/sync/announceWatch.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('grouping others’ new notes', () => {
  it('says three notes by one person, added a moment apart, once', () => {
    const said: string[] = [];
    const group = createArrivalGrouper((t) => said.push(t), () => 'en');
    for (let i = 0; i < 3; i++) {
      group.add('Sam');
      vi.advanceTimersByTime(ARRIVALS_QUIET_MS - 200);
    }
    expect(said).toEqual([]);
    vi.advanceTimersByTime(ARRIVALS_QUIET_MS);
    expect(said).toEqual(['Sam added 3 notes']);
  });

  it('names one or two authors, and counts notes and people when more write at once', () => {
    const said: string[] = [];
    const group = createArrivalGrouper((t) => said.push(t), () => 'en');
    group.add('Sam');
    vi.advanceTimersByTime(ARRIVALS_QUIET_MS);
    group.add('Sam', 2);
    group.add('Ann');
    vi.advanceTimersByTime(ARRIVALS_QUIET_MS);
    group.add('Sam', 4);
    group.add('Ann');
    group.add('Bram');
    vi.advanceTimersByTime(ARRIVALS_QUIET_MS);
    expect(said).toEqual(['Sam added a note', 'Sam added 2 notes, Ann added a note', '6 notes added by 3 people']);
  });

  it('says a steady stream at the latest a few seconds after it began, and in Dutch', () => {
    const said: string[] = [];
    const group = createArrivalGrouper((t) => said.push(t), () => 'nl');
    for (let at = 0; at < ARRIVALS_MAX_MS + 500; at += 500) {
      group.add('Sam');
      vi.advanceTimersByTime(500);
    }
    expect(said).toEqual([`Sam heeft ${ARRIVALS_MAX_MS / 500} notities toegevoegd`]);
  });
});

describe('what the selection sounds like', () => {
  const board = {
    notes: { a: { text: '  Long waiting\nlists ' }, b: { text: '' }, c: { text: 'x' } },
    areas: { z: { name: 'Trends' } },
    clusters: {},
  };
  it('reads one note’s text, counts several, and says when nothing is selected', () => {
    expect(selectionText('en', ['a'], board)).toBe('Selected: Long waiting lists');
    expect(selectionText('en', ['b'], board)).toBe('Selected: an empty note');
    expect(selectionText('en', ['a', 'c'], board)).toBe('2 notes selected');
    expect(selectionText('nl', ['a', 'c'], board)).toBe('2 notities gekozen');
    expect(selectionText('en', ['a', 'z'], board)).toBe('2 items selected');
    expect(selectionText('en', ['z'], board)).toBe('Selected area: Trends');
    expect(selectionText('en', [], board)).toBe('Nothing selected');
  });
});

describe('announcing the board’s changes', () => {
  it('says others’ notes once synced, grouped and by name; not my own, not the load, and votes opening and closing', () => {
    resetStore();
    setMe({ id: 'me', role: 'participant', groupId: null, name: 'Me' });
    const heard: string[] = [];
    const stopListening = announcerStore.subscribe((s) => s.text && heard.push(s.text));
    const server = new Y.Doc();
    initBoard(server, { title: 'Care', createdAt: 1 }, ORIGIN.server);
    registerPerson(server, 'sam', { name: 'Sam', groupId: null, role: 'participant' }, ORIGIN.local);
    createNote(server, { text: 'already there', x: 0, y: 0, authorId: 'sam' }, ORIGIN.local);
    const local = new Y.Doc();
    const stop = startAnnouncements(local);
    server.on('update', (u: Uint8Array) => Y.applyUpdate(local, u, 'remote'));
    // The board's first sync: not news.
    Y.applyUpdate(local, Y.encodeStateAsUpdate(server), 'remote');
    setSynced(true);
    vi.advanceTimersByTime(ARRIVALS_MAX_MS);
    expect(heard).toEqual([]);

    for (let i = 0; i < 3; i++) createNote(server, { text: `n${i}`, x: i, y: 0, authorId: 'sam' }, ORIGIN.local);
    createNote(server, { text: 'mine, from my other device', x: 0, y: 0, authorId: 'me' }, ORIGIN.local);
    createNote(local, { text: 'mine, here', x: 0, y: 0, authorId: 'me' }, ORIGIN.local);
    vi.advanceTimersByTime(ARRIVALS_QUIET_MS);
    expect(heard).toEqual(['Sam added 3 notes']);

    const vote = openVote(server, { title: 'Which trends matter most?', dots: 3 }, ORIGIN.local);
    setVoteOpen(server, vote, false, ORIGIN.local);
    expect(heard.slice(1)).toEqual(['Vote opened: Which trends matter most?', 'Vote closed: Which trends matter most?']);

    // Offline (not synced): a reconnect's merge is summarised elsewhere, not said note by note.
    setSynced(false);
    createNote(server, { text: 'while away', x: 0, y: 0, authorId: 'sam' }, ORIGIN.local);
    vi.advanceTimersByTime(ARRIVALS_MAX_MS);
    expect(heard).toHaveLength(3);
    stop();
    stopListening();
  });
});

describe('one sentence per action', () => {
  it('leaves the keyboard’s own note and the note being written to the lines that already say them', () => {
    resetStore();
    const note = (text: string) => ({ text }) as ReturnType<typeof useStore.getState>['notes'][string];
    useStore.setState({ notes: { a: note('Long waiting lists'), b: note('Lonely evenings'), c: note('') } });
    const heard: string[] = [];
    const stopListening = announcerStore.subscribe((s) => s.text && heard.push(s.text));
    const stop = startAnnouncements(new Y.Doc());
    const settle = () => vi.advanceTimersByTime(1000);

    // A pointer's selection is said.
    select(['a']);
    settle();
    expect(heard).toEqual(['Selected: Long waiting lists']);
    select([]);
    settle();
    expect(heard.at(-1)).toBe('Nothing selected');

    // The keyboard on the canvas selects and lets go of the note it is on: its own line says it.
    setCanvasFocused(true);
    setKeyboardUsed(true);
    focusNote('b');
    select(['b']);
    settle();
    select([]);
    settle();
    expect(heard).toEqual(['Selected: Long waiting lists', 'Nothing selected']);
    // Several notes are still counted.
    select(['a', 'b']);
    settle();
    expect(heard.at(-1)).toBe('2 notes selected');

    // A new note is selected as its editor opens: not read out while the person starts typing.
    setCanvasFocused(false);
    editNote('c');
    settle();
    expect(heard).toHaveLength(3);
    stop();
    stopListening();
  });
});

/**
 * Client IDs belong to devices, against the real server: a change written at another device's next
 * clocks (which would make that device's own changes vanish as "already known") is not applied, from
 * any role, also right after a restart and on a board restored from a backup; and the honest cases
 * that make this hard still work: a device that reconnects before its old socket is known dead
 * (proven or not), two tabs of one device, a device that continues on another one, and a board from
 * before the bindings (first writer wins).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join as pathJoin } from 'node:path';
import * as Y from 'yjs';
import { createNote, listNotes, newRecordId, ORIGIN, type CreatedBoard } from '../../shared/index.ts';
import type { ServerConfig } from '../../server/config.ts';
import type { RunningServer } from '../../server/server.ts';
import { connectClient, sleep, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { gcUpdate } from '../helpers/craftedUpdate.ts';
import { openRaw, updateMessage, type RawClient } from '../helpers/rawSocket.ts';
import { createBoard, freePort, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

const clients: TestClient[] = [];
const raws: RawClient[] = [];
const servers: RunningServer[] = [];
afterEach(() => {
  clients.splice(0).forEach((c) => c.destroy());
  raws.splice(0).forEach((r) => r.ws.terminate());
});
afterAll(async () => {
  for (const s of servers) await s.close().catch(() => {});
});

type Who = Record<string, string>;
const person = (key: string): Who => ({ person: newRecordId(), key: `${key}-0123456789abcdef` });

/** A server on its own data dir and port, so a test can restart it where clients reconnect. */
async function ownServer(overrides: Partial<ServerConfig> = {}): Promise<{ server: () => RunningServer; restart(): Promise<void>; dataDir: string }> {
  const dir = tempDir();
  const port = await freePort();
  let server = await startTestServer(dir.path, { port, ...overrides });
  servers.push(server);
  return {
    server: () => server,
    dataDir: dir.path,
    async restart() {
      await server.close();
      server = await startTestServer(dir.path, { port, ...overrides });
      servers.push(server);
    },
  };
}

async function join(s: RunningServer, board: CreatedBoard, who: Who = {}, role: 'participant' | 'facilitator' = 'participant', doc = new Y.Doc()): Promise<TestClient> {
  const client = connectClient(s.localUrl, board.id, tokenOf(board.links[role]), doc, who);
  clients.push(client);
  await waitSynced(client);
  return client;
}

async function raw(s: RunningServer, board: CreatedBoard, who: Who, role: 'participant' | 'facilitator' = 'participant'): Promise<RawClient> {
  const query = new URLSearchParams({ token: tokenOf(board.links[role]), ...who });
  const client = await openRaw(`${s.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?${query}`);
  raws.push(client);
  return client;
}

/** The board as the server holds it in memory (empty while nobody has it open). */
const serverDoc = (s: RunningServer, board: CreatedBoard) => s.registry.peek(board.id)?.doc ?? new Y.Doc();
const texts = (doc: Y.Doc) => listNotes(doc).map((n) => n.text).sort();
/** A note in `authorId`'s name (a device writes in the names it proved; one that proved none in one nobody did). */
const note = (doc: Y.Doc, text: string, authorId = 'nobody-proved-this') => createNote(doc, { text, x: 0, y: 0, authorId, groupId: null }, ORIGIN.local);

/** Ann writes one note online, goes offline and writes "offline"; returns her client ID and its clock on the server. */
async function annOffline(s: RunningServer, board: CreatedBoard, who: Who): Promise<{ ann: TestClient; clientId: number; clock: number }> {
  const ann = await join(s, board, who);
  ann.provider.awareness.setLocalStateField('user', { name: 'Ann' });
  note(ann.doc, 'online', who.person);
  await waitFor(() => texts(serverDoc(s, board)).includes('online'), 'the online note on the server');
  ann.provider.disconnect();
  note(ann.doc, 'offline', who.person);
  const clientId = ann.doc.clientID;
  return { ann, clientId, clock: Y.getState(serverDoc(s, board).store, clientId) };
}

/** Sends 5 clocks of deleted content at `clientId`'s next clocks: what would make that device's changes vanish. */
async function writeAhead(s: RunningServer, board: CreatedBoard, who: Who, clientId: number, clock: number, role: 'participant' | 'facilitator' = 'participant'): Promise<void> {
  const mallory = await raw(s, board, who, role);
  mallory.ws.send(updateMessage(gcUpdate(clientId, clock, 5)));
  await sleep(300);
}

describe('client IDs belong to devices', () => {
  it("a participant cannot write at another device's next clocks: the offline tablet's change still arrives", async () => {
    const { server: s } = await ownServer();
    const board = await createBoard(s().localUrl, 'Write ahead');
    const { ann, clientId, clock } = await annOffline(s(), board, person('ann'));
    await writeAhead(s(), board, person('mallory'), clientId, clock);
    expect(Y.getState(serverDoc(s(), board).store, clientId)).toBe(clock);
    ann.provider.connect();
    await waitFor(() => texts(serverDoc(s(), board)).includes('offline'), "the tablet's offline note on the server");
    const fresh = await join(s(), board);
    expect(texts(fresh.doc)).toEqual(['offline', 'online']);
  });

  it('nor can the facilitator, nor a connection that sent no key', async () => {
    const { server: s } = await ownServer();
    const board = await createBoard(s().localUrl, 'Every role');
    const { ann, clientId, clock } = await annOffline(s(), board, person('ann'));
    await writeAhead(s(), board, person('facilitator'), clientId, clock, 'facilitator');
    await writeAhead(s(), board, {}, clientId, clock);
    expect(Y.getState(serverDoc(s(), board).store, clientId)).toBe(clock);
    ann.provider.connect();
    await waitFor(() => texts(serverDoc(s(), board)).includes('offline'), "the tablet's offline note on the server");
  });

  it('a squatter who races the owner after a restart is refused: the binding was stored with the board', async () => {
    const own = await ownServer();
    const board = await createBoard(own.server().localUrl, 'After a restart');
    const { ann, clientId, clock } = await annOffline(own.server(), board, person('ann'));
    await own.restart();
    // The squatter comes first, before anyone holds Ann's ID in awareness on the new process.
    await writeAhead(own.server(), board, person('squatter'), clientId, clock);
    expect(Y.getState(serverDoc(own.server(), board).store, clientId)).toBe(clock);
    ann.provider.connect();
    await waitFor(() => texts(serverDoc(own.server(), board)).includes('offline'), "the tablet's offline note after the restart");
  });

  it('a board from before the bindings: the first writer of an ID wins it, and keeps it', async () => {
    const own = await ownServer();
    const board = await createBoard(own.server().localUrl, 'Older board');
    const who = person('ann');
    const { ann, clientId, clock } = await annOffline(own.server(), board, who);
    await own.server().close();
    const db = new Database(pathJoin(own.dataDir, 'olifant.sqlite'));
    expect(db.prepare('DELETE FROM client_writers').run().changes).toBeGreaterThan(0);
    db.close();
    await own.restart();
    ann.provider.connect();
    await waitFor(() => texts(serverDoc(own.server(), board)).includes('offline'), "the owner's offline note");
    ann.provider.disconnect();
    note(ann.doc, 'later', who.person);
    const at = Y.getState(serverDoc(own.server(), board).store, clientId);
    await writeAhead(own.server(), board, person('squatter'), clientId, at);
    expect(Y.getState(serverDoc(own.server(), board).store, clientId)).toBe(at);
    ann.provider.connect();
    await waitFor(() => texts(serverDoc(own.server(), board)).includes('later'), "the owner's later note");
  });

  it('a restore carries the bindings: on the restored board the IDs are still their devices\' own', async () => {
    const { server: s } = await ownServer();
    const board = await createBoard(s().localUrl, 'Before the restore');
    const ann = person('ann');
    const { clientId } = await annOffline(s(), board, ann);
    const auth = { Authorization: `Bearer ${tokenOf(board.links.facilitator)}` };
    const backup = await (await fetch(`${s().localUrl}/api/boards/${board.id}/backup.json`, { headers: auth })).text();
    const restored = (await (await fetch(`${s().localUrl}/api/boards/restore`, { method: 'POST', body: backup })).json()) as CreatedBoard;
    const probe = await join(s(), restored);
    const clock = Y.getState(probe.doc.store, clientId);
    expect(clock).toBeGreaterThan(0);
    await writeAhead(s(), restored, person('squatter'), clientId, clock);
    expect(Y.getState(serverDoc(s(), restored).store, clientId)).toBe(clock);
    // Ann's device key still writes under it.
    await writeAhead(s(), restored, ann, clientId, clock);
    await waitFor(() => Y.getState(serverDoc(s(), restored).store, clientId) === clock + 5, "Ann's device under her ID on the restored board");
  });

  it('an unproven device that reconnects at once takes its own ID back, with its offline changes and its presence', async () => {
    // No new ids are proven this hour: the device joins unproven, but its key is still its own.
    const { server: s } = await ownServer({ newPeoplePerHour: 0 });
    const board = await createBoard(s().localUrl, 'Quick reconnect');
    const unproven = person('tablet');
    const watcher = await join(s(), board);
    const { ann, clientId } = await annOffline(s(), board, unproven);
    ann.provider.connect();
    await waitFor(() => texts(serverDoc(s(), board)).includes('offline'), 'the offline note');
    ann.provider.awareness.setLocalStateField('user', { name: 'Ann, back' });
    await waitFor(() => (watcher.provider.awareness.getStates().get(clientId) as { user?: { name?: string } } | undefined)?.user?.name === 'Ann, back', 'her presence at the watcher', 3000);
  });

  it("two tabs of one device: a tab may pass on the other tab's change; another device may not", async () => {
    const { server: s } = await ownServer();
    const board = await createBoard(s().localUrl, 'Two tabs');
    const device = person('tablet');
    const tab1 = await join(s(), board, device);
    const tab2 = await join(s(), board, device);
    const other = await join(s(), board, person('other'));
    tab1.provider.awareness.setLocalStateField('user', { name: 'Tab 1' });
    note(tab1.doc, 'first', device.person);
    await waitFor(() => texts(serverDoc(s(), board)).includes('first'), 'the first note');
    // Tab 1 loses its socket; its change reaches the other tab (as over BroadcastChannel) and another device.
    tab1.provider.disconnect();
    const before = Y.encodeStateVector(tab1.doc);
    note(tab1.doc, 'from tab 1', device.person);
    const change = Y.encodeStateAsUpdate(tab1.doc, before);
    Y.applyUpdate(other.doc, change, 'copied');
    await sleep(300);
    expect(texts(serverDoc(s(), board))).not.toContain('from tab 1');
    Y.applyUpdate(tab2.doc, change, 'another tab');
    await waitFor(() => texts(serverDoc(s(), board)).includes('from tab 1'), "tab 1's note, passed on by tab 2");
  });

  it('a device that continues on another one (hand-over) writes from both, and the first one merges its offline changes', async () => {
    const { server: s } = await ownServer();
    const board = await createBoard(s().localUrl, 'Hand-over');
    const ann = person('ann');
    const phone = { ...ann, also: `${newRecordId()}:phone-own-key-0123456789` };
    const { ann: tablet } = await annOffline(s(), board, ann);
    const onPhone = await join(s(), board, phone);
    note(onPhone.doc, 'from the phone', ann.person);
    await waitFor(() => texts(serverDoc(s(), board)).includes('from the phone'), "the phone's note");
    tablet.provider.connect();
    await waitFor(() => texts(serverDoc(s(), board)).includes('offline'), "the tablet's offline note");
    await waitFor(() => texts(onPhone.doc).includes('offline') && texts(tablet.doc).includes('from the phone'), 'both devices to converge');
  });

  it('an offline tablet that took on a handed-over identity keeps what it wrote as itself and as the person', async () => {
    const { server: s } = await ownServer();
    const board = await createBoard(s().localUrl, 'Hand-over offline');
    const tablet = person('tablet');
    const ann = person('ann');
    (await join(s(), board, ann)).provider.disconnect(); // Ann's own device proved her id once
    const first = await join(s(), board, tablet);
    note(first.doc, 'as the tablet', tablet.person);
    await waitFor(() => texts(serverDoc(s(), board)).includes('as the tablet'), 'the first note');
    first.provider.destroy();
    // Offline: a note as itself, then Ann's link is opened on it and it writes as Ann.
    note(first.doc, 'offline, as the tablet', tablet.person);
    note(first.doc, 'offline, as Ann', ann.person);
    const again = connectClient(s().localUrl, board.id, tokenOf(board.links.participant), first.doc, { ...ann, also: `${tablet.person}:${tablet.key}` });
    clients.push(again);
    await waitFor(() => texts(serverDoc(s(), board)).includes('offline, as Ann') && texts(serverDoc(s(), board)).includes('offline, as the tablet'), 'both offline notes');
  });

  it('a connection that keeps writing under another device\'s ID is closed with 4403 once its own tabs would have settled it', async () => {
    const { server: s } = await ownServer();
    const board = await createBoard(s().localUrl, 'Keeps trying');
    const { clientId, clock } = await annOffline(s(), board, person('ann'));
    const mallory = await raw(s(), board, person('mallory'));
    const closed = mallory.closed;
    for (let i = 0; i < 13; i++) {
      if (mallory.ws.readyState === mallory.ws.OPEN) mallory.ws.send(updateMessage(gcUpdate(clientId, clock, 5)));
      await sleep(1000);
    }
    const { code, reason } = await closed;
    expect(code).toBe(4403);
    expect(reason).toBe('that document client id belongs to another device');
    const fresh = await join(s(), board);
    expect(Y.getState(fresh.doc.store, clientId)).toBe(clock);
  }, 20_000);
});

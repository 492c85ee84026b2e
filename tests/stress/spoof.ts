/**
 * Attempts to write or pose that must all fail, against the real server, counted one by one: document
 * updates and awareness from a projector link; a participant changing the facilitator's frame (lock,
 * votes, groups); dots in another person's name; a participant writing while the board is locked; awareness posing as the facilitator,
 * claiming another participant's id, or speaking for another connection's client ID; sockets opened
 * with a rotated link; writes at another device's next clocks and records in Ann's name
 * (spoofNames.ts). An honest facilitator and participant (Ann) watch; nothing may reach them.
 *
 * Why: the server is the only place where roles and identities can be enforced; the UI hiding a
 * button proves nothing.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  createGroup,
  createNote,
  dotsMap,
  listDots,
  listGroups,
  listNotes,
  MESSAGE_AWARENESS,
  newRecordId,
  openVote,
  ORIGIN,
  readFacilitation,
  setBoardLocked,
} from '../../shared/index.ts';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { openRaw, updateMessage, type RawClient } from '../helpers/rawSocket.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';
import { attemptNames } from './spoofNames.ts';

export interface SpoofFigures {
  readonly attempts: number;
  readonly byKind: Record<string, number>;
  /** Distinct effects an honest client saw (a note, a frame change, a posed identity). */
  readonly tookEffect: number;
  readonly effects: readonly string[];
}

function awarenessFrom(clientID: number, state: Record<string, unknown> | null, clock = 0): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const awareness = new awarenessProtocol.Awareness(doc);
  for (let i = 0; i <= clock; i++) awareness.setLocalState(state);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [clientID]));
  awareness.destroy();
  return encoding.toUint8Array(e);
}

function noteUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  createNote(doc, { text, x: 0, y: 0, authorId: 'spoof' }, ORIGIN.local);
  return updateMessage(Y.encodeStateAsUpdate(doc));
}

/** Runs about `attempts` attempts, spread over the kinds above. */
export async function runSpoofing(attempts: number): Promise<SpoofFigures> {
  const dir = tempDir('olifant-spoof-');
  const server = await startTestServer(dir.path, { maxMessagesPerSecond: 1_000_000 });
  const honest: TestClient[] = [];
  const byKind: Record<string, number> = {};
  const effects = new Set<string>();
  const count = (kind: string, n = 1) => (byKind[kind] = (byKind[kind] ?? 0) + n);
  try {
    const board = await createBoard(server.localUrl, 'Spoofed');
    const ws = `${server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=`;
    const annId = newRecordId();
    const facilitator = connectClient(server.localUrl, board.id, tokenOf(board.links.facilitator));
    const ann = connectClient(server.localUrl, board.id, tokenOf(board.links.participant), new Y.Doc(), { person: annId, key: 'ann-own-device-key-0123456789' });
    honest.push(facilitator, ann);
    for (const c of honest) await waitSynced(c);
    createGroup(facilitator.doc, { name: 'Youth', color: '#1b9e77' }, ORIGIN.local);
    facilitator.provider.awareness.setLocalState({ user: { name: 'Fien', role: 'facilitator' } });
    ann.provider.awareness.setLocalState({ user: { name: 'Ann', id: annId } });
    // Every state the facilitator ever sees: nobody but Fien as facilitator, nobody but Ann as Ann.
    facilitator.provider.awareness.on('change', () => {
      for (const [clientId, state] of facilitator.provider.awareness.getStates()) {
        const user = (state as { user?: { name?: string; role?: string; id?: string } }).user;
        if (clientId !== facilitator.doc.clientID && user?.role === 'facilitator') effects.add(`client ${clientId} shown as facilitator`);
        if (clientId !== ann.doc.clientID && user?.id === annId) effects.add(`client ${clientId} shown as Ann`);
        if (clientId === ann.doc.clientID && user?.name !== 'Ann') effects.add(`Ann's state overwritten: ${JSON.stringify(user)}`);
      }
    });
    // 10.5 kinds' worth: eight kinds, three slow kinds at half each, and four at a quarter each.
    const per = Math.ceil(attempts / 105) * 10;
    const sendAll = async (socket: RawClient, frames: Uint8Array[]) => {
      for (const f of frames) socket.ws.send(f);
      await new Promise<void>((r) => socket.ws.send(new Uint8Array([3]), () => r())); // a query: all sent
    };
    const projectorToken = tokenOf(board.links.projector);
    const participantToken = tokenOf(board.links.participant);

    // 1. A projector writes notes and shows up in awareness.
    for (let s = 0; s < 10; s++) {
      const p = await openRaw(ws + projectorToken);
      await sendAll(p, Array.from({ length: per / 10 }, (_, i) => noteUpdate(`spoof projector ${s}.${i}`)));
      await sendAll(p, Array.from({ length: per / 10 }, (_, i) => awarenessFrom(900_000 + s, { user: { name: 'Projector', role: 'facilitator' } }, i)));
      count('projector write', per / 10);
      count('projector awareness', per / 10);
      p.ws.close();
    }
    // 2. A participant changes the facilitator's frame: each attempt closes its socket (4403).
    const frameWrites = [(d: Y.Doc) => setBoardLocked(d, true, ORIGIN.local), (d: Y.Doc) => createGroup(d, { name: 'Fake', color: '#000000' }, ORIGIN.local)];
    for (let i = 0; i < per / 2; i++) {
      const p = await openRaw(ws + participantToken);
      const d = new Y.Doc();
      frameWrites[i % 2]!(d);
      p.ws.send(updateMessage(Y.encodeStateAsUpdate(d)));
      await p.closed;
      count('participant frame write');
    }
    // 2b. Dots in Ann's name, from a participant proven as someone else and from one proven as nobody.
    const noteId = createNote(facilitator.doc, { text: 'Shared care records', x: 0, y: 0, authorId: 'fien' }, ORIGIN.local);
    const voteId = openVote(facilitator.doc, { title: 'What matters most?', target: 'notes', budget: 'person', dots: 3, onePerItem: false, live: true }, ORIGIN.local);
    for (let i = 0; i < per / 2; i++) {
      const p = await openRaw(ws + participantToken + (i % 2 ? '' : `&person=${newRecordId()}&key=mallory-device-key-0123456789`));
      const d = new Y.Doc();
      dotsMap(d).set(newRecordId(), { voteId, itemId: noteId, voterId: annId, groupId: null, at: i });
      p.ws.send(updateMessage(Y.encodeStateAsUpdate(d)));
      await p.closed;
      count("dot in Ann's name");
    }
    // 2c. Writes at another device's next clocks, and records in Ann's name.
    await attemptNames({ ws, participantToken, facilitator, ann, annId, per, count, effect: (what) => effects.add(what), sendAll });
    // 3. Participants write while the board is locked; their sockets close before the lift.
    setBoardLocked(facilitator.doc, true, ORIGIN.local);
    await waitFor(() => readFacilitation(ann.doc).boardLocked, 'the lock at Ann');
    const locked = await Promise.all(Array.from({ length: 5 }, () => openRaw(ws + participantToken)));
    await Promise.all(locked.map((p, s) => sendAll(p, Array.from({ length: per / 5 }, (_, i) => noteUpdate(`spoof locked ${s}.${i}`)))));
    count('write while locked', per);
    await new Promise((r) => setTimeout(r, 300));
    for (const p of locked) p.ws.close();
    await Promise.all(locked.map((p) => p.closed));
    // 4. Awareness: posing as the facilitator, as Ann (her id, a guessed key), as Ann's client ID.
    const poser = await openRaw(ws + participantToken);
    await sendAll(poser, Array.from({ length: per }, (_, i) => awarenessFrom(800_000, { user: { name: 'Fien', role: 'facilitator' } }, i)));
    count('awareness as facilitator', per);
    const asAnn = await openRaw(`${ws + participantToken}&person=${annId}&key=a-guessed-key-0123456789`);
    await sendAll(asAnn, Array.from({ length: per }, (_, i) => awarenessFrom(800_001, { user: { name: 'Ann', id: annId } }, i)));
    count("awareness with Ann's id", per);
    const asAnnsClient = await openRaw(ws + participantToken);
    await sendAll(asAnnsClient, Array.from({ length: per }, (_, i) => awarenessFrom(ann.doc.clientID, i % 2 ? null : { user: { name: 'Mallory' } }, 1000 + i)));
    count("awareness for Ann's client ID", per);
    // 5. A rotated participant link opens no socket.
    await fetch(`${server.localUrl}/api/boards/${board.id}/links/participant/rotate`, { method: 'POST', headers: { Authorization: `Bearer ${tokenOf(board.links.facilitator)}` } });
    for (let i = 0; i < per / 2; i++) {
      const opened = await openRaw(ws + participantToken).then((c) => (c.ws.close(), true), () => false);
      if (opened) effects.add('a rotated link opened a socket');
      count('rotated link');
    }
    setBoardLocked(facilitator.doc, false, ORIGIN.local);
    await new Promise((r) => setTimeout(r, 500));

    const spoofNotes = listNotes(facilitator.doc).filter((n) => n.text.startsWith('spoof'));
    if (spoofNotes.length) effects.add(`${spoofNotes.length} notes written`);
    if (listGroups(facilitator.doc).length !== 1) effects.add('groups changed');
    const annsDots = listDots(facilitator.doc).filter((d) => d.voterId === annId);
    if (annsDots.length) effects.add(`${annsDots.length} dots in Ann's name`);
    for (const s of [poser, asAnn, asAnnsClient]) s.ws.close();
    const attemptsMade = Object.values(byKind).reduce((a, b) => a + b, 0);
    return { attempts: attemptsMade, byKind, tookEffect: effects.size, effects: [...effects] };
  } finally {
    for (const c of honest) c.destroy();
    await server.close();
    dir.cleanup();
  }
}

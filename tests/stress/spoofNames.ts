/**
 * The spoofing run's attempts to write as someone else, counted one by one: changes at another
 * device's next clocks (Ann's, the facilitator's), which would make that device's own changes vanish
 * as "already known"; and records in Ann's name from participants who did not prove her id: a note
 * she did not write, a stance, a new cluster, an action-card sign-up. Afterwards Ann and the
 * facilitator each write once more: their changes must arrive, and no record may name Ann but hers.
 *
 * Why: nobody may make another participant's writes vanish or write in their name; the report's
 * per-person and per-group figures rest on it.
 */
import * as Y from 'yjs';
import {
  CLUSTER,
  clustersMap,
  createNote,
  listNotes,
  newRecordId,
  notesMap,
  ORIGIN,
  stancesMap,
  VOLUNTEER_PREFIX,
} from '../../shared/index.ts';
import { waitFor, type TestClient } from '../helpers/clients.ts';
import { gcUpdate } from '../helpers/craftedUpdate.ts';
import { openRaw, updateMessage, type RawClient } from '../helpers/rawSocket.ts';

/** What the attempts need of the spoofing run. */
export interface NameAttempts {
  /** The board's websocket address up to the token. */
  readonly ws: string;
  readonly participantToken: string;
  readonly facilitator: TestClient;
  readonly ann: TestClient;
  readonly annId: string;
  /** Attempts per kind. */
  readonly per: number;
  count(kind: string, n?: number): void;
  effect(what: string): void;
  sendAll(socket: RawClient, frames: Uint8Array[]): Promise<void>;
}

/** Join data of a participant proven as someone else (Mallory), or of one that sent no key. */
const mallory = (i: number) => (i % 2 ? '' : `&person=${newRecordId()}&key=mallory-device-key-0123456789`);

/** Runs the attempts above; resolves once the honest devices' last changes have been checked. */
export async function attemptNames(a: NameAttempts): Promise<void> {
  const { ann, facilitator, annId } = a;
  const serverHas = (client: TestClient) => Y.getState(facilitator.doc.store, client.doc.clientID);
  // 1. Writes at Ann's and the facilitator's next clocks: asked for again, never applied.
  for (const [victim, kind] of [[ann, "write at Ann's next clocks"], [facilitator, "write at the facilitator's next clocks"]] as const) {
    const sockets = await Promise.all(Array.from({ length: 5 }, (_, s) => openRaw(a.ws + a.participantToken + mallory(s))));
    const clock = Math.max(serverHas(victim), Y.getState(victim.doc.store, victim.doc.clientID));
    await Promise.all(sockets.map((p) => a.sendAll(p, Array.from({ length: a.per / 5 }, (_, i) => updateMessage(gcUpdate(victim.doc.clientID, clock + i, 3))))));
    a.count(kind, a.per);
    for (const p of sockets) p.ws.close();
  }
  // 2. Records in Ann's name: each closes its socket (4403).
  const noteId = createNote(facilitator.doc, { text: 'Action: a shared care record', x: 0, y: 0, authorId: 'fien-facilitator' }, ORIGIN.local);
  await waitFor(() => notesMap(ann.doc).has(noteId), 'the action card at Ann');
  const forgeries: [string, (d: Y.Doc) => void][] = [
    ['note in Ann\'s name', (d) => void createNote(d, { text: 'spoof: by Ann', x: 0, y: 0, authorId: annId }, ORIGIN.local)],
    ['stance by Ann', (d) => stancesMap(d).set(`${noteId}:youth-group-1`, { stance: 'disagree', by: annId, at: 1 })],
    ['cluster made by Ann', (d) => clustersMap(d).set(newRecordId(), new Y.Map<unknown>([[CLUSTER.label, 'spoof'], [CLUSTER.createdBy, annId], [CLUSTER.createdAt, 1]]))],
    ['sign-up as Ann', (d) => notesMap(d).get(noteId)!.set(`${VOLUNTEER_PREFIX}${annId}`, 'Ann')],
  ];
  for (const [kind, forge] of forgeries) {
    for (let i = 0; i < a.per / 4; i++) {
      const p = await openRaw(a.ws + a.participantToken + mallory(i));
      const d = new Y.Doc();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(facilitator.doc));
      const before = Y.encodeStateVector(d);
      forge(d);
      p.ws.send(updateMessage(Y.encodeStateAsUpdate(d, before)));
      // Refused, it closes at once; one that is not closed by then has had its chance.
      await Promise.race([p.closed, new Promise((r) => setTimeout(r, 2000))]);
      p.ws.close();
      a.count(kind);
    }
  }
  // 3. Both honest devices write once more; what they write arrives, under the IDs they had.
  const annClient = ann.doc.clientID;
  const facilitatorClient = facilitator.doc.clientID;
  createNote(ann.doc, { text: "Ann's last word", x: 0, y: 0, authorId: annId }, ORIGIN.local);
  createNote(facilitator.doc, { text: "The facilitator's last word", x: 0, y: 0, authorId: 'fien-facilitator' }, ORIGIN.local);
  try {
    await waitFor(() => listNotes(facilitator.doc).some((n) => n.text === "Ann's last word") && listNotes(ann.doc).some((n) => n.text === "The facilitator's last word"), 'the last words', 10_000);
  } catch {
    a.effect("an honest device's change vanished");
  }
  if (ann.doc.clientID !== annClient) a.effect("Ann's client ID was written by someone else");
  if (facilitator.doc.clientID !== facilitatorClient) a.effect("the facilitator's client ID was written by someone else");
  const byAnn = listNotes(facilitator.doc).filter((n) => n.authorId === annId && n.text !== "Ann's last word");
  if (byAnn.length) a.effect(`${byAnn.length} notes in Ann's name`);
  for (const [key, value] of stancesMap(facilitator.doc)) if ((value as { by?: string }).by === annId) a.effect(`stance ${key} by Ann`);
  for (const [id, c] of clustersMap(facilitator.doc)) if (c.get(CLUSTER.createdBy) === annId) a.effect(`cluster ${id} made by Ann`);
  if (notesMap(facilitator.doc).get(noteId)?.has(`${VOLUNTEER_PREFIX}${annId}`)) a.effect('Ann signed up by someone else');
}

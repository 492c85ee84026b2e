/**
 * Integration: the tools the facilitator lets participants use (notes only, notes and votes,
 * everything). A participant's area, connector, cluster, action card, or (with notes only) dot is
 * refused (4403) while that tool is off and accepted when it is on; notes always go through; the
 * facilitator is never refused; an offline tablet's update that mixes notes with a switched-off tool
 * is refused whole. Real server, real SQLite, stock y-websocket clients.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CLOSE,
  createArea,
  createCluster,
  createConnector,
  createNote,
  deleteNotes,
  listAreas,
  listNotes,
  newRecordId,
  openVote,
  ORIGIN,
  placeDot,
  setActionCard,
  setNotesCluster,
  setParticipantTools,
  setVolunteer,
  type ParticipantTools,
} from '../../shared/index.ts';
import { connectClient, sleep, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { serverPerFile } from '../helpers/fileServer.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';

const file = serverPerFile();
const REFUSED = { code: CLOSE.toolSwitchedOff.code, reason: CLOSE.toolSwitchedOff.reason };
type Board = { id: string; links: { participant: string; facilitator: string } };
type Outcome = 'open' | { code: number; reason: string };

/** A board with two notes, an open vote, and the facilitator connected. */
async function board() {
  const b = (await createBoard(file.server.localUrl, 'Tools')) as Board;
  const facilitator = connectClient(file.server.localUrl, b.id, tokenOf(b.links.facilitator));
  file.clients.push(facilitator);
  await waitSynced(facilitator);
  const notes = ['Wachtlijsten', 'Care at home'].map((text, i) => createNote(facilitator.doc, { text, x: i * 200, y: 0, authorId: 'fien' }, ORIGIN.local));
  const voteId = openVote(facilitator.doc, { title: 'Wat telt?', dots: 3 }, ORIGIN.local);
  return { b, facilitator, notes, voteId };
}

/** Makes `change` as the proven participant `person` on a fresh client; how its socket ended within 0.8 s. */
async function tryAs(b: Board, person: string, change: (doc: Y.Doc) => void): Promise<Outcome> {
  const c: TestClient = connectClient(file.server.localUrl, b.id, tokenOf(b.links.participant), new Y.Doc(), { person, key: `${person}-device-key-0123456789` });
  file.clients.push(c);
  await waitSynced(c);
  await waitFor(() => listNotes(c.doc).length >= 2, 'the notes at the participant');
  const closed = new Promise<Outcome>((resolve) => c.provider.on('connection-close', (event: CloseEvent | null) => event && resolve({ code: event.code, reason: event.reason })));
  change(c.doc);
  const outcome = await Promise.race([closed, sleep(800).then(() => 'open' as const)]);
  c.destroy();
  return outcome;
}

/** One change of each kind a setting can switch off, as a participant would make it. */
function changes(notes: string[], voteId: string, person: string): Array<[string, (d: Y.Doc) => void]> {
  return [
    ['an area', (d) => void createArea(d, { name: 'Tafel 3', x: 0, y: 400 }, ORIGIN.local)],
    ['a connector', (d) => void createConnector(d, notes[0]!, notes[1]!, '', ORIGIN.local)],
    ['a cluster', (d) => void createCluster(d, [notes[0]!, notes[1]!], 'Zorg', ORIGIN.local, person)],
    ['an action card', (d) => setActionCard(d, notes[1]!, true, ORIGIN.local)],
    ['a dot', (d) => void placeDot(d, { voteId, itemId: notes[0]!, voterId: person, groupId: null }, ORIGIN.local)],
  ];
}

async function setTools(facilitator: TestClient, tools: ParticipantTools, participants: Board, probe: string) {
  setParticipantTools(facilitator.doc, tools, ORIGIN.local);
  // The setting is on the server once a fresh participant reads it.
  const c = connectClient(file.server.localUrl, participants.id, tokenOf(participants.links.participant), new Y.Doc(), { person: probe, key: `${probe}-device-key-0123456789` });
  file.clients.push(c);
  await waitFor(() => c.doc.getMap('facilitation').get('participantTools') === tools, `${tools} on the server`);
  c.destroy();
}

describe('tools the facilitator lets participants use', () => {
  it('notes only: areas, connectors, clusters, action cards and dots are refused; notes go through', async () => {
    const { b, facilitator, notes, voteId } = await board();
    await setTools(facilitator, 'notes', b, newRecordId());
    for (const [what, change] of changes(notes, voteId, 'ann-0001')) expect(await tryAs(b, 'ann-0001', change), what).toEqual(REFUSED);
    const me = newRecordId();
    expect(await tryAs(b, me, (d) => void createNote(d, { text: 'Mijn idee', x: 0, y: 300, authorId: me }, ORIGIN.local))).toBe('open');
    await waitFor(() => listNotes(facilitator.doc).some((n) => n.text === 'Mijn idee'), 'the participant’s note');
    expect(listAreas(facilitator.doc)).toEqual([]);
  });

  it('notes and votes: dots go through, the rest stays refused', async () => {
    const { b, facilitator, notes, voteId } = await board();
    await setTools(facilitator, 'notesAndVotes', b, newRecordId());
    for (const [what, change] of changes(notes, voteId, 'ann-0001')) {
      expect(await tryAs(b, 'ann-0001', change), what).toEqual(what === 'a dot' ? 'open' : REFUSED);
    }
  });

  it('everything, set again after notes only, lets every kind through; the facilitator is never refused', async () => {
    const { b, facilitator, notes, voteId } = await board();
    await setTools(facilitator, 'notes', b, newRecordId());
    for (const [, change] of changes(notes, voteId, 'fien')) change(facilitator.doc);
    await sleep(300);
    expect(facilitator.provider.wsconnected).toBe(true);
    expect(listAreas(facilitator.doc)).toHaveLength(1);
    const [what, area] = changes(notes, voteId, 'ann-0001')[0]!;
    expect(await tryAs(b, 'ann-0001', area), what).toEqual(REFUSED);
    await setTools(facilitator, 'everything', b, newRecordId());
    for (const [what, change] of changes(notes, voteId, 'ann-0001')) expect(await tryAs(b, 'ann-0001', change), what).toBe('open');
    await waitFor(() => listAreas(facilitator.doc).length === 2, 'the participant’s area');
  });

  it('with notes only, deleting a note takes its connectors along; moving a note out of a cluster or a volunteer is refused', async () => {
    const { b, facilitator, notes } = await board();
    createConnector(facilitator.doc, notes[0]!, notes[1]!, 'leads to', ORIGIN.local);
    const cluster = createCluster(facilitator.doc, [notes[0]!, notes[1]!], 'Zorg', ORIGIN.local, 'fien');
    setActionCard(facilitator.doc, notes[1]!, true, ORIGIN.local);
    await setTools(facilitator, 'notes', b, newRecordId());
    expect(await tryAs(b, newRecordId(), (d) => setNotesCluster(d, new Map([[notes[0]!, null]]), ORIGIN.local))).toEqual(REFUSED);
    expect(await tryAs(b, 'bram-0001', (d) => setVolunteer(d, notes[1]!, 'bram-0001', 'Bram', ORIGIN.local))).toEqual(REFUSED);
    expect(await tryAs(b, newRecordId(), (d) => d.getMap('connectors').forEach((_, id) => d.getMap('connectors').delete(id)))).toEqual(REFUSED);
    // A note in a cluster, with a connector, deleted whole: allowed.
    expect(await tryAs(b, newRecordId(), (d) => deleteNotes(d, [notes[0]!], ORIGIN.local))).toBe('open');
    await waitFor(() => facilitator.doc.getMap('connectors').size === 0, 'the connector gone with its note');
    expect(facilitator.doc.getMap('clusters').has(cluster)).toBe(true);
  });

  it('an offline tablet’s notes and cluster, sent together after the switch to notes only, are refused whole (4403)', async () => {
    const { b, facilitator, notes } = await board();
    const tablet = connectClient(file.server.localUrl, b.id, tokenOf(b.links.participant), new Y.Doc(), { person: 'ann-0001', key: 'ann-0001-device-key-0123456789' });
    file.clients.push(tablet);
    await waitSynced(tablet);
    await waitFor(() => listNotes(tablet.doc).length === 2, 'the notes at the tablet');
    tablet.provider.disconnect();
    const written = createNote(tablet.doc, { text: 'Offline geschreven', x: 0, y: 300, authorId: 'ann-0001' }, ORIGIN.local);
    createCluster(tablet.doc, [written, notes[0]!], 'Zorg', ORIGIN.local, 'ann-0001');
    await setTools(facilitator, 'notes', b, newRecordId());
    const closed = new Promise<Outcome>((resolve) => tablet.provider.on('connection-close', (event: CloseEvent | null) => event && resolve({ code: event.code, reason: event.reason })));
    tablet.provider.connect();
    expect(await Promise.race([closed, sleep(3000).then(() => 'open' as const)])).toEqual(REFUSED);
    // Nothing of it is applied: the tablet's client keeps its notes and offers them again (the refusal dialog).
    await sleep(200);
    expect(listNotes(facilitator.doc).map((n) => n.text)).not.toContain('Offline geschreven');
    expect(listNotes(tablet.doc).map((n) => n.text)).toContain('Offline geschreven');
  });
});

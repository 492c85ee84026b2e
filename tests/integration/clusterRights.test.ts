/**
 * Integration: a cluster is renamed, merged away or dissolved only by whoever made it or by the
 * facilitator; the server refuses anyone else's change (4403) and keeps the cluster as it was.
 * Putting notes in and taking them out stays open to all. Real server, real SQLite, real y-websocket
 * clients.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCluster, createNote, dissolveCluster, listClusters, listNotes, mergeClusters, newRecordId, ORIGIN, renameCluster, setNotesCluster } from '../../shared/index.ts';
import { connectClient, outcomeOf, sleep, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { serverPerFile } from '../helpers/fileServer.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';

const file = serverPerFile();
const REFUSED = { code: 4403, reason: 'only the facilitator or its maker may rename or dissolve a cluster' };

type Board = { id: string; links: { participant: string; facilitator: string } };

/** A participant proven as `person` (its device key), synced with the board. */
async function participant(board: Board, person: string): Promise<TestClient> {
  const c = connectClient(file.server.localUrl, board.id, tokenOf(board.links.participant), new Y.Doc(), { person, key: `${person}-device-key-0123456789` });
  file.clients.push(c);
  await waitSynced(c);
  return c;
}

/** Makes `change` as the proven participant `person` on a fresh client; how its socket ended within 0.8 s. */
async function tryAs(board: Board, person: string, change: (doc: Y.Doc) => void): Promise<'open' | { code: number; reason: string }> {
  return outcomeOf(await participant(board, person), change);
}

async function boardWithClusters() {
  const board = (await createBoard(file.server.localUrl, 'Clusters')) as Board;
  const facilitator = connectClient(file.server.localUrl, board.id, tokenOf(board.links.facilitator));
  file.clients.push(facilitator);
  await waitSynced(facilitator);
  const annId = newRecordId();
  const bramId = newRecordId();
  const notes = ['Wachtlijsten', 'Waiting lists', 'Zorg thuis', 'Care at home'].map((text, i) =>
    createNote(facilitator.doc, { text, x: i * 200, y: 0, authorId: annId }, ORIGIN.local),
  );
  const facilitatorsCluster = createCluster(facilitator.doc, [notes[0]!], 'Facilitator’s', ORIGIN.local, 'fien');
  const ann = await participant(board, annId);
  await waitFor(() => listNotes(ann.doc).length === 4, 'the notes at Ann');
  const annsCluster = createCluster(ann.doc, [notes[1]!, notes[2]!], 'Ann’s', ORIGIN.local, annId);
  await waitFor(() => listClusters(facilitator.doc).length === 2, 'Ann’s cluster at the facilitator');
  return { board, facilitator, ann, annId, bramId, notes, facilitatorsCluster, annsCluster };
}

const labels = (doc: Y.Doc) => Object.fromEntries(listClusters(doc).map((c) => [c.id, `${c.label}${c.mergedInto ? ' (merged)' : ''}`]));

describe('who may rename and dissolve a cluster', () => {
  it('another participant’s rename, merge or dissolve is refused (4403) and changes nothing', async () => {
    const { board, facilitator, bramId, facilitatorsCluster, annsCluster } = await boardWithClusters();
    const before = labels(facilitator.doc);
    expect(listClusters(facilitator.doc).find((c) => c.id === annsCluster)?.createdBy).not.toBeNull();
    for (const [what, change] of [
      ['rename Ann’s', (d: Y.Doc) => renameCluster(d, annsCluster, 'Bram was here', ORIGIN.local)],
      ['dissolve Ann’s', (d: Y.Doc) => dissolveCluster(d, annsCluster, ORIGIN.local)],
      ['merge Ann’s away', (d: Y.Doc) => mergeClusters(d, annsCluster, facilitatorsCluster, ORIGIN.local)],
      ['rename the facilitator’s', (d: Y.Doc) => renameCluster(d, facilitatorsCluster, 'Bram was here', ORIGIN.local)],
      ['dissolve the facilitator’s', (d: Y.Doc) => dissolveCluster(d, facilitatorsCluster, ORIGIN.local)],
      ['replace Ann’s', (d: Y.Doc) => d.getMap('clusters').set(annsCluster, new Y.Map())],
    ] as const) {
      expect(await tryAs(board, bramId, change), what).toEqual(REFUSED);
    }
    // Someone who proved no id at all may not either.
    expect(await tryAs(board, '', (d) => renameCluster(d, annsCluster, 'Anonymous', ORIGIN.local))).toEqual(REFUSED);
    await sleep(200);
    expect(labels(facilitator.doc)).toEqual(before);
  });

  it('putting notes into another’s cluster and taking them out is open to everyone', async () => {
    const { board, facilitator, bramId, notes, annsCluster } = await boardWithClusters();
    expect(await tryAs(board, bramId, (d) => setNotesCluster(d, new Map([[notes[3]!, annsCluster], [notes[1]!, null]]), ORIGIN.local))).toBe('open');
    await waitFor(() => listNotes(facilitator.doc).find((n) => n.id === notes[3])?.clusterId === annsCluster, 'Bram’s note in Ann’s cluster');
  });

  it('the maker renames and dissolves her own; the facilitator renames and dissolves anyone’s', async () => {
    const { board, facilitator, ann, annId, bramId, notes, annsCluster, facilitatorsCluster } = await boardWithClusters();
    renameCluster(ann.doc, annsCluster, 'Wachttijden', ORIGIN.local);
    await waitFor(() => labels(facilitator.doc)[annsCluster] === 'Wachttijden', 'Ann’s rename at the facilitator');
    // Her dissolve, undone and done again (the undo toast's Undo).
    const undo = new Y.UndoManager([ann.doc.getMap('clusters'), ann.doc.getMap('notes')], { trackedOrigins: new Set([ORIGIN.local]) });
    dissolveCluster(ann.doc, annsCluster, ORIGIN.local);
    await waitFor(() => !(annsCluster in labels(facilitator.doc)), 'Ann’s dissolve at the facilitator');
    undo.undo();
    await waitFor(() => labels(facilitator.doc)[annsCluster] === 'Wachttijden', 'Ann’s undone dissolve at the facilitator');
    undo.stopCapturing();
    dissolveCluster(ann.doc, annsCluster, ORIGIN.local);
    await waitFor(() => !(annsCluster in labels(facilitator.doc)), 'Ann’s dissolve again at the facilitator');
    expect(ann.provider.wsconnected).toBe(true);

    const bramsCluster = await (async () => {
      const bram = await participant(board, bramId);
      const id = createCluster(bram.doc, [notes[3]!], 'Bram’s', ORIGIN.local, bramId);
      await waitFor(() => id in labels(facilitator.doc), 'Bram’s cluster at the facilitator');
      return id;
    })();
    renameCluster(facilitator.doc, bramsCluster, 'Renamed by the facilitator', ORIGIN.local);
    renameCluster(facilitator.doc, facilitatorsCluster, 'Still the facilitator’s', ORIGIN.local);
    await waitFor(() => labels(ann.doc)[bramsCluster] === 'Renamed by the facilitator', 'the facilitator’s rename at Ann');
    dissolveCluster(facilitator.doc, bramsCluster, ORIGIN.local);
    await waitFor(() => !(bramsCluster in labels(ann.doc)), 'the facilitator’s dissolve at Ann');
    expect(facilitator.provider.wsconnected).toBe(true);
    expect(labels(ann.doc)).toEqual({ [facilitatorsCluster]: 'Still the facilitator’s' });
  });
});

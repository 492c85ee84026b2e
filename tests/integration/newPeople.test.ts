/**
 * Integration: new participant ids are bound to device keys only within the hour's budget
 * (OLIFANT_NEW_PEOPLE_PER_HOUR); past it a new id joins unproven, ids already bound keep working.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newRecordId } from '../../shared/index.ts';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { serverPerFile } from '../helpers/fileServer.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';

const running = serverPerFile({ newPeoplePerHour: 2 });

describe('new participant ids per hour', () => {
  it('binds two new ids, joins the third unproven, and an id bound before stays proven', async () => {
    const board = await createBoard(running.server.localUrl, 'Budget');
    const join = async (person: string) => {
      const c = connectClient(running.server.localUrl, board.id, tokenOf(board.links.participant), new Y.Doc(), { person, key: `${person}-device-key-0123456789` });
      running.clients.push(c);
      await waitSynced(c);
      c.provider.awareness.setLocalState({ user: { name: person, id: person } });
      return c;
    };
    const watcher = connectClient(running.server.localUrl, board.id, tokenOf(board.links.participant));
    running.clients.push(watcher);
    await waitSynced(watcher);
    const idSeen = async (c: TestClient) => {
      await waitFor(() => watcher.provider.awareness.getStates().has(c.doc.clientID), 'the state at the watcher');
      return (watcher.provider.awareness.getStates().get(c.doc.clientID) as { user: { id: string } }).user.id;
    };
    const [ann, bram, carl] = [newRecordId(), newRecordId(), newRecordId()];
    expect(await idSeen(await join(ann))).toBe(ann);
    expect(await idSeen(await join(bram))).toBe(bram);
    expect(await idSeen(await join(carl))).toBe(''); // the hour's budget is spent
    expect(await idSeen(await join(ann))).toBe(ann); // Ann's second device: her id is already bound
    const metrics = await (await fetch(`${running.server.localUrl}/metrics`)).text();
    expect(metrics).toMatch(/olifant_errors_total\{kind="new_people_budget"\} 1/);
  });
});

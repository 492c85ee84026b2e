/**
 * Crowd presence against the real server with stock providers: above the board's threshold a device
 * is sent the named presence of the facilitator and of the people at its own area only, the rest as
 * head counts in the server's summary; someone who leaves its area is removed there. Below the
 * threshold everyone is relayed to everyone, as before.
 */
import { expect, it } from 'vitest';
import { forgetRemovedStates } from '../../client/sync/crowdAwareness.ts';
import { ORIGIN, readCrowdSummary, setCrowdPresence } from '../../shared/index.ts';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { serverPerFile } from '../helpers/fileServer.ts';

const running = serverPerFile();
const clients = running.clients;

type Board = Awaited<ReturnType<typeof createBoard>>;

function join(board: Board, role: 'facilitator' | 'participant', name: string, place: string | null): TestClient {
  const c = connectClient(running.server.localUrl, board.id, tokenOf(board.links[role]));
  clients.push(c);
  forgetRemovedStates(c.provider.awareness); // as Olifant's own client does
  c.provider.awareness.setLocalState({ user: { name, color: '#336699', groupId: null, id: '', role }, cursor: { x: 1, y: 1 }, busy: [], place });
  return c;
}

/** The named people `viewer` holds (awareness states with a user, not its own). */
const namesAt = (viewer: TestClient) =>
  [...viewer.provider.awareness.getStates()]
    .filter(([id, s]) => id !== viewer.doc.clientID && (s as { user?: unknown }).user)
    .map(([, s]) => (s as { user: { name: string } }).user.name)
    .sort();

const summaryAt = (viewer: TestClient) => {
  for (const state of viewer.provider.awareness.getStates().values()) {
    const summary = readCrowdSummary(state);
    if (summary) return summary;
  }
  return null;
};

it('in a crowd, a device is sent its own area’s people and the facilitator by name, and head counts for the rest', async () => {
  const board = await createBoard(running.server.localUrl, 'Crowd');
  const facilitator = join(board, 'facilitator', 'Fa', null);
  await waitSynced(facilitator);
  setCrowdPresence(facilitator.doc, { threshold: 4 }, ORIGIN.local);
  const viewer = join(board, 'participant', 'Viewer', 'area-a');
  const a = ['A1', 'A2'].map((n) => join(board, 'participant', n, 'area-a'));
  const b = ['B1', 'B2', 'B3'].map((n) => join(board, 'participant', n, 'area-b'));
  const nowhere = join(board, 'participant', 'N1', null);
  await Promise.all([viewer, ...a, ...b, nowhere].map((c) => waitSynced(c)));

  await waitFor(() => summaryAt(viewer)?.people === 8, 'the crowd summary of 8 people');
  await waitFor(() => namesAt(viewer).join() === 'A1,A2,Fa', 'only area A and the facilitator by name');
  // Let every batch arrive: still nobody from B or from no area.
  await new Promise((r) => setTimeout(r, 300));
  expect(namesAt(viewer)).toEqual(['A1', 'A2', 'Fa']);
  expect(summaryAt(viewer)!.counts).toEqual({ 'area-a': 3, 'area-b': 3, '': 2 });
  // The facilitator's screen is sent everyone (raised hands and seating read names).
  await waitFor(() => namesAt(facilitator).length === 7, 'everyone at the facilitator');
  // B's device holds B's people, not A's.
  await waitFor(() => namesAt(b[0]!).join() === 'B2,B3,Fa', 'area B at B1');

  // A2 walks over to B: gone from the viewer, counted in B.
  a[1]!.provider.awareness.setLocalStateField('place', 'area-b');
  await waitFor(() => namesAt(viewer).join() === 'A1,Fa', 'A2’s state removed at the viewer');
  await waitFor(() => summaryAt(viewer)?.counts['area-b'] === 4, 'A2 counted in area B', 5000);
  await waitFor(() => namesAt(b[0]!).join() === 'A2,B2,B3,Fa', 'A2 arrives at B1');
  // And comes back.
  a[1]!.provider.awareness.setLocalStateField('place', 'area-a');
  await waitFor(() => namesAt(viewer).join() === 'A1,A2,Fa', 'A2 back at the viewer');

  // The viewer moves to B: B's people are sent to it.
  viewer.provider.awareness.setLocalStateField('place', 'area-b');
  await waitFor(() => namesAt(viewer).join() === 'B1,B2,B3,Fa', 'B’s people at the viewer after it moved, A’s gone');
});

it('up to the threshold everyone is relayed to everyone; one more person makes the board a crowd', async () => {
  const board = await createBoard(running.server.localUrl, 'Small room');
  const facilitator = join(board, 'facilitator', 'Fa', null);
  await waitSynced(facilitator);
  setCrowdPresence(facilitator.doc, { threshold: 5 }, ORIGIN.local);
  const viewer = join(board, 'participant', 'Viewer', 'area-a');
  const others = [join(board, 'participant', 'B1', 'area-b'), join(board, 'participant', 'N1', null), join(board, 'participant', 'A1', 'area-a')];
  await Promise.all([viewer, ...others].map((c) => waitSynced(c)));
  await waitFor(() => namesAt(viewer).join() === 'A1,B1,Fa,N1', 'everyone at the viewer');
  await new Promise((r) => setTimeout(r, 300));
  expect(summaryAt(viewer)).toBeNull();
  expect(namesAt(viewer)).toEqual(['A1', 'B1', 'Fa', 'N1']);
  // Five people is not more than five; a sixth is.
  const sixth = join(board, 'participant', 'B2', 'area-b');
  await waitSynced(sixth);
  await waitFor(() => summaryAt(viewer)?.people === 6, 'a crowd of 6');
  await waitFor(() => namesAt(viewer).join() === 'A1,Fa', 'only area A and the facilitator by name');
});

it('a room that grows past the threshold and shrinks back ends with everyone at everyone', async () => {
  const board = await createBoard(running.server.localUrl, 'Growing');
  const facilitator = join(board, 'facilitator', 'Fa', null);
  await waitSynced(facilitator);
  setCrowdPresence(facilitator.doc, { threshold: 4 }, ORIGIN.local);
  const viewer = join(board, 'participant', 'Viewer', 'area-a');
  const b1 = join(board, 'participant', 'B1', 'area-b');
  await Promise.all([viewer, b1].map((c) => waitSynced(c)));
  await waitFor(() => namesAt(viewer).join() === 'B1,Fa', 'everyone while small');
  const more = [join(board, 'participant', 'B2', 'area-b'), join(board, 'participant', 'B3', 'area-b')];
  await Promise.all(more.map((c) => waitSynced(c)));
  await waitFor(() => summaryAt(viewer)?.people === 5, 'a crowd of 5');
  await waitFor(() => namesAt(viewer).join() === 'Fa', 'B’s people removed at the viewer');
  for (const c of more) c.destroy();
  await waitFor(() => summaryAt(viewer) === null, 'no summary once the room is small again');
  await waitFor(() => namesAt(viewer).join() === 'B1,Fa', 'B1 sent again');
});

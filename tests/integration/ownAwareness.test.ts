/**
 * What a client sends of awareness, against the real server: Olifant's client sends its own changes
 * only, while the stock provider sends back everyone's it receives (which the server throws away).
 */
import { expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { sendOwnAwarenessOnly } from '../../client/sync/ownAwareness.ts';
import { MESSAGE_AWARENESS } from '../../shared/index.ts';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { serverPerFile } from '../helpers/fileServer.ts';

const running = serverPerFile();
const clients = running.clients;

/** Records the awareness client IDs in every message `client` sends from now on. */
function recordAwarenessSent(client: TestClient): number[] {
  const ids: number[] = [];
  const ws = client.provider.ws!;
  const send = ws.send.bind(ws);
  ws.send = (data: Parameters<WebSocket['send']>[0]) => {
    const decoder = decoding.createDecoder(new Uint8Array(data as ArrayBuffer));
    if (decoding.readVarUint(decoder) === MESSAGE_AWARENESS) {
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      for (let n = decoding.readVarUint(update); n > 0; n--) {
        ids.push(decoding.readVarUint(update));
        decoding.readVarUint(update); // clock
        decoding.readVarString(update); // state
      }
    }
    send(data);
  };
  return ids;
}

const cursorOf = (watcher: TestClient, of: TestClient) => (watcher.provider.awareness.getStates().get(of.doc.clientID) as { cursor?: { x: number } } | undefined)?.cursor?.x;

it('sends its own awareness changes and none of the others’ it receives (the stock provider does)', async () => {
  const board = await createBoard(running.server.localUrl, 'Cursors');
  const join = () => {
    const c = connectClient(running.server.localUrl, board.id, tokenOf(board.links.participant));
    clients.push(c);
    return c;
  };
  const quiet = join();
  sendOwnAwarenessOnly(quiet.provider);
  const stock = join();
  const mover = join();
  await Promise.all([quiet, stock, mover].map((c) => waitSynced(c)));
  const sentByQuiet = recordAwarenessSent(quiet);
  const sentByStock = recordAwarenessSent(stock);
  for (let x = 1; x <= 5; x++) {
    mover.provider.awareness.setLocalStateField('cursor', { x });
    await waitFor(() => cursorOf(quiet, mover) === x && cursorOf(stock, mover) === x, `cursor ${x} at both`);
  }
  quiet.provider.awareness.setLocalStateField('cursor', { x: 99 });
  await waitFor(() => cursorOf(mover, quiet) === 99, 'the quiet client’s own cursor at the others');
  expect(sentByQuiet).toContain(quiet.doc.clientID);
  expect(sentByQuiet).not.toContain(mover.doc.clientID);
  expect(sentByStock).toContain(mover.doc.clientID);
});

it('destroying the provider removes the handler that replaced the stock one', async () => {
  const board = await createBoard(running.server.localUrl, 'Handlers');
  const client = connectClient(running.server.localUrl, board.id, tokenOf(board.links.participant));
  await waitSynced(client);
  const handlers = () => (client.provider.awareness as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update')?.size ?? 0;
  const before = handlers();
  sendOwnAwarenessOnly(client.provider);
  expect(handlers()).toBe(before);
  client.destroy();
  expect(handlers()).toBe(before - 1);
});

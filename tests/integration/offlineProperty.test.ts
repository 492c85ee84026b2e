/**
 * Property test (fast-check) against the real server: 2-5 clients with random online/offline
 * schedules, random edits and server restarts always converge, with every note that was made and not
 * deleted present exactly once.
 *
 * Why: offline tablets merge later in any order; the promise "nothing lost, nothing doubled" must hold
 * for every schedule, not just the ones we thought of. fast-check prints the seed and the shrunk
 * counterexample of a failure; keep it below as a named regression case.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNote, deleteNotes, listNotes, moveNotes, ORIGIN, readNote, setNoteText } from '../../shared/index.ts';
import type { RunningServer } from '../../server/server.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts';
import { startForwarder, type Forwarder } from '../helpers/proxy.ts';
import { createBoard, startTestServer, tempDir } from '../helpers/server.ts';

type Op =
  | { kind: 'create'; client: number; text: string }
  | { kind: 'move'; client: number; pick: number; x: number }
  | { kind: 'text'; client: number; pick: number; text: string }
  | { kind: 'delete'; client: number; pick: number }
  | { kind: 'offline'; client: number }
  | { kind: 'online'; client: number }
  | { kind: 'restart' };

const dir = tempDir('olifant-prop-');
let server: RunningServer;
let front: Forwarder;

beforeAll(async () => {
  server = await startTestServer(dir.path);
  front = await startForwarder(server.port);
});
afterAll(async () => {
  await front.close();
  await server.close();
  dir.cleanup();
}, 60_000);

const opArb = (clients: number): fc.Arbitrary<Op> => {
  const client = fc.integer({ min: 0, max: clients - 1 });
  const pick = fc.nat({ max: 50 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), client, text: fc.string({ maxLength: 6 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), client, pick, x: fc.integer({ min: -500, max: 500 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('text' as const), client, pick, text: fc.string({ maxLength: 6 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), client, pick }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('offline' as const), client }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('online' as const), client }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  );
};

const scenarioArb = fc.integer({ min: 2, max: 5 }).chain((clients) => fc.record({ clients: fc.constant(clients), ops: fc.array(opArb(clients), { minLength: 5, maxLength: 40 }) }));

async function runScenario({ clients: count, ops }: { clients: number; ops: Op[] }): Promise<void> {
  const board = await createBoard(server.localUrl, 'Property'); // HTTP straight to the server; sockets go through the forwarder
  const token = new URL(board.links.participant).hash.slice('#token='.length);
  const clients: TestClient[] = [];
  for (let i = 0; i < count; i++) clients.push(connectClient(front.url, board.id, token));
  await waitFor(() => clients.every((c) => c.provider.synced), 'clients to sync');
  const created = new Set<string>();
  const deleted = new Set<string>();
  try {
    for (const op of ops) {
      if (op.kind === 'restart') {
        await server.close();
        server = await startTestServer(dir.path);
        front.retarget(server.port);
        continue;
      }
      const c = clients[op.client]!;
      const ids = listNotes(c.doc).map((n) => n.id);
      const target = ids.length ? ids[('pick' in op ? op.pick : 0) % ids.length]! : undefined;
      switch (op.kind) {
        case 'create':
          created.add(createNote(c.doc, { text: op.text, x: 0, y: 0, authorId: `c${op.client}` }, ORIGIN.local));
          break;
        case 'move':
          if (target) moveNotes(c.doc, [{ id: target, x: op.x, y: 1 }], ORIGIN.local);
          break;
        case 'text':
          if (target && readNote(c.doc, target)) setNoteText(c.doc, target, op.text, ORIGIN.local);
          break;
        case 'delete':
          if (target) {
            deleteNotes(c.doc, [target], ORIGIN.local);
            deleted.add(target);
          }
          break;
        case 'offline':
          c.provider.disconnect();
          break;
        case 'online':
          c.provider.connect();
          break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    for (const c of clients) c.provider.connect();
    const expected = [...created].filter((id) => !deleted.has(id)).sort();
    const ids = (c: TestClient) => listNotes(c.doc).map((n) => n.id).sort();
    // Every client back on line and synced (a client still reconnecting holds only its own copy).
    await waitFor(
      () => clients.every((c) => c.provider.wsconnected && c.provider.synced) &&
        clients.every((c) => JSON.stringify(ids(c)) === JSON.stringify(expected)) &&
        clients.every((c) => JSON.stringify(listNotes(c.doc)) === JSON.stringify(listNotes(clients[0]!.doc))),
      'every client to hold the same board with each surviving note exactly once',
      20_000,
    );
    // A fresh client gets the same board from the server alone. (Its first sync may come before the
    // server has received a change still on its way from another client; that change follows.)
    const fresh = connectClient(front.url, board.id, token);
    clients.push(fresh);
    await waitFor(() => fresh.provider.synced, 'a fresh client to sync');
    const board0 = () => JSON.stringify(listNotes(clients[0]!.doc));
    await waitFor(() => JSON.stringify(listNotes(fresh.doc)) === board0(), 'the fresh client to hold the same board', 10_000).catch(() => undefined);
    expect(listNotes(fresh.doc)).toEqual(listNotes(clients[0]!.doc));
  } finally {
    clients.forEach((c) => c.destroy());
  }
}

describe('offline merge through the real server (fast-check)', () => {
  it('random schedules of offline clients, edits and server restarts converge; nothing lost or doubled', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, runScenario), { numRuns: 25, verbose: 1, endOnFailure: true, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: false });
  }, 120_000);

  // Failing cases found by the property above, kept by name.
  it('regression 578061682: a fresh client joining while a delete is still on its way gets it after its first sync', () =>
    runScenario({
      clients: 2,
      ops: [
        { kind: 'create', client: 0, text: 'l8f)' },
        { kind: 'delete', client: 0, pick: 29 },
        { kind: 'online', client: 1 },
        { kind: 'text', client: 0, pick: 3, text: 'a' },
        { kind: 'move', client: 0, pick: 25, x: -2 },
        { kind: 'offline', client: 1 },
      ],
    }));
});

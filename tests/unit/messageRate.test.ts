/**
 * A connection's message rate over a real socket: messages past the bucket wait their turn, and each
 * turn handles only what the bucket held when it began.
 *
 * Why: a turn that kept taking tokens earned while its own messages were handled would, with messages
 * slower than the rate's interval, empty the whole backlog in one go and hold every other board on the
 * server up meanwhile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createMetrics } from '../../server/metrics/metrics.ts';
import { Connection } from '../../server/rooms/connection.ts';

const servers: WebSocketServer[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** The server side of a fresh socket pair on an ephemeral port, and its client. */
async function socketPair(): Promise<{ server: WebSocket; client: WebSocket }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(wss);
  await new Promise((r) => wss.once('listening', r));
  const { port } = wss.address() as { port: number };
  const accepted = new Promise<WebSocket>((r) => wss.once('connection', r));
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((r) => client.once('open', r));
  return { server: await accepted, client };
}

function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe("a connection's message rate", () => {
  it('handles a backlog of slow messages over many turns of the event loop, never all in one', async () => {
    const { server, client } = await socketPair();
    const conn = new Connection(server, 'participant', createMetrics(), 1, { messagesPerSecond: 100 });
    // A turn of the event loop is counted by a setImmediate chain: messages handled in one timer
    // callback see the same turn.
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    // The burst (two seconds' worth) goes through at once; then 40 messages, each handled more slowly
    // (12 ms) than the rate earns a token (10 ms), wait their turn.
    for (let i = 0; i < 200; i++) conn.admit(10, () => undefined);
    const turns: number[] = [];
    const done = new Promise<void>((resolve) => {
      for (let i = 0; i < 40; i++) {
        conn.admit(10, () => {
          turns.push(turn);
          busyFor(12);
          if (turns.length === 40) resolve();
        });
      }
    });
    await done;
    ticking = false;
    const perTurn = new Map<number, number>();
    for (const t of turns) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
    expect(turns).toHaveLength(40);
    // Each turn takes the tokens the bucket held when it began: one, then a few more as the slow
    // messages earn them. Taking tokens as they are earned would handle all 40 in the first turn.
    // (On a busy machine a 12 ms wait can last much longer and earn more tokens, so the bounds leave
    // room for that: still far from all in one turn.)
    expect(perTurn.size).toBeGreaterThanOrEqual(4);
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(20);
    client.close();
  });
});

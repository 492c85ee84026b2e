/**
 * Test helper: stock y-websocket providers (with `ws` in Node) and polling waits.
 *
 * Why: integration tests must use the same provider a browser uses. BroadcastChannel is disabled,
 * or two providers in one process would sync without the server and prove nothing.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

// Each Node provider adds a process 'exit' listener (y-websocket); the crash trials hold 64 at once.
// A bound, not 0, so a test that leaks providers by the hundred still warns.
process.setMaxListeners(200);

export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  destroy(): void;
}

/** Connects a provider for `boardId` with `token` (and join data in `params`) to the server at `httpUrl`. */
export function connectClient(httpUrl: string, boardId: string, token: string, doc = new Y.Doc(), params: Record<string, string> = {}): TestClient {
  const provider = new WebsocketProvider(`${httpUrl.replace(/^http/, 'ws')}/ws`, boardId, doc, {
    params: { token, ...params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until `check` returns true (polling), or fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until the client's first sync with the server has completed. */
export async function waitSynced(client: TestClient, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => client.provider.synced, 'provider to sync', timeoutMs);
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** How a client's socket ended: its close code and reason, or `'open'` when it stayed open. */
export type Outcome = 'open' | { code: number; reason: string };

/** Makes `change` on `client`'s document; how its socket ended within `ms` (then it is destroyed). */
export async function outcomeOf(client: TestClient, change: (doc: Y.Doc) => void, ms = 800): Promise<Outcome> {
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    client.provider.on('connection-close', (event: CloseEvent | null) => event && resolve({ code: event.code, reason: event.reason })),
  );
  change(client.doc);
  const outcome = await Promise.race([closed, sleep(ms).then(() => 'open' as const)]);
  client.destroy();
  return outcome;
}

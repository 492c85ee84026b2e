/**
 * Makes a y-websocket provider send only this device's own awareness changes.
 *
 * Why: the stock provider sends every awareness change it sees back to the server, its own and
 * everyone else's it just received. In a room of 300 the server batches cursors 25 times a second,
 * so every tablet would re-encode and upload each batch of everyone's cursors: a few kilobytes, 25
 * times a second, from every tablet, over the venue Wi-Fi, for the server to throw away (it keeps
 * only a connection's own entries). Nothing is lost by not sending them: the server relays each
 * device's own state to everyone, and on reconnect the provider sends its own state again.
 */
import type { WebsocketProvider } from 'y-websocket';

interface Changes {
  added: number[];
  updated: number[];
  removed: number[];
}
type Handler = (changes: Changes, origin: unknown) => void;

/** Replaces the provider's awareness handler with one that forwards only `awareness.clientID`'s changes. */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): void {
  const internals = provider as unknown as { _awarenessUpdateHandler?: Handler };
  const stock = internals._awarenessUpdateHandler;
  if (typeof stock !== 'function') return; // another provider version: it keeps its own behaviour
  const awareness = provider.awareness;
  const own = (ids: number[]) => ids.filter((id) => id === awareness.clientID);
  const handler: Handler = ({ added, updated, removed }, origin) => {
    const mine = { added: own(added), updated: own(updated), removed: own(removed) };
    if (mine.added.length + mine.updated.length + mine.removed.length > 0) stock(mine, origin);
  };
  awareness.off('update', stock);
  awareness.on('update', handler);
  // The provider's destroy() removes the handler held in this field.
  internals._awarenessUpdateHandler = handler;
}

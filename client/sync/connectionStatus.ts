/**
 * The connection's status as a person would describe it, read off the provider's events:
 * connecting -> syncing -> connected; after a drop, reconnecting; after 3 failed attempts, or as soon
 * as the device says it is offline, offline.
 *
 * Why: honest status. The badge must say whether work is reaching the others, and a board that cannot
 * be opened must say why (a link that is not valid, or a server that does not answer) instead of
 * spinning. While this device's copy is in question (a conflict), nothing connects until the person
 * decides, so the status stays offline.
 */
import type { WebsocketProvider } from 'y-websocket';
import { setConnectionStatus, setSynced, showProblem } from '../store/connection.ts';
import { useStore, type ConnectionStatus } from '../store/store.ts';

/** Failed attempts in a row after which the status says offline. */
const FAILURES_OFFLINE = 3;

/** What the session does at the provider's turns, each before the status shows the turn. */
export interface ConnectionTurns {
  /** The socket opened; `wasOpenBefore`: it had been open before in this session. */
  opened(wasOpenBefore: boolean): void;
  /** A sync with the server completed. */
  synced(): void;
}

/** The status of one provider's connection, in the store from now on. */
export interface ConnectionWatch {
  /** Stops listening to the device's online and offline events (the provider's end with it). */
  stop(): void;
}

/** Keeps the store's `status`, `synced` and `problem` up to date with `provider`. */
export function watchConnection(provider: WebsocketProvider, turns: ConnectionTurns): ConnectionWatch {
  let everConnected = false;
  let failures = 0;
  const statusNow = (): ConnectionStatus => {
    if (useStore.getState().conflict || !navigator.onLine) return 'offline';
    if (provider.wsconnected) return provider.synced ? 'connected' : 'syncing';
    if (failures >= FAILURES_OFFLINE) return 'offline';
    return everConnected ? 'reconnecting' : 'connecting';
  };
  const show = () => setConnectionStatus(statusNow());

  provider.on('status', ({ status }) => {
    if (status === 'connected') {
      turns.opened(everConnected);
      everConnected = true;
      failures = 0;
    }
    show();
  });
  provider.on('sync', (synced: boolean) => {
    if (synced) turns.synced();
    setSynced(synced);
    show();
  });
  provider.on('connection-close', () => {
    failures++;
    show();
    if (everConnected) return;
    // A browser cannot read a refused upgrade's status; ask whether the server itself answers.
    void fetch('/healthz', { cache: 'no-store' }).then(
      (res) => !everConnected && showProblem(res.ok ? 'link' : 'unreachable'),
      () => !everConnected && showProblem('unreachable'),
    );
  });
  // The device says its network is gone: a socket that still looks open is dead, and noticing it
  // would take the heartbeat's half minute. It is closed now (the provider reconnects once the network
  // is back); changes made while the device is offline count as not yet sent (see the session).
  const offline = () => {
    provider.ws?.close();
    show();
  };
  window.addEventListener('online', show);
  window.addEventListener('offline', offline);
  return {
    stop() {
      window.removeEventListener('online', show);
      window.removeEventListener('offline', offline);
    },
  };
}

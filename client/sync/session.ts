/**
 * A board session: the Y.Doc, the y-websocket provider, undo, presence and connection state, and the
 * actions the UI may take. The only client module that creates Y types or providers.
 *
 * Why: React calls `session.actions.*`, which are the shared named mutations with the `local` origin;
 * undo tracks only that origin, so it never removes someone else's work.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { areasMap, connectorsMap, notesMap, ORIGIN, roleOfToken } from '../../shared/index.ts';
import { resetStore, useStore } from '../store/store.ts';
import { createActions, type BoardActions } from './actions.ts';
import { bridgeDocToStore } from './bridge.ts';
import { startPresence, type Me } from './presence.ts';

export interface BoardSession {
  readonly actions: BoardActions;
  destroy(): void;
}

function websocketBase(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

/** Opens board `boardId` with `token` as `me`. */
export function openSession(boardId: string, token: string, me: Me): BoardSession {
  resetStore();
  useStore.setState({ readOnly: roleOfToken(token) === 'projector' });
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(websocketBase(), boardId, doc, { params: { token }, maxBackoffTime: 5000 });
  const stopBridge = bridgeDocToStore(doc);
  const presence = startPresence(provider.awareness, me);

  const undo = new Y.UndoManager([notesMap(doc), areasMap(doc), connectorsMap(doc)], {
    trackedOrigins: new Set([ORIGIN.local]),
    captureTimeout: 400,
  });
  const onStack = () => useStore.setState({ canUndo: undo.canUndo(), canRedo: undo.canRedo() });
  undo.on('stack-item-added', onStack);
  undo.on('stack-item-popped', onStack);
  undo.on('stack-cleared', onStack);

  // Local changes made while not connected are counted until the next sync sends them.
  const onUpdate = (_u: Uint8Array, origin: unknown) => {
    if (origin === ORIGIN.local && !provider.wsconnected) useStore.setState((s) => ({ pending: s.pending + 1 }));
  };
  doc.on('update', onUpdate);

  let everConnected = false;
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') everConnected = true;
    useStore.setState({
      status: status === 'connected' ? 'connected' : status === 'connecting' && !everConnected ? 'connecting' : 'offline',
      ...(status === 'connected' ? { problem: null } : {}),
    });
  });
  provider.on('sync', (synced: boolean) => {
    useStore.setState(synced ? { synced, pending: 0 } : { synced });
  });
  provider.on('connection-close', () => {
    if (everConnected) return;
    // A browser cannot read a refused upgrade's status; ask whether the server itself answers.
    void fetch('/healthz', { cache: 'no-store' }).then(
      (res) => !everConnected && useStore.setState({ problem: res.ok ? 'link' : 'unreachable' }),
      () => !everConnected && useStore.setState({ problem: 'unreachable' }),
    );
  });

  const actions = createActions(doc, undo, presence);
  return {
    actions,
    destroy() {
      doc.off('update', onUpdate);
      presence.stop();
      stopBridge();
      undo.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}

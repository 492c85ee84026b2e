/**
 * A board session: the Y.Doc, the y-websocket provider, undo, presence and connection state, and the
 * actions the UI may take. The only client module that creates Y types or providers.
 *
 * Why: React calls `session.actions.*`, which are the shared named mutations with the `local` origin;
 * undo tracks only that origin, so it never removes someone else's work. The board is also kept in
 * IndexedDB (y-indexeddb), so a tablet keeps working, and survives a reload, while the venue Wi-Fi is
 * down; Yjs merges the local copy with the server's exactly once when the network returns. Tabs on
 * one device share that copy and talk directly over BroadcastChannel, online or not.
 *
 * `openSession` only composes: the reconnect policy (`reconnect.ts`), the tabs' refusal channel
 * (`refusalChannel.ts`), the connection status (`connectionStatus.ts`), the changes not yet sent
 * (`pending.ts`), the epoch check and the notes kept from a discarded copy (`epochGate.ts`), and what
 * a reconnect merged (`mergeSummary.ts`).
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ORIGIN, readMeta, roleOfToken } from '../../shared/index.ts';
import { markLocalCopyLoaded, setCanUndoRedo, showConflict, showProblem, showRefusedChange } from '../store/connection.ts';
import { setMe } from '../store/people.ts';
import { resetStore } from '../store/store.ts';
import { createActions, type BoardActions } from './actions.ts';
import { startAnnouncements } from './announceWatch.ts';
import { bridgeDocToStore } from './bridge.ts';
import { askAboutBoard } from './boardInfo.ts';
import { watchConnection } from './connectionStatus.ts';
import { addKeptNotes, checkBoardEpoch, keptNotes, localCopyName } from './epochGate.ts';
import { joinParams, participantId, rememberedGroup } from './identity.ts';
import { createMergeReporter } from './mergeSummary.ts';
import { sendOwnAwarenessOnly } from './ownAwareness.ts';
import { forgetRemovedStates } from './crowdAwareness.ts';
import { watchPeopleRegistry } from './peopleRegistry.ts';
import { pendingKey, trackPending } from './pending.ts';
import { startPresence, type Me } from './presence.ts';
import { createReconnectPolicy } from './reconnect.ts';
import { openRefusalChannel } from './refusalChannel.ts';
import { startServerClock } from './serverClock.ts';
import { createUndoManager } from './undo.ts';
import { startWriteAhead } from './writeAhead.ts';

/** An open board: what the page keeps of it. */
export interface BoardSession {
  readonly boardId: string;
  /** The link's access token (for links this page hands on). */
  readonly token: string;
  readonly actions: BoardActions;
  /** Closes the board: the connection, the local copy, every listener and timer. */
  destroy(): void;
}

function websocketBase(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

/** Opens board `boardId` with `token` as `me`. */
export function openSession(boardId: string, token: string, me: Me): BoardSession {
  resetStore();
  const role = roleOfToken(token) ?? 'participant';
  const groupId = rememberedGroup(boardId);
  setMe({ id: participantId(boardId), role, groupId, name: me.name });
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(localCopyName(boardId), doc);
  const stopWriteAhead = startWriteAhead(doc, `olifant.wal.${boardId}`, (origin) => origin === ORIGIN.local);
  void local.whenSynced.then(() => markLocalCopyLoaded());
  const pending = trackPending(doc, pendingKey(boardId), () => provider.wsconnected && navigator.onLine);
  let closed = false;
  const reconnect = createReconnectPolicy(() => !closed && connect(), {
    refusedChange(reason) {
      // Nothing of this copy merged, and other tabs are not fed it either.
      provider.disconnectBc();
      refusals.tell(reason);
      showRefusedChange(reason);
    },
    linkRefused: () => showProblem('link'),
  });
  const kept = keptNotes(boardId);
  const provider = new WebsocketProvider(websocketBase(), boardId, doc, {
    params: { token, ...joinParams(boardId) },
    connect: false,
    // Started again after a refused change: another open tab of this board may still hold that change
    // and would hand it over again, so this page syncs with the server only.
    disableBc: kept.onlyMissing,
    shouldReconnect: (event) => reconnect.onClose(event),
  });
  // Everyone's cursors come from the server; sending them back would only load the venue Wi-Fi.
  sendOwnAwarenessOnly(provider);
  forgetRemovedStates(provider.awareness);
  // Only a projector tab listens: its writes are dropped without a word, so it learns of a refusal here.
  const refusals = openRefusalChannel(boardId, role === 'projector' ? () => provider.disconnectBc() : undefined);
  const connect = () => {
    provider.connect();
    if (refusals.heard) provider.disconnectBc();
  };
  // Merge with the server only once it has confirmed this copy is of the same board (epoch). The
  // server is asked while the local copy loads (the answer waits for the comparison); the app shell
  // may have asked already, before this code loaded.
  const asked = askAboutBoard(boardId, token);
  asked.catch(() => undefined);
  void local.whenSynced.then(async () => {
    const gate = await checkBoardEpoch(boardId, token, readMeta(doc).epoch, () => closed, asked);
    if (!gate || closed) return;
    if (gate.kind === 'same') {
      connect();
      return;
    }
    if (gate.kind === 'refused') showProblem('link');
    else showConflict(gate.kind);
  });
  // Notes kept from a discarded copy are added after the sync.
  if (kept.notes.length) provider.once('sync', () => addKeptNotes(doc, boardId, kept));
  const stopBridge = bridgeDocToStore(doc);
  const stopAnnouncements = startAnnouncements(doc);
  const stopRegistry = watchPeopleRegistry(doc);
  const presence = startPresence(provider.awareness, { ...me, groupId: groupId || null, id: participantId(boardId), role });

  const undo = createUndoManager(doc);
  const onStack = () => setCanUndoRedo(undo.manager.canUndo(), undo.manager.canRedo());
  undo.manager.on('stack-item-added', onStack);
  undo.manager.on('stack-item-popped', onStack);
  undo.manager.on('stack-cleared', onStack);

  const merges = createMergeReporter();
  const connection = watchConnection(provider, {
    opened: (wasOpenBefore) => merges.opened(wasOpenBefore),
    synced() {
      reconnect.reset();
      pending.clear();
      merges.synced();
    },
  });

  const actions = createActions(doc, undo, presence, boardId, token);
  const stopClock = startServerClock();
  return {
    boardId,
    token,
    actions,
    destroy() {
      closed = true;
      refusals.close();
      reconnect.stop();
      stopWriteAhead();
      stopClock();
      connection.stop();
      pending.stop();
      presence.stop();
      stopBridge();
      stopAnnouncements();
      stopRegistry();
      undo.manager.destroy();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}

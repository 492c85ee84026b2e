/**
 * A board session: the Y.Doc, the y-websocket provider, undo, presence and connection state, and the
 * actions the UI may take. The only client module that creates Y types or providers.
 *
 * Why: React calls `session.actions.*`, which are the shared named mutations with the `local` origin;
 * undo tracks only that origin, so it never removes someone else's work. The board is also kept in
 * IndexedDB (y-indexeddb), so a tablet keeps working, and survives a reload, while the venue Wi-Fi is
 * down; Yjs merges the local copy with the server's exactly once when the network returns. Tabs on
 * one device share that copy and talk directly over BroadcastChannel, online or not.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { areasMap, connectorsMap, createNote, notesMap, ORIGIN, readMeta, refusesAChange, restoreNote, roleOfToken } from '../../shared/index.ts';
import { resetStore, useStore } from '../store/store.ts';
import { createActions, type BoardActions } from './actions.ts';
import { bridgeDocToStore } from './bridge.ts';
import { beginMerge } from './mergeSummary.ts';
import { askAboutBoard } from './boardInfo.ts';
import { carriedNotes, checkBoardEpoch, forgetCarriedNotes, localCopyName } from './epochGate.ts';
import { startPresence, type Me } from './presence.ts';
import { joinParams, participantId, rememberedGroup } from './identity.ts';
import { sendOwnAwarenessOnly } from './ownAwareness.ts';
import { startServerClock } from './serverClock.ts';
import { startWriteAhead } from './writeAhead.ts';
import { createUndoManager } from './undo.ts';

/** Reconnect backoff: the first step, and the longest wait. */
const RECONNECT_BASE_MS = 250;
const RECONNECT_CAP_MS = 5000;

export interface BoardSession {
  readonly boardId: string;
  /** The link's access token (for links this page hands on). */
  readonly token: string;
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
  const role = roleOfToken(token) ?? 'participant';
  const groupId = rememberedGroup(boardId);
  useStore.setState({ readOnly: role === 'projector', me: { id: participantId(boardId), role, groupId, name: me.name } });
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(localCopyName(boardId), doc);
  const stopWriteAhead = startWriteAhead(doc, `olifant.wal.${boardId}`, (origin) => origin === ORIGIN.local);
  void local.whenSynced.then(() => useStore.setState({ localLoaded: true }));
  const pending = trackPending(doc, `olifant.pending.${boardId}`, () => provider.wsconnected);
  // Reconnects use capped exponential backoff with full jitter (a random wait up to the step), so a
  // room of tablets does not reconnect in lockstep when the Wi-Fi comes back. The provider's own
  // schedule is turned off; close codes 4400-4499 mean retrying cannot help: a revoked link, or a
  // change from this device that the server refused (sent again, it would be refused again).
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const carried = carriedNotes(boardId);
  const provider = new WebsocketProvider(websocketBase(), boardId, doc, {
    params: { token, ...joinParams(boardId) },
    connect: false,
    // Started again after a refused change: another open tab of this board may still hold that change
    // and would hand it over again, so this page syncs with the server only.
    disableBc: carried.onlyMissing,
    shouldReconnect: (event) => {
      if (refusesAChange(event.code)) {
        // Nothing of this copy merged: no "back online" summary. Other tabs are not fed it either.
        provider.disconnectBc();
        refusals?.postMessage(event.reason);
        useStore.setState({ conflict: 'refused', refusal: event.reason, status: 'offline', mergeSummary: null });
        return false;
      }
      if (event.code >= 4400 && event.code < 4500) {
        useStore.setState({ problem: 'link' });
        return false;
      }
      const step = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** retries++);
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => !closed && connect(), Math.random() * step);
      return false;
    },
  });
  // Everyone's cursors come from the server; sending them back would only load the venue Wi-Fi.
  sendOwnAwarenessOnly(provider);
  // A change refused in one tab is held by this board's other tabs too. A projector tab's writes are
  // dropped by the server without a word, so it would never learn and would hand the change back to
  // the tab that started again; told of the refusal, it keeps out of the tabs' channel from then on.
  const refusals = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`olifant.refused.${boardId}`) : null;
  let tabsOff = false;
  if (refusals && role === 'projector') {
    refusals.onmessage = () => {
      tabsOff = true;
      provider.disconnectBc();
    };
  }
  const connect = () => {
    provider.connect();
    if (tabsOff) provider.disconnectBc();
  };
  // Merge with the server only once it has confirmed this copy is of the same board (epoch).
  let closed = false;
  // The server is asked while the local copy loads (the answer waits for the comparison); the app
  // shell may have asked already, before this code loaded.
  const asked = askAboutBoard(boardId, token);
  asked.catch(() => undefined);
  void local.whenSynced.then(async () => {
    const gate = await checkBoardEpoch(boardId, token, readMeta(doc).epoch, () => closed, asked);
    if (!gate || closed) return;
    if (gate.kind === 'same') {
      connect();
      return;
    }
    if (gate.kind === 'refused') useStore.setState({ problem: 'link' });
    else useStore.setState({ conflict: gate.kind, status: 'offline' });
  });
  // Notes kept from a discarded copy are added after the sync: as new notes, or (from a refused copy)
  // under their own ids if the board never had them (the others reached it, or were deleted there).
  if (carried.notes.length) {
    provider.once('sync', () => {
      forgetCarriedNotes(boardId); // first: a note that fails below must not be added again at each load
      for (const n of carried.notes) {
        const input = { text: n.text, x: n.x, y: n.y, w: n.w, h: n.h, color: n.color, authorId: n.authorId, groupId: n.groupId };
        try {
          if (carried.onlyMissing) restoreNote(doc, n.id, { ...input, createdAt: n.createdAt }, ORIGIN.local);
          else createNote(doc, input, ORIGIN.local);
        } catch (err) {
          // Only a note another tool wrote out of bounds can fail here; the others are still added.
          console.warn(`a kept note could not be added back: ${(err as Error).message}`);
        }
      }
    });
  }
  const stopBridge = bridgeDocToStore(doc);
  const presence = startPresence(provider.awareness, { ...me, groupId: groupId || null, id: participantId(boardId), role });

  const undo = createUndoManager(doc);
  const onStack = () => useStore.setState({ canUndo: undo.manager.canUndo(), canRedo: undo.manager.canRedo() });
  undo.manager.on('stack-item-added', onStack);
  undo.manager.on('stack-item-popped', onStack);
  undo.manager.on('stack-cleared', onStack);

  // connected -> (drop) reconnecting -> (3 failed attempts, or the device says it is offline) offline.
  let everConnected = false;
  let failures = 0;
  const showStatus = () => {
    // While the device's copy is in question, nothing connects until the person decides.
    if (useStore.getState().conflict) return useStore.setState({ status: 'offline' });
    if (provider.wsconnected) return useStore.setState({ status: provider.synced ? 'connected' : 'syncing', problem: null });
    if (!everConnected) return useStore.setState({ status: failures >= 3 || !navigator.onLine ? 'offline' : 'connecting' });
    useStore.setState({ status: failures >= 3 || !navigator.onLine ? 'offline' : 'reconnecting' });
  };
  // A connection after an offline spell (a drop, or a board opened from this device's copy) ends
  // with a short summary of what merged.
  let finishMerge: (() => void) | null = null;
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') {
      // Only a device that was online before, or that opened its own stored copy of the board, has
      // something to report; a first visit just loads the board.
      const s = useStore.getState();
      if (everConnected || (s.localLoaded && s.noteIds.length + s.areaIds.length > 0)) finishMerge = beginMerge();
      everConnected = true;
      failures = 0;
    }
    showStatus();
  });
  provider.on('sync', (synced: boolean) => {
    if (synced) {
      retries = 0;
      pending.clear();
      finishMerge?.();
      finishMerge = null;
    }
    useStore.setState({ synced });
    showStatus();
  });
  provider.on('connection-close', () => {
    failures++;
    showStatus();
    if (everConnected) return;
    // A browser cannot read a refused upgrade's status; ask whether the server itself answers.
    void fetch('/healthz', { cache: 'no-store' }).then(
      (res) => !everConnected && useStore.setState({ problem: res.ok ? 'link' : 'unreachable' }),
      () => !everConnected && useStore.setState({ problem: 'unreachable' }),
    );
  });
  window.addEventListener('online', showStatus);
  window.addEventListener('offline', showStatus);

  const actions = createActions(doc, undo, presence, boardId, token);
  const stopClock = startServerClock();
  return {
    boardId,
    token,
    actions,
    destroy() {
      closed = true;
      refusals?.close();
      clearTimeout(retryTimer);
      stopWriteAhead();
      stopClock();
      window.removeEventListener('online', showStatus);
      window.removeEventListener('offline', showStatus);
      pending.stop();
      presence.stop();
      stopBridge();
      undo.manager.destroy();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}

/**
 * Counts the notes, areas and connectors changed on this device while it was not connected, kept
 * in localStorage so the count survives a reload; cleared when a sync has sent them.
 */
function trackPending(doc: Y.Doc, key: string, online: () => boolean) {
  const roots = new Set<unknown>([notesMap(doc), areasMap(doc), connectorsMap(doc)]);
  const ids = new Set<string>(readIds(key));
  useStore.setState({ pending: ids.size });
  const save = () => {
    useStore.setState({ pending: ids.size });
    try {
      if (ids.size === 0) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify([...ids]));
    } catch {
      /* private mode: the count is then per page load */
    }
  };
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.origin !== ORIGIN.local || online()) return;
    for (const [type, keys] of tr.changed) {
      if (roots.has(type)) {
        for (const k of keys) if (k) ids.add(k);
        continue;
      }
      let t: Y.AbstractType<Y.YEvent<any>> = type; // eslint-disable-line @typescript-eslint/no-explicit-any
      while (t._item && !roots.has(t._item.parent)) t = t._item.parent as typeof t;
      if (t._item?.parentSub) ids.add(t._item.parentSub);
    }
    save();
  };
  doc.on('afterTransaction', onTransaction);
  return {
    clear() {
      if (ids.size === 0) return;
      ids.clear();
      save();
    },
    stop: () => doc.off('afterTransaction', onTransaction),
  };
}

function readIds(key: string): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

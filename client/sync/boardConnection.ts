/**
 * The only client code that touches the Y.Doc and the provider: connects a board and bridges it into
 * the zustand store.
 *
 * Why: one bridge (house style, practice 5). Document changes are observed deeply, batched per
 * animation frame, and written into the store as plain snapshots; user actions come back in through
 * the shared mutations with the `local` origin.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { countNotes, createNote, deleteNotes, listNotes, ORIGIN, readMeta, setNoteText } from '../../shared/index.ts';
import { initialBoardState, useBoardStore } from '../store/boardStore.ts';
import { deviceId } from './device.ts';

/** What the UI may do with a connected board. */
export interface BoardHandle {
  addNote(text: string): void;
  editNote(id: string, text: string): void;
  removeNote(id: string): void;
  disconnect(): void;
}

/** The websocket base for this page: same host, `ws:` or `wss:` to match the page. */
function websocketBase(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

/** Connects to board `boardId` with `token` and keeps the store in step with it. */
export function connectBoard(boardId: string, token: string): BoardHandle {
  useBoardStore.setState({ ...initialBoardState });
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(websocketBase(), boardId, doc, { params: { token } });

  let frame = 0;
  const publish = () => {
    frame = 0;
    useBoardStore.setState({ meta: readMeta(doc), notes: listNotes(doc) });
  };
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(publish);
  };
  doc.on('update', schedule);

  let everConnected = false;
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') {
      everConnected = true;
      useBoardStore.setState({ problem: null });
    }
    useBoardStore.setState({ status: status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline' });
  });
  provider.on('connection-close', () => {
    if (everConnected) return;
    const failedAttempts = useBoardStore.getState().failedAttempts + 1;
    useBoardStore.setState({ failedAttempts });
    // A browser cannot read the refused upgrade's status; ask whether the server itself answers.
    if (failedAttempts >= 2) {
      void fetch('/healthz', { cache: 'no-store' }).then(
        (res) => !everConnected && useBoardStore.setState({ problem: res.ok ? 'link' : 'unreachable' }),
        () => !everConnected && useBoardStore.setState({ problem: 'unreachable' }),
      );
    }
  });
  provider.on('sync', (synced: boolean) => {
    useBoardStore.setState({ synced });
    schedule();
  });

  return {
    addNote(text) {
      const n = countNotes(doc);
      createNote(doc, { text, x: (n % 8) * 180, y: Math.floor(n / 8) * 180, authorId: deviceId() }, ORIGIN.local);
    },
    editNote: (id, text) => setNoteText(doc, id, text, ORIGIN.local),
    removeNote: (id) => deleteNotes(doc, [id], ORIGIN.local),
    disconnect() {
      if (frame) cancelAnimationFrame(frame);
      doc.off('update', schedule);
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * The board page, for now a plain list of the board's notes that proves the wiring end to end.
 *
 * Why: the workshop canvas comes next (issue 3); this page already connects with the link's token,
 * shows the connection state honestly, and lets a person add, edit and delete notes.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { connectBoard, type BoardHandle } from '../sync/boardConnection.ts';
import { useBoardStore } from '../store/boardStore.ts';

const STATUS_TEXT = { connecting: 'Connecting…', connected: 'Connected', offline: 'Offline, retrying…' } as const;

export function BoardPage({ boardId, token }: { boardId: string; token: string }) {
  const handle = useRef<BoardHandle | null>(null);
  const [draft, setDraft] = useState('');
  const title = useBoardStore((s) => s.meta?.title ?? '');
  const notes = useBoardStore((s) => s.notes);
  const status = useBoardStore((s) => s.status);
  const synced = useBoardStore((s) => s.synced);
  const problem = useBoardStore((s) => s.problem);

  useEffect(() => {
    handle.current = connectBoard(boardId, token);
    return () => handle.current?.disconnect();
  }, [boardId, token]);

  function add(e: FormEvent) {
    e.preventDefault();
    if (!draft.trim()) return;
    handle.current?.addNote(draft.trim());
    setDraft('');
  }

  if (!synced && problem === 'unreachable') {
    return (
      <main className="page">
        <h1>Cannot reach the Olifant server</h1>
        <p role="status">
          Check the network connection (venue Wi-Fi?). This page keeps trying and opens the board as soon as the
          server answers.
        </p>
      </main>
    );
  }
  if (!synced && problem === 'link') {
    return (
      <main className="page">
        <h1>Cannot open this board</h1>
        <p>
          The server did not accept this link. It may have been replaced by a newer one, or the board no
          longer exists. Ask the facilitator for a fresh link.
        </p>
      </main>
    );
  }

  return (
    <main className="page">
      <header className="board-header">
        <h1>{title || 'Board'}</h1>
        <span className={`status status-${status}`} role="status">
          {STATUS_TEXT[status]}
        </span>
      </header>
      <form onSubmit={add} className="create">
        <label htmlFor="note">New note</label>
        <input id="note" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Type a note and press Enter" />
        <button type="submit" disabled={!draft.trim()}>
          Add note
        </button>
      </form>
      {synced && notes.length === 0 && <p className="empty">No notes yet. Add the first one above.</p>}
      <ul className="notes" aria-label="Notes">
        {notes.map((n) => (
          <li key={n.id} style={{ background: n.color }} data-note-id={n.id}>
            <span className="note-text">{n.text || <em>(empty)</em>}</span>
            <button type="button" aria-label="Delete note" onClick={() => handle.current?.removeNote(n.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

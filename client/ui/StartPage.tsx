/**
 * The start page: create a board and get its three links (facilitator, participant, projector).
 *
 * Why: anyone can start a board without an account; the links are the only keys, so they are shown
 * plainly with copy buttons and a word on who should get which.
 */
import { useState, type FormEvent } from 'react';

interface Created {
  id: string;
  title: string;
  links: { facilitator: string; participant: string; projector: string };
}

const LINK_HELP: Record<keyof Created['links'], string> = {
  facilitator: 'Facilitator: runs the day. Keep this one to yourself.',
  participant: 'Participants: share with every table and remote participant.',
  projector: 'Projector: open on the big screen (view only).',
};

export function StartPage() {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/boards', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      const body = (await res.json()) as Created | { error: string };
      if (!res.ok || 'error' in body) throw new Error('error' in body ? body.error : `server answered ${res.status}`);
      setCreated(body);
    } catch (err) {
      setError(`Could not create the board: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page">
      <h1>Olifant</h1>
      <p className="lead">A shared board for whole-system co-creation: explore the whole elephant together.</p>
      <form onSubmit={submit} className="create">
        <label htmlFor="title">Board title</label>
        <input
          id="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="e.g. Future of care in our region, 2035"
          maxLength={200}
          required
        />
        <button type="submit" disabled={busy || title.trim() === ''}>
          {busy ? 'Creating…' : 'Create board'}
        </button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {created && (
        <section className="links" aria-label="Board links">
          <h2>{created.title}</h2>
          {(Object.keys(LINK_HELP) as (keyof Created['links'])[]).map((role) => (
            <div key={role} className="link">
              <p>{LINK_HELP[role]}</p>
              <input readOnly value={created.links[role]} aria-label={`${role} link`} onFocus={(e) => e.target.select()} />
              <button type="button" onClick={() => void navigator.clipboard?.writeText(created.links[role])}>
                Copy
              </button>
            </div>
          ))}
          <p>
            <a href={created.links.facilitator}>Open the board as facilitator</a>
          </p>
        </section>
      )}
    </main>
  );
}

/**
 * The app shell: the start page at `/`, a board at `/b/<id>#token=...`.
 *
 * Why: the only routing the client needs; anything else gets a page that says where to go.
 */
import { BoardPage } from './BoardPage.tsx';
import { StartPage } from './StartPage.tsx';

/** Reads the token from the URL fragment (`#token=...`) or, failing that, the query. */
function readToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  return fromHash ?? new URLSearchParams(location.search).get('token');
}

export function App() {
  const match = /^\/b\/([A-Za-z0-9_-]+)\/?$/.exec(location.pathname);
  if (!match) return <StartPage />;
  const token = readToken();
  if (!token) {
    return (
      <main className="page">
        <h1>This board link is incomplete</h1>
        <p>
          The link has no access token. Ask the facilitator for the full link (it ends with
          <code> #token=…</code>), or <a href="/">start a new board</a>.
        </p>
      </main>
    );
  }
  return <BoardPage boardId={match[1]!} token={token} />;
}

/**
 * The app shell: the start page at `/`, a board at `/b/<id>#token=...`.
 *
 * Why: the only routing the client needs; a link without a token gets a page that says what to do.
 * The board page is a separate chunk, so the start page loads fast on a phone.
 */
import { lazy, Suspense } from 'react';
import { useT } from '../i18n/i18n.ts';
import { askAboutBoardEarly } from '../sync/boardInfo.ts';
import { StartPage } from './StartPage.tsx';

// The canvas (Konva, Yjs, the provider) loads only on a board page, not on the start page; on a
// board link it starts loading at once, while React mounts the shell.
const loadBoardPage = () => import('./BoardPage.tsx');
const boardPageLoading = /^\/b\//.test(location.pathname) ? loadBoardPage() : null;
const BoardPage = lazy(() => (boardPageLoading ?? loadBoardPage()).then((m) => ({ default: m.BoardPage })));

/** Reads the token from the URL fragment (`#token=...`) or, failing that, the query. */
function readToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  return fromHash ?? new URLSearchParams(location.search).get('token');
}

const BOARD_PATH = /^\/b\/([A-Za-z0-9_-]+)\/?$/;
// The server is asked about the board while the board's code loads (it loads the board to answer).
const boardRoute = BOARD_PATH.exec(location.pathname);
const routeToken = readToken();
if (boardRoute && routeToken) askAboutBoardEarly(boardRoute[1]!, routeToken);
// Another link to the same board (the participant link pasted into the facilitator's tab) differs only
// after '#', which a browser does not load anew; the page is made for one link, so load it afresh.
window.addEventListener('hashchange', () => readToken() !== routeToken && location.reload());

export function App() {
  const t = useT();
  const match = BOARD_PATH.exec(location.pathname);
  if (!match) return <StartPage />;
  const token = readToken();
  if (!token) {
    return (
      <main className="page">
        <h1>{t('linkIncompleteTitle')}</h1>
        <p>{t('linkIncompleteBody')}</p>
        <p>
          <a href="/">{t('startNewBoard')}</a>
        </p>
      </main>
    );
  }
  return (
    <Suspense fallback={null}>
      <BoardPage boardId={match[1]!} token={token} />
    </Suspense>
  );
}

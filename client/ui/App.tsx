/**
 * The app shell: the start page at `/`, a board at `/b/<id>#token=...`, and the join code
 * `/j/<code>` when the network failed (online the server answers it with a redirect).
 *
 * Why: the only routing the client needs; a link without a token gets a page that says what to do.
 * The board page is a separate chunk, so the start page loads fast on a phone.
 */
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.ts';
import { askAboutBoardEarly } from '../sync/boardInfo.ts';
import { JOIN_PATH, JoinCodePage } from './JoinCodePage.tsx';
import { StartPage } from './StartPage.tsx';

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

// The canvas (Konva, Yjs, the provider) loads only on a board page, not on the start page; on a
// board link it starts loading at once, and the app is mounted once it is here (`appCodeReady`): a
// page shown through Suspense is revealed no sooner than 300 ms after its fallback (React's
// throttle), which held up every board by about that.
const loadBoardPage = () => import('./BoardPage.tsx');
const boardPageLoading = boardRoute && routeToken ? loadBoardPage() : null;
let LoadedBoardPage: typeof import('./BoardPage.tsx').BoardPage | null = null;
/** Resolves once the code the first page needs is loaded (at once off a board link; never rejects). */
export const appCodeReady: Promise<void> = (boardPageLoading ?? Promise.resolve(null)).then(
  (m) => void (LoadedBoardPage = m?.BoardPage ?? null),
  () => undefined, // the lazy page below asks for it again; `LoadFailure` says so if that fails too
);
const BoardPage = lazy(() => (boardPageLoading ?? loadBoardPage()).catch(loadBoardPage).then((m) => ({ default: m.BoardPage })));

/** The app: the start page, or the board a `/b/<id>` address opens. */
export function App() {
  const t = useT();
  const match = BOARD_PATH.exec(location.pathname);
  const join = JOIN_PATH.exec(location.pathname);
  if (join) return <JoinCodePage code={join[1]!} />;
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
    <LoadFailure title={t('loadFailedTitle')} body={t('loadFailedBody')} retry={t('loadFailedRetry')}>
      {LoadedBoardPage ? (
        <LoadedBoardPage boardId={match[1]!} token={token} />
      ) : (
        <Suspense fallback={null}>
          <BoardPage boardId={match[1]!} token={token} />
        </Suspense>
      )}
    </LoadFailure>
  );
}

/**
 * The board page's code did not arrive (the Wi-Fi dropped on a first visit, or a new version was
 * deployed meanwhile), or the page failed: say so and offer to try again, instead of a blank page.
 */
class LoadFailure extends Component<{ title: string; body: string; retry: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="page">
        <h1>{this.props.title}</h1>
        <p>{this.props.body}</p>
        <button type="button" onClick={() => location.reload()}>
          {this.props.retry}
        </button>
      </main>
    );
  }
}

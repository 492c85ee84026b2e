/**
 * The join code (`/j/<code>`) when the network failed: the board this device knows for the code, or
 * a page that says why it cannot be opened and what to do.
 *
 * Why: the service worker sends `/j/<code>` to the server, which redirects to the board's current
 * participant link. Offline (the venue's Wi-Fi dropped, the server restarting) it opens the app
 * shell instead, and only this device's memory can help: each board page remembers its board's
 * join code from the server's answer (client/sync/boardInfo.ts), so a board this device has opens
 * from the QR code as it would online, with its local copy.
 */
import { useEffect } from 'react';
import { useT } from '../i18n/i18n.ts';
import { boardOfJoinCode } from '../store/recentBoards.ts';

/** The path of a join code, as the projector's QR code carries it. */
export const JOIN_PATH = /^\/j\/([^/]+)\/?$/;

/** Opens the board of `code` if this device knows it, else says what is wrong and what to do. */
export function JoinCodePage({ code }: { code: string }) {
  const t = useT();
  const board = boardOfJoinCode(code.toLowerCase());
  useEffect(() => {
    if (board) location.replace(board.link);
  }, [board]);
  if (board) {
    return (
      <main className="page">
        <p role="status">{t('joinCodeOpening')}</p>
      </main>
    );
  }
  return (
    <main className="page join-code-unknown">
      <h1>{t('joinCodeUnknownTitle')}</h1>
      <p>{t('joinCodeUnknownBody', code.slice(0, 32))}</p>
      <p className="join-code-actions">
        <button type="button" onClick={() => location.reload()}>
          {t('joinCodeRetry')}
        </button>{' '}
        <a href="/">{t('joinCodeBoardsHere')}</a>
      </p>
    </main>
  );
}

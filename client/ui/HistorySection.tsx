/**
 * The board's history in the facilitator's panel: the kept snapshots (on a schedule while the board
 * changes, at each agenda task, before a restore), each to look at or to continue as a new board.
 *
 * Why: nothing is ever overwritten; going back means opening a copy, never rewinding the room.
 */
import { useEffect, useState } from 'react';
import type { HistorySnapshot } from '../../shared/index.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { formatDate } from '../i18n/dates.ts';
import { useActions } from '../sync/sessionContext.ts';
import { openReportTab } from './ReportLinks.tsx';
import { notify } from '../store/ui.ts';
import { ApiError, listHistory, restoreSnapshot } from '../sync/api.ts';

export function HistorySection({ boardId, token }: { boardId: string; token: string }) {
  const t = useT();
  const lang = useLangValue();
  const actions = useActions();
  const [list, setList] = useState<HistorySnapshot[] | null>(null);
  // A list the server refuses is told by its status alone.
  const load = () =>
    listHistory(boardId, token)
      .then((body) => setList(body.snapshots.slice(-20).reverse()))
      .catch((err: Error) => notify(t('linkError', err instanceof ApiError ? `${err.status}` : err.message)));
  useEffect(() => {
    void load();
  }, [boardId, token]);
  const restore = async (s: HistorySnapshot) => {
    try {
      const board = await restoreSnapshot(boardId, token, s.id);
      window.open(board.links.facilitator, '_blank', 'noopener');
      notify(t('historyRestored'));
      void load();
    } catch (err) {
      // The server's reason, else its status.
      notify(t('linkError', err instanceof ApiError && err.serverMessage === undefined ? `${err.status}` : (err as Error).message));
    }
  };
  return (
    <section>
      <h3>{t('history')}</h3>
      <p className="hint">{t('historyHint')}</p>
      {list && list.length === 0 && <p className="hint">{t('historyEmpty')}</p>}
      <ul className="history">
        {list?.map((s) => (
          <li key={s.id}>
            <span>{formatDate(lang, s.takenAt)} <span className="muted">· {t(`history_${s.reason}` as 'history_schedule')}</span></span>
            <button
              type="button"
              className="button-link"
              onClick={() => void openReportTab(() => actions.reportLink('html', lang, s.id), t('reportOpening'), (err) => notify(t('downloadFailed', (err as Error).message)))}
            >
              {t('historyView')}
            </button>
            <button type="button" onClick={() => void restore(s)}>{t('historyRestore')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

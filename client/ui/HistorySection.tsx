/**
 * The board's history in the facilitator's panel: the kept snapshots (on a schedule while the board
 * changes, at each agenda task, before a restore), each to look at or to carry on as a new board.
 *
 * Why: nothing is ever overwritten; going back means opening a copy, never rewinding the room.
 */
import { useEffect, useState } from 'react';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { notify } from '../store/ui.ts';

interface Snapshot {
  id: number;
  takenAt: number;
  reason: string;
}

export function HistorySection({ boardId, token }: { boardId: string; token: string }) {
  const t = useT();
  const lang = useLangValue();
  const [list, setList] = useState<Snapshot[] | null>(null);
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  const load = () =>
    fetch(`/api/boards/${boardId}/history`, auth)
      .then((res) => (res.ok ? (res.json() as Promise<{ snapshots: Snapshot[] }>) : Promise.reject(new Error(`${res.status}`))))
      .then((body) => setList(body.snapshots.slice(-20).reverse()))
      .catch((err: Error) => notify(t('linkError', err.message)));
  useEffect(() => {
    void load();
  }, [boardId, token]);
  const restore = async (s: Snapshot) => {
    try {
      const res = await fetch(`/api/boards/${boardId}/history/${s.id}/restore`, { method: 'POST', ...auth });
      const body = (await res.json()) as { links?: { facilitator: string }; error?: string };
      if (!res.ok || !body.links) throw new Error(body.error ?? `${res.status}`);
      window.open(body.links.facilitator, '_blank', 'noopener');
      notify(t('historyRestored'));
      void load();
    } catch (err) {
      notify(t('linkError', (err as Error).message));
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
            <span>{new Date(s.takenAt).toLocaleString()} <span className="muted">· {t(`history_${s.reason}` as 'history_schedule')}</span></span>
            <a className="button-link" href={`/api/boards/${boardId}/history/${s.id}/report.html?lang=${lang}&token=${encodeURIComponent(token)}`} target="_blank" rel="noreferrer">
              {t('historyView')}
            </a>
            <button type="button" onClick={() => void restore(s)}>{t('historyRestore')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

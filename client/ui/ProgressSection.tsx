/**
 * The facilitator's table progress: the "Ready?" call, the projector's progress view, how many
 * tables are ready, and every table of the current seating with who is there, notes this task, dots
 * left in the open vote and its answer; the tables still working first.
 *
 * Why: with eight or forty tables the facilitator cannot walk round to see who is done; this tells
 * them at a glance when to move the room on, and which tables to visit first.
 */
import { areaName, unfinishedFirst, readyCount, type TableProgress } from '../../shared/index.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { tablesProgress } from '../store/progress.ts';
import { useStore } from '../store/store.ts';
import { useActions } from '../sync/sessionContext.ts';
import './progress.css';

/** The facilitator panel's progress section (see the module comment). */
export function ProgressSection() {
  const t = useT();
  const lang = useLangValue();
  const actions = useActions();
  const tables = useStore(tablesProgress);
  const call = useStore((s) => s.facilitation.readyCall);
  const onProjector = useStore((s) => s.facilitation.projectorProgress);
  const ready = readyCount(tables);
  const time = call ? new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(call.at) : '';
  return (
    <section className="progress-section" aria-labelledby="progress-title">
      <h3 id="progress-title">{t('progressTitle')}</h3>
      <div className="row">
        {call ? (
          <button type="button" onClick={() => actions.endReadyCall()}>{t('progressEndCall')}</button>
        ) : (
          <button type="button" onClick={() => actions.callReady()}>{t('progressCallReady')}</button>
        )}
        <button type="button" aria-pressed={onProjector} onClick={() => actions.setProjectorProgress(!onProjector)}>
          {t('progressOnProjector')}
        </button>
      </div>
      {call && <p className="hint">{t('progressCallOpen', time)}</p>}
      {tables.length === 0 ? (
        <p className="hint">{t('progressNoTables')}</p>
      ) : (
        <>
          <p className="progress-count" role="status">{t('progressReadyCount', ready, tables.length)}</p>
          <ul className="progress-tables" aria-label={t('progressList')}>
            {unfinishedFirst(tables).map((table) => (
              <TableRow key={table.area.id} table={table} name={areaName(table.area, lang)} called={call !== null} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function TableRow({ table, name, called }: { table: TableProgress; name: string; called: boolean }) {
  const t = useT();
  const people = table.people;
  return (
    <li className={table.ready ? 'progress-table is-ready' : 'progress-table'} data-table={table.area.id}>
      <div className="progress-table-head">
        <span className="progress-table-name">{name}</span>
        <span className="progress-mark">{table.ready ? `✓ ${t('progressReady')}` : called ? t('progressNoAnswer') : t('progressNotReady')}</span>
      </div>
      <p className="progress-people">
        {people.length === 0 ? t('progressNobody') : people.map((p) => (p.ready ? `${p.name} ✓` : p.name)).join(', ')}
      </p>
      <p className="progress-figures">
        <span>{t('progressPeople', people.length)}</span>
        {table.online !== null && people.length > 0 && <span>{t('progressOnline', table.online, people.length)}</span>}
        <span>{t('progressNotes', table.notes)}</span>
        {table.dotsLeft !== null && <span>{t('progressDotsLeft', table.dotsLeft)}</span>}
      </p>
    </li>
  );
}

/**
 * Tables and turns, for the facilitator: whether the room sits at stakeholder or mixed tables, who
 * sits where (a stakeholder group's table by default; mixed tables spread so each mixes the groups),
 * and the numbered queue of raised hands for whole-room tasks.
 *
 * Why: Future Search moves people between stakeholder and mixed tables several times a day; the
 * board should move each tablet to the right place, and the mind map needs fair turns.
 */
import { useShallow } from 'zustand/react/shallow';
import { areaName } from '../../shared/index.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { useStore } from '../store/store.ts';
import { attempt } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';

/** The facilitator's tables: who sits where, and raised hands. */
export function TablesSection() {
  const t = useT();
  const lang = useLangValue();
  const actions = useActions();
  const seating = useStore((s) => s.facilitation.seating);
  const mixed = useStore(useShallow((s) => s.areaIds.map((id) => s.areas[id]!).filter((a) => a.table === 'mixed')));
  const people = useStore(useShallow((s) => Object.values(s.peers).filter((p) => p.role === 'participant' && p.id)));
  const seats = useStore((s) => s.seats);
  const groups = useStore((s) => s.groups);
  const hands = useStore(
    useShallow((s) =>
      Object.values(s.peers)
        .filter((p) => p.hand !== null && p.hand > (s.facilitation.handsDone[p.id] ?? 0))
        .sort((a, b) => a.hand! - b.hand!),
    ),
  );
  /** Spreads the people over the mixed tables, group by group, so every table mixes the groups. */
  const spread = () => {
    if (mixed.length === 0) return;
    const byGroup = [...people].sort((a, b) => (a.groupId ?? '').localeCompare(b.groupId ?? '') || a.id.localeCompare(b.id));
    byGroup.forEach((p, i) => attempt(() => actions.assignSeat(p.id, 'mixed', mixed[i % mixed.length]!.id)));
  };
  return (
    <>
      <section>
        <h3>{t('tables')}</h3>
        <div className="row" role="group" aria-label={t('seatingNow')}>
          {t('seatingNow')}
          <button type="button" aria-pressed={seating === 'stakeholder'} onClick={() => actions.setSeating('stakeholder')}>{t('seatingStakeholder')}</button>
          <button type="button" aria-pressed={seating === 'mixed'} onClick={() => actions.setSeating('mixed')}>{t('seatingMixed')}</button>
        </div>
        {mixed.length > 0 && people.length > 0 && (
          <>
            <button type="button" onClick={spread}>{t('assignMixed')}</button>
            <ul className="seats">
              {people.map((p) => (
                <li key={p.clientId}>
                  <span className="dot" style={{ background: p.color }} /> {p.name}
                  <span className="muted"> {groups.find((g) => g.id === p.groupId)?.name ?? ''}</span>
                  <select
                    aria-label={t('tableOf', p.name)}
                    value={seats[p.id]?.mixed ?? ''}
                    onChange={(e) => attempt(() => actions.assignSeat(p.id, 'mixed', e.target.value || null))}
                  >
                    <option value="">{t('noTable')}</option>
                    {mixed.map((a) => (
                      <option key={a.id} value={a.id}>{areaName(a, lang)}</option>
                    ))}
                  </select>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section>
        <h3>{t('hands')}</h3>
        {hands.length === 0 ? (
          <p className="hint">{t('handsNone')}</p>
        ) : (
          <ol className="hands">
            {hands.map((p) => (
              <li key={p.clientId}>
                {p.name} <button type="button" onClick={() => actions.markHandDone(p.id)}>{t('handDone')}</button>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

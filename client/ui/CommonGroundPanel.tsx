/**
 * The common-ground panel: for the selected cluster or note, each stakeholder group's stance (agree,
 * disagree, not sure) and the derived standing; the facilitator confirms items into the three Future
 * Search lists; the lists show each item's notes and where every group stands, and disagreements
 * stay visible as a list of their own.
 *
 * Why: the room searches for common ground for action, and keeps its differences visible instead of
 * averaging them away. The standing is derived by the shared rule (every group agrees, or any
 * group disagrees), so every screen, the projector and the report say the same.
 */
import { useShallow } from 'zustand/react/shallow';
import { activeGroups, OUTCOME_LISTS, STANCES, type AgreementItem } from '../../shared/index.ts';
import { useT } from '../i18n/i18n.ts';
import { agreement, clusterView, itemTitle, standingOfItem } from '../store/derived.ts';
import { useStore } from '../store/store.ts';
import { attempt, select, togglePanel } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';
import { Panel } from './Panel.tsx';

/** The common-ground panel (see the module comment). */
export function CommonGroundPanel() {
  const t = useT();
  const lists = useStore(agreement);
  const target = useStore((s) => (s.selection.length === 1 && (s.selection[0]! in s.clusters || s.selection[0]! in s.notes) ? s.selection[0]! : null));
  const empty = lists.unconfirmed.length + lists.commonGround.length + lists.potentialProject.length + lists.notAgreed.length === 0;
  return (
    <Panel title={t('commonGround')} onClose={() => togglePanel('commonGround')}>
      {target && <StanceEditor itemId={target} />}
      {!target && empty && <p className="hint">{t('noStances')}</p>}
      {OUTCOME_LISTS.map((list) => (
        <ItemList key={list} title={t(`list_${list}`)} items={lists[list]} className={`list-${list}`} />
      ))}
      <ItemList title={t('disagreements')} items={lists.disagreements} className="list-disagreements" />
      {lists.unconfirmed.length > 0 && <ItemList title={t('unconfirmed')} items={lists.unconfirmed} className="list-unconfirmed" />}
    </Panel>
  );
}

function StanceEditor({ itemId }: { itemId: string }) {
  const t = useT();
  const actions = useActions();
  const me = useStore((s) => s.me);
  const groups = useStore(useShallow((s) => activeGroups(s.groups)));
  const title = useStore((s) => itemTitle(s, itemId, { cluster: t('clusterDefault'), note: t('emptyNote') }));
  const item = useStore((s) => standingOfItem(s, itemId));
  const facilitator = me.role === 'facilitator';
  const standing = item?.standing ?? 'open';
  return (
    <section className="stance-editor">
      <h3>{t('stanceFor', title)}</h3>
      <p className={`standing standing-${standing}`}>{t(`standing_${standing}`)}</p>
      <ul className="stances">
        {groups.map((g) => {
          const mine = facilitator || me.groupId === g.id;
          const current = item?.byGroup[g.id];
          return (
            <li key={g.id}>
              <span className="swatch-dot" style={{ background: g.color }} /> {g.name}
              <span className="row" role="group" aria-label={t('markFor', g.name)}>
                {STANCES.map((st) => (
                  <button
                    key={st}
                    type="button"
                    className={`stance stance-${st}`}
                    aria-pressed={current === st}
                    disabled={!mine || me.role === 'projector'}
                    onClick={() => attempt(() => (current === st ? actions.clearStance(itemId, g.id) : actions.setStance(itemId, g.id, st)))}
                  >
                    {t(st)}
                  </button>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
      {facilitator && (
        <div className="row">
          {t('confirmAs')}
          {OUTCOME_LISTS.map((list) => (
            <button key={list} type="button" aria-pressed={item?.confirmed === list} onClick={() => attempt(() => actions.confirmOutcome(itemId, list))}>
              {t(`list_${list}`)}
            </button>
          ))}
          {item?.confirmed && <button type="button" onClick={() => attempt(() => actions.clearOutcome(itemId))}>{t('unconfirm')}</button>}
        </div>
      )}
    </section>
  );
}

function ItemList({ title, items, className }: { title: string; items: AgreementItem[]; className: string }) {
  const t = useT();
  return (
    <section className={`agreement-list ${className}`}>
      <h3>{title}</h3>
      {items.length === 0 ? <p className="hint">{t('emptyList')}</p> : (
        <ul>
          {items.map((item) => (
            <AgreementRow key={item.itemId} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AgreementRow({ item }: { item: AgreementItem }) {
  const t = useT();
  const title = useStore((s) => itemTitle(s, item.itemId, { cluster: t('clusterDefault'), note: t('emptyNote') }));
  const notes = useStore(useShallow((s) => (clusterView(s).members.get(item.itemId) ?? []).map((n) => s.notes[n]?.text ?? '')));
  const groups = useStore(useShallow((s) => activeGroups(s.groups)));
  return (
    <li className="agreement-item">
      <button type="button" className="outline-note" onClick={() => select([item.itemId])}>
        <strong>{title}</strong> <span className={`standing standing-${item.standing}`}>{t(`standing_${item.standing}`)}</span>
      </button>
      {item.contested && <p className="warning">{t('contested')}</p>}
      <span className="stance-chips">
        {groups.map((g) => (
          <span key={g.id} className={`chip stance-${item.byGroup[g.id] ?? 'none'}`} style={{ borderColor: g.color }}>
            {g.name}: {item.byGroup[g.id] ? t(item.byGroup[g.id]!) : t('notMarked')}
          </span>
        ))}
      </span>
      {notes.length > 0 && (
        <ul className="member-notes">
          {notes.map((text, i) => (
            <li key={i}>{text.slice(0, 120) || t('emptyNote')}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The dot-vote panel: the facilitator opens a vote (on notes or clusters; dots per person or per
 * stakeholder group; one per item; results live or hidden) and closes it; everyone sees the results
 * as a table (each item's total and each group's dots) when they may.
 *
 * While a vote is open, "Your dots" places a dot on the selected note or cluster, or takes one back:
 * buttons the keyboard reaches with Tab (on the board, D and Shift+D do the same).
 *
 * Why: in a Future Search each stakeholder group puts its dots on the trends that matter to it; the
 * split by group is the result, not only the total.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { VoteInput } from '../../shared/index.ts';
import { useT } from '../i18n/i18n.ts';
import { currentCount, currentVote, itemTitle, resultsVisible, voteRows } from '../store/derived.ts';
import { useStore } from '../store/store.ts';
import { attempt, togglePanel } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';
import { dotTarget, voteOn } from '../tools/dotKeys.ts';
import { GroupMarkChip } from './GroupMarkChip.tsx';
import { Panel } from './Panel.tsx';
import { cellCount, resultColumns } from './voteTable.ts';

/** The vote panel (see the module comment). */
export function VotePanel() {
  const t = useT();
  const actions = useActions();
  const vote = useStore(currentVote);
  const role = useStore((s) => s.me.role);
  const visible = useStore((s) => resultsVisible(s, currentVote(s)));
  const facilitator = role === 'facilitator';
  return (
    <Panel title={t('vote')} onClose={() => togglePanel('vote')}>
      {vote ? (
        <section>
          <h3>
            {vote.title || t('untitledVote')} <span className="muted">· {vote.open ? t('voteOpen') : t('voteClosed')}</span>
          </h3>
          {facilitator && (
            <button type="button" onClick={() => attempt(() => actions.setVoteOpen(vote.id, !vote.open))}>
              {vote.open ? t('closeVote') : t('reopenVote')}
            </button>
          )}
          {vote.open && role !== 'projector' && <MyDots />}
          {visible ? <Results /> : <p className="hint">{t('resultsHidden')}</p>}
        </section>
      ) : (
        <p className="hint">{t('noVoteYet')}</p>
      )}
      {facilitator && (!vote || !vote.open) && <StartVote />}
    </Panel>
  );
}

/** Place a dot on the selected item, or take one back (keyboard and screen-reader voting). */
function MyDots() {
  const t = useT();
  const actions = useActions();
  const target = useStore((s) => dotTarget(s, null));
  const title = useStore((s) => (target ? itemTitle(s, target, { cluster: t('clusterDefault'), note: t('emptyNote') }) : ''));
  return (
    <section className="vote-dots" aria-labelledby="my-dots-title">
      <h4 id="my-dots-title">{t('myDotsTitle')}</h4>
      {target ? (
        <div className="row">
          <button type="button" onClick={() => voteOn(actions, useStore.getState(), target, false)}>{t('placeDotOn', title)}</button>
          <button type="button" className="secondary" onClick={() => voteOn(actions, useStore.getState(), target, true)}>{t('takeBackFrom', title)}</button>
        </div>
      ) : null}
      <p className="hint">{t('dotTargetHint')}</p>
    </section>
  );
}

function Results() {
  const t = useT();
  const rows = useStore(voteRows);
  const over = useStore((s) => currentCount(s)?.overLimit.size ?? 0);
  const clusters = useStore((s) => s.clusters);
  const groupOrder = useStore(useShallow((s) => s.groups.map((g) => g.id)));
  if (rows.length === 0) return <p className="hint">{t('noVotes')}</p>;
  const max = Math.max(...rows.map((r) => r.total));
  const columns = resultColumns(rows, groupOrder);
  return (
    <>
      <h4 id="vote-results-title">{t('results')}</h4>
      <table className="results" aria-labelledby="vote-results-title">
        <caption className="visually-hidden">{t('resultsTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('resultsItem')}</th>
            <th scope="col">{t('resultsTotal')}</th>
            {columns.map((c) => (
              <th key={c.groupId} scope="col" title={c.name || t('noGroup')}>
                {c.groupId ? <GroupMarkChip id={c.groupId} color={c.color} /> : <span className="dot no-group" aria-hidden="true" />}
                <span className="visually-hidden">{c.name || t('noGroup')}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.itemId}>
              <th scope="row">
                <span className="result-title">{r.title || (r.itemId in clusters ? t('clusterDefault') : t('emptyNote'))}</span>
                <span className="bar" aria-hidden="true" style={{ width: `${(r.total / max) * 100}%` }}>
                  {r.split.map((part) => (
                    <span key={part.groupId} style={{ background: part.color, flexGrow: part.count }} />
                  ))}
                </span>
              </th>
              <td><strong>{r.total}</strong></td>
              {columns.map((c) => {
                const n = cellCount(r, c.groupId);
                return <td key={c.groupId} className={n ? undefined : 'zero'}>{n}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {over > 0 && <p className="hint">{t('overLimit', over)}</p>}
    </>
  );
}

function StartVote() {
  const t = useT();
  const actions = useActions();
  const [form, setForm] = useState<Required<VoteInput>>({ title: '', target: 'notes', budget: 'person', dots: 3, onePerItem: false, live: true });
  const set = (patch: Partial<VoteInput>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <form
      className="vote-form"
      onSubmit={(e) => {
        e.preventDefault();
        attempt(() => actions.openVote(form));
      }}
    >
      <h3>{t('startVote')}</h3>
      <label className="field">
        {t('voteTitle')}
        <input value={form.title} placeholder={t('voteTitlePlaceholder')} maxLength={120} onChange={(e) => set({ title: e.target.value })} onKeyDown={(e) => e.stopPropagation()} />
      </label>
      <label className="field">
        {t('voteOn')}
        <select value={form.target} onChange={(e) => set({ target: e.target.value as 'notes' | 'clusters' })}>
          <option value="notes">{t('voteNotes')}</option>
          <option value="clusters">{t('voteClusters')}</option>
        </select>
      </label>
      <div className="row">
        <label className="field">
          {t('dotsPer')}
          <input type="number" min={1} max={50} value={form.dots} onChange={(e) => set({ dots: Math.round(Number(e.target.value)) || 1 })} onKeyDown={(e) => e.stopPropagation()} />
        </label>
        <select aria-label={t('dotsPer')} value={form.budget} onChange={(e) => set({ budget: e.target.value as 'person' | 'group' })}>
          <option value="person">{t('perPerson')}</option>
          <option value="group">{t('perGroup')}</option>
        </select>
      </div>
      <label className="check">
        <input type="checkbox" checked={form.onePerItem} onChange={(e) => set({ onePerItem: e.target.checked })} /> {t('onePerItem')}
      </label>
      <label className="check">
        <input type="checkbox" checked={form.live} onChange={(e) => set({ live: e.target.checked })} /> {t('liveResults')}
      </label>
      <button type="submit" className="primary">{t('startVote')}</button>
    </form>
  );
}

/**
 * The clusters panel: every cluster ranked by whole-system coverage (which stakeholder groups have
 * spoken to it, which are missing), a filter for "clusters no one from group X has spoken to", and
 * suggested clusters to accept, edit or reject.
 *
 * Why: the whole system in the room, made visible for the whole board: which groups have spoken on
 * each theme and which are missing. And a first proposal for a wall of hundreds of notes, which the
 * table then owns: nothing is clustered without a person accepting it.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { activeGroups, clusterBounds, coverageOf } from '../../shared/index.ts';
import { useT } from '../i18n/i18n.ts';
import { clusterView } from '../store/derived.ts';
import { useStore } from '../store/store.ts';
import { attempt, centerOn, select, togglePanel } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';
import { proposalsFor, type Proposal } from '../tools/suggestions.ts';
import { gatherMoves } from '../tools/gatherNotes.ts';
import { Panel } from './Panel.tsx';

/** The clusters panel (see the module comment). */
export function ClustersPanel() {
  const t = useT();
  const [missingFrom, setMissingFrom] = useState('');
  const groups = useStore((s) => s.groups);
  const active = activeGroups(groups);
  const rows = useStore(
    useShallow((s) => {
      const view = clusterView(s);
      return view.ids.map((id) => {
        const members = view.members.get(id)!.map((n) => s.notes[n]!);
        const cov = coverageOf(members, s.groups);
        return `${id}\u0000${s.clusters[id]?.label ?? ''}\u0000${members.length}\u0000${cov.present.join(',')}\u0000${cov.missing.join(',')}\u0000${cov.ratio}`;
      });
    }),
  );
  const clusters = rows
    .map((r) => {
      const [id, label, size, present, missing, ratio] = r.split('\u0000') as [string, string, string, string, string, string];
      return { id, label, size: Number(size), present: present ? present.split(',') : [], missing: missing ? missing.split(',') : [], ratio: Number(ratio) };
    })
    .filter((c) => !missingFrom || c.missing.includes(missingFrom))
    .sort((a, b) => b.ratio - a.ratio || b.size - a.size || (a.id < b.id ? -1 : 1));
  const nameOf = (id: string) => groups.find((g) => g.id === id)?.name ?? '';
  const colorOf = (id: string) => groups.find((g) => g.id === id)?.color ?? '#666';

  const focus = (id: string) => {
    const s = useStore.getState();
    const box = clusterBounds((clusterView(s).members.get(id) ?? []).map((n) => s.notes[n]!));
    if (box) centerOn({ x: box.x + box.w / 2, y: box.y + box.h / 2 });
    select([id]);
  };

  return (
    <Panel title={t('clusters')} onClose={() => togglePanel('clusters')}>
      {active.length > 0 && (
        <label className="field">
          {t('notSpokenBy')}
          <select value={missingFrom} onChange={(e) => setMissingFrom(e.target.value)}>
            <option value="">{t('anyGroup')}</option>
            {active.map((g) => (
              <option key={g.id} value={g.id}>{g.name}</option>
            ))}
          </select>
        </label>
      )}
      {rows.length === 0 && <p className="hint">{t('clustersEmpty')}</p>}
      <ul className="cluster-list">
        {clusters.map((c) => (
          <li key={c.id}>
            <button type="button" className="outline-note" onClick={() => focus(c.id)}>
              <strong>{c.label || t('clusterDefault')}</strong> <span className="muted">· {t('groupNotes', c.size)}</span>
              {active.length > 0 && (
                <span className="coverage">
                  {t('coverageOf', c.present.length, active.length)}{' '}
                  {c.present.map((g) => <span key={g} className="swatch-dot" title={nameOf(g)} style={{ background: colorOf(g) }} />)}
                  {c.missing.map((g) => <span key={g} className="swatch-dot hollow" title={nameOf(g)} style={{ borderColor: colorOf(g) }} />)}
                  <br />
                  {c.missing.length ? t('missingGroups', c.missing.map(nameOf).join(', ')) : t('allGroupsPresent')}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <Suggestions />
    </Panel>
  );
}

function Suggestions() {
  const t = useT();
  const actions = useActions();
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  // Whether the last run found nothing (not: every proposal has been dealt with).
  const [foundNone, setFoundNone] = useState(false);
  const selected = useStore(useShallow((s) => s.selection.filter((id) => id in s.notes)));
  const unclustered = useStore(useShallow((s) => s.noteIds.filter((id) => !(id in clusterView(s).noteCluster))));
  const basis = selected.length >= 2 ? selected : unclustered;
  const run = () => {
    const s = useStore.getState();
    const notes = s.notes;
    // The clusters already on the board teach the suggestions the room's own words.
    const view = clusterView(s);
    const known = view.ids.map((id) => ({ id, label: s.clusters[id]?.label ?? '', texts: (view.members.get(id) ?? []).map((n) => notes[n]?.text ?? '') }));
    const found = proposalsFor(basis.map((id) => notes[id]!).filter((n) => n.text.trim()), known);
    setProposals(found);
    setFoundNone(found.length === 0);
  };
  const drop = (key: string) => setProposals((ps) => ps?.filter((p) => p.key !== key) ?? null);
  return (
    <section>
      <h3>{t('suggest')}</h3>
      <p className="hint">{t('suggestHint')}</p>
      <button type="button" onClick={run} disabled={basis.length < 2}>
        {selected.length >= 2 ? t('suggestSelected', basis.length) : t('suggestUnclustered', basis.length)}
      </button>
      {foundNone && <p className="hint">{t('suggestNone')}</p>}
      {proposals?.map((p) => (
        <ProposalCard
          key={p.key}
          proposal={p}
          onReject={() => drop(p.key)}
          onAccept={(ids, label) => {
            const { moves, centre } = gatherMoves(useStore.getState(), ids);
            if (attempt(() => actions.acceptProposal(ids, label, moves)) === undefined) return;
            drop(p.key);
            // Show where the cluster went (it may have moved to free space).
            if (centre) centerOn(centre);
          }}
        />
      ))}
    </section>
  );
}

function ProposalCard({ proposal, onAccept, onReject }: { proposal: Proposal; onAccept: (ids: string[], label: string) => void; onReject: () => void }) {
  const t = useT();
  const [label, setLabel] = useState(proposal.label);
  const [kept, setKept] = useState(() => new Set(proposal.noteIds));
  const notes = useStore(useShallow((s) => proposal.noteIds.map((id) => s.notes[id]?.text ?? '')));
  const ids = useMemo(() => proposal.noteIds.filter((id) => kept.has(id)), [proposal, kept]);
  return (
    <div className="proposal">
      <input aria-label={t('suggestionLabel')} value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
      <ul>
        {proposal.noteIds.map((id, i) => (
          <li key={id}>
            <label className="check">
              <input
                type="checkbox"
                checked={kept.has(id)}
                onChange={() => setKept((k) => {
                  const next = new Set(k);
                  if (next.has(id)) next.delete(id);
                  else next.add(id);
                  return next;
                })}
              />{' '}
              {(notes[i] ?? '').slice(0, 90)}
            </label>
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" className="primary" disabled={ids.length === 0} onClick={() => onAccept(ids, label)}>{t('accept')}</button>
        <button type="button" onClick={onReject}>{t('reject')}</button>
      </div>
    </div>
  );
}

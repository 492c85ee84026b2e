/**
 * The stakeholder groups panel: the legend (each group's colour and notes), my own group, the
 * perspective lens, and, for the facilitator, adding, renaming, recolouring and archiving groups.
 *
 * Why: the whole system is in the room: every note has its author's stakeholder group, and the
 * lens lets a table look at the board through one group's eyes, or at what one group has not said.
 */
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { GROUP_PALETTE, type StakeholderGroup } from '../../shared/index.ts';
import { useT } from '../i18n/i18n.ts';
import { useStore } from '../store/store.ts';
import { attempt, setLens, toggleLensGroup, togglePanel } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';
import { Panel } from './Panel.tsx';
import { GroupMarkChip } from './GroupMarkChip.tsx';

/** The stakeholder groups panel (see the module comment). */
export function GroupsPanel() {
  const t = useT();
  const groups = useStore((s) => s.groups);
  const me = useStore((s) => s.me);
  const lens = useStore((s) => s.lens);
  const counts = useStore(
    useShallow((s) => {
      const out: Record<string, number> = {};
      for (const id of s.noteIds) {
        const g = s.notes[id]?.groupId;
        if (g) out[g] = (out[g] ?? 0) + 1;
      }
      return out;
    }),
  );
  const actions = useActions();
  const [editing, setEditing] = useState(false);
  const facilitator = me.role === 'facilitator';
  const active = groups.filter((g) => !g.archived);
  const archived = groups.filter((g) => g.archived);

  return (
    <Panel title={t('groups')} onClose={() => togglePanel('groups')}>
      {active.length === 0 && <p className="hint">{facilitator ? t('groupsEmpty') : t('groupsEmptyParticipant')}</p>}
      {me.role !== 'projector' && active.length > 0 && (
        <label className="field">
          {t('myGroup', '')}
          <select value={me.groupId ?? ''} onChange={(e) => actions.setMyGroup(e.target.value)} aria-label={t('myGroup', '')}>
            <option value="">{t('noGroup')}</option>
            {active.map((g) => (
              <option key={g.id} value={g.id}>{g.name}</option>
            ))}
          </select>
        </label>
      )}
      {active.length > 0 && (
        <section>
          <h3>{t('lens')}</h3>
          <p className="hint">{t('lensHint')}</p>
          <ul className="legend">
            {active.map((g) => (
              <li key={g.id}>
                <button type="button" className="lens-toggle" aria-pressed={lens.groups.includes(g.id)} onClick={() => toggleLensGroup(g.id)}>
                  <GroupMarkChip id={g.id} color={g.color} /> {g.name}
                  <span className="muted"> · {counts[g.id] === 1 ? t('groupOneNote') : t('groupNotes', counts[g.id] ?? 0)}</span>
                </button>
                {facilitator && editing && <GroupEditor group={g} />}
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" aria-pressed={lens.mode === 'highlight'} onClick={() => setLens({ mode: 'highlight' })}>{t('lensHighlight')}</button>
            <button type="button" aria-pressed={lens.mode === 'filter'} onClick={() => setLens({ mode: 'filter' })}>{t('lensFilter')}</button>
            <button type="button" disabled={lens.groups.length === 0} onClick={() => setLens({ groups: [] })}>{t('lensClear')}</button>
          </div>
          <label className="check">
            <input type="checkbox" checked={lens.colorByGroup} onChange={(e) => setLens({ colorByGroup: e.target.checked })} /> {t('colorByGroup')}
          </label>
        </section>
      )}
      {facilitator && active.length > 0 && (
        <button type="button" aria-pressed={editing} onClick={() => setEditing(!editing)}>{t('editGroups')}</button>
      )}
      {facilitator && <AddGroup count={groups.length} />}
      {facilitator && archived.length > 0 && (
        <section>
          <h3>{t('archived')}</h3>
          <ul className="legend">
            {archived.map((g) => (
              <li key={g.id}>
                <span className="swatch-dot" style={{ background: g.color }} /> {g.name}{' '}
                <button type="button" onClick={() => attempt(() => actions.archiveGroup(g.id, false))}>{t('restore')}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Panel>
  );
}

function GroupEditor({ group }: { group: StakeholderGroup }) {
  const t = useT();
  const actions = useActions();
  const [name, setName] = useState(group.name);
  const [color, setColor] = useState(group.color);
  const save = (patch: { name?: string; color?: string }) =>
    attempt(() => actions.updateGroup(group.id, { name: patch.name ?? group.name, color: patch.color ?? group.color }));
  // React's onChange reports every step of a drag in the picker; the native `change` event fires once,
  // when the picker closes: the colour is saved (one change, one undo step) then.
  const colorInput = useRef<HTMLInputElement>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const el = colorInput.current;
    if (!el) return;
    const commit = () => saveRef.current({ color: el.value });
    el.addEventListener('change', commit);
    return () => el.removeEventListener('change', commit);
  }, []);
  return (
    <span className="group-editor">
      <input
        aria-label={t('rename')}
        value={name}
        maxLength={120}
        onChange={(e) => setName(e.target.value)}
        onBlur={() => name.trim() !== group.name && save({ name })}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        }}
      />
      <input
        ref={colorInput}
        type="color"
        aria-label={t('groupColour', group.name)}
        value={color}
        onChange={(e) => setColor(e.target.value)}
      />
      <button type="button" onClick={() => attempt(() => actions.archiveGroup(group.id, true))}>{t('archive')}</button>
    </span>
  );
}

function AddGroup({ count }: { count: number }) {
  const t = useT();
  const actions = useActions();
  const [name, setName] = useState('');
  const add = (e: React.FormEvent) => {
    e.preventDefault();
    const color = GROUP_PALETTE[count % GROUP_PALETTE.length]!;
    if (attempt(() => actions.addGroup({ name, color })) !== undefined) setName('');
  };
  return (
    <form className="row" onSubmit={add}>
      <input aria-label={t('groupName')} placeholder={t('groupName')} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
      <button type="submit" disabled={!name.trim()}>{t('addGroup')}</button>
    </form>
  );
}

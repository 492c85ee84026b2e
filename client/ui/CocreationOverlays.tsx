/**
 * Small overlays of the co-creation tools: the stakeholder-group question after joining, the vote
 * banner with dots left and the place / take back / select tool, the cluster label editor, and the
 * notice that says why something could not be done.
 *
 * Why: a participant on a tablet must see at a glance what the room is doing now (a vote is open,
 * three dots left) and be asked the one question that makes their notes count for their group.
 */
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { activeGroups } from '../../shared/index.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { dotsLeftText, myDotsLeft } from '../store/announcements.ts';
import { clusterOutline } from '../store/cocreationSelectors.ts';
import { currentVote } from '../store/derived.ts';
import { useMayUse } from '../store/participantTools.ts';
import { useStore } from '../store/store.ts';
import { useActions } from '../sync/sessionContext.ts';
import { clearNotice, editCluster, setVoteTool, toggleLensGroup } from '../store/ui.ts';
import { GroupMarkChip } from './GroupMarkChip.tsx';
import { InlineInput } from './LabelEditors.tsx';
import { useModal } from './useModal.ts';

/** The facilitator may still be adding groups: ask only once the list has been still for this long. */
const PICKER_SETTLE_MS = 2500;

/** Whether `value` has stayed the same for `ms`. */
function useSettled(value: string, ms: number): boolean {
  const [settled, setSettled] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled === value;
}

/** Asks which stakeholder group I am in, once groups exist (and stopped changing) and I have not answered. */
export function GroupPicker() {
  const [later, setLater] = useState(false);
  const groups = useStore(useShallow((s) => activeGroups(s.groups)));
  const settled = useSettled(groups.map((g) => `${g.id}:${g.name}`).join('|'), PICKER_SETTLE_MS);
  // The facilitator is not asked (they set up the groups and usually belong to none); they can pick one
  // in the panel. Nor is anyone while the device's copy is in question (the groups may be its own).
  // Nor while they are typing: the question waits until the note (or name) is written.
  const ask = useStore(
    (s) => s.me.groupId === null && s.me.role === 'participant' && !s.conflict && !s.editingNote && !s.editingArea && !s.editingCluster,
  );
  if (!ask || later || groups.length === 0 || !settled) return null;
  return <GroupPickerDialog groups={groups} onLater={() => setLater(true)} />;
}

/** The group question as a modal: Escape answers "later". */
function GroupPickerDialog({ groups, onLater }: { groups: ReturnType<typeof activeGroups>; onLater: () => void }) {
  const t = useT();
  const actions = useActions();
  const ref = useRef<HTMLElement>(null);
  useModal(ref, onLater);
  return (
    <div className="dialog-backdrop">
      <section className="dialog" role="dialog" aria-modal="true" aria-labelledby="pick-group-title" ref={ref}>
        <h2 id="pick-group-title">{t('pickGroupTitle')}</h2>
        <p>{t('pickGroupBody')}</p>
        <div className="group-choices">
          {groups.map((g) => (
            <button key={g.id} type="button" className="group-choice" onClick={() => actions.setMyGroup(g.id)}>
              <span className="swatch-dot" style={{ background: g.color }} /> {g.name}
            </button>
          ))}
          <button type="button" className="group-choice" onClick={() => actions.setMyGroup('')}>{t('noGroup')}</button>
        </div>
        <button type="button" className="secondary" onClick={onLater}>{t('pickGroupLater')}</button>
      </section>
    </div>
  );
}

/** While a vote is open: what it asks, my dots left, and the tap tool. */
export function VoteBanner() {
  const t = useT();
  const vote = useStore(currentVote);
  const tool = useStore((s) => s.voteTool);
  const role = useStore((s) => s.me.role);
  const mine = useStore(useShallow((s) => myDotsLeft(s) ?? { voteId: '', left: 0, groupName: '' }));
  const lang = useLangValue();
  // With dots switched off for participants the vote is not theirs to see as a task (the tools line says why).
  const mayVote = useMayUse('dots');
  if (!vote || !vote.open || !mayVote) return null;
  // One sentence, read as one by a screen reader and by the eye: what is asked, how to vote, dots left.
  const lead = vote.title ? t('voteOn', vote.title) : t('untitledVote');
  const needsGroup = vote.budget === 'group' && !mine.groupName;
  // A facilitator without a group gets a small "vote as" choice in their bar, not this banner.
  if (needsGroup && role === 'facilitator') return null;
  return (
    <section className="vote-banner" aria-label={t('voteInProgress')}>
      {role === 'projector' ? (
        <p className="vote-text">{t('voteIsOpen', lead)}</p>
      ) : needsGroup ? (
        <p className="vote-text">{t('voteNeedsGroupSentence', lead)}</p>
      ) : (
        <p className="vote-text">
          {t('voteInstruction', lead, t(`votePlaceTarget_${vote.target}`))};{' '}
          <strong className="dots-left">{dotsLeftText(lang, vote.budget, mine)}</strong>.
        </p>
      )}
      {role !== 'projector' && (
        <span className="row" role="group" aria-label={t('vote')}>
          <button type="button" aria-pressed={tool === 'place'} onClick={() => setVoteTool('place')}>{t('placeDot')}</button>
          <button type="button" aria-pressed={tool === 'takeBack'} onClick={() => setVoteTool('takeBack')}>{t('takeBack')}</button>
          <button type="button" aria-pressed={tool === 'off'} onClick={() => setVoteTool('off')}>{t('stopVoting')}</button>
        </span>
      )}
    </section>
  );
}

/** The in-place editor of a cluster's label, over its label bar. */
export function ClusterLabelEditor() {
  const t = useT();
  const actions = useActions();
  const id = useStore((s) => s.editingCluster);
  const label = useStore((s) => (s.editingCluster ? (s.clusters[s.editingCluster]?.label ?? null) : null));
  const box = useStore(useShallow((s) => (s.editingCluster ? clusterOutline(s, s.editingCluster) : null)));
  const v = useStore((s) => s.viewport);
  if (!id || label === null || !box) return null;
  return (
    <InlineInput
      key={id}
      initial={label}
      label={t('renameCluster')}
      style={{ left: box.x * v.scale + v.x, top: box.y * v.scale + v.y, width: Math.max(200, box.w * v.scale) }}
      onDone={(value) => {
        if (value !== null) actions.renameCluster(id, value);
        editCluster(null);
      }}
    />
  );
}

/** A short message at the bottom (e.g. "no dots left"), gone after a few seconds. */
export function Notice() {
  const notice = useStore((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => clearNotice(notice), 4000);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <p className="notice" role="alert">
      {notice.message}
    </p>
  );
}

/** The stakeholder groups' marks (colour and label, as on their notes), always on the board (under the overview map); a tap toggles the lens. */
export function GroupLegend() {
  const t = useT();
  const groups = useStore(useShallow((s) => activeGroups(s.groups)));
  const lens = useStore((s) => s.lens.groups);
  if (groups.length === 0) return null;
  return (
    <ul className="group-legend" aria-label={t('groups')}>
      {groups.map((g) => (
        <li key={g.id}>
          <button type="button" aria-pressed={lens.includes(g.id)} onClick={() => toggleLensGroup(g.id)} onPointerDown={(e) => e.preventDefault()}>
            <GroupMarkChip id={g.id} color={g.color} /> {g.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * Side panels: help with every gesture and shortcut (and the keys for keyboard-only use), the people
 * on the board, and the outline (OutlinePanel.tsx) for screen readers and for reading the board as a list.
 *
 * Why: the canvas is visual; the outline makes the same content available to everyone.
 */
import { lazy, Suspense } from 'react';
import { useLangValue, useT } from '../i18n/i18n.ts';
import type { StringKey } from '../i18n/strings.ts';
import { setLanguage } from '../store/language.ts';
import { useStore } from '../store/store.ts';
import { togglePanel } from '../store/ui.ts';
import { handoffLink } from '../sync/identity.ts';
import { OutlinePanel } from './OutlinePanel.tsx';
import { Panel } from './Panel.tsx';
import { PeopleList } from './PeopleList.tsx';
// The co-creation and facilitator panels load when first opened: a tablet that never opens them
// never downloads them.
const ClustersPanel = lazy(() => import('./ClustersPanel.tsx').then((m) => ({ default: m.ClustersPanel })));
const CommonGroundPanel = lazy(() => import('./CommonGroundPanel.tsx').then((m) => ({ default: m.CommonGroundPanel })));
const FacilitatorPanel = lazy(() => import('./FacilitatorPanel.tsx').then((m) => ({ default: m.FacilitatorPanel })));
const GroupsPanel = lazy(() => import('./GroupsPanel.tsx').then((m) => ({ default: m.GroupsPanel })));
const VotePanel = lazy(() => import('./VotePanel.tsx').then((m) => ({ default: m.VotePanel })));

const SHORTCUTS: StringKey[] = ['sc_newNote', 'sc_edit', 'sc_pan', 'sc_zoom', 'sc_select', 'sc_delete', 'sc_duplicate', 'sc_undo', 'sc_connect', 'sc_area', 'sc_areaMove', 'sc_cluster', 'sc_vote', 'sc_escape', 'sc_help'];
/** Everything by keyboard alone (the board's own keys, see tools/keyboardFocus.ts). */
const KEYBOARD: StringKey[] = ['sc_kbTab', 'sc_kbSelect', 'sc_kbMove', 'sc_kbPan', 'sc_kbNewNote', 'sc_kbDot', 'sc_kbOutline'];

function HelpPanel() {
  const t = useT();
  const lang = useLangValue();
  return (
    <Panel title={t('shortcutsTitle')} onClose={() => togglePanel('help')}>
      <ul className="shortcuts">
        {SHORTCUTS.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      <h3>{t('keyboardOnlyTitle')}</h3>
      <ul className="shortcuts">
        {KEYBOARD.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setLanguage(lang === 'en' ? 'nl' : 'en')}>{t('language')}</button>
    </Panel>
  );
}

function PeoplePanel({ myName, boardId, token }: { myName: string; boardId: string; token: string }) {
  const t = useT();
  // In a crowd this device holds its own table's presence only; the server's count is the room's.
  const here = useStore((s) => s.crowd?.people ?? Object.keys(s.peers).length + 1);
  const role = useStore((s) => s.me.role);
  const myGroup = useStore((s) => s.me.groupId);
  return (
    <Panel title={t('peopleHere', here)} onClose={() => togglePanel('people')}>
      <PeopleList myName={myName} />
      {role !== 'projector' && <Handoff link={handoffLink(boardId, token, { name: myName, groupId: myGroup })} />}
    </Panel>
  );
}

/** "Continue on another device": the link that opens the board there as me (name and group), to copy. */
function Handoff({ link }: { link: string }) {
  const t = useT();
  return (
    <section>
      <h3>{t('handoffTitle')}</h3>
      <p className="hint">{t('handoffBody')}</p>
      <input className="handoff-link" readOnly value={link} aria-label={t('handoffTitle')} onFocus={(e) => e.target.select()} />
    </section>
  );
}

/** The open side panel, if any. */
export function SidePanel({ myName, boardId, token }: { myName: string; boardId: string; token: string }) {
  const panel = useStore((s) => s.panel);
  if (panel === 'help') return <HelpPanel />;
  if (panel === 'people') return <PeoplePanel myName={myName} boardId={boardId} token={token} />;
  if (panel === 'outline') return <OutlinePanel />;
  const lazyPanel =
    panel === 'groups' ? <GroupsPanel /> :
    panel === 'clusters' ? <ClustersPanel /> :
    panel === 'vote' ? <VotePanel /> :
    panel === 'commonGround' ? <CommonGroundPanel /> :
    panel === 'facilitate' ? <FacilitatorPanel boardId={boardId} token={token} /> :
    null;
  return lazyPanel ? <Suspense fallback={null}>{lazyPanel}</Suspense> : null;
}

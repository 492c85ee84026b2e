/**
 * The board page: asks for a name once, opens the session, and lays out the canvas with its toolbar,
 * connection badge, overview map, editors and panels.
 *
 * Why: one place that decides what a person sees: the join form, a clear page when the link is
 * refused or the server is out of reach, or the board.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { roleOfToken } from '../../shared/index.ts';
import { askAboutBoard } from '../sync/boardInfo.ts';
import { takeHandoff } from '../sync/identity.ts';
import { openSession, type BoardSession } from '../sync/session.ts';
import { ActionsContext } from '../sync/sessionContext.ts';
import { setLanguage } from '../store/language.ts';
import { useStore } from '../store/store.ts';
import { togglePanel, zoomToFit } from '../store/ui.ts';
import { fitTaskFrame } from '../store/taskView.ts';
import { useShortcuts } from '../tools/keyboard.ts';
import { ClusterLabelEditor, GroupLegend, GroupPicker, Notice, VoteBanner } from './CocreationOverlays.tsx';
import { Announcer } from './Announcer.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { colorFor, JoinDialog, rememberedName } from './JoinDialog.tsx';
import { AreaNameEditor, ConnectorLabelEditor } from './LabelEditors.tsx';
import { Icon } from './icons.tsx';
import { MergeToast } from './MergeToast.tsx';
import { BoardCorner } from './BoardCorner.tsx';
import { UndoToast } from './Toast.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { Toolbar } from './Toolbar.tsx';
import { HeaderTools } from './HeaderTools.tsx';
import { ProjectorJoin } from './ProjectorJoin.tsx';
import { ProjectorSummary } from './ProjectorSummary.tsx';
import { ProjectorProgress } from './ProjectorProgress.tsx';
import { ReadyPrompt } from './ReadyPrompt.tsx';
import { TaskStrip } from './TaskStrip.tsx';
import { FacilitatorBar } from './FacilitatorBar.tsx';
import { useFollowAndSummon } from '../tools/followAndSummon.ts';
import { rememberBoard } from '../store/recentBoards.ts';
import './cocreation.css';
import './facilitation.css';
import './phone.css';
import './keyboard.css';
import './projector.css';
import './flow.css';
import './notes.css';
import './visible.css';
import './crowd.css';

// The side panels load when one is first opened (most tablets never open most of them).
const SidePanel = lazy(() => import('./Panels.tsx').then((m) => ({ default: m.SidePanel })));

/** The page of board `boardId`, opened with `token`: the join form first, then the board. */
export function BoardPage({ boardId, token }: { boardId: string; token: string }) {
  const t = useT();
  // The projector is a screen, not a person: it joins without a name.
  const [name, setName] = useState(() => {
    if (roleOfToken(token) === 'projector') return 'Projector';
    // A link from "continue on another device" brings the person's id, name and group along.
    return takeHandoff(boardId) ?? rememberedName();
  });
  // Before asking for a name: which board is this, and does the link still open it? (Offline the
  // question goes unanswered and the join form simply has no title.)
  const [info, setInfo] = useState<{ title?: string; refused?: boolean }>({});
  useEffect(() => {
    if (name) return;
    let live = true;
    askAboutBoard(boardId, token).then(
      async (res) => {
        if (!live) return;
        if (res.status === 401 || res.status === 403 || res.status === 404) setInfo({ refused: true });
        else if (res.ok) setInfo({ title: ((await res.json()) as { title?: string }).title ?? '' });
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [boardId, token, name]);
  if (info.refused) return <Problem title={t('refusedTitle')} body={t('refusedBody')} />;
  if (!name) return <JoinDialog title={info.title} onJoin={setName} />;
  return <BoardSessionView boardId={boardId} token={token} name={name} />;
}

function BoardSessionView({ boardId, token, name }: { boardId: string; token: string; name: string }) {
  const [session, setSession] = useState<BoardSession | null>(null);
  useEffect(() => {
    const s = openSession(boardId, token, { name, color: colorFor(name) });
    setSession(s);
    return () => s.destroy();
  }, [boardId, token, name]);
  if (!session) return null;
  return (
    <ActionsContext.Provider value={session.actions}>
      <BoardScreen session={session} name={name} />
    </ActionsContext.Provider>
  );
}

function Problem({ title, body }: { title: string; body: string }) {
  return (
    <main className="page">
      <h1>{title}</h1>
      <p role="status">{body}</p>
    </main>
  );
}

function BoardScreen({ session, name }: { session: BoardSession; name: string }) {
  const t = useT();
  const lang = useLangValue();
  const title = useStore((s) => s.meta?.title ?? '');
  const synced = useStore((s) => s.synced);
  const problem = useStore((s) => s.problem);
  const empty = useStore((s) => s.noteIds.length === 0 && s.areaIds.length === 0);
  const hasContent = !empty;
  const connecting = useStore((s) => s.connectFrom !== null);
  const people = useStore((s) => s.crowd?.people ?? Object.keys(s.peers).length + 1);
  const fitted = useRef(false);
  useShortcuts(session.actions);
  useFollowAndSummon(session.actions);
  // On the board's list of people once the server has the board (for the report).
  useEffect(() => {
    if (synced) session.actions.registerMe();
  }, [synced, session]);
  const projector = useStore((s) => s.me.role === 'projector');
  const panelOpen = useStore((s) => s.panel !== 'none');

  useEffect(() => {
    if (!title) return;
    document.title = `${title} · Olifant`;
    // Remembered on this device (with its link) so the start page can list it; the link as opened,
    // without a personal hand-over part.
    const me = useStore.getState().me;
    rememberBoard({ id: session.boardId, title, role: me.role, link: `${location.origin}/b/${session.boardId}#token=${session.token}` });
  }, [title, session]);
  // Show the current task (or the whole board) once, when it opens with content (the local copy or the first sync, which
  // the bridge publishes a frame later). A board that opens empty is never re-fitted: the view must
  // not jump under someone who just made the first note.
  const localLoaded = useStore((s) => s.localLoaded);
  useEffect(() => {
    if (fitted.current || (!synced && !localLoaded)) return;
    const frame = requestAnimationFrame(() => {
      const s = useStore.getState();
      const content = s.noteIds.length + s.areaIds.length > 0;
      // With an agenda under way, land on the current task's areas rather than the whole board.
      if (content && (s.me.role === 'projector' || !fitTaskFrame())) zoomToFit();
      // Decided once the server has answered, or once a local copy with content has been shown.
      if (synced || content) fitted.current = true;
    });
    return () => cancelAnimationFrame(frame);
  }, [synced, localLoaded]);

  // With a copy of the board on this device, an unreachable server is no reason to stop working.
  const usable = synced || (localLoaded && hasContent);
  if (!usable && problem === 'unreachable') return <Problem title={t('unreachableTitle')} body={t('unreachableBody')} />;
  if (!synced && problem === 'link') return <Problem title={t('refusedTitle')} body={t('refusedBody')} />;

  return (
    <div className={projector ? 'board projector' : 'board'}>
      <header className="board-header">
        <h1 title={title}>{title}</h1>
        <HeaderTools />
        <button type="button" className="people-count" aria-label={`${t('people')}: ${people}`} onClick={() => togglePanel('people')}>
          <Icon name="people" /> {people}
        </button>
        <button type="button" className="lang" aria-label={`${lang === 'en' ? 'NL' : 'EN'} · ${t('language')}`} title={t('language')} onClick={() => setLanguage(lang === 'en' ? 'nl' : 'en')}>
          {lang === 'en' ? 'NL' : 'EN'}
        </button>
        <ConnectionBadge />
      </header>
      <TaskStrip />
      <FacilitatorBar />
      <main className="board-body" aria-label={t('mainLabel')}>
        <BoardCanvas />
        <NoteEditor />
        <AreaNameEditor />
        <ClusterLabelEditor />
        <ConnectorLabelEditor />
        {(synced || localLoaded) && empty && <p className="empty-hint">{t('emptyBoard')}</p>}
        {connecting && <p className="connect-hint" role="status">{t('connectHint')}</p>}
        {/* On the projector the toolbar has no editing tools: only the view and the read-only panels. */}
        <Toolbar
          toasts={
            <div className="toasts">
              <MergeToast />
              <UndoToast />
            </div>
          }
        />
        {!projector && <BoardCorner />}
        {projector && <ProjectorJoin boardId={session.boardId} token={session.token} />}
        {projector && <ProjectorSummary />}
        {projector && <ProjectorProgress />}
        {projector && <GroupLegend />}
        {panelOpen && (
          <Suspense fallback={null}>
            <SidePanel myName={name} boardId={session.boardId} token={session.token} />
          </Suspense>
        )}
        <VoteBanner />
        <ReadyPrompt />
        <GroupPicker />
        <Notice />
        {/* Last, so that it is above every other overlay: nothing else can be done until it is answered. */}
        <ConflictDialog boardId={session.boardId} />
      </main>
      <Announcer />
    </div>
  );
}

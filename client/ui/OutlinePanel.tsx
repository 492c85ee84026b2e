/**
 * The outline: the board as a structured list for reading and for the keyboard. Each area is a
 * section; in it each cluster (a heading with its note and dot counts) lists its notes, then the notes
 * in no cluster; each note shows its dots and stakeholder group, and has a box that selects it on the
 * board (several can be ticked, then clustered from the selection bar). The stakeholder groups close it.
 *
 * Why: the canvas is visual; a screen-reader or keyboard user reads and selects the same content here,
 * in the same reading order as Tab on the board.
 */
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { activeGroups, areaName, isPrivateFrom, type Note } from '../../shared/index.ts';
import { translate, useLangValue, useT, type Lang } from '../i18n/i18n.ts';
import { visibleDotColors } from '../store/cocreationSelectors.ts';
import { clusterView } from '../store/derived.ts';
import { useStore, type StoreState } from '../store/store.ts';
import { centerOn, select, toggleSelected, togglePanel } from '../store/ui.ts';
import { areaOf, inRows, readingOrder } from '../tools/readingOrder.ts';
import { Panel } from './Panel.tsx';

/** One area's part of the outline (or the part in no area). */
interface Block {
  key: string;
  title: string;
  clusters: { id: string; label: string; notes: Note[] }[];
  loose: Note[];
}

/** The outline's blocks: areas in reading order, each with its clusters and loose notes. */
function blocksOf(s: Pick<StoreState, 'notes' | 'noteIds' | 'areas' | 'areaIds' | 'clusters'>, lang: Lang, untitled: string, noArea: string, clusterDefault: string): Block[] {
  const notes = s.noteIds.map((id) => s.notes[id]!).filter(Boolean);
  const areas = s.areaIds.map((id) => s.areas[id]!).filter(Boolean);
  const view = clusterView(s as StoreState);
  const blocks = new Map<string, Block>(inRows(areas).map((a) => [a.id, { key: a.id, title: areaName(a, lang) || untitled, clusters: [], loose: [] }]));
  blocks.set('', { key: '', title: noArea, clusters: [], loose: [] });
  const clusterBlock = new Map<string, Block['clusters'][number]>();
  for (const id of readingOrder(notes, areas)) {
    const n = s.notes[id]!;
    const block = blocks.get(areaOf(n, areas)?.id ?? '')!;
    const cluster = view.noteCluster[id];
    if (!cluster) {
      block.loose.push(n);
      continue;
    }
    // A cluster is listed once, in the area of its first note in reading order.
    let entry = clusterBlock.get(cluster);
    if (!entry) {
      entry = { id: cluster, label: s.clusters[cluster]?.label || clusterDefault, notes: [] };
      clusterBlock.set(cluster, entry);
      block.clusters.push(entry);
    }
    entry.notes.push(n);
  }
  return [...blocks.values()].filter((b) => b.key !== '' || b.loose.length + b.clusters.length > 0);
}

/** The outline panel (see the module comment). */
export function OutlinePanel() {
  const t = useT();
  const count = useStore((s) => s.noteIds.length);
  const lang = useLangValue();
  // Re-derived when notes, areas, clusters or the language change (not on cursors or the viewport).
  const board = useStore(useShallow((s) => ({ notes: s.notes, noteIds: s.noteIds, areas: s.areas, areaIds: s.areaIds, clusters: s.clusters })));
  const blocks = useMemo(
    () => blocksOf(board, lang, translate(lang, 'untitledArea'), translate(lang, 'noArea'), translate(lang, 'clusterDefault')),
    [board, lang],
  );
  const groups = useStore(useShallow((s) => activeGroups(s.groups)));
  const selected = useStore((s) => s.selection.filter((id) => id in s.notes).length);
  return (
    <Panel title={`${t('outline')} · ${count === 1 ? t('oneNote') : t('notesOnBoard', count)}`} onClose={() => togglePanel('outline')}>
      <p className="hint">{selected > 0 ? t('outlineSelected', selected) : ''}</p>
      <div className="outline">
        {blocks.map((b) => (
          <section key={b.key || 'none'} aria-labelledby={`outline-${b.key || 'none'}`}>
            <h3 id={`outline-${b.key || 'none'}`}>{b.title}</h3>
            {b.clusters.length > 0 && (
              <ul>
                {b.clusters.map((c) => (
                  <li key={c.id}>
                    <h4>
                      {t('outlineClusterHeading', c.label)} <Counts itemId={c.id} notes={c.notes.length} noteIds={c.notes.map((n) => n.id)} />
                    </h4>
                    <NoteList notes={c.notes} />
                  </li>
                ))}
              </ul>
            )}
            {b.loose.length > 0 && b.clusters.length > 0 && <h4>{t('outlineOtherNotes')}</h4>}
            <NoteList notes={b.loose} />
          </section>
        ))}
        {groups.length > 0 && <GroupList groups={groups} />}
      </div>
    </Panel>
  );
}

/** "3 notes · 2 dots" after a cluster's name (its own dots and its notes'). */
function Counts({ itemId, notes, noteIds }: { itemId: string; notes: number; noteIds: string[] }) {
  const t = useT();
  const dots = useStore((s) => [itemId, ...noteIds].reduce((sum, id) => sum + visibleDotColors(s, id).length, 0));
  return (
    <span className="outline-meta">
      ({t('outlineNotes', notes)}
      {dots > 0 ? ` · ${t('outlineDots', dots)}` : ''})
    </span>
  );
}

function NoteList({ notes }: { notes: Note[] }) {
  if (notes.length === 0) return null;
  return (
    <ul>
      {notes.map((n) => (
        <NoteItem key={n.id} note={n} />
      ))}
    </ul>
  );
}

/**
 * One note: a box that selects it (with others), its text (shows it on the board), dots and group.
 * Memoised: someone typing in one note re-renders that note's item, not every item of a big board.
 */
const NoteItem = memo(function NoteItem({ note: n }: { note: Note }) {
  const t = useT();
  const text = useStore((s) => (isPrivateFrom(n, s.me, s.facilitation.privateWriting) ? t('privateNote') : n.text || t('emptyNote')));
  const checked = useStore((s) => s.selection.includes(n.id));
  const dots = useStore((s) => visibleDotColors(s, n.id).length);
  const group = useStore((s) => (n.groupId ? (s.groups.find((g) => g.id === n.groupId)?.name ?? '') : ''));
  return (
    <li className="outline-item">
      <input type="checkbox" checked={checked} aria-label={t('outlineSelect', text)} onChange={() => toggleSelected(n.id)} />
      <button
        type="button"
        className="outline-note"
        onClick={() => {
          centerOn({ x: n.x + n.w / 2, y: n.y + n.h / 2 });
          select([n.id]);
        }}
      >
        {text}
      </button>
      {(dots > 0 || group) && (
        <span className="outline-meta">
          {[dots > 0 ? t('outlineDots', dots) : '', group ? t('outlineByGroup', group) : ''].filter(Boolean).join(' · ')}
        </span>
      )}
    </li>
  );
});

/** The stakeholder groups, each with how many notes carry it. */
function GroupList({ groups }: { groups: ReturnType<typeof activeGroups> }) {
  const t = useT();
  const counts = useStore(useShallow((s) => groups.map((g) => s.noteIds.filter((id) => s.notes[id]?.groupId === g.id).length)));
  return (
    <section aria-labelledby="outline-groups">
      <h3 id="outline-groups">{t('outlineGroupsHeading')}</h3>
      <ul>
        {groups.map((g, i) => (
          <li key={g.id} className="outline-item">
            <span className="swatch-dot" style={{ background: g.color }} aria-hidden="true" /> {g.name}{' '}
            <span className="outline-meta">({t('outlineNotes', counts[i] ?? 0)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

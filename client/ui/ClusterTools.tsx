/**
 * The selection bar's cluster buttons: make a cluster of the selected notes, take notes out of their
 * cluster, and for selected clusters rename, merge, dissolve (asking first), and where groups stand.
 *
 * Why: clustering is the main work of the afternoon; every step must be one tap away on a tablet,
 * and dissolving a cluster that carries dots and stances asks before it lets them stop counting.
 */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n/i18n.ts';
import { clusterView } from '../store/derived.ts';
import { useStore } from '../store/store.ts';
import { attempt, select, togglePanel } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';
import { Icon } from './icons.tsx';

export function ClusterTools() {
  const t = useT();
  const actions = useActions();
  const notes = useStore(useShallow((s) => s.selection.filter((id) => id in s.notes)));
  const clusters = useStore(useShallow((s) => s.selection.filter((id) => id in s.clusters)));
  const clustered = useStore(useShallow((s) => notes.filter((id) => id in clusterView(s).noteCluster)));
  const panel = useStore((s) => s.panel);
  const single = notes.length + clusters.length === 1;
  return (
    <>
      {notes.length > 0 && (
        <button type="button" className="tool" onPointerDown={(e) => e.preventDefault()} onClick={() => {
          const id = attempt(() => actions.makeCluster(notes, ''));
          if (id) {
            select([id]);
            useStore.setState({ editingCluster: id });
          }
        }}>
          <Icon name="cluster" /> {t('makeCluster')}
        </button>
      )}
      {clustered.length > 0 && (
        <button type="button" className="tool" onPointerDown={(e) => e.preventDefault()} onClick={() => attempt(() => actions.setNotesCluster(new Map(clustered.map((id) => [id, null]))))}>
          {t('removeFromCluster')}
        </button>
      )}
      {clusters.length === 1 && notes.length === 0 && (
        <button type="button" className="tool" onPointerDown={(e) => e.preventDefault()} onClick={() => useStore.setState({ editingCluster: clusters[0]! })}>
          {t('renameCluster')}
        </button>
      )}
      {clusters.length >= 2 && (
        <button type="button" className="tool" onPointerDown={(e) => e.preventDefault()} onClick={() => {
          const [into, ...rest] = clusters;
          for (const from of rest) attempt(() => actions.mergeClusters(from, into!));
          select([into!]);
        }}>
          {t('mergeClusters')}
        </button>
      )}
      {clusters.length > 0 && (
        <button type="button" className="tool" onPointerDown={(e) => e.preventDefault()} onClick={() => {
          const s = useStore.getState();
          for (const id of clusters) {
            const label = s.clusters[id]?.label || t('clusterDefault');
            const marked = s.dots.some((d) => d.itemId === id) || s.stances.some((x) => x.itemId === id) || s.outcomes.some((o) => o.itemId === id);
            if (marked && !window.confirm(t('confirmDissolve', label))) continue;
            attempt(() => actions.dissolveCluster(id));
          }
        }}>
          {t('dissolveCluster')}
        </button>
      )}
      {single && (
        <button type="button" className="tool" aria-pressed={panel === 'commonGround'} onPointerDown={(e) => e.preventDefault()} onClick={() => panel !== 'commonGround' && togglePanel('commonGround')}>
          <Icon name="handshake" /> {t('commonGround')}
        </button>
      )}
    </>
  );
}

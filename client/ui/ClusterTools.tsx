/**
 * The selection bar's cluster buttons: make a cluster of the selected notes, take notes out of their
 * cluster, and for selected clusters rename, merge, dissolve (asking first), and where groups stand.
 *
 * Why: clustering is the main work of the afternoon; every step must be one tap away on a tablet,
 * and dissolving a cluster with dots and stances on it asks before it lets them stop counting.
 */
import { useLangValue, useT } from '../i18n/i18n.ts';
import { mayChangeCluster } from '../store/clusterRights.ts';
import { clusterView } from '../store/derived.ts';
import { useMayUse } from '../store/participantTools.ts';
import { useStore } from '../store/store.ts';
import { editCluster, togglePanel } from '../store/ui.ts';
import { clusterSelection, dissolveSelectedClusters, mergeSelectedClusters, unclusterSelection } from '../tools/clusterCommands.ts';
import { useActions } from '../sync/sessionContext.ts';
import { Icon } from './icons.tsx';

/** The cluster buttons that fit the selection. */
export function ClusterTools() {
  const t = useT();
  const lang = useLangValue();
  const actions = useActions();
  const notes = useStore((s) => s.selection.filter((id) => id in s.notes).length);
  const clusters = useStore((s) => s.selection.filter((id) => id in s.clusters).length);
  // Renaming, merging away and dissolving are the facilitator's and the cluster's maker's.
  const mine = useStore((s) => s.selection.filter((id) => id in s.clusters && mayChangeCluster(s, id)).length);
  const clustered = useStore((s) => s.selection.filter((id) => id in clusterView(s).noteCluster).length);
  const panel = useStore((s) => s.panel);
  const single = notes + clusters === 1;
  const mayCluster = useMayUse('clusters');
  const button = (label: string, onClick: () => void, icon?: React.ReactNode, pressed?: boolean) => (
    <button type="button" className="tool" aria-pressed={pressed} onPointerDown={(e) => e.preventDefault()} onClick={onClick}>
      {icon} {label}
    </button>
  );
  return (
    <>
      {mayCluster && (
        <>
          {notes > 0 && button(t('makeCluster'), () => clusterSelection(actions), <Icon name="cluster" />)}
          {clustered > 0 && button(t('removeFromCluster'), () => unclusterSelection(actions))}
          {clusters === 1 && mine === 1 && notes === 0 && button(t('renameCluster'), () => editCluster(useStore.getState().selection[0]!))}
          {clusters >= 2 && mine === clusters && button(t('mergeClusters'), () => mergeSelectedClusters(actions))}
          {clusters > 0 && mine === clusters && button(t('dissolveCluster'), () => dissolveSelectedClusters(actions, lang))}
          {clusters > 0 && mine < clusters && <span className="cluster-not-yours">{t('clusterNotYours')}</span>}
        </>
      )}
      {single && button(t('commonGround'), () => panel !== 'commonGround' && togglePanel('commonGround'), <Icon name="handshake" />, panel === 'commonGround')}
    </>
  );
}

/**
 * Who may rename, merge away or dissolve a cluster on this screen: the facilitator, and whoever made
 * the cluster. Everyone may still put notes into a cluster and take them out.
 *
 * Why: the server refuses anyone else's change to a cluster (and this device would then have to start
 * again from the board); the controls for it are shown only to those it would accept them from.
 */
import type { StoreState } from './store.ts';

/** Whether I may rename, merge away or dissolve cluster `id`. */
export function mayChangeCluster(s: Pick<StoreState, 'me' | 'clusters'>, id: string): boolean {
  if (s.me.role === 'facilitator') return true;
  const maker = s.clusters[id]?.createdBy;
  return typeof maker === 'string' && maker !== '' && maker === s.me.id;
}

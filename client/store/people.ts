/**
 * The named changes of who is on the board: who I am, the others present (from awareness), and
 * whether this screen follows the facilitator's view.
 *
 * Why: the session, presence and the header change these; everything else only reads them. Each is
 * one store update, named for what happened.
 */
import { useStore, type MeSlice, type Peer } from './store.ts';

/** Who I am on the board just opened. A projector link's screen is view-only. */
export function setMe(me: MeSlice['me']): void {
  useStore.setState({ readOnly: me.role === 'projector', me });
}

/** My stakeholder group (`''`: I said I am in none). */
export function setMyGroupId(groupId: string): void {
  useStore.setState((s) => ({ me: { ...s.me, groupId } }));
}

/** The other people on the board, by awareness client id, and the colour of whoever is busy with each note or area. */
export function setPeers(peers: Record<number, Peer>, busy: Record<string, string>): void {
  useStore.setState({ peers, busy });
}

/** Follow the facilitator's view, or stop following. */
export function setFollowing(on: boolean): void {
  useStore.setState({ following: on });
}

/**
 * How many sockets a board has open, asked of whichever process serves it.
 *
 * Why: the facilitator's "who is connected" counts the board's sockets, and with several processes
 * they are all at the board's owner, while the facilitator's request may land on any process. A
 * process that does not hold the board asks the owner named in its lease (with the facilitator's own
 * token, which the owner checks), or answers zeros when nobody serves the board now.
 */
import type { ConnectionsAnswer, Role } from '../../shared/index.ts';
import type { LeaseStore } from '../persistence/store.ts';

type Counts = Record<Role, number>;

const NONE: Counts = { facilitator: 0, participant: 0, projector: 0 };

/** The board's socket counts: `local` when it is served here, else the owner's answer. */
export async function ownerCounts(
  leases: Pick<LeaseStore, 'leaseOwner'>,
  nodeId: string,
  boardId: string,
  token: string | null,
  local: (boardId: string) => Counts | undefined,
): Promise<Counts> {
  const here = local(boardId);
  if (here) return here;
  const owner = await leases.leaseOwner(boardId);
  if (!owner || owner.nodeId === nodeId) return NONE;
  const res = await fetch(`${owner.nodeUrl}/api/boards/${encodeURIComponent(boardId)}/connections`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(2_000),
  });
  if (!res.ok) throw new Error(`the board's server answered ${res.status}`);
  return ((await res.json()) as ConnectionsAnswer).connections;
}

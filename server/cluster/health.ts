/**
 * `/healthz`: whether this process can serve boards, and which engines it reaches.
 *
 * Why: a load balancer in front of several processes asks each one whether to send it clients, and an
 * operator asks which engine is failing. Storage is what a board cannot do without, so a process that
 * cannot reach it answers 503; Redis only coordinates (each process goes on without it), so a Redis
 * that is down is reported but the process stays in service. The answer keeps `status: "ok"` for
 * tools that read only that.
 */
import { isLeaseStore, type BoardStore } from '../persistence/store.ts';
import type { Cluster } from './cluster.ts';

/** How long the storage check may take before storage counts as unreachable. */
const STORAGE_CHECK_MS = 2_000;

export interface HealthAnswer {
  readonly httpStatus: 200 | 503;
  readonly body: {
    readonly status: 'ok' | 'unavailable';
    readonly storage: { readonly engine: BoardStore['engine']; readonly reachable: boolean };
    readonly redis?: 'ok' | 'down';
    readonly node?: string;
  };
}

/** Asks the engines; never throws. */
export async function health(store: BoardStore, cluster: Cluster | undefined): Promise<HealthAnswer> {
  const reachable = await storageAnswers(store);
  return {
    httpStatus: reachable ? 200 : 503,
    body: {
      status: reachable ? 'ok' : 'unavailable',
      storage: { engine: store.engine, reachable },
      ...(cluster ? { redis: cluster.node.status(), node: cluster.nodeId } : {}),
    },
  };
}

async function storageAnswers(store: BoardStore): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), STORAGE_CHECK_MS)));
  const ask = (isLeaseStore(store) ? store.dbTime() : store.countBoards()).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ask, late]);
  } finally {
    clearTimeout(timer);
  }
}

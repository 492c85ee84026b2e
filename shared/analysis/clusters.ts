/**
 * The rules of clusters, as pure functions of plain records: which cluster a note is really in, the
 * members and outline of each cluster, what a drop does to membership, and whole-system coverage.
 *
 * Why: membership is a field of the note (last writer wins per note), and clusters that were merged
 * or dissolved resolve here, the same way on every device and on the server, whatever order the
 * changes arrived in: no note is ever in two clusters, and a cluster without members draws nothing.
 */
import type { Cluster, StakeholderGroup } from '../model/cocreation.ts';
import type { Note } from '../model/records.ts';

type ClusterLike = Pick<Cluster, 'id' | 'mergedInto'>;
type Box = { x: number; y: number; w: number; h: number };

/** Space between a cluster's members and its outline, and the height of its label bar. */
export const CLUSTER_PADDING = 24;
export const CLUSTER_LABEL_HEIGHT = 40;

/**
 * The cluster that `id` stands for now: follows `mergedInto` to the end. A chain that reaches a
 * cluster that no longer exists (dissolved) gives `null`. A cycle (two clusters merged into each
 * other at the same time on two devices) resolves to the smallest id in the cycle, on every device.
 */
export function resolveCluster(id: string | null, clusters: ReadonlyMap<string, ClusterLike>): string | null {
  const seen: string[] = [];
  let cur = id;
  while (cur !== null) {
    const c = clusters.get(cur);
    if (!c) return null;
    if (seen.includes(cur)) {
      const cycle = seen.slice(seen.indexOf(cur));
      return cycle.reduce((a, b) => (b < a ? b : a));
    }
    seen.push(cur);
    if (c.mergedInto === null) return cur;
    cur = c.mergedInto;
  }
  return null;
}

/** When something was last merged into each cluster (directly or through a chain), by resolved id. */
export function lastMergeTimes(clusters: ReadonlyMap<string, ClusterLike & { mergedAt?: number | null }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of clusters.values()) {
    if (c.mergedInto === null || c.mergedAt == null) continue;
    const root = resolveCluster(c.id, clusters);
    if (root !== null && root !== c.id) out.set(root, Math.max(out.get(root) ?? -Infinity, c.mergedAt));
  }
  return out;
}

/** Index of clusters by id, for `resolveCluster`. */
export function clusterIndex<C extends ClusterLike>(clusters: Iterable<C>): Map<string, C> {
  const map = new Map<string, C>();
  for (const c of clusters) map.set(c.id, c);
  return map;
}

/** Member note ids of each live cluster (only clusters with at least one member appear), in note order. */
export function clusterMembers(
  notes: Iterable<Pick<Note, 'id' | 'clusterId'>>,
  clusters: ReadonlyMap<string, ClusterLike>,
): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const n of notes) {
    const root = resolveCluster(n.clusterId, clusters);
    if (root === null) continue;
    const list = members.get(root);
    if (list) list.push(n.id);
    else members.set(root, [n.id]);
  }
  return members;
}

/** The outline around a cluster's members (label bar included), or `null` without members. */
export function clusterBounds(members: ReadonlyArray<Box>): Box | null {
  if (members.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const m of members) {
    x0 = Math.min(x0, m.x);
    y0 = Math.min(y0, m.y);
    x1 = Math.max(x1, m.x + m.w);
    y1 = Math.max(y1, m.y + m.h);
  }
  const p = CLUSTER_PADDING;
  return { x: x0 - p, y: y0 - p - CLUSTER_LABEL_HEIGHT, w: x1 - x0 + 2 * p, h: y1 - y0 + 2 * p + CLUSTER_LABEL_HEIGHT };
}

/**
 * What a drop of notes does to their clusters: for each dragged note whose cluster changes, its new
 * cluster (or `null` for none). A clustered note dropped with its centre inside its cluster's outline
 * as it was before the drag stays (nudging a note inside its cluster keeps it there). Otherwise a note
 * whose centre lands inside another cluster's outline joins it (outlines computed without the dragged
 * notes, the newest cluster winning where they overlap), and a clustered note dropped anywhere else
 * leaves its cluster. Dragging every member of a cluster moves the cluster and keeps them in it.
 */
export function membershipAfterDrop(
  dragged: ReadonlyArray<Pick<Note, 'id' | 'x' | 'y' | 'w' | 'h'>>,
  notes: ReadonlyArray<Note>,
  clusters: ReadonlyMap<string, ClusterLike & { createdAt: number }>,
): Map<string, string | null> {
  const draggedIds = new Set(dragged.map((d) => d.id));
  const current = new Map(notes.map((n) => [n.id, resolveCluster(n.clusterId, clusters)]));
  const before = new Map<string, Box | null>();
  const stay = new Map<string, Note[]>();
  const movingAll = new Set<string>();
  for (const [root, ids] of clusterMembers(notes, clusters)) {
    const members = notes.filter((n) => ids.includes(n.id));
    before.set(root, clusterBounds(members));
    const rest = members.filter((n) => !draggedIds.has(n.id));
    if (rest.length === 0) movingAll.add(root);
    stay.set(root, rest);
  }
  const outlines = [...stay]
    .map(([id, members]) => ({ id, box: clusterBounds(members), createdAt: clusters.get(id)?.createdAt ?? 0 }))
    .filter((o): o is { id: string; box: Box; createdAt: number } => o.box !== null)
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  const inside = (box: Box, cx: number, cy: number) => cx >= box.x && cx <= box.x + box.w && cy >= box.y && cy <= box.y + box.h;
  const out = new Map<string, string | null>();
  for (const d of dragged) {
    const was = current.get(d.id) ?? null;
    if (was !== null && movingAll.has(was)) continue;
    const cx = d.x + d.w / 2;
    const cy = d.y + d.h / 2;
    const own = was !== null ? before.get(was) : null;
    if (own && inside(own, cx, cy)) continue;
    const hit = outlines.find((o) => o.id !== was && inside(o.box, cx, cy));
    const next = hit ? hit.id : null;
    if (next !== was) out.set(d.id, next);
  }
  return out;
}

/** Which stakeholder groups have spoken in a cluster, and which are missing (the whole system should be heard). */
export interface Coverage {
  /** Active group ids with at least one note in the cluster, in legend order. */
  readonly present: string[];
  /** Active group ids without a note in the cluster, in legend order. */
  readonly missing: string[];
  /** Notes per group id (`''` for notes whose author picked no group or an archived one). */
  readonly notesByGroup: Record<string, number>;
  /** present / active groups, 0 when the board has no groups. */
  readonly ratio: number;
}

/** The coverage of a set of notes by the board's active stakeholder groups. */
export function coverageOf(members: ReadonlyArray<Pick<Note, 'groupId'>>, groups: ReadonlyArray<StakeholderGroup>): Coverage {
  const active = activeGroups(groups);
  const activeIds = new Set(active.map((g) => g.id));
  const notesByGroup: Record<string, number> = {};
  for (const m of members) {
    const key = m.groupId !== null && activeIds.has(m.groupId) ? m.groupId : '';
    notesByGroup[key] = (notesByGroup[key] ?? 0) + 1;
  }
  const present = active.filter((g) => (notesByGroup[g.id] ?? 0) > 0).map((g) => g.id);
  const missing = active.filter((g) => !(notesByGroup[g.id] ?? 0)).map((g) => g.id);
  return { present, missing, notesByGroup, ratio: active.length ? present.length / active.length : 0 };
}

/** The groups that count as present on the board: not archived, in legend order. */
export function activeGroups(groups: ReadonlyArray<StakeholderGroup>): StakeholderGroup[] {
  return groups.filter((g) => !g.archived).sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

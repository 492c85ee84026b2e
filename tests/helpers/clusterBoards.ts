/**
 * Boards, clients and the stored copy in a test cluster: what the multi-server tests and stress runs
 * measure with (who owns a board, what PostgreSQL holds, whether the clients agree).
 *
 * Why: "nothing lost" in a fault means something precise: every Yjs item a client had received from
 * another client (it went through the owner, which persists before it broadcasts) is in PostgreSQL,
 * read straight from the database before anyone reconnects; and once everyone is back, every item any
 * client held is. These helpers count the items missing, in clock units, as the crash trials do.
 */
import * as Y from 'yjs';
import { createNote, listNotes, moveNotes, ORIGIN, setNoteText, type CreatedBoard } from '../../shared/index.ts';
import { openPgStore, type PgStore } from '../../server/persistence/pgStore.ts';
import { connectClient, type TestClient } from './clients.ts';
import type { ClusterNode, TestCluster } from './cluster.ts';

let boardsMade = 0;

/**
 * Creates a board through `url`, as asked from an address of its own (`X-Forwarded-For`, believed
 * when the nodes trust 127.0.0.1 as a proxy), so that no test spends another's new-board budget.
 */
export async function newBoard(url: string, title: string, address = `10.77.${Math.floor(++boardsMade / 250)}.${boardsMade % 250}`): Promise<CreatedBoard> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`create board answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as CreatedBoard;
}

/** A connection of the test's own to the cluster's database, to read what is stored and who owns what. */
export function inspectDatabase(databaseUrl: string): Promise<PgStore> {
  return openPgStore(databaseUrl, { maxConnections: 2, timeoutMs: 5_000 });
}

/** The state vector of the board as PostgreSQL holds it now (snapshot and log). */
export async function storedVector(store: PgStore, boardId: string): Promise<Map<number, number>> {
  return Y.decodeStateVector(Y.encodeStateVector(await storedDoc(store, boardId)));
}

/** The board's document as PostgreSQL holds it now. */
export async function storedDoc(store: PgStore, boardId: string): Promise<Y.Doc> {
  const stored = await store.loadDocument(boardId);
  const doc = new Y.Doc();
  if (stored.state) Y.applyUpdate(doc, stored.state);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

/** The node of `cluster` that holds the board's live lease, or undefined. */
export async function ownerOf(cluster: TestCluster, store: PgStore, boardId: string): Promise<ClusterNode | undefined> {
  const owner = await store.leaseOwner(boardId);
  return cluster.nodes.find((n) => n.id === owner?.nodeId);
}

/** What a client holds: its own client ID and its state vector. */
export interface Held {
  readonly own: number;
  readonly sv: Map<number, number>;
}

/** What each client holds now. */
export function holdings(clients: readonly TestClient[]): Held[] {
  return clients.map((c) => ({ own: c.doc.clientID, sv: Y.decodeStateVector(Y.encodeStateVector(c.doc)) }));
}

/**
 * Items some client held that `stored` lacks, in clock units; with `ownToo` false, only what a client
 * had received from others (its own edits may not have reached the server yet).
 */
export function missingItems(held: readonly Held[], stored: Map<number, number>, ownToo: boolean): number {
  let missing = 0;
  for (const { own, sv } of held) {
    for (const [client, clock] of sv) {
      if (!ownToo && client === own) continue;
      missing += Math.max(0, clock - (stored.get(client) ?? 0));
    }
  }
  return missing;
}

/** `n` stock clients on the board through `url` (the balancer spreads them over the nodes). */
export function connectMany(url: string, boardId: string, token: string, n: number): TestClient[] {
  return Array.from({ length: n }, () => connectClient(url, boardId, token));
}

const snapshotOf = (doc: Y.Doc) => Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64');

/** Whether every client is connected, synced and holds the same document. */
export function converged(clients: readonly TestClient[]): boolean {
  if (!clients.every((c) => c.provider.wsconnected && c.provider.synced)) return false;
  return new Set(clients.map((c) => snapshotOf(c.doc))).size === 1;
}

/** Milliseconds until `check` holds (polled every 25 ms), or undefined after `ms`. */
export async function timeUntil(check: () => boolean | Promise<boolean>, ms: number): Promise<number | undefined> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > ms) return undefined;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Milliseconds until a fresh client through `url` is served the board (synced); undefined after `ms`.
 * Another client joins every `attemptMs` while none is served (a socket tunnelled to a frozen owner
 * hangs rather than fails), and the earlier ones keep trying, so a slow first sync is not cut short.
 */
export async function timeUntilServed(url: string, boardId: string, token: string, ms: number, attemptMs = 2_000): Promise<number | undefined> {
  const started = performance.now();
  const probes: TestClient[] = [];
  try {
    while (performance.now() - started < ms) {
      probes.push(connectClient(url, boardId, token));
      const left = ms - (performance.now() - started);
      if ((await timeUntil(() => probes.some((p) => p.provider.synced), Math.min(attemptMs, left))) !== undefined) return performance.now() - started;
    }
    return undefined;
  } finally {
    for (const p of probes) p.destroy();
  }
}

/** Clients editing at random (new notes, moves, text), each about `perSecond` times a second (connected or not), until stopped. */
export function startEditing(clients: readonly TestClient[], tag: string, perSecond = 3): { stop(): void; edits(): number } {
  let edits = 0;
  const timer = setInterval(() => {
    for (const c of clients) {
      if (Math.random() > perSecond / 10) continue; // offline too: what a cut-off client writes must arrive later
      const notes = listNotes(c.doc);
      const target = notes[Math.floor(Math.random() * notes.length)];
      const roll = Math.random();
      if (roll < 0.4 || !target) createNote(c.doc, { text: tag, x: Math.random() * 4000, y: Math.random() * 4000, authorId: tag }, ORIGIN.local);
      else if (roll < 0.8) moveNotes(c.doc, [{ id: target.id, x: Math.random() * 4000, y: Math.random() * 4000 }], ORIGIN.local);
      else setNoteText(c.doc, target.id, `${tag} ${edits}`, ORIGIN.local);
      edits++;
    }
  }, 100);
  return { stop: () => clearInterval(timer), edits: () => edits };
}

/** Percentile `p` (0-1) of `values` (0 for none). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * The soak's memory yardsticks: a board seeded with a conference's notes, the heap a board costs per
 * item when it is fresh, and the three verdicts the soak is held to.
 *
 * Why: every edit grows a Yjs document for good, so a soak whose edits grow the board cannot keep
 * memory flat, and "RSS within 5 %" cannot hold on any Yjs server. What tells growth from a leak is
 * the heap per new item: a leak of a few bytes per message adds to it over a long run, the board alone
 * does not. The yardstick is taken from the same kind of server process (the bundled server, heap
 * read after a full collection through the inspector), on a fresh board grown by the same kind of
 * edits over the same range of items, so the only differences left are time, cursors and connections
 * held for long: the things a leak would come from. An in-process Y.Doc would leave out what the
 * server keeps beside the document (its update log, its encodings), which the soak's figure includes.
 */
import * as Y from 'yjs';
import { createNote, ORIGIN } from '../../shared/index.ts';
import { loadProcess } from '../../bench/loadProcess.ts';
import { startOlifant, type BenchServer } from '../../bench/peers.ts';
import { readMetrics } from '../../bench/stats.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts';

/** Notes on a conference's board: the large board of docs/performance.md, what several hundred people write over days. */
export const CONFERENCE_NOTES = 5000;
/** The server's RSS ceiling (MiB) while it holds a conference's board under the soak's load (see docs/reliability.md). */
export const RSS_CEILING_MIB = 320;
/** How far the soak's heap per new item may exceed a fresh board's. */
export const PER_ITEM_TOLERANCE = 0.1;

export type Room = Awaited<ReturnType<BenchServer['room']>>;

/** Structs (items and tombstones) in a document. */
export const itemsIn = (doc: Y.Doc) => [...doc.store.clients.values()].reduce((n, structs) => n + structs.length, 0);

/** The HTTP base of a room's server. */
export const baseOf = (room: Room) => room.url.replace(/^ws/, 'http').replace(/\/ws$/, '');

/** Puts `notes` notes on the room's board in one update, as the facilitator, and waits until the server has them. */
export async function seedNotes(room: Room, notes: number): Promise<void> {
  if (notes <= 0) return;
  const seeder = connectClient(baseOf(room), room.room, room.setupParams!.token!);
  try {
    await waitFor(() => seeder.provider.synced, 'the seeding client');
    seeder.doc.transact(() => {
      for (let i = 0; i < notes; i++) createNote(seeder.doc, { text: `note ${i}`, x: (i % 100) * 120, y: Math.floor(i / 100) * 120, authorId: 'seed' }, ORIGIN.local);
    });
    const observer = connectClient(baseOf(room), room.room, room.params.token!);
    try {
      await waitFor(() => observer.provider.synced && observer.doc.getMap('notes').size >= notes, 'the seed notes on the server', 60_000);
    } finally {
      observer.destroy();
    }
  } finally {
    seeder.destroy();
  }
}

/** The server's heap after a full collection (bytes), and the board's items as `observer` holds them. */
export async function heapAndItems(server: BenchServer, room: Room, observer: TestClient): Promise<{ heapBytes: number; items: number }> {
  await server.collectGarbage!();
  return { heapBytes: (await readMetrics(baseOf(room))).get('olifant_process_nodejs_heap_size_used_bytes') ?? 0, items: itemsIn(observer.doc) };
}

export interface PerItem {
  readonly heapStartMiB: number;
  readonly heapEndMiB: number;
  readonly itemsStart: number;
  readonly itemsEnd: number;
  /** Heap after a full collection gained per item the board gained. */
  readonly bytesPerItem: number;
}

export const perItem = (start: { heapBytes: number; items: number }, end: { heapBytes: number; items: number }): PerItem => ({
  heapStartMiB: start.heapBytes / 2 ** 20,
  heapEndMiB: end.heapBytes / 2 ** 20,
  itemsStart: start.items,
  itemsEnd: end.items,
  bytesPerItem: (end.heapBytes - start.heapBytes) / (end.items - start.items),
});

export interface FreshBoardOptions {
  readonly clients: number;
  /** The range of items to measure over: the soak's items at its first and last heap reading. */
  readonly fromItems: number;
  readonly toItems: number;
  /** Each client's moves (ms apart): faster than the soak, since time is not what is measured. */
  readonly moveEveryMs?: number;
}

/**
 * A fresh server and board, grown by the soak's moves (cursor-free, in the same four
 * load processes) from `fromItems` to `toItems`: heap after a full collection at both, per item.
 */
export async function freshBoardPerItem({ clients, fromItems, toItems, moveEveryMs = 500 }: FreshBoardOptions): Promise<PerItem> {
  const server = await startOlifant({}, true);
  let observer: TestClient | undefined;
  try {
    const room = await server.room('Fresh board');
    observer = connectClient(baseOf(room), room.room, room.params.token!);
    await waitFor(() => observer!.provider.synced, 'the observer', 60_000);
    const itemsPerSecond = (2 * clients * 1000) / moveEveryMs; // a move sets x and y: two items
    const seconds = Math.ceil((toItems - itemsIn(observer.doc)) / itemsPerSecond / 0.8) + 10;
    const parts = 4;
    let loadsDone = false;
    const loads = Promise.all(
      Array.from({ length: parts }, (_, w) =>
        loadProcess({ rooms: [room], clientsPerRoom: clients / parts, roomSize: clients, firstClient: (w * clients) / parts, seconds, cursorHz: 0, moveEveryMs }),
      ),
    ).finally(() => (loadsDone = true));
    loads.catch(() => undefined); // awaited below; a failure surfaces there
    const reach = (items: number) => waitFor(() => loadsDone || itemsIn(observer!.doc) >= items, `${items} items on the fresh board`, (seconds + 180) * 1000);
    await reach(fromItems);
    const start = await heapAndItems(server, room, observer);
    await reach(toItems);
    const end = await heapAndItems(server, room, observer);
    await loads;
    return perItem(start, end);
  } finally {
    observer?.destroy();
    await server.stop();
  }
}

export interface SoakVerdicts {
  readonly memory: { readonly figure: string; readonly holds: boolean };
  readonly latency: { readonly figure: string; readonly holds: boolean };
  readonly rss: { readonly figure: string; readonly holds: boolean };
}

const mib = (n: number) => n.toFixed(1);

/** The restated goal, in three parts, with the figures that decide each. */
export function soakVerdicts(s: {
  soak: PerItem;
  fresh: PerItem | undefined;
  p99StartMs: number;
  p99EndMs: number;
  drops: number;
  serverStallMaxMs: number;
  rssStartMiB: number;
  rssEndMiB: number;
  rssMaxMiB: number;
  boardNotes: number;
}): SoakVerdicts {
  const ratio = s.fresh ? s.soak.bytesPerItem / s.fresh.bytesPerItem : Number.NaN;
  const creepAllowedMs = Math.max(10, 0.5 * s.p99StartMs);
  return {
    memory: {
      figure:
        `${s.soak.bytesPerItem.toFixed(0)} bytes per new item (heap ${mib(s.soak.heapStartMiB)} -> ${mib(s.soak.heapEndMiB)} MiB, items ${s.soak.itemsStart} -> ${s.soak.itemsEnd}); ` +
        (s.fresh ? `a fresh board over the same items ${s.fresh.bytesPerItem.toFixed(0)} (heap ${mib(s.fresh.heapStartMiB)} -> ${mib(s.fresh.heapEndMiB)} MiB): ${ratio.toFixed(2)}x` : 'no fresh board measured'),
      holds: ratio <= 1 + PER_ITEM_TOLERANCE, // less than a fresh board's is no leak
    },
    latency: {
      figure: `p99 ${s.p99StartMs.toFixed(1)} -> ${s.p99EndMs.toFixed(1)} ms (allowed +${creepAllowedMs.toFixed(0)} ms), ${s.drops} drops; the server's longest event-loop stall ${s.serverStallMaxMs.toFixed(0)} ms`,
      holds: s.p99EndMs <= s.p99StartMs + creepAllowedMs && s.drops === 0,
    },
    rss: {
      figure: `with a ${s.boardNotes.toLocaleString('en')}-note board open: highest RSS ${s.rssMaxMiB.toFixed(0)} MiB (median ${s.rssStartMiB.toFixed(0)} -> ${s.rssEndMiB.toFixed(0)} MiB), ceiling ${RSS_CEILING_MIB} MiB`,
      holds: s.rssMaxMiB < RSS_CEILING_MIB,
    },
  };
}

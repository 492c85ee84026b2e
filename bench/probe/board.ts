/**
 * The board a probe room plays on, laid out once through the shared mutations: tables (areas) of ten
 * people, one note per person inside its table, and for the join run a board of thousands of notes.
 * Pushed to the server by one stock y-websocket client with the facilitator's link, then read back by
 * a fresh client, so the run starts only once the server holds all of it.
 *
 * Why: the probes hold no document, so what they need of the board (the ids of each note's current
 * `x` and `y` entries, which their first move replaces) is read here, from the same document the
 * server got.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createArea, createNote, notesMap, ORIGIN } from '../../shared/index.ts';
import type { ProbeSpec } from './config.ts';
import type { StructId } from './wire.ts';

/** Where a room is and how to reach it (what BenchServer.room answers). */
export interface RoomTarget {
  url: string;
  room: string;
  params: Record<string, string>;
  setupParams?: Record<string, string>;
  /** False for the echo relay: it holds no board, so nothing is pushed to it. */
  holdsBoard: boolean;
}

export const PEOPLE_PER_TABLE = 10;

/** The websocket URL of `target` with `params`, as a y-websocket provider builds it. */
export function roomUrl(target: RoomTarget, params = target.params): string {
  const query = new URLSearchParams(params).toString();
  return `${target.url}/${target.room}${query ? `?${query}` : ''}`;
}

function itemId(doc: Y.Doc, noteId: string, key: 'x' | 'y'): StructId {
  const item = (notesMap(doc).get(noteId) as unknown as { _map: Map<string, { id: StructId }> })._map.get(key)!;
  return { client: item.id.client, clock: item.id.clock };
}

/** Lays out `people` tables-and-notes; returns each probe's spec. */
export function crowdBoard(doc: Y.Doc, people: number): ProbeSpec[] {
  const tables = Math.ceil(people / PEOPLE_PER_TABLE);
  const areas: string[] = [];
  const specs: ProbeSpec[] = [];
  doc.transact(() => {
    for (let t = 0; t < tables; t++) areas.push(createArea(doc, { name: `Table ${t + 1}`, x: (t % 6) * 900, y: Math.floor(t / 6) * 700, w: 860, h: 660 }, ORIGIN.local));
    for (let i = 0; i < people; i++) {
      const t = Math.floor(i / PEOPLE_PER_TABLE);
      const k = i % PEOPLE_PER_TABLE;
      const at = { x: (t % 6) * 900 + 40 + (k % 5) * 160, y: Math.floor(t / 6) * 700 + 80 + Math.floor(k / 5) * 260 };
      const id = createNote(doc, { text: `Person ${i + 1}: what we want to keep`, ...at, authorId: `probe-${i}` }, ORIGIN.local);
      specs.push({ index: i, prevX: { client: 0, clock: 0 }, prevY: { client: 0, clock: 0 }, at, place: areas[t]!, noteId: id } as ProbeSpec & { noteId: string });
    }
  }, ORIGIN.local);
  for (const s of specs as (ProbeSpec & { noteId: string })[]) {
    s.prevX = itemId(doc, s.noteId, 'x');
    s.prevY = itemId(doc, s.noteId, 'y');
  }
  return specs;
}

/** Adds `n` notes in tables of 80, a thousand per transaction (under the server's message size limit). */
export function manyNotes(doc: Y.Doc, n: number): void {
  for (let i = 0; i < n; i += 1000) {
    doc.transact(() => {
      for (let j = i; j < Math.min(n, i + 1000); j++) {
        const table = Math.floor(j / 80);
        const k = j % 80;
        createNote(doc, { text: `Table ${table} note ${k}: a perspective on the future of care`, x: (table % 8) * 1600 + (k % 8) * 180, y: Math.floor(table / 8) * 2000 + Math.floor(k / 8) * 180, authorId: 'bench' }, ORIGIN.local);
      }
    }, ORIGIN.local);
  }
}

function provider(target: RoomTarget, doc: Y.Doc, params: Record<string, string>): WebsocketProvider {
  return new WebsocketProvider(target.url, target.room, doc, { params, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
}

async function until(check: () => boolean, what: string, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Sends `doc` to the room's server and waits until a fresh reader sees its notes. Returns a function
 * that disconnects the writer (kept open meanwhile, as a facilitator's page would be, so the board stays
 * loaded).
 */
export async function pushBoard(target: RoomTarget, doc: Y.Doc): Promise<() => void> {
  if (!target.holdsBoard) return () => {};
  const writer = provider(target, doc, target.setupParams ?? target.params);
  await until(() => writer.synced, 'the board writer to sync');
  const reader = new Y.Doc();
  const check = provider(target, reader, target.params);
  const want = notesMap(doc).size;
  await until(() => notesMap(reader).size === want, `the server to hold ${want} notes`);
  check.destroy();
  reader.destroy();
  return () => writer.destroy();
}

/**
 * One flooding client in a working room: it makes 1,000 edits a second (each its own message, as a
 * runaway script or a broken tablet would) while 16 others move their notes once a second and time
 * each other's moves, on Olifant as `npm start` runs it.
 *
 * Why: the per-connection rate limit exists so that one client cannot slow the room down; this shows
 * the others' latency while it works, and what the flooder got through.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { loadProcess } from '../../bench/loadProcess.ts';
import { startOlifant } from '../../bench/peers.ts';
import { readMetrics } from '../../bench/stats.ts';

export interface FloodFigures {
  readonly seconds: number;
  /** Edits the flooder made, and how many reached another client. */
  readonly flooded: number;
  readonly floodArrived: number;
  /** Times the server closed the flooder with 1013 (it reconnected each time). */
  readonly floodClosed: number;
  /** Times the server slowed a connection down (olifant_throttled_total). */
  readonly throttled: number;
  readonly othersP50: number;
  readonly othersP95: number;
  readonly othersDrops: number;
}

export async function runFlood(seconds: number, perSecond = 1000): Promise<FloodFigures> {
  const server = await startOlifant();
  const providers: WebsocketProvider[] = [];
  try {
    const room = await server.room('Flood');
    const connect = () => {
      const provider = new WebsocketProvider(room.url, room.room, new Y.Doc(), {
        params: room.params,
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 500,
      });
      providers.push(provider);
      return provider;
    };
    const flooder = connect();
    const watcher = connect();
    let floodClosed = 0;
    flooder.on('connection-close', (event: CloseEvent | null) => event?.code === 1013 && floodClosed++);
    await new Promise<void>((resolve) => flooder.once('sync', () => resolve()));
    const counter = flooder.doc.getMap<number>('flood');
    let flooded = 0;
    const others = loadProcess({ rooms: [room], clientsPerRoom: 16, seconds, cursorHz: 0 });
    await new Promise((r) => setTimeout(r, 3000)); // the others connect and start moving
    const timer = setInterval(() => {
      for (let i = 0; i < perSecond / 100; i++) counter.set(String(flooded++), flooded);
    }, 10);
    const result = await others;
    clearInterval(timer);
    await new Promise((r) => setTimeout(r, 1000));
    const base = room.url.replace(/^ws/, 'http').replace(/\/ws$/, '');
    const throttled = (await readMetrics(base)).get('olifant_throttled_total') ?? 0;
    return {
      seconds,
      flooded,
      floodArrived: watcher.doc.getMap('flood').size,
      floodClosed,
      throttled,
      othersP50: result.p50!,
      othersP95: result.p95!,
      othersDrops: result.drops!,
    };
  } finally {
    for (const p of providers) p.destroy();
    await server.stop();
  }
}
